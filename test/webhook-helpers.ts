/** Shared helpers for the webhook tests: certificates on disk and an HTTPS client that verifies them as the API server does. */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { generateWebhookCertificates, type WebhookCertificates } from '../src/admission/certs.js';
import type { DecisionLog, HandlerResult } from '../src/admission/contract.js';
import type { WebhookHandler } from '../src/admission/server.js';

export const SERVICE = 'palisade-webhook';
export const NAMESPACE = 'palisade-system';
/** The name the API server checks: `<service>.<namespace>.svc`. */
export const SERVERNAME = `${SERVICE}.${NAMESPACE}.svc`;

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `palisade-${prefix}-`));
}

export function newCertificates(): Promise<WebhookCertificates> {
  return generateWebhookCertificates({ service: SERVICE, namespace: NAMESPACE, days: 2 });
}

/**
 * A certificate folder laid out as the kubelet mounts a Secret: `tls.crt -> ..data/tls.crt`,
 * `..data -> ..<timestamp>`; `swap` replaces the contents the way cert-manager's renewals arrive.
 */
export class SecretVolume {
  readonly dir: string;
  private generation = 0;
  constructor(dir: string, files: Record<string, string>) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    const first = this.writeGeneration(files);
    symlinkSync(first, path.join(dir, '..data'));
    for (const name of Object.keys(files)) symlinkSync(path.join('..data', name), path.join(dir, name));
  }
  file(name: string): string {
    return path.join(this.dir, name);
  }
  swap(files: Record<string, string>): void {
    const next = this.writeGeneration(files);
    const tmp = path.join(this.dir, '..data_tmp');
    symlinkSync(next, tmp);
    renameSync(tmp, path.join(this.dir, '..data'));
  }
  private writeGeneration(files: Record<string, string>): string {
    const name = `..gen_${++this.generation}`;
    mkdirSync(path.join(this.dir, name));
    for (const [f, content] of Object.entries(files)) writeFileSync(path.join(this.dir, name, f), content);
    return name;
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
  peer: PeerCertificate;
  reusedSocket: boolean;
}

export interface CallOptions {
  port: number;
  ca: string;
  path?: string;
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string | number>;
  agent?: https.Agent | false;
  servername?: string;
}

/** One HTTPS request, verifying the server against `ca` for SERVERNAME, as the API server does. */
export function call(o: CallOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: o.port,
        method: o.method ?? (o.body !== undefined ? 'POST' : 'GET'),
        path: o.path ?? '/validate',
        ca: o.ca,
        servername: o.servername ?? SERVERNAME,
        agent: o.agent ?? false,
        headers: { ...(o.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...o.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        const peer = (res.socket as TLSSocket).getPeerCertificate();
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text), peer, reusedSocket: req.reusedSocket });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

/** The smallest AdmissionReview the fake handler needs. */
export function review(uid: string, kind = 'Pod'): string {
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: { uid, kind: { group: '', version: 'v1', kind }, operation: 'CREATE', namespace: 'shop', object: { kind } },
  });
}

/**
 * A stand-in for the decision: allows every review, echoing its uid, denies uids starting with "deny",
 * and hands a parse error back as 400 like the real one; `delayMs` keeps requests in flight.
 */
export function fakeHandler(options: { delayMs?: number; onCall?: (uid: string) => void } = {}): WebhookHandler & { calls: number } {
  const h = {
    calls: 0,
    handle(body: unknown, now: Date): HandlerResult | Promise<HandlerResult> {
      h.calls++;
      const base: DecisionLog = { time: now.toISOString(), images: [], dryRun: false, decision: 'allow', controls: [], latencyMs: 0 };
      if (body instanceof Error) {
        const result: HandlerResult = {
          httpStatus: 400,
          body: { apiVersion: 'v1', kind: 'Status', status: 'Failure', code: 400, reason: 'BadRequest', message: `malformed JSON: ${body.message}` },
          log: { ...base, decision: 'invalid', reason: 'malformed JSON' },
        };
        return result;
      }
      const request = (body as { request?: { uid?: string; kind?: { kind?: string } } }).request ?? {};
      const uid = request.uid ?? '';
      options.onCall?.(uid);
      const deny = uid.startsWith('deny');
      const result: HandlerResult = {
        httpStatus: 200,
        body: {
          apiVersion: 'admission.k8s.io/v1',
          kind: 'AdmissionReview',
          response: { uid, allowed: !deny, ...(deny ? { status: { code: 403, message: 'denied by FAKE-001' } } : {}) },
        },
        log: { ...base, uid, kind: request.kind?.kind ?? '', decision: deny ? 'deny' : 'allow', controls: deny ? ['FAKE-001'] : [] },
      };
      if (!options.delayMs) return result;
      return new Promise((resolve) => setTimeout(() => resolve(result), options.delayMs));
    },
  };
  return h;
}

/** Collects decision lines written to the server's log sink. */
export function memorySink() {
  const lines: string[] = [];
  let closed = false;
  return {
    lines,
    get closed() {
      return closed;
    },
    write: (line: string) => void lines.push(line),
    close: async () => {
      closed = true;
    },
  };
}

// A bound on waiting, not a timing assertion: generous so that a loaded CI machine does not fail it.
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 40_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
