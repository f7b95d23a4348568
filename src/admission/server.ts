/**
 * The webhook's HTTPS shell: a thin `node:https` server around `AdmissionHandler.handle(body, now)`. It never
 * looks inside a review. It reads the body within limits, parses the JSON (a parse failure is handed to the
 * handler as an Error, per the contract), writes what the handler answers, logs the decision line, counts
 * it, serves health, readiness and metrics, reloads its certificate when the files change, and shuts down
 * without dropping a request it has begun to receive.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { DecisionLog, HandlerResult } from './contract.js';
import type { LogSink } from './log-sink.js';
import { METRICS_CONTENT_TYPE, WebhookMetrics, type ErrorType } from './metrics.js';
import { loadTlsMaterial, watchTlsMaterial, type ReloadOutcome, type TlsMaterial, type TlsWatcher } from './tls.js';

/**
 * What the server calls. The contract's synchronous `AdmissionHandler` fits; a handler may also answer with
 * a promise (tests use slow ones to hold requests in flight).
 */
export interface WebhookHandler {
  handle(body: unknown, now: Date): HandlerResult | Promise<HandlerResult>;
}

export interface WebhookLimits {
  /**
   * Largest request body read; larger ones get 413 and the connection is closed. Default 8 MiB: the API
   * server accepts objects up to 3 MiB and an UPDATE review carries two of them plus the envelope.
   */
  maxBodyBytes: number;
  /** Time allowed for a request's headers to arrive. Default 10 s. */
  headersTimeoutMs: number;
  /** Time allowed for a whole request (headers and body) to arrive. Default 30 s, the longest webhook timeout. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept. Default 95 s: above Go's 90 s idle timeout, so the API server closes first. */
  keepAliveTimeoutMs: number;
  /** Time allowed for the TLS handshake. Default 10 s. */
  handshakeTimeoutMs: number;
  /** How often Node checks the header and request timeouts. Default 1 s. */
  timeoutCheckIntervalMs: number;
  /** close() waits this long for in-flight requests, then cuts the remaining connections. Default 30 s. */
  drainTimeoutMs: number;
}

export const DEFAULT_LIMITS: WebhookLimits = {
  maxBodyBytes: 8 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 95_000,
  handshakeTimeoutMs: 10_000,
  timeoutCheckIntervalMs: 1_000,
  drainTimeoutMs: 30_000,
};

export interface ServerEvent {
  level: 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: unknown;
}

