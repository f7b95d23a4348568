/**
 * The live Azure reader: AKS clusters and container registries (with each registry's tokens and AcrPull role
 * assignments, and the AKS versions of every cluster region) read from Azure Resource Manager with the Azure
 * SDK, turned into the subjects the offline JSON path makes.
 *
 * Subjects are built from the raw response bodies (each page's text, captured through the SDK's
 * `onResponse` hook), never from the SDK's deserialised models: those flatten `properties` and rename
 * fields, and a live scan must give exactly the verdicts of the recorded ARM JSON.
 *
 * Whatever cannot be read (401/403, a subscription or resource group that does not exist, a network or
 * credential failure) becomes a not-evaluated entry naming the HTTP status, the ARM error code and what
 * could not be read. It is never a pass, and the other subscriptions are still read.
 */
import type { Agent } from 'node:http';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { DefaultAzureCredential, type AccessToken, type GetTokenOptions, type TokenCredential } from '@azure/identity';
import type { AzureSubject } from '../../model/azure.js';
import type { NotEvaluated, ResourceRef } from '../../model/types.js';
import { VERSION } from '../../version.js';
import { ACR_PULL_ROLE_GUID, ACR_TYPE, AKS_TYPE } from '../normalize.js';
import { parseResourceId } from '../resource-id.js';
import { azureAddress, subjectsFromBody, versionsSubjects } from './subjects.js';

export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';
export const LIVE_CONTROL_ID = 'AZURE-LIVE';
export const LIVE_CONTROL_NAME = 'azure-live-read';

/** What the reader reports as it goes; `requestsPlanned` grows as lists reveal registries and regions. */
export interface LiveProgress {
  subscription: string;
  /** 1-based position of `subscription` among the subscriptions to read. */
  subscriptionIndex: number;
  subscriptions: number;
  requestsDone: number;
  requestsPlanned: number;
  /** The read that just finished, e.g. "tokens of registry myRegistry". */
  what: string;
  /** Set once, when a subscription has been read as far as it could be. */
  subscriptionDone?: { clusters: number; registries: number; unreadable: number };
}

export interface LiveReadOptions {
  subscriptions: string[];
  /** Read only this resource group in every subscription. */
  resourceGroup?: string;
  /** Default: `DefaultAzureCredential` (environment, workload identity, managed identity, Azure CLI, …). */
  credential?: TokenCredential;
  /** ARM base URL; default https://management.azure.com (sovereign clouds have their own). */
  endpoint?: string;
  onProgress?: (p: LiveProgress) => void;
  /**
   * An HTTPS agent for every request (its `ca` is how an in-process caller trusts a private CA). Default:
   * Node's global agent, which trusts the system store and NODE_EXTRA_CA_CERTS.
   */
  agent?: Agent;
  /** The SDK's retry policy (429 and 5xx are retried with backoff by default: 3 retries). */
  maxRetries?: number;
  /** How many list reads run at once (default 4). */
  concurrency?: number;
  /** Time limit of each request attempt in ms (default 60 000). */
  timeoutMs?: number;
}

export interface LiveReadResult {
  subjects: AzureSubject[];
  unreadable: NotEvaluated[];
  /** Registries whose token list was read in full (an empty list then means "no tokens", not "not given"). */
  tokenListsRead: string[];
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a read failed, as far as the error says. */
interface ReadFailure {
  status?: number;
  code?: string;
  message: string;
  /** The credential could not produce a token: every other read would fail the same way. */
  credential?: boolean;
}

const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError', 'AuthenticationRequiredError']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'REQUEST_SEND_ERROR', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED']);

