/**
 * The live Azure reader (`palisade scan --azure`) against a local stand-in for Azure Resource Manager and
 * Microsoft Entra ID: a real HTTPS server on 127.0.0.1 serving the recorded ARM bodies at the real routes,
 * with the real api-versions, paged lists and ARM's refusals. Nothing here reaches Azure.
 *
 * - As a separate process: the compiled CLI, signed in by the real DefaultAzureCredential (its
 *   EnvironmentCredential, through MSAL, against the local token endpoint), trusting the test CA through
 *   NODE_EXTRA_CA_CERTS, with a preload that refuses every non-loopback connection.
 * - In-process: readAzureLive with an injected TokenCredential and an HTTPS agent that trusts the test CA.
 *
 * TLS is verified everywhere; one test shows an untrusted server is refused (and reported, never passed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebhookCertificates, type WebhookCertificates } from '../src/admission/certs.js';
import { progressRenderer } from '../src/azure/live/progress.js';
import { readAzureLive, sharedTokens, type LiveProgress } from '../src/azure/live/read.js';
import { main } from '../src/cli/main.js';
import type { Finding, NotEvaluated } from '../src/model/types.js';
import {
  CLUSTER_FILES,
  example,
  examplesDir,
  myRegistryAssignments,
  recordedEstate,
  REGISTRY_FILES,
  SUB_FORBIDDEN,
  SUB_MISSING,
  SUB_RECORDED,
  TOKEN_FILE,
  VERSIONS_FILE,
} from './azure-live-fixtures.js';
import { generateHostCertificates, type HostCertificates } from './azure-live-certs.js';
import { API_VERSIONS, FakeAzure } from './azure-live-server.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const GUARD = pathToFileURL(path.join(ROOT, 'test', 'azure-live-loopback-only.mjs')).href;
const AS_OF = '2026-11-29';
const SCAN_FLAGS = ['--format', 'json', '--no-config', '--profile', 'all', '--as-of', AS_OF];
const LOGIN_HOST = 'login.microsoftonline.com';

let certs: WebhookCertificates;
let login: HostCertificates;
let work: string;
let caFile: string;

beforeAll(async () => {
  certs = await generateWebhookCertificates({ days: 2 });
  login = await generateHostCertificates([LOGIN_HOST]);
  work = mkdtempSync(path.join(tmpdir(), 'palisade-azure-live-'));
  // What the child processes trust besides the system store: the ARM server's CA and the login host's.
  caFile = path.join(work, 'ca.pem');
  writeFileSync(caFile, certs.caCert + login.caCert);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  inputErrors: unknown[];
  summary: { resources: number; exitCode: number };
}

/** A finding as the comparison sees it: everything but where the input was (a file path vs an azure:// address, lines). */
function comparable(f: Finding | NotEvaluated): Record<string, unknown> {
  const { location, ...rest } = f as Finding & { location: { file: string; line?: number; column?: number; pointer: string } };
  const { file: _file, line: _line, column: _column, ...where } = location;
  return { ...rest, location: where };
}

const key = (x: Record<string, unknown>) => JSON.stringify(x);
const sorted = (xs: (Finding | NotEvaluated)[]) => xs.map(comparable).sort((a, b) => key(a).localeCompare(key(b)));
const ofResource = (id: string) => (f: Finding | NotEvaluated) => f.resource.id?.toLowerCase() === id.toLowerCase();

/** Writes example files (and extra bodies) into a fresh folder and returns their paths. */
function inputFolder(name: string, files: string[], extra: Record<string, unknown> = {}): string[] {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const f of files) {
    copyFileSync(path.join(examplesDir(), f), path.join(dir, f));
    out.push(path.join(dir, f));
  }
  for (const [f, body] of Object.entries(extra)) {
    writeFileSync(path.join(dir, f), JSON.stringify(body, null, 2));
    out.push(path.join(dir, f));
  }
  return out;
}

