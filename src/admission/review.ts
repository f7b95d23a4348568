/**
 * AdmissionReview v1 as the API server sends it: validation of a raw body, and the facts both the webhook
 * and `palisade scan` need to treat a review the same way (which requests are evaluated, which object, with
 * which namespace). Pure; imports nothing from the engine, so the normalizer can use it too.
 */
import type { JsonObject } from '../model/types.js';
import type { Operation } from './contract.js';

export const ADMISSION_API_VERSION = 'admission.k8s.io/v1';
export const ADMISSION_REVIEW_KIND = 'AdmissionReview';
export const OPERATIONS: readonly Operation[] = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'];

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

/** The fields of `request` Palisade reads; the rest of the request is kept as sent. */
export interface AdmissionRequest {
  uid: string;
  kind: GroupVersionKind;
  subResource?: string;
  name?: string;
  namespace?: string;
  operation: Operation;
  userInfo: UserInfo;
  object?: JsonObject | null;
  oldObject?: JsonObject | null;
  dryRun?: boolean;
}

export type ReviewParse =
  | { ok: true; request: AdmissionRequest }
  | { ok: false; message: string; uid?: string };

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** An AdmissionReview of any version (so that a v1beta1 one is recognized and refused by name). */
export function isAdmissionReviewLike(v: unknown): boolean {
  return isObject(v) && v.kind === ADMISSION_REVIEW_KIND && typeof v.apiVersion === 'string' && v.apiVersion.startsWith('admission.k8s.io/');
}