function shorten(text: string, max = 600): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function failureOf(e: unknown): ReadFailure {
  const err = (isDict(e) ? e : {}) as { name?: unknown; statusCode?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  const name = typeof err.name === 'string' ? err.name : '';
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (CREDENTIAL_ERRORS.has(name)) return { credential: true, message: `no usable Azure credential (${name}): ${shorten(message)}` };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (typeof err.statusCode === 'number') return { status: err.statusCode, ...(code ? { code } : {}), message: shorten(message) };
  const cause = isDict(err.cause) && typeof err.cause.code === 'string' ? err.cause.code : undefined;
  const netCode = [code, cause].find((c) => c && NETWORK_CODES.has(c));
  if (netCode || name === 'RestError') return { ...(netCode ? { code: netCode } : code ? { code } : {}), message: `network error${netCode ? ` (${netCode})` : ''}: ${shorten(message)}` };
  return { ...(code ? { code } : {}), message: shorten(message) };
}

function describe(f: ReadFailure): string {
  if (f.status !== undefined) return `HTTP ${f.status}${f.code ? ` ${f.code}` : ''}: ${f.message}`;
  return f.message;
}

/** ARM answers a list of an unregistered resource provider with 409: the subscription has none of those resources. */
const isUnregisteredProvider = (f: ReadFailure) => f.status === 409 && /MissingSubscriptionRegistration/i.test(f.code ?? '');

/** The raw JSON of one response, as ARM sent it. */
function rawBody(raw: { bodyAsText?: string | null; parsedBody?: unknown }): unknown {
  if (typeof raw.bodyAsText === 'string' && raw.bodyAsText.length > 0) return JSON.parse(raw.bodyAsText) as unknown;
  throw new Error('the response carried no body text');
}

interface ResponseHook {
  onResponse: (raw: { status: number; bodyAsText?: string | null; parsedBody?: unknown }) => void;
}

type ClientOptions = NonNullable<ConstructorParameters<typeof ContainerServiceClient>[2]>;
type Policy = NonNullable<ClientOptions['additionalPolicies']>[number]['policy'];

/**
 * A time limit on each attempt of each request. The SDK's own `timeout` leaves its timer running when a
 * connection fails (a refused or untrusted TLS connection keeps the process alive for the whole timeout);
 * an `AbortSignal.timeout` does not hold the process, and the request's own signal is restored afterwards
 * so that a retry gets a fresh limit.
 */
function attemptTimeout(ms: number): Policy {
  return {
    name: 'palisadeAttemptTimeout',
    async sendRequest(request, next) {
      const original = request.abortSignal;
      const timeout = AbortSignal.timeout(ms);
      request.abortSignal = original instanceof AbortSignal ? AbortSignal.any([original, timeout]) : timeout;
      try {
        return await next(request);
      } catch (e) {
        if (timeout.aborted && !(original instanceof AbortSignal && original.aborted)) {
          throw Object.assign(new Error(`no answer from ${new URL(request.url).host} within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`), { code: 'ETIMEDOUT', name: 'TimeoutError' });
        }
        throw e;
      } finally {
        if (original) request.abortSignal = original;
        else delete request.abortSignal;
      }
    },
  };
}

/**
 * One token per scope for all the SDK clients (three per subscription), fetched once even when their first
 * requests start together, and reused until five minutes before it expires. A claims challenge (continuous
 * access evaluation) always goes to the credential.
 */
export function sharedTokens(credential: TokenCredential): TokenCredential {
  const cache = new Map<string, Promise<AccessToken | null>>();
  const getToken = (scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => {
    if (options?.claims) return credential.getToken(scopes, options);
    const key = (Array.isArray(scopes) ? scopes : [scopes]).join(' ');
    const cached = cache.get(key);
    if (cached) {
      return cached.then((t) => {
        if (t && t.expiresOnTimestamp - Date.now() > 5 * 60_000) return t;
        if (cache.get(key) === cached) cache.delete(key);
        return getToken(scopes, options);
      });
    }
    const fresh = credential.getToken(scopes, options);
    cache.set(key, fresh);
    fresh.catch(() => {
      if (cache.get(key) === fresh) cache.delete(key);
    });
    return fresh;
  };
  return { getToken };
}

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(limit: number, items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  });
  await Promise.all(workers);
}

class Reader {
  private done = 0;
  private planned = 0;
  private credentialFailure: ReadFailure | undefined;
  readonly subjects: AzureSubject[] = [];
  readonly tokenListsRead: string[] = [];
  readonly unreadable: NotEvaluated[] = [];
  private readonly endpoint: string;
  private readonly credential: TokenCredential;

  constructor(private readonly options: LiveReadOptions) {
    this.endpoint = (options.endpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, '');
    this.credential = sharedTokens(options.credential ?? new DefaultAzureCredential());
  }

  private clientOptions() {
    return {
      endpoint: this.endpoint,
      $host: this.endpoint,
      userAgentOptions: { userAgentPrefix: `palisade/${VERSION}` },
      ...(this.options.agent ? { agent: this.options.agent } : {}),
      ...(this.options.maxRetries !== undefined ? { retryOptions: { maxRetries: this.options.maxRetries } } : {}),
      additionalPolicies: [{ policy: attemptTimeout(this.options.timeoutMs ?? 60_000), position: 'perRetry' as const }],
    };
  }

  private hook(sink: unknown[]): ResponseHook {
    return {
      onResponse: (raw) => {
        if (raw.status >= 200 && raw.status < 300) sink.push(rawBody(raw));
      },
    };
  }