export interface WebhookServerOptions {
  port: number;
  /** Interface to listen on; all interfaces when absent. */
  host?: string;
  certFile: string;
  keyFile: string;
  /** The decision; a promise while the policy is still loading (the server answers 503 and is not ready until then). */
  handler: WebhookHandler | Promise<WebhookHandler>;
  /** Where each decision line goes (one JSON object per line). */
  log: LogSink;
  limits?: Partial<WebhookLimits>;
  /** Operational events (start, TLS reloads, errors), for the process log. */
  onEvent?: (event: ServerEvent) => void;
  /** Quiet period after a change in the certificate folder before re-reading it. Default 250 ms. */
  tlsDebounceMs?: number;
  /** Re-read the certificate files this often even without a change event; 0 disables. Default 60 s. */
  tlsPollIntervalMs?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

export interface WebhookServer {
  readonly address: { host: string; port: number };
  /** Settles once the handler is loaded (rejects if it failed to load). */
  readonly ready: Promise<void>;
  /** Ready to admit: handler loaded, certificate valid, not shutting down (what /readyz answers). */
  isReady(): boolean;
  readonly metrics: WebhookMetrics;
  /** The certificate being served. */
  readonly tls: TlsMaterial;
  /** Re-reads the certificate files now; the watcher does this by itself. */
  reloadTls(): Promise<ReloadOutcome>;
  /**
   * Graceful shutdown: readiness turns 503, no new connections, requests already begun are answered, idle
   * keep-alive connections are closed, the log sink is flushed. Idempotent. `force` (say, on a second
   * signal) cuts the connections still open instead of waiting for them.
   */
  close(options?: { force?: boolean }): Promise<void>;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

interface Status {
  apiVersion: 'v1';
  kind: 'Status';
  status: 'Failure';
  code: number;
  reason: string;
  message: string;
}

function status(code: number, reason: string, message: string): Status {
  return { apiVersion: 'v1', kind: 'Status', status: 'Failure', code, reason, message };
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const limits: WebhookLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new Error('headersTimeoutMs must not exceed requestTimeoutMs');
  const clock = options.now ?? (() => new Date());
  const emit = options.onEvent ?? (() => {});
  const sink = options.log;
  const metrics = new WebhookMetrics();

  let tls = await loadTlsMaterial(options.certFile, options.keyFile);
  metrics.certificateExpiry = Math.floor(tls.validTo.getTime() / 1000);

  let handler: WebhookHandler | undefined;
  let closing = false;
  const ready = Promise.resolve(options.handler).then(
    (h) => {
      handler = h;
      metrics.ready = isReady();
      emit({ level: 'info', msg: 'handler loaded' });
    },
    (e: unknown) => {
      emit({ level: 'error', msg: 'handler failed to load', error: String((e as Error)?.message ?? e) });
      throw e;
    },
  );
  ready.catch(() => {});

  function isReady(): boolean {
    return handler !== undefined && !closing && tls.validTo.getTime() > clock().getTime();
  }

  const server: Server = createServer(
    {
      cert: tls.cert,
      key: tls.key,
      minVersion: 'TLSv1.2',
      ALPNProtocols: ['http/1.1'],
      handshakeTimeout: limits.handshakeTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    (req, res) => route(req, res),
  );
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('tlsClientError', () => metrics.countError('tls_handshake'));

  // -------------------------------------------------------------------------------------------------
  // Requests
  // -------------------------------------------------------------------------------------------------

  function route(req: IncomingMessage, res: ServerResponse): void {
    if (closing) {
      // Answer what arrives on connections already open, then let them go.
      res.setHeader('Connection', 'close');
      res.once('finish', () => setImmediate(() => server.closeIdleConnections()));
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';
    switch (pathname) {
      case '/validate':
        if (method !== 'POST') return methodNotAllowed(req, res, 'POST');
        return validate(req, res);
      case '/healthz':
        if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(req, res, 'GET, HEAD');
        return sendText(req, res, 200, 'ok\n');
      case '/readyz': {
        if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(req, res, 'GET, HEAD');
        const r = isReady();
        metrics.ready = r;
        return sendText(req, res, r ? 200 : 503, r ? 'ready\n' : `not ready: ${notReadyReason()}\n`);
      }
      case '/metrics':
        if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(req, res, 'GET, HEAD');
        metrics.ready = isReady();
        return sendText(req, res, 200, metrics.render(), METRICS_CONTENT_TYPE);
      default:
        drain(req, res);
        return sendJson(res, 404, status(404, 'NotFound', `no such path '${pathname}': the webhook serves POST /validate`));
    }
  }

  function notReadyReason(): string {
    if (closing) return 'shutting down';
    if (!handler) return 'policy and controls not loaded yet';
    return `serving certificate expired at ${tls.validTo.toISOString()}`;
  }

  function methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
    drain(req, res);
    res.setHeader('Allow', allow);
    sendJson(res, 405, status(405, 'MethodNotAllowed', `method ${req.method} is not allowed here; use ${allow}`));
  }

  /**
   * POST /validate. Written with callbacks rather than promises: it is the hot path, and the answer is
   * written in the same turn as the body's last bytes whenever the handler is synchronous.
   */
  function validate(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    metrics.inFlight++;
    res.once('close', () => {
      metrics.inFlight--;
      if (!res.writableFinished) metrics.countError('client_aborted');
    });

    const contentType = req.headers['content-type'] ?? '';
    if (!JSON_TYPE.test(contentType)) {
      // Whatever this body is, it is not read: the connection closes after the answer.
      stopReading(req);
      return refuse(res, started, 415, 'UnsupportedMediaType', `Content-Type must be application/json, got '${contentType || '(none)'}'`, 'unsupported_media_type', 'invalid', true);
    }
    const declared = Number(req.headers['content-length']);
    if (declared > limits.maxBodyBytes) {
      stopReading(req);
      return tooLarge(res, started);
    }

    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        stopReading(req);
        chunks.length = 0;
        tooLarge(res, started);
        return;
      }
      chunks.push(chunk);
    });
    // An aborted or timed-out request never ends: there is nobody to answer, and nothing is logged.
    req.on('end', () => {
      if (size <= limits.maxBodyBytes) decide(res, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size), started);
    });
  }

  function decide(res: ServerResponse, raw: Buffer, started: number): void {
    if (!handler) {
      res.setHeader('Retry-After', '1');
      return refuse(res, started, 503, 'ServiceUnavailable', 'the webhook is starting: policy and controls are not loaded yet', 'not_ready', 'error');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (e) {
      body = e instanceof Error ? e : new Error(String(e));
    }
    const failed = (e: unknown) => {
      emit({ level: 'error', msg: 'admission handler threw', error: (e as Error)?.stack ?? String(e) });
      refuse(res, started, 500, 'InternalError', `internal error while deciding: ${(e as Error)?.message ?? String(e)}`, 'handler_exception', 'error');
    };
    let result: HandlerResult | Promise<HandlerResult>;
    try {
      result = handler.handle(body, clock());
    } catch (e) {
      return failed(e);
    }
    if (isPromise(result)) result.then((r) => decided(res, r, started), failed);
    else decided(res, result, started);
  }

  function decided(res: ServerResponse, result: HandlerResult, started: number): void {
    if (res.destroyed) return; // the client went away while we decided; the decision is not logged as answered
    let code = result.httpStatus;
    if (!Number.isInteger(code) || code < 200 || code > 599) code = 500;
    if (code >= 400 && code < 500) metrics.countError('invalid_request');
    else if (code >= 500) metrics.countError('handler_failure');
    answer(res, code, result.body, result.log, started);
  }

  /** A refusal the server makes itself, before any decision: logged and counted like one. */
  function refuse(res: ServerResponse, started: number, code: number, reason: string, message: string, error: ErrorType, decision: 'invalid' | 'error', close = false): void {
    if (res.headersSent || res.destroyed) return;
    const log: DecisionLog = {
      time: clock().toISOString(),
      images: [],
      dryRun: false,
      decision,
      controls: [],
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      reason: message,
    };
    metrics.countError(error);
    answer(res, code, status(code, reason, message), log, started, close);
  }

  function tooLarge(res: ServerResponse, started: number): void {
    refuse(res, started, 413, 'RequestEntityTooLarge', `request body is larger than the limit of ${limits.maxBodyBytes} bytes`, 'body_too_large', 'invalid', true);
  }

  function answer(res: ServerResponse, code: number, body: unknown, log: DecisionLog, started: number, close = false): void {
    let payload: string;
    let line: string;
    try {
      payload = JSON.stringify(body);
      line = JSON.stringify(log);
    } catch (e) {
      code = 500;
      payload = JSON.stringify(status(500, 'InternalError', `cannot serialize the answer: ${(e as Error).message}`));
      line = JSON.stringify({ ...safeLog(log), decision: 'error', reason: 'answer not serializable' });
      metrics.countError('handler_exception');
    }
    // The line is written before the answer leaves: every decision the API server hears is on record.
    sink.write(line);
    metrics.countRequest(log.decision, log.kind);
    metrics.observeLatency((performance.now() - started) / 1000);
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
    };
    if (close) headers.Connection = 'close';
    res.writeHead(code, headers);
    res.end(payload);
    if (close) {
      // Reading stopped: once the answer is out, drop the connection rather than swallow the rest of the body.
      res.once('finish', () => res.socket?.destroySoon());
    }
  }

  function sendText(req: IncomingMessage, res: ServerResponse, code: number, text: string, type = 'text/plain; charset=utf-8'): void {
    drain(req, res);
    res.writeHead(code, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  function sendJson(res: ServerResponse, code: number, body: unknown): void {
    const payload = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    res.end(payload);
  }

  // -------------------------------------------------------------------------------------------------
  // TLS reload
  // -------------------------------------------------------------------------------------------------

  const watcher: TlsWatcher = watchTlsMaterial({
    certFile: options.certFile,
    keyFile: options.keyFile,
    current: tls,
    debounceMs: options.tlsDebounceMs ?? 250,
    pollIntervalMs: options.tlsPollIntervalMs ?? 60_000,
    apply: (material) => server.setSecureContext({ cert: material.cert, key: material.key, minVersion: 'TLSv1.2' }),
    onOutcome: (outcome) => {
      if (outcome.result === 'reloaded') {
        tls = outcome.material;
        metrics.certificateExpiry = Math.floor(tls.validTo.getTime() / 1000);
        metrics.countReload(true);
        emit({ level: 'info', msg: 'TLS certificate reloaded', subject: tls.subject, fingerprint256: tls.fingerprint256, validTo: tls.validTo.toISOString() });
      } else if (outcome.result === 'failed') {
        metrics.countReload(false);
        emit({ level: 'error', msg: 'TLS reload failed; still serving the previous certificate', error: outcome.error, fingerprint256: tls.fingerprint256 });
      }
    },
  });

  // -------------------------------------------------------------------------------------------------
  // Start and stop
  // -------------------------------------------------------------------------------------------------

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      const done = () => {
        server.off('error', reject);
        resolve();
      };
      if (options.host !== undefined) server.listen(options.port, options.host, done);
      else server.listen(options.port, done);
    });
  } catch (e) {
    watcher.close();
    throw e;
  }
  server.on('error', (e) => emit({ level: 'error', msg: 'server error', error: e.message }));
  const bound = server.address() as AddressInfo;
  const address = { host: bound.address, port: bound.port };

  let closed: Promise<void> | undefined;
  const close = (closeOptions: { force?: boolean } = {}): Promise<void> => {
    if (closeOptions.force) {
      // Called again while draining: no more waiting.
      setImmediate(() => {
        emit({ level: 'warn', msg: 'forced shutdown: closing the remaining connections', inFlight: metrics.inFlight });
        server.closeAllConnections();
      });
    }
    closed ??= (async () => {
      closing = true;
      metrics.ready = false;
      watcher.close();
      const allClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => {
        emit({ level: 'warn', msg: 'drain timeout: closing the remaining connections', inFlight: metrics.inFlight });
        server.closeAllConnections();
      }, limits.drainTimeoutMs);
      cut.unref();
      await allClosed;
      clearTimeout(cut);
      await sink.close();
    })();
    return closed;
  };

  return {
    address,
    ready,
    isReady,
    metrics,
    get tls() {
      return tls;
    },
    reloadTls: () => watcher.reload(),
    close,
  };
}

/** Discards a small body the server does not need, so a keep-alive connection stays usable; a large one closes it. */
function drain(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > 64 * 1024 || req.headers['transfer-encoding'] !== undefined) {
    stopReading(req);
    res.setHeader('Connection', 'close');
    res.once('finish', () => res.socket?.destroySoon());
    return;
  }
  req.resume();
}

function stopReading(req: IncomingMessage): void {
  req.removeAllListeners('data');
  req.pause();
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown })?.then === 'function';
}

function safeLog(log: DecisionLog): DecisionLog {
  return {
    time: log.time,
    images: [],
    dryRun: Boolean(log.dryRun),
    decision: 'error',
    controls: [],
    latencyMs: log.latencyMs,
    ...(typeof log.uid === 'string' ? { uid: log.uid } : {}),
  };
}