describe('palisade scan --azure (the compiled CLI in its own process, DefaultAzureCredential)', () => {
  // Compiled into a private folder under node_modules (so the Azure SDK and other dependencies resolve),
  // not dist/, which other work may be rebuilding.
  const build = path.join(ROOT, 'node_modules', '.cache', `palisade-azure-live-test-${process.pid}`);
  let server: FakeAzure;

  beforeAll(async () => {
    rmSync(build, { recursive: true, force: true });
    mkdirSync(path.join(build, 'bin'), { recursive: true });
    copyFileSync(path.join(ROOT, 'bin', 'palisade.js'), path.join(build, 'bin', 'palisade.js'));
    // Bundled data (the AKS version calendar) sits beside dist/ as in the package.
    cpSync(path.join(ROOT, 'data'), path.join(build, 'data'), { recursive: true });
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(build, 'dist')], { cwd: ROOT, encoding: 'utf8' });
    // Type errors elsewhere do not stop tsc from emitting; what this needs is the emitted CLI and reader.
    if (!existsSync(path.join(build, 'dist', 'azure', 'live', 'read.js'))) throw new Error(`tsc emitted no live reader:\n${tsc.stdout}${tsc.stderr}`);
    server = await new FakeAzure(certs, recordedEstate()).serveHost(LOGIN_HOST, login).start();
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    rmSync(build, { recursive: true, force: true });
  });

  /** The CLI as a user runs it, with only the environment given here (no Azure CLI login, no proxies). */
  function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', GUARD, path.join(build, 'bin', 'palisade.js'), ...args], {
        cwd: work,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /**
   * A service principal in the environment, as in CI. The authority host is the local server; MSAL then asks
   * login.microsoftonline.com for instance discovery, which the guard sends to the local server too.
   */
  const signIn = (authorityHost: boolean = true): Record<string, string> => ({
    AZURE_TENANT_ID: server.client.tenantId,
    AZURE_CLIENT_ID: server.client.clientId,
    AZURE_CLIENT_SECRET: server.client.clientSecret,
    ...(authorityHost ? { AZURE_AUTHORITY_HOST: server.base } : {}),
    NODE_EXTRA_CA_CERTS: caFile,
    PALISADE_TEST_REDIRECT: `${LOGIN_HOST}=${new URL(server.base).host}`,
  });

  let live: Report;
  let liveRun: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    liveRun = await cli(['scan', '--azure', '--subscription', SUB_RECORDED, '--subscription', SUB_FORBIDDEN, '--arm-endpoint', server.base, ...SCAN_FLAGS], signIn());
    if (!liveRun.stdout.trim().startsWith('{')) throw new Error(`the live scan printed no JSON (exit ${liveRun.code}):\n${liveRun.stdout}\n${liveRun.stderr}`);
    live = JSON.parse(liveRun.stdout) as Report;
  }, 120_000);

  it('signs in through MSAL at the local token endpoint and sends the token on every ARM request', () => {
    const here = new URL(server.base).host;
    const identity = server.identityRequests().map((r) => `${r.method} ${r.host}${r.path}`);
    expect(identity).toEqual([
      `GET ${LOGIN_HOST}/common/discovery/instance`,
      `GET ${here}/${server.client.tenantId}/v2.0/.well-known/openid-configuration`,
      `POST ${here}/${server.client.tenantId}/oauth2/v2.0/token`,
    ]);
    const tokenRequest = server.identityRequests()[2];
    expect(tokenRequest?.form).toMatchObject({ grant_type: 'client_credentials', client_id: server.client.clientId, scope: `${server.base}/.default` });
    const arm = server.armRequests();
    expect(arm.length).toBeGreaterThan(10);
    for (const r of arm) {
      expect(r.authorization).toMatch(/^Bearer fake-arm-token-/);
      expect(server.tokens.has((r.authorization as string).slice('Bearer '.length))).toBe(true);
    }
  });

  it('reads the real routes with the real api-versions and follows nextLink pages', () => {
    const arm = server.armRequests();
    for (const r of arm) {
      const ns = [...r.path.toLowerCase().matchAll(/\/providers\/(microsoft\.[a-z]+)/g)].map((m) => m[1]).pop() as string;
      expect(r.query['api-version']).toBe(API_VERSIONS[ns]);
    }
    const paths = arm.map((r) => `${r.path}${r.query.$skiptoken ? `#${r.query.$skiptoken}` : ''}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        `/subscriptions/${SUB_RECORDED}/providers/Microsoft.ContainerService/managedClusters`,
        `/subscriptions/${SUB_RECORDED}/providers/Microsoft.ContainerService/managedClusters#page2`,
        `/subscriptions/${SUB_RECORDED}/providers/Microsoft.ContainerRegistry/registries#page2`,
        `/subscriptions/${SUB_RECORDED}/providers/Microsoft.ContainerService/locations/westus2/kubernetesVersions`,
        `/subscriptions/${SUB_RECORDED}/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens`,
        `/subscriptions/${SUB_RECORDED}/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/providers/Microsoft.Authorization/roleAssignments#page2`,
      ]),
    );
    // Nothing but reads.
    expect(arm.every((r) => r.method === 'GET')).toBe(true);
  });

  it('gives exactly the findings of an offline scan of the same ARM bodies (ignoring file and line)', async () => {
    expect(liveRun.code).toBe(1);
    expect(live.inputErrors).toEqual([]);
    // Three clusters, three registries, one token, one AcrPull assignment, the versions of two regions.
    expect(live.summary.resources).toBe(10);

    const offlinePaths = inputFolder('estate', [...CLUSTER_FILES, ...REGISTRY_FILES, TOKEN_FILE, VERSIONS_FILE], { 'acrpull-assignment.json': myRegistryAssignments().acrPull });
    const offline = await cli(['scan', ...offlinePaths, ...SCAN_FLAGS]);
    const off = JSON.parse(offline.stdout) as Report;
    expect(off.inputErrors).toEqual([]);

    expect(live.findings.length).toBeGreaterThan(0);
    expect(sorted(live.findings)).toEqual(sorted(off.findings));
    // One difference is expected: live, a registry's token list is read in full, so an empty list means "no
    // tokens" (REG-104 decided), where offline no file says so and REG-104 asks for `az acr token list`. It
    // still asks live for testreg000006, whose token list the credential may not read.
    const isTokenAsk = (n: NotEvaluated) => n.controlId === 'REG-104' && n.reason.startsWith("needs the registry's tokens");
    const controlsOnly = (xs: NotEvaluated[]) => xs.filter((n) => n.controlId !== 'AZURE-LIVE' && !isTokenAsk(n));
    expect(sorted(controlsOnly(live.notEvaluated))).toEqual(sorted(controlsOnly(off.notEvaluated)));
    expect(live.notEvaluated.filter(isTokenAsk).map((n) => n.resource.name)).toEqual(['testreg000006']);
    expect(off.notEvaluated.filter(isTokenAsk).length).toBeGreaterThan(1);
    // Live findings point at azure:// addresses, with no line numbers.
    for (const f of live.findings) {
      expect(f.location.file).toBe(`azure://${f.resource.id}`);
      expect(f.location.line).toBeUndefined();
    }
  }, 120_000);

  it('a recorded cluster and registry each match `palisade scan <file>` of that body alone', async () => {
    const cluster = example(CLUSTER_FILES[0] as string).id as string;
    const registry = example(REGISTRY_FILES[1] as string).id as string;
    const clusterOnly = JSON.parse((await cli(['scan', ...inputFolder('one-cluster', [CLUSTER_FILES[0] as string, VERSIONS_FILE]), ...SCAN_FLAGS])).stdout) as Report;
    const registryOnly = JSON.parse((await cli(['scan', ...inputFolder('one-registry', [REGISTRY_FILES[1] as string, TOKEN_FILE]), ...SCAN_FLAGS])).stdout) as Report;
    expect(live.findings.filter(ofResource(cluster)).length).toBeGreaterThan(0);
    expect(sorted(live.findings.filter(ofResource(cluster)))).toEqual(sorted(clusterOnly.findings.filter(ofResource(cluster))));
    expect(sorted(live.findings.filter(ofResource(registry)))).toEqual(sorted(registryOnly.findings.filter(ofResource(registry))));
  }, 120_000);

  it('reports the refused subscription as not evaluated (AZURE-LIVE), never as a pass, and still scans the other', () => {
    const refused = live.notEvaluated.filter((n) => n.controlId === 'AZURE-LIVE' && n.resource.id === `/subscriptions/${SUB_FORBIDDEN}`);
    expect(refused.length).toBeGreaterThan(0);
    for (const n of refused) {
      expect(n).toMatchObject({
        controlName: 'azure-live-read',
        kind: 'skipped',
        resource: { kind: 'Microsoft.Resources/subscriptions', id: `/subscriptions/${SUB_FORBIDDEN}`, name: SUB_FORBIDDEN },
        location: { file: `azure:///subscriptions/${SUB_FORBIDDEN}`, pointer: '' },
      });
      expect(n.reason).toContain('HTTP 403 AuthorizationFailed');
      expect(n.reason).toContain(`subscription ${SUB_FORBIDDEN}`);
    }
    expect(refused.map((n) => n.reason).join(' ')).toMatch(/managed clusters[\s\S]*container registries|container registries[\s\S]*managed clusters/);
    expect(live.findings.some((f) => f.resource.id?.includes(SUB_FORBIDDEN))).toBe(false);
    expect(live.findings.some((f) => f.resource.id?.includes(SUB_RECORDED))).toBe(true);
    // A child list refused inside the readable subscription is reported against its registry.
    expect(live.notEvaluated).toContainEqual(
      expect.objectContaining({ controlId: 'AZURE-LIVE', resource: expect.objectContaining({ name: 'testreg000006' }), reason: expect.stringMatching(/^could not read the tokens of registry testreg000006: HTTP 403 AuthorizationFailed/) }),
    );
  });

  it('keeps standard output to the report and says on standard error what was read and what was refused', () => {
    expect(() => JSON.parse(liveRun.stdout) as unknown).not.toThrow();
    expect(liveRun.stderr).toContain(`palisade: azure: subscription 1/2 ${SUB_RECORDED}: 3 clusters, 3 registries`);
    expect(liveRun.stderr).toContain(`palisade: azure: subscription 2/2 ${SUB_FORBIDDEN}: 0 clusters, 0 registries`);
    expect(liveRun.stderr).toMatch(/palisade: azure: could not read the AKS managed clusters of subscription 1{8}-.*HTTP 403 AuthorizationFailed/);
    expect(liveRun.stderr.includes('\u001b[')).toBe(false);
  });

  it('signs in at the default authority host (login.microsoftonline.com) as in production', async () => {
    const before = server.seen.length;
    const r = await cli(['scan', '--azure', '--subscription', SUB_RECORDED, '--resource-group', 'rg1', '--arm-endpoint', server.base, ...SCAN_FLAGS], signIn(false));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.resource.id?.includes('/resourceGroups/rg1/'))).toBe(true);
    const seen = server.seen.slice(before);
    // MSAL knows this host: no discovery, the token request goes straight to it.
    expect(seen.filter((q) => !q.path.startsWith('/subscriptions/')).map((q) => `${q.method} ${q.host}${q.path}`)).toEqual([`POST ${LOGIN_HOST}/${server.client.tenantId}/oauth2/v2.0/token`]);
    for (const q of seen.filter((x) => x.path.startsWith('/subscriptions/'))) expect(q.authorization).toMatch(/^Bearer fake-arm-token-/);
  }, 120_000);

  it('exits 2 when nothing at all could be read, and says why', async () => {
    const r = await cli(['scan', '--azure', '--subscription', SUB_FORBIDDEN, '--subscription', SUB_MISSING, '--arm-endpoint', server.base, ...SCAN_FLAGS], signIn());
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.notEvaluated.map((n) => n.reason).join('\n')).toContain('HTTP 404 SubscriptionNotFound');
  }, 120_000);

  it('a wrong client secret is a credential failure for every subscription, not a pass', async () => {
    const before = server.armRequests().length;
    const r = await cli(['scan', '--azure', '--subscription', SUB_RECORDED, '--arm-endpoint', server.base, ...SCAN_FLAGS], { ...signIn(), AZURE_CLIENT_SECRET: 'wrong', AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential' });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.notEvaluated.length).toBeGreaterThan(0);
    expect(report.notEvaluated.every((n) => n.controlId === 'AZURE-LIVE' && /no usable Azure credential/.test(n.reason))).toBe(true);
    expect(server.armRequests().length).toBe(before);
  }, 120_000);

  it('an ARM endpoint whose CA is not trusted is refused (TLS verified), and the failure is reported', async () => {
    // The child trusts the login host's CA only: signing in works, every ARM request fails verification.
    const loginOnly = path.join(work, 'login-ca.pem');
    writeFileSync(loginOnly, login.caCert);
    const before = server.armRequests().length;
    const started = Date.now();
    const r = await cli(['scan', '--azure', '--subscription', SUB_RECORDED, '--arm-endpoint', server.base, ...SCAN_FLAGS], { ...signIn(false), NODE_EXTRA_CA_CERTS: loginOnly, AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential' });
    // The process ends when the scan does: no request timer is left holding it after a failed connection.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.notEvaluated).toEqual([
      expect.objectContaining({ controlId: 'AZURE-LIVE', reason: expect.stringMatching(/^could not read the AKS managed clusters and container registries of subscription 0{8}-.*: network error \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/) }),
    ]);
    expect(server.armRequests().length).toBe(before);
  }, 120_000);
});