  /** One read (a whole paged list, or one GET): the raw bodies of its responses, or why it failed. */
  private async read(
    what: string,
    progress: Omit<LiveProgress, 'requestsDone' | 'requestsPlanned' | 'what'>,
    call: (hook: ResponseHook) => Promise<void>,
  ): Promise<{ bodies: unknown[]; failure?: ReadFailure }> {
    const bodies: unknown[] = [];
    this.planned++;
    let failure: ReadFailure | undefined = this.credentialFailure;
    if (!failure) {
      try {
        await call(this.hook(bodies));
      } catch (e) {
        failure = failureOf(e);
        if (failure.credential) this.credentialFailure = failure;
      }
    }
    this.done++;
    this.options.onProgress?.({ ...progress, requestsDone: this.done, requestsPlanned: this.planned, what });
    return failure ? { bodies, failure } : { bodies };
  }

  async readAll(): Promise<LiveReadResult> {
    const subs = this.options.subscriptions;
    for (let i = 0; i < subs.length; i++) await this.readSubscription(subs[i] as string, i + 1, subs.length);
    return { subjects: this.subjects, unreadable: this.unreadable, tokenListsRead: this.tokenListsRead };
  }

  private notEvaluated(resource: ResourceRef, file: string, reason: string): void {
    this.unreadable.push({
      controlId: LIVE_CONTROL_ID,
      controlName: LIVE_CONTROL_NAME,
      resource,
      location: { file, pointer: '' },
      reason,
      kind: 'skipped',
    });
  }

  private async readSubscription(subscriptionId: string, index: number, total: number): Promise<void> {
    const rg = this.options.resourceGroup;
    const progress = { subscription: subscriptionId, subscriptionIndex: index, subscriptions: total };
    const aks = new ContainerServiceClient(this.credential, subscriptionId, this.clientOptions());
    const acr = new ContainerRegistryManagementClient(this.credential, subscriptionId, this.clientOptions());
    const auth = new AuthorizationManagementClient(this.credential, subscriptionId, this.clientOptions());
    const unreadableBefore = this.unreadable.length;

    const scopePath = `/subscriptions/${subscriptionId}${rg ? `/resourceGroups/${rg}` : ''}`;
    const scopeLabel = rg ? `resource group '${rg}' of subscription ${subscriptionId}` : `subscription ${subscriptionId}`;
    const scopeRef: ResourceRef = rg
      ? { kind: 'Microsoft.Resources/resourceGroups', id: scopePath, name: rg }
      : { kind: 'Microsoft.Resources/subscriptions', id: scopePath, name: subscriptionId };

    const drain = async (pages: AsyncIterable<unknown>) => {
      for await (const _page of pages) void _page;
    };
    const [clusters, registries] = await Promise.all([
      this.read(`managed clusters of ${scopeLabel}`, progress, (hook) =>
        drain((rg ? aks.managedClusters.listByResourceGroup(rg, hook) : aks.managedClusters.list(hook)).byPage()),
      ),
      this.read(`container registries of ${scopeLabel}`, progress, (hook) =>
        drain((rg ? acr.registries.listByResourceGroup(rg, hook) : acr.registries.list(hook)).byPage()),
      ),
    ]);

    // One entry per way the scope failed (a 403 on the subscription fails both lists the same way).
    const scopeFailures = new Map<string, { what: string[]; failure: ReadFailure }>();
    for (const [what, r] of [['AKS managed clusters', clusters], ['container registries', registries]] as const) {
      if (!r.failure || isUnregisteredProvider(r.failure)) continue;
      const key = describe(r.failure);
      const entry = scopeFailures.get(key) ?? { what: [], failure: r.failure };
      entry.what.push(what);
      scopeFailures.set(key, entry);
    }
    for (const { what, failure } of scopeFailures.values()) {
      const partial = (what.includes('AKS managed clusters') && clusters.bodies.length > 0) || (what.includes('container registries') && registries.bodies.length > 0);
      this.notEvaluated(
        scopeRef,
        azureAddress(scopePath),
        `could not read the ${what.join(' and ')} of ${scopeLabel}${partial ? ' (the list is incomplete)' : ''}: ${describe(failure)}; ` +
          `${partial ? 'the rest are' : 'they are'} not evaluated`,
      );
    }

    const clusterItems = itemsOf(clusters.bodies);
    const registryItems = itemsOf(registries.bodies);
    for (const item of [...clusterItems, ...registryItems]) this.subjects.push(...subjectsFromBody(item, addressOf(item)));

    // Child reads: the AKS versions of each cluster region, each registry's tokens and AcrPull assignments.
    const children: (() => Promise<void>)[] = [];
    const regions = new Map<string, string>();
    for (const c of clusterItems) {
      if (typeof c.location === 'string' && c.location) regions.set(c.location.toLowerCase().replace(/\s+/g, ''), c.location);
    }
    for (const [region] of regions) children.push(() => this.readVersions(aks, subscriptionId, region, progress));
    for (const r of registryItems) {
      const id = typeof r.id === 'string' ? r.id : undefined;
      const parsed = id ? parseResourceId(id) : undefined;
      if (!id || !parsed?.resourceGroup || !parsed.name) continue;
      const ref: ResourceRef = { kind: ACR_TYPE, id, name: parsed.name };
      children.push(() => this.readTokens(acr, parsed.resourceGroup as string, parsed.name as string, ref, progress));
      children.push(() => this.readAcrPull(auth, ref, progress));
    }
    await pool(this.options.concurrency ?? 4, children, (run) => run());

    this.options.onProgress?.({
      ...progress,
      requestsDone: this.done,
      requestsPlanned: this.planned,
      what: `finished ${scopeLabel}`,
      subscriptionDone: { clusters: clusterItems.length, registries: registryItems.length, unreadable: this.unreadable.length - unreadableBefore },
    });
  }

