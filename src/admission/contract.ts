/**
 * The contract between the pure admission decision (decide.ts) and the HTTPS shell (server.ts). The shell
 * never looks inside a review: it hands the raw body to `AdmissionHandler.handle`, writes what comes back,
 * logs the decision line and counts it in the metrics.
 */

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** What the webhook decided, for logs and metrics. */
export type Decision = 'allow' | 'warn' | 'deny' | 'exempt' | 'error' | 'invalid';

/** One structured JSON log line per request: the audit trail that ties every container to an identity (C12). */
export interface DecisionLog {
  time: string;
  uid?: string;
  user?: string;
  groups?: string[];
  /** "namespace/name" when the requester is a service account. */
  serviceAccount?: string;
  operation?: Operation | string;
  kind?: string;
  namespace?: string;
  name?: string;
  images: string[];
  dryRun: boolean;
  decision: Decision;
  /** Control ids behind the decision (denying, warning or erroring). */
  controls: string[];
  /** Controls skipped or not evaluated in admission, with the reason, so nothing passes silently. */
  skipped?: { controlId: string; reason: string }[];
  /** Controls that threw or ran past the deadline, handled by the failure mode. */
  errors?: { controlId: string; error: string }[];
  exemption?: string;
  latencyMs: number;
  /** Why a request was refused as malformed (decision "invalid"). */
  reason?: string;
  /** Whether the request was allowed: decision "error" goes either way, by the failure mode. */
  allowed?: boolean;
  subResource?: string;
  /** Why a request was allowed without evaluation (DELETE, CONNECT, a subresource). */
  note?: string;
  /** Control ids by what their findings did: denied, warned, audited, or exempted (finding-level exemptions). */
  denied?: string[];
  warned?: string[];
  audited?: string[];
  exempted?: string[];
  /** UPDATE with oldObject: controls with a finding that the old object did not have. */
  newControls?: string[];
  /** Policy exemptions that matched but have expired, by origin ("palisade.yaml#/exemptions/0"). */
  expiredExemptions?: string[];
}

export interface HandlerResult {
  /** 200 for every well-formed review (allowed or denied); 400-class for malformed input; 500 to fail a call. */
  httpStatus: number;
  /** The JSON body to send: an AdmissionReview, or a metav1.Status-like error for malformed input. */
  body: unknown;
  log: DecisionLog;
}

export interface AdmissionHandler {
  /**
   * Decides one request. `body` is the parsed JSON of the HTTP body, or the `Error` instance that
   * `JSON.parse` threw (answered 400 like any malformed body). `now` stamps the log line and decides
   * exemption expiry; latency and the evaluation deadline use the handler's own clock. Never throws.
   */
  handle(body: unknown, now: Date): HandlerResult;
}