function optionalString(req: JsonObject, key: string): string | undefined | Error {
  const v = req[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : new Error(`request.${key} must be a string, got ${describe(v)}`);
}

/**
 * Validates a body as an `admission.k8s.io/v1` AdmissionReview with a request. `body` is the parsed JSON,
 * or the Error the caller got while parsing it. Never throws; the message says what was wrong.
 */
export function parseReview(body: unknown): ReviewParse {
  if (body instanceof Error) return { ok: false, message: `request body is not valid JSON: ${body.message}` };
  if (!isObject(body)) {
    return { ok: false, message: `request body must be a JSON object (an ${ADMISSION_API_VERSION} AdmissionReview), got ${describe(body)}` };
  }
  if (body.kind !== ADMISSION_REVIEW_KIND) {
    return { ok: false, message: `expected kind AdmissionReview, got ${typeof body.kind === 'string' ? `'${body.kind}'` : describe(body.kind)}` };
  }
  if (body.apiVersion !== ADMISSION_API_VERSION) {
    const got = typeof body.apiVersion === 'string' ? `'${body.apiVersion}'` : describe(body.apiVersion);
    return {
      ok: false,
      message: `unsupported AdmissionReview apiVersion ${got}: Palisade serves ${ADMISSION_API_VERSION} only (admissionReviewVersions: [v1])`,
    };
  }
  const req = body.request;
  if (!isObject(req)) return { ok: false, message: `AdmissionReview has no request object (request is ${describe(req)})` };
  const uid = typeof req.uid === 'string' && req.uid !== '' ? req.uid : undefined;
  const fail = (message: string): ReviewParse => (uid === undefined ? { ok: false, message } : { ok: false, message, uid });
  if (uid === undefined) return fail('request.uid must be a non-empty string');
  const operation = req.operation;
  if (typeof operation !== 'string' || !(OPERATIONS as readonly string[]).includes(operation)) {
    return fail(`request.operation must be one of ${OPERATIONS.join(', ')}, got ${typeof operation === 'string' ? `'${operation}'` : describe(operation)}`);
  }
  const k = req.kind;
  if (!isObject(k) || typeof k.kind !== 'string' || k.kind === '' || typeof k.version !== 'string' || (k.group !== undefined && typeof k.group !== 'string')) {
    return fail('request.kind must be a group/version/kind object with a kind');
  }
  const request: AdmissionRequest = {
    uid,
    kind: { group: typeof k.group === 'string' ? k.group : '', version: k.version, kind: k.kind },
    operation: operation as Operation,
    userInfo: {},
  };
  for (const key of ['name', 'namespace', 'subResource'] as const) {
    const v = optionalString(req, key);
    if (v instanceof Error) return fail(v.message);
    if (v !== undefined && v !== '') request[key] = v;
  }
  if (req.userInfo !== undefined && req.userInfo !== null) {
    const u = req.userInfo;
    if (!isObject(u)) return fail(`request.userInfo must be an object, got ${describe(u)}`);
    if (u.username !== undefined && typeof u.username !== 'string') return fail('request.userInfo.username must be a string');
    if (u.groups !== undefined && u.groups !== null && !(Array.isArray(u.groups) && u.groups.every((g) => typeof g === 'string'))) {
      return fail('request.userInfo.groups must be a list of strings');
    }
    if (typeof u.username === 'string') request.userInfo.username = u.username;
    if (typeof u.uid === 'string') request.userInfo.uid = u.uid;
    if (Array.isArray(u.groups)) request.userInfo.groups = u.groups as string[];
    if (isObject(u.extra)) request.userInfo.extra = u.extra as Record<string, string[]>;
  }
  if (req.dryRun !== undefined && req.dryRun !== null && typeof req.dryRun !== 'boolean') return fail('request.dryRun must be a boolean');
  if (req.dryRun === true) request.dryRun = true;
  for (const key of ['object', 'oldObject'] as const) {
    const v = req[key];
    if (v === undefined || v === null) continue;
    if (!isObject(v)) return fail(`request.${key} must be an object or null, got ${describe(v)}`);
    request[key] = v;
  }
  if ((request.operation === 'CREATE' || request.operation === 'UPDATE') && !request.object) {
    return fail(`request.object is required for ${request.operation}`);
  }
  return { ok: true, request };
}

/**
 * Subresources whose object is the whole Pod with a changed container list: `kubectl debug` adds ephemeral
 * containers (possibly privileged) through `pods/ephemeralcontainers`, and `pods/resize` changes container
 * resources. Skipping them would be a way around every control, so they are evaluated, as Pod Security
 * admission does.
 */
export const EVALUATED_SUBRESOURCES: ReadonlySet<string> = new Set(['ephemeralcontainers', 'resize']);

/** Whether a request's object is evaluated, and why not when it is not. */
export function evaluationScope(request: AdmissionRequest): { evaluate: true } | { evaluate: false; note: string } {
  switch (request.operation) {
    case 'DELETE':
      // No control applies to deletions yet: every control looks at what would run, and a deletion runs
      // nothing. A control that guards deletions (e.g. of a NetworkPolicy) would declare it and be run here.
      return { evaluate: false, note: 'DELETE: no control applies to deletions' };
    case 'CONNECT':
      // exec, attach, port-forward and proxy carry connect options, not an object to check.
      return { evaluate: false, note: 'CONNECT: carries connect options, not an object' };
    default:
      break;
  }
  if (request.subResource !== undefined && !EVALUATED_SUBRESOURCES.has(request.subResource)) {
    // status, scale, binding, eviction…: written by controllers and the kubelet, or changing only a count;
    // none can change a pod template or a container setting that a control checks.
    return { evaluate: false, note: `subresource '${request.subResource}' cannot change what the controls check` };
  }
  return { evaluate: true };
}

/**
 * The object to evaluate, as the API server will store it: a namespaced object without
 * `metadata.namespace` gets the request's namespace (the API server fills it from the URL), and an object
 * with neither name nor generateName gets the request's name. The input is never modified.
 */
export function objectForEvaluation(request: AdmissionRequest, which: 'object' | 'oldObject' = 'object'): JsonObject | undefined {
  const obj = request[which];
  if (!obj) return undefined;
  const metadata = isObject(obj.metadata) ? obj.metadata : undefined;
  const fill: JsonObject = {};
  // A Namespace object's request.namespace is its own name, and cluster-scoped objects have none.
  const ns = request.namespace;
  if (ns && obj.kind !== 'Namespace' && !(typeof metadata?.namespace === 'string' && metadata.namespace !== '')) fill.namespace = ns;
  const hasName = (typeof metadata?.name === 'string' && metadata.name !== '') || (typeof metadata?.generateName === 'string' && metadata.generateName !== '');
  if (!hasName && request.name) fill.name = request.name;
  if (Object.keys(fill).length === 0) return obj;
  return { ...obj, metadata: { ...(metadata ?? {}), ...fill } };
}

/** "system:serviceaccount:<ns>:<name>" → "<ns>/<name>". */
export function serviceAccountOf(username: string | undefined): string | undefined {
  const m = username === undefined ? null : /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The name a log line shows: the request's, else the object's name or generateName. */
export function displayName(request: AdmissionRequest): string | undefined {
  if (request.name) return request.name;
  const obj = request.object ?? request.oldObject;
  const metadata = obj && isObject(obj.metadata) ? obj.metadata : undefined;
  if (typeof metadata?.name === 'string' && metadata.name) return metadata.name;
  if (typeof metadata?.generateName === 'string' && metadata.generateName) return metadata.generateName;
  return undefined;
}

/** The namespace of the request, else the object's. */
export function requestNamespace(request: AdmissionRequest): string | undefined {
  if (request.namespace) return request.namespace;
  const obj = request.object ?? request.oldObject;
  const metadata = obj && isObject(obj.metadata) ? obj.metadata : undefined;
  return typeof metadata?.namespace === 'string' && metadata.namespace ? metadata.namespace : undefined;
}