  private async readVersions(aks: ContainerServiceClient, subscriptionId: string, region: string, progress: Omit<LiveProgress, 'requestsDone' | 'requestsPlanned' | 'what'>): Promise<void> {
    const path = `/subscriptions/${subscriptionId}/providers/Microsoft.ContainerService/locations/${region}/kubernetesVersions`;
    const r = await this.read(`AKS versions in ${region}`, progress, async (hook) => {
      await aks.managedClusters.listKubernetesVersions(region, hook);
    });
    for (const body of r.bodies) this.subjects.push(...versionsSubjects(body, subscriptionId, region, path));
    if (r.failure) {
      this.notEvaluated(
        { kind: 'Microsoft.ContainerService/locations/kubernetesVersions', id: path, name: region },
        azureAddress(path),
        `could not read the AKS versions of region ${region} in subscription ${subscriptionId}: ${describe(r.failure)}; ` +
          `controls that compare cluster versions with the region's are not evaluated`,
      );
    }
  }

  private async readTokens(acr: ContainerRegistryManagementClient, rg: string, name: string, ref: ResourceRef, progress: Omit<LiveProgress, 'requestsDone' | 'requestsPlanned' | 'what'>): Promise<void> {
    const r = await this.read(`tokens of registry ${name}`, progress, async (hook) => {
      for await (const _page of acr.tokens.list(rg, name, hook).byPage()) void _page;
    });
    for (const item of itemsOf(r.bodies)) this.subjects.push(...subjectsFromBody(item, addressOf(item)));
    if (!r.failure && ref.id) this.tokenListsRead.push(ref.id);
    if (r.failure) {
      this.notEvaluated(ref, azureAddress(`${ref.id}/tokens`), `could not read the tokens of registry ${name}: ${describe(r.failure)}; controls that need the registry's tokens are not evaluated`);
    }
  }

  private async readAcrPull(auth: AuthorizationManagementClient, ref: ResourceRef, progress: Omit<LiveProgress, 'requestsDone' | 'requestsPlanned' | 'what'>): Promise<void> {
    const scope = (ref.id as string).replace(/^\/+/, '');
    const r = await this.read(`role assignments on registry ${ref.name}`, progress, async (hook) => {
      for await (const _page of auth.roleAssignments.listForScope(scope, hook).byPage()) void _page;
    });
    // Only AcrPull matters here (who may pull from the registry); other roles are not read into the estate.
    const acrPull = itemsOf(r.bodies).filter((ra) => {
      const props = isDict(ra.properties) ? ra.properties : ra;
      return typeof props.roleDefinitionId === 'string' && props.roleDefinitionId.toLowerCase().endsWith(ACR_PULL_ROLE_GUID);
    });
    for (const item of acrPull) this.subjects.push(...subjectsFromBody(item, addressOf(item)));
    if (r.failure) {
      this.notEvaluated(
        ref,
        azureAddress(`${ref.id}/providers/Microsoft.Authorization/roleAssignments`),
        `could not read the role assignments on registry ${ref.name}: ${describe(r.failure)}; which clusters pull from it (AcrPull) is unknown`,
      );
    }
  }
}

/** The resources of ARM list pages (`{ value: [...], nextLink }`). */
function itemsOf(bodies: readonly unknown[]): Dict[] {
  const out: Dict[] = [];
  for (const b of bodies) if (isDict(b) && Array.isArray(b.value)) for (const item of b.value) if (isDict(item)) out.push(item);
  return out;
}

function addressOf(item: Dict): string {
  return typeof item.id === 'string' ? azureAddress(item.id) : azureAddress(String(item.type ?? AKS_TYPE));
}

/** Reads the subscriptions' AKS clusters and registries from ARM. Never throws for what Azure refuses or the network drops. */
export async function readAzureLive(options: LiveReadOptions): Promise<LiveReadResult> {
  return new Reader(options).readAll();
}