describe('readAzureLive (in-process, injected credential, agent trusting the test CA)', () => {
  let server: FakeAzure;
  let agent: https.Agent;
  const TOKEN = 'injected-test-token';
  const credential = { getToken: () => Promise.resolve({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }) };

  beforeAll(async () => {
    server = await new FakeAzure(certs, recordedEstate()).start();
    server.tokens.add(TOKEN);
    agent = new https.Agent({ ca: certs.caCert });
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  it('builds subjects from the raw bodies, with azure:// sources and no positions', async () => {
    const progress: LiveProgress[] = [];
    const r = await readAzureLive({ subscriptions: [SUB_RECORDED], endpoint: server.base, credential, agent, onProgress: (p) => progress.push(p) });
    expect(r.subjects.map((s) => s.type).sort()).toEqual(['azure.acr', 'azure.acr', 'azure.acr', 'azure.acr-token', 'azure.aks', 'azure.aks', 'azure.aks', 'azure.aks-versions', 'azure.aks-versions', 'azure.role-assignment']);
    const automatic = r.subjects.find((s) => s.type === 'azure.aks' && s.azure.name === 'cliakstest000001');
    // The object is the ARM body as sent, not the SDK's model (which flattens properties and renames enableRBAC).
    expect(automatic?.object).toEqual(example(CLUSTER_FILES[0] as string));
    expect(automatic?.source.file).toBe(`azure://${example(CLUSTER_FILES[0] as string).id as string}`);
    expect(automatic?.source.positions.locate('/properties')).toBeUndefined();
    // Versions are tied to the region they were read for; only AcrPull assignments are kept.
    expect(r.subjects.filter((s) => s.type === 'azure.aks-versions').map((s) => s.azure.location).sort()).toEqual(['location1', 'westus2']);
    const ra = r.subjects.find((s) => s.type === 'azure.role-assignment');
    expect(ra).toMatchObject({ roleDefinitionGuid: '7f951dda-4ed3-4680-a7ca-43fe172d538d', scope: example(REGISTRY_FILES[1] as string).id });
    expect(r.unreadable.map((n) => n.resource.name)).toEqual(['testreg000006']);
    // Progress: every read counted, the subscription's end reported once.
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ subscriptionIndex: 1, subscriptions: 1, subscriptionDone: { clusters: 3, registries: 3, unreadable: 1 } });
    expect(last?.requestsDone).toBe(last?.requestsPlanned);
    expect(server.armRequests().every((q) => q.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('--resource-group reads only that group; a missing group is not evaluated, with kind resourceGroups', async () => {
    const r = await readAzureLive({ subscriptions: [SUB_RECORDED], resourceGroup: 'rg1', endpoint: server.base, credential, agent });
    expect(r.subjects.filter((s) => s.type === 'azure.aks').map((s) => s.azure.name)).toEqual(['clustername1']);
    expect(r.subjects.filter((s) => s.type === 'azure.acr')).toEqual([]);
    expect(r.unreadable).toEqual([]);
    const missing = await readAzureLive({ subscriptions: [SUB_RECORDED], resourceGroup: 'no-such-rg', endpoint: server.base, credential, agent });
    expect(missing.subjects).toEqual([]);
    expect(missing.unreadable).toEqual([
      expect.objectContaining({
        controlId: 'AZURE-LIVE',
        resource: { kind: 'Microsoft.Resources/resourceGroups', id: `/subscriptions/${SUB_RECORDED}/resourceGroups/no-such-rg`, name: 'no-such-rg' },
        reason: expect.stringContaining('HTTP 404 ResourceGroupNotFound'),
      }),
    ]);
  });

  it('a network failure is reported per subscription with a clear message', async () => {
    // A port that was just free: nothing listens there.
    const closed = await new FakeAzure(certs, () => undefined).start();
    const url = closed.base;
    await closed.close();
    const r = await readAzureLive({ subscriptions: [SUB_RECORDED, SUB_FORBIDDEN], endpoint: url, credential, agent, maxRetries: 0 });
    expect(r.subjects).toEqual([]);
    expect(r.unreadable.map((n) => n.resource.name)).toEqual([SUB_RECORDED, SUB_FORBIDDEN]);
    for (const n of r.unreadable) expect(n.reason).toMatch(/network error \(ECONNREFUSED\)/);
  });

  it('a server that never answers is given up on after the time limit, and reported', async () => {
    const silent = https.createServer({ cert: certs.cert, key: certs.key }, () => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      const r = await readAzureLive({ subscriptions: [SUB_RECORDED], endpoint: `https://127.0.0.1:${port}`, credential, agent, timeoutMs: 300 });
      expect(r.subjects).toEqual([]);
      expect(r.unreadable).toEqual([expect.objectContaining({ controlId: 'AZURE-LIVE', reason: expect.stringContaining(`network error (ETIMEDOUT): no answer from 127.0.0.1:${port} within 300 ms`) })]);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('an untrusted certificate is refused (TLS verified) and reported, never read', async () => {
    const seen = server.seen.length;
    const r = await readAzureLive({ subscriptions: [SUB_RECORDED], endpoint: server.base, credential, maxRetries: 0 });
    expect(r.subjects).toEqual([]);
    expect(r.unreadable.length).toBeGreaterThan(0);
    expect(r.unreadable[0]?.reason).toMatch(/certificate|SELF_SIGNED|UNABLE_TO_VERIFY/i);
    expect(server.seen.length).toBe(seen);
  });

  it('a credential that cannot sign in stops all reads and marks every subscription', async () => {
    const seen = server.armRequests().length;
    const failing = {
      getToken: () => Promise.reject(Object.assign(new Error('EnvironmentCredential is unavailable. No underlying credential could be used.'), { name: 'CredentialUnavailableError' })),
    };
    const r = await readAzureLive({ subscriptions: [SUB_RECORDED, SUB_FORBIDDEN], endpoint: server.base, credential: failing, agent });
    expect(r.unreadable.map((n) => n.resource.name)).toEqual([SUB_RECORDED, SUB_FORBIDDEN]);
    for (const n of r.unreadable) expect(n.reason).toContain('no usable Azure credential (CredentialUnavailableError)');
    expect(server.armRequests().length).toBe(seen);
  });
});

describe('scan --azure options and progress', () => {
  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: Readable.from([]), isTTY: false, env: {} });
    return { code, stdout, stderr };
  }

  it('checks the options before reading anything', async () => {
    expect(await run(['scan'])).toMatchObject({ code: 2, stderr: expect.stringContaining('or --azure') });
    expect(await run(['scan', '--azure'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--azure needs at least one --subscription') });
    expect(await run(['scan', '--subscription', SUB_RECORDED, '.'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--subscription needs --azure') });
    expect(await run(['scan', '--azure', '--subscription', 'prod'])).toMatchObject({ code: 2, stderr: expect.stringContaining('a GUID') });
    expect(await run(['scan', '--azure', '--subscription', SUB_RECORDED, '--arm-endpoint', 'http://127.0.0.1:1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('https URL') });
    expect(await run(['scan', '--azure', '--subscription', SUB_RECORDED, '--resource-group', 'bad/name'])).toMatchObject({ code: 2, stderr: expect.stringContaining('not a resource group name') });
    expect((await run(['scan', '--help'])).stdout).toContain('--subscription <id>');
  });

  it('fetches one token per scope for all clients, again when it nears expiry, and passes claims challenges through', async () => {
    const calls: string[] = [];
    let expires = Date.now() + 3_600_000;
    const shared = sharedTokens({
      getToken: (scopes, options) => {
        calls.push(`${String(scopes)}${options?.claims ? ' claims' : ''}`);
        return new Promise((resolve) => setTimeout(() => resolve({ token: `t${calls.length}`, expiresOnTimestamp: expires }), 5));
      },
    });
    const scope = 'https://management.azure.com/.default';
    const first = await Promise.all([shared.getToken(scope), shared.getToken(scope), shared.getToken([scope])]);
    expect(first.map((t) => t?.token)).toEqual(['t1', 't1', 't1']);
    expect((await shared.getToken(scope, { claims: 'e30=' }))?.token).toBe('t2');
    expires = Date.now() + 60_000; // the next token is short-lived: it is fetched again each time
    await shared.getToken('other/.default');
    expect((await shared.getToken('other/.default'))?.token).toBe('t4');
    expect(calls).toEqual([scope, `${scope} claims`, 'other/.default', 'other/.default']);
  });

  it('draws a bar on a terminal and clears it; prints one plain line per subscription otherwise', () => {
    const step = (done: number, extra: Partial<LiveProgress> = {}): LiveProgress => ({ subscription: SUB_RECORDED, subscriptionIndex: 1, subscriptions: 2, requestsDone: done, requestsPlanned: 4, what: 'tokens of registry myRegistry', ...extra });
    let tty = '';
    let t = 0;
    const bar = progressRenderer((s) => (tty += s), true, () => (t += 100));
    bar.onProgress(step(2));
    bar.onProgress(step(4, { subscriptionDone: { clusters: 1, registries: 1, unreadable: 0 } }));
    bar.finish();
    expect(tty).toContain('azure [############------------] 2/4 reads · subscription 1/2 · tokens of registry myRegistry');
    expect(tty.endsWith('\r\u001b[2K')).toBe(true);
    expect(tty.includes('\n')).toBe(false);

    let plain = '';
    const lines = progressRenderer((s) => (plain += s), false);
    lines.onProgress(step(2));
    lines.onProgress(step(4, { subscriptionDone: { clusters: 1, registries: 2, unreadable: 1 } }));
    lines.finish();
    expect(plain).toBe(`palisade: azure: subscription 1/2 ${SUB_RECORDED}: 1 cluster, 2 registries, 1 part not readable (see "Not evaluated")\n`);
  });
});
