/**
 * The webhook's Prometheus metrics, written in the text exposition format 0.0.4 by hand: four metric
 * families do not need a client library, and counting stays a few array and map operations on the request
 * path. Label values are bounded (decisions are an enum; kinds are capped) so a stream of odd requests
 * cannot grow the series without end.
 */
import type { Decision } from './contract.js';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Seconds. The API server's own webhook histogram starts at 5 ms; ours resolves the sub-millisecond range too. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export type ErrorType =
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'invalid_request'
  | 'handler_exception'
  | 'handler_failure'
  | 'not_ready'
  | 'client_aborted'
  | 'tls_handshake';

const MAX_KINDS = 64;

export class WebhookMetrics {
  private readonly requests = new Map<string, number>();
  private readonly kinds = new Set<string>();
  private readonly errors = new Map<ErrorType, number>();
  private readonly bucketCounts = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  private latencyCount = 0;
  private latencySum = 0;
  private reloadsOk = 0;
  private reloadsFailed = 0;
  inFlight = 0;
  certificateExpiry = 0;
  ready = false;

  countRequest(decision: Decision | string, kind: string | undefined): void {
    let k = kind ?? '';
    if (k !== '' && !this.kinds.has(k)) {
      if (this.kinds.size >= MAX_KINDS) k = 'other';
      else this.kinds.add(k);
    }
    const key = `${decision}\u0000${k}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  observeLatency(seconds: number): void {
    this.latencyCount++;
    this.latencySum += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
      if (seconds <= (LATENCY_BUCKETS[i] as number)) {
        this.bucketCounts[i] = (this.bucketCounts[i] ?? 0) + 1;
        break;
      }
    }
  }

  countError(type: ErrorType): void {
    this.errors.set(type, (this.errors.get(type) ?? 0) + 1);
  }

  countReload(ok: boolean): void {
    if (ok) this.reloadsOk++;
    else this.reloadsFailed++;
  }

  /** The exposition, families in a fixed order and series sorted, so scrapes diff cleanly. */
  render(): string {
    const out: string[] = [];
    out.push('# HELP palisade_admission_requests_total Admission reviews answered, by decision and object kind.');
    out.push('# TYPE palisade_admission_requests_total counter');
    for (const key of [...this.requests.keys()].sort()) {
      const [decision = '', kind = ''] = key.split('\u0000');
      out.push(`palisade_admission_requests_total{decision="${esc(decision)}",kind="${esc(kind)}"} ${this.requests.get(key)}`);
    }

    out.push('# HELP palisade_admission_request_duration_seconds Time from the request to its answer, body reading and decision included.');
    out.push('# TYPE palisade_admission_request_duration_seconds histogram');
    let cumulative = 0;
    LATENCY_BUCKETS.forEach((le, i) => {
      cumulative += this.bucketCounts[i] ?? 0;
      out.push(`palisade_admission_request_duration_seconds_bucket{le="${le}"} ${cumulative}`);
    });
    out.push(`palisade_admission_request_duration_seconds_bucket{le="+Inf"} ${this.latencyCount}`);
    out.push(`palisade_admission_request_duration_seconds_sum ${num(this.latencySum)}`);
    out.push(`palisade_admission_request_duration_seconds_count ${this.latencyCount}`);

    out.push('# HELP palisade_admission_errors_total Requests refused or failed before or outside a decision, by type.');
    out.push('# TYPE palisade_admission_errors_total counter');
    for (const type of [...this.errors.keys()].sort()) out.push(`palisade_admission_errors_total{type="${type}"} ${this.errors.get(type)}`);

    out.push('# HELP palisade_admission_in_flight_requests Admission reviews being read or decided now.');
    out.push('# TYPE palisade_admission_in_flight_requests gauge');
    out.push(`palisade_admission_in_flight_requests ${this.inFlight}`);

    out.push('# HELP palisade_tls_reloads_total Serving certificate reloads after the files changed, by result.');
    out.push('# TYPE palisade_tls_reloads_total counter');
    out.push(`palisade_tls_reloads_total{result="failure"} ${this.reloadsFailed}`);
    out.push(`palisade_tls_reloads_total{result="success"} ${this.reloadsOk}`);

    out.push('# HELP palisade_tls_certificate_expiry_timestamp_seconds Expiry (notAfter) of the serving certificate in use.');
    out.push('# TYPE palisade_tls_certificate_expiry_timestamp_seconds gauge');
    out.push(`palisade_tls_certificate_expiry_timestamp_seconds ${this.certificateExpiry}`);

    out.push('# HELP palisade_webhook_ready 1 when the policy and controls are loaded and the TLS material is valid.');
    out.push('# TYPE palisade_webhook_ready gauge');
    out.push(`palisade_webhook_ready ${this.ready ? 1 : 0}`);
    return `${out.join('\n')}\n`;
  }
}

function esc(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '0';
}
