/**
 * The HTTPS shell, for real: started on loopback with certificates from our own generator, called by a
 * client that verifies the CA and the Service name as the API server does. The decision is a fake here
 * (test/webhook-e2e.test.ts runs the real one).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookCertificates } from '../src/admission/certs.js';
import type { DecisionLog } from '../src/admission/contract.js';
import { fileSink } from '../src/admission/log-sink.js';
import { startWebhookServer, type ServerEvent, type WebhookServer, type WebhookServerOptions } from '../src/admission/server.js';
import { call, fakeHandler, memorySink, newCertificates, review, SecretVolume, SERVERNAME, tempDir, until, type Reply } from './webhook-helpers.js';

let certs: WebhookCertificates;
beforeAll(async () => {
  certs = await newCertificates();
});

interface Started {
  server: WebhookServer;
  sink: ReturnType<typeof memorySink>;
  events: ServerEvent[];
  volume: SecretVolume;
  port: number;
}

const running: Started[] = [];
afterAll(async () => {
  for (const s of running) {
    await s.server.close();
    s.volume.remove();
  }
});

async function start(overrides: Partial<WebhookServerOptions> = {}, pair: WebhookCertificates = certs): Promise<Started> {
  const volume = new SecretVolume(path.join(tempDir('srv'), 'tls'), { 'tls.crt': pair.cert, 'tls.key': pair.key, 'ca.crt': pair.caCert });
  const sink = memorySink();
  const events: ServerEvent[] = [];
  const server = await startWebhookServer({
    port: 0,
    host: '127.0.0.1',
    certFile: volume.file('tls.crt'),
    keyFile: volume.file('tls.key'),
    handler: fakeHandler(),
    log: sink,
    onEvent: (e) => events.push(e),
    tlsDebounceMs: 50,
    ...overrides,
  });
  const s = { server, sink, events, volume, port: server.address.port };
  running.push(s);
  return s;
}

const logs = (s: Started): DecisionLog[] => s.sink.lines.map((l) => JSON.parse(l) as DecisionLog);

function metric(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('webhook server: reviews, health and metrics', () => {
  let s: Started;
  beforeAll(async () => {
    s = await start();
  });

  it('answers a review over TLS verified against the CA for <service>.<namespace>.svc', async () => {
    const r = await call({ port: s.port, ca: certs.caCert, path: '/validate?timeout=10s', body: review('uid-1', 'Deployment') });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.json()).toEqual({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: 'uid-1', allowed: true } });
    expect(r.peer.fingerprint256).toBe(s.server.tls.fingerprint256);

    const d = await call({ port: s.port, ca: certs.caCert, body: review('deny-1') });
    expect(d.json()).toMatchObject({ response: { uid: 'deny-1', allowed: false, status: { message: 'denied by FAKE-001' } } });

    const lines = logs(s).filter((l) => l.uid === 'uid-1' || l.uid === 'deny-1');
    expect(lines.map((l) => [l.uid, l.decision])).toEqual([
      ['uid-1', 'allow'],
      ['deny-1', 'deny'],
    ]);
    for (const line of s.sink.lines) expect(line).not.toContain('\n');
  });

  it('refuses a client that does not trust the CA, or asks for another name', async () => {
    const other = await newCertificates();
    await expect(call({ port: s.port, ca: other.caCert, body: review('x') })).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    await expect(call({ port: s.port, ca: certs.caCert, servername: 'evil.example.com', body: review('x') })).rejects.toThrow(/altnames|Hostname/i);
    // The refused handshakes are counted on the server's side.
    await until(() => (metric(s.server.metrics.render(), 'palisade_admission_errors_total{type="tls_handshake"}') ?? 0) >= 1, 'a counted handshake failure');
  });

  it('speaks TLS 1.2 or newer and HTTP/1.1 over ALPN', async () => {
    const negotiated = await new Promise<{ protocol: string | null; alpn: string | false | null }>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: s.port, ca: certs.caCert, servername: SERVERNAME, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
        resolve({ protocol: socket.getProtocol(), alpn: socket.alpnProtocol });
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(['TLSv1.2', 'TLSv1.3']).toContain(negotiated.protocol);
    expect(negotiated.alpn).toBe('http/1.1');
    const old = new Promise((resolve, reject) => {
      const socket = tls.connect(
        { host: '127.0.0.1', port: s.port, ca: certs.caCert, servername: SERVERNAME, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' },
        () => reject(new Error('TLS 1.1 was accepted')),
      );
      socket.on('error', resolve);
    });
    await expect(old).resolves.toBeInstanceOf(Error);
  });

  it('serves /healthz, /readyz and /metrics; 404 elsewhere; 405 for other methods', async () => {
    const ca = certs.caCert;
    expect((await call({ port: s.port, ca, path: '/healthz' })).status).toBe(200);
    expect((await call({ port: s.port, ca, path: '/readyz' })).text).toBe('ready\n');
    expect((await call({ port: s.port, ca, path: '/nope' })).status).toBe(404);
    const get = await call({ port: s.port, ca, path: '/validate' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await call({ port: s.port, ca, path: '/healthz', method: 'DELETE' })).status).toBe(405);

    const m = await call({ port: s.port, ca, path: '/metrics' });
    expect(m.status).toBe(200);
    expect(m.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = m.text;
    expect(metric(text, 'palisade_admission_requests_total{decision="allow",kind="Deployment"}')).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'palisade_admission_requests_total{decision="deny",kind="Pod"}')).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'palisade_admission_request_duration_seconds_bucket{le="+Inf"}')).toBe(metric(text, 'palisade_admission_request_duration_seconds_count'));
    expect(metric(text, 'palisade_admission_in_flight_requests')).toBe(0);
    expect(metric(text, 'palisade_tls_reloads_total{result="success"}')).toBe(0);
    expect(metric(text, 'palisade_webhook_ready')).toBe(1);
    expect(metric(text, 'palisade_tls_certificate_expiry_timestamp_seconds')).toBe(Math.floor(s.server.tls.validTo.getTime() / 1000));
    // Every line is a comment or "name{labels} value".
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+-]+)$/);
  });

  it('hands malformed JSON to the handler as an Error and keeps serving', async () => {
    const bad = await call({ port: s.port, ca: certs.caCert, body: '{"apiVersion": "admission.k8s.io/v1", ' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ kind: 'Status', code: 400, message: expect.stringMatching(/^malformed JSON: /) });
    const empty = await call({ port: s.port, ca: certs.caCert, body: '' });
    expect(empty.status).toBe(400);
    expect((await call({ port: s.port, ca: certs.caCert, body: review('after-bad') })).status).toBe(200);
    const m = (await call({ port: s.port, ca: certs.caCert, path: '/metrics' })).text;
    expect(metric(m, 'palisade_admission_errors_total{type="invalid_request"}')).toBe(2);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const r = await call({ port: s.port, ca: certs.caCert, body: 'a=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(415);
    expect(r.json()).toMatchObject({ kind: 'Status', code: 415, reason: 'UnsupportedMediaType', message: expect.stringContaining('application/json') });
    const charset = await call({ port: s.port, ca: certs.caCert, body: review('charset'), headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(charset.status).toBe(200);
    expect(logs(s).find((l) => l.reason?.includes('Content-Type'))).toMatchObject({ decision: 'invalid' });
  });

  it('answers a handler that throws with 500 (a call error: failurePolicy decides) and keeps serving', async () => {
    const t = await start({ handler: { handle: () => { throw new Error('boom'); } } });
    const r = await call({ port: t.port, ca: certs.caCert, body: review('x') });
    expect(r.status).toBe(500);
    expect(r.json()).toMatchObject({ kind: 'Status', code: 500, message: expect.stringContaining('boom') });
    expect(logs(t)).toMatchObject([{ decision: 'error' }]);
    expect(t.events.some((e) => e.msg === 'admission handler threw')).toBe(true);
    expect((await call({ port: t.port, ca: certs.caCert, path: '/healthz' })).status).toBe(200);
  });

  it('counts a client that goes away during the decision, logs no answer for it, and keeps serving', async () => {
    let started = 0;
    const t = await start({ handler: fakeHandler({ delayMs: 300, onCall: () => started++ }) });
    const body = review('gone');
    const req = https.request({
      host: '127.0.0.1', port: t.port, method: 'POST', path: '/validate', ca: certs.caCert, servername: SERVERNAME, agent: false,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    req.on('error', () => {});
    req.end(body);
    await until(() => started === 1, 'the decision to start');
    req.destroy();
    await until(() => t.server.metrics.render().includes('palisade_admission_errors_total{type="client_aborted"} 1'), 'the abort to be counted');
    await new Promise((r) => setTimeout(r, 400)); // the decision finishes with nobody to answer
    expect(t.sink.lines).toEqual([]);
    expect(t.server.metrics.inFlight).toBe(0);
    expect((await call({ port: t.port, ca: certs.caCert, body: review('next') })).status).toBe(200);
    expect(logs(t).map((l) => l.uid)).toEqual(['next']);
  });

  it('is not ready, and answers 503, until the handler has loaded', async () => {
    let load!: (h: ReturnType<typeof fakeHandler>) => void;
    const t = await start({ handler: new Promise((resolve) => (load = resolve)) });
    expect(t.server.isReady()).toBe(false);
    const before = await call({ port: t.port, ca: certs.caCert, path: '/readyz' });
    expect(before.status).toBe(503);
    expect(before.text).toMatch(/not loaded/);
    const early = await call({ port: t.port, ca: certs.caCert, body: review('early') });
    expect(early.status).toBe(503);
    expect(early.headers['retry-after']).toBe('1');
    expect((await call({ port: t.port, ca: certs.caCert, path: '/healthz' })).status).toBe(200);

    load(fakeHandler());
    await t.server.ready;
    expect((await call({ port: t.port, ca: certs.caCert, path: '/readyz' })).status).toBe(200);
    expect((await call({ port: t.port, ca: certs.caCert, body: review('late') })).status).toBe(200);
  });

  it('is not ready once its certificate has expired', async () => {
    const t = await start({ now: () => new Date(Date.now() + 3 * 86_400_000) });
    expect((await call({ port: t.port, ca: certs.caCert, path: '/readyz' })).text).toMatch(/expired/);
  });
});

describe('webhook server: limits', () => {
  let s: Started;
  beforeAll(async () => {
    s = await start({
      limits: { maxBodyBytes: 64 * 1024, headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 5_000, timeoutCheckIntervalMs: 50 },
    });
  });

  it('refuses a declared oversized body with 413 without reading it, and answers the next request', async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 0x20);
    const r = await call({ port: s.port, ca: certs.caCert, body: big }).catch((e: Error) => e);
    // The answer is 413 and the connection closes; a client still writing may see the reset instead.
    if (!(r instanceof Error)) {
      expect(r.status).toBe(413);
      expect(r.json()).toMatchObject({ code: 413, reason: 'RequestEntityTooLarge', message: expect.stringContaining('65536 bytes') });
      expect(r.headers.connection).toBe('close');
    }
    expect((await call({ port: s.port, ca: certs.caCert, body: review('after-413') })).status).toBe(200);
  });

  it('stops reading a chunked body at the limit with 413', async () => {
    const status = await new Promise<number | Error>((resolve) => {
      const req = https.request(
        { host: '127.0.0.1', port: s.port, method: 'POST', path: '/validate', ca: certs.caCert, servername: SERVERNAME, agent: false, headers: { 'Content-Type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', resolve);
      // Chunked (no Content-Length): 40 KiB now, 40 KiB more, then the end that never matters.
      req.write(Buffer.alloc(40 * 1024, 0x20));
      setTimeout(() => req.write(Buffer.alloc(40 * 1024, 0x20), () => setTimeout(() => req.end(), 200)), 50);
    });
    if (!(status instanceof Error)) expect(status).toBe(413);
    await until(() => logs(s).some((l) => l.reason?.includes('larger than the limit')), '413 lines');
    expect(logs(s).filter((l) => l.reason?.includes('larger than the limit')).length).toBeGreaterThanOrEqual(2);
    const m = (await call({ port: s.port, ca: certs.caCert, path: '/metrics' })).text;
    expect(metric(m, 'palisade_admission_errors_total{type="body_too_large"}')).toBe(2);
    expect((await call({ port: s.port, ca: certs.caCert, body: review('after-chunked-413') })).status).toBe(200);
  });

  /** A raw TLS connection that writes `text` one byte every 30 ms and reports what the server did. */
  function slowClient(text: string, stallAfter = text.length): Promise<{ closed: boolean; received: string; sentAll: boolean }> {
    return new Promise((resolve, reject) => {
      let received = '';
      let i = 0;
      let timer: NodeJS.Timeout | undefined;
      const socket = tls.connect({ host: '127.0.0.1', port: s.port, ca: certs.caCert, servername: SERVERNAME }, () => {
        timer = setInterval(() => {
          if (i < stallAfter && !socket.destroyed) socket.write(text[i++] ?? '');
        }, 30);
      });
      socket.on('data', (d: Buffer) => (received += d.toString('utf8')));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ closed: true, received, sentAll: i >= text.length });
      });
      // Bounded: the test fails rather than hangs if the server never cuts the client off.
      setTimeout(() => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error('the server kept the slow connection open'));
      }, 15_000).unref();
    });
  }

  it('cuts off a client that sends its headers byte by byte', async () => {
    const headers = `POST /validate HTTP/1.1\r\nHost: ${SERVERNAME}\r\nContent-Type: application/json\r\nX-Padding: ${'a'.repeat(200)}\r\n\r\n`;
    const r = await slowClient(headers);
    expect(r.closed).toBe(true);
    expect(r.sentAll).toBe(false);
    if (r.received) expect(r.received).toMatch(/^HTTP\/1\.1 408/);
    expect((await call({ port: s.port, ca: certs.caCert, body: review('after-slow-headers') })).status).toBe(200);
  });

  it('cuts off a client that never finishes its body', async () => {
    const body = review('slow-body');
    const text = `POST /validate HTTP/1.1\r\nHost: ${SERVERNAME}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const headerEnd = text.indexOf('\r\n\r\n') + 4;
    // Headers arrive at once, then ten bytes of body, then nothing.
    const r = await new Promise<{ received: string }>((resolve, reject) => {
      let received = '';
      const socket = tls.connect({ host: '127.0.0.1', port: s.port, ca: certs.caCert, servername: SERVERNAME }, () => {
        socket.write(text.slice(0, headerEnd + 10));
      });
      socket.on('data', (d: Buffer) => (received += d.toString('utf8')));
      socket.on('error', () => {});
      socket.on('close', () => resolve({ received }));
      setTimeout(() => reject(new Error('the server kept the stalled request open')), 15_000).unref();
    });
    if (r.received) expect(r.received).toMatch(/^HTTP\/1\.1 408/);
    expect(logs(s).some((l) => l.uid === 'slow-body')).toBe(false);
    expect((await call({ port: s.port, ca: certs.caCert, body: review('after-slow-body') })).status).toBe(200);
  });

  it('cuts off a connection that completes the handshake and sends nothing', async () => {
    const r = await slowClient('', 0);
    expect(r.closed).toBe(true);
  });

  it('keeps an idle keep-alive connection open past the header timeout', async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await call({ port: s.port, ca: certs.caCert, body: review('ka-1'), agent });
      expect(first.status).toBe(200);
      await new Promise((r) => setTimeout(r, 800)); // longer than headersTimeout and requestTimeout, shorter than keepAliveTimeout
      const second = await call({ port: s.port, ca: certs.caCert, body: review('ka-2'), agent });
      expect(second.status).toBe(200);
      expect(second.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});

describe('webhook server: certificate rotation', () => {
  it('serves a new pair to new connections, keeps old connections, and refuses an invalid pair', async () => {
    const s = await start({ limits: { keepAliveTimeoutMs: 30_000 } });
    const oldFp = s.server.tls.fingerprint256;
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = await call({ port: s.port, ca: certs.caCert, body: review('rot-1'), agent });
      expect(before.peer.fingerprint256).toBe(oldFp);

      // cert-manager renews: a new CA, a new pair, arriving through the Secret volume's symlink swap.
      const next = await newCertificates();
      const reloaded = new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (s.events.some((e) => e.msg === 'TLS certificate reloaded')) {
            clearInterval(t);
            resolve();
          }
        }, 20);
      });
      s.volume.swap({ 'tls.crt': next.cert, 'tls.key': next.key, 'ca.crt': next.caCert });
      await reloaded;
      const newFp = s.server.tls.fingerprint256;
      expect(newFp).not.toBe(oldFp);

      const fresh = await call({ port: s.port, ca: next.caCert, body: review('rot-2') });
      expect(fresh.status).toBe(200);
      expect(fresh.peer.fingerprint256).toBe(newFp);
      // A client still holding only the old CA is refused on a new connection...
      await expect(call({ port: s.port, ca: certs.caCert, body: review('rot-3') })).rejects.toThrow();
      // ...while its open keep-alive connection goes on with the old certificate.
      const kept = await call({ port: s.port, ca: certs.caCert, body: review('rot-4'), agent });
      expect(kept.status).toBe(200);
      expect(kept.reusedSocket).toBe(true);
      expect(kept.peer.fingerprint256).toBe(oldFp);

      // A broken renewal: a certificate with somebody else's key. Refused, counted, the current pair kept.
      const stranger = await newCertificates();
      s.volume.swap({ 'tls.crt': stranger.cert, 'tls.key': next.key, 'ca.crt': stranger.caCert });
      await until(() => s.server.metrics.render().includes('palisade_tls_reloads_total{result="failure"} 1'), 'the failed reload');
      expect(s.events.find((e) => e.msg.startsWith('TLS reload failed'))?.error).toMatch(/do not form a usable pair/);
      const still = await call({ port: s.port, ca: next.caCert, body: review('rot-5') });
      expect(still.peer.fingerprint256).toBe(newFp);
      expect(s.server.isReady()).toBe(true);

      // Garbage in the certificate file: refused as well.
      s.volume.swap({ 'tls.crt': 'not a certificate', 'tls.key': next.key, 'ca.crt': '' });
      await until(() => s.server.metrics.render().includes('palisade_tls_reloads_total{result="failure"} 2'), 'the second failed reload');
      expect((await call({ port: s.port, ca: next.caCert, body: review('rot-6') })).peer.fingerprint256).toBe(newFp);

      const m = s.server.metrics.render();
      expect(metric(m, 'palisade_tls_reloads_total{result="success"}')).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it('also follows plain files replaced in place', async () => {
    const dir = tempDir('plain-tls');
    writeFileSync(path.join(dir, 'tls.crt'), certs.cert);
    writeFileSync(path.join(dir, 'tls.key'), certs.key);
    const events: ServerEvent[] = [];
    const server = await startWebhookServer({
      port: 0,
      host: '127.0.0.1',
      certFile: path.join(dir, 'tls.crt'),
      keyFile: path.join(dir, 'tls.key'),
      handler: fakeHandler(),
      log: memorySink(),
      onEvent: (e) => events.push(e),
      tlsDebounceMs: 50,
    });
    try {
      const next = await newCertificates();
      writeFileSync(path.join(dir, 'tls.key'), next.key);
      writeFileSync(path.join(dir, 'tls.crt'), next.cert);
      await until(() => events.some((e) => e.msg === 'TLS certificate reloaded'), 'the reload');
      expect((await call({ port: server.address.port, ca: next.caCert, path: '/healthz' })).peer.fingerprint256).toBe(server.tls.fingerprint256);
    } finally {
      await server.close();
    }
  });

  it('will not start without a valid pair', async () => {
    const dir = tempDir('bad-tls');
    writeFileSync(path.join(dir, 'tls.crt'), certs.cert);
    writeFileSync(path.join(dir, 'tls.key'), (await newCertificates()).key);
    await expect(
      startWebhookServer({ port: 0, host: '127.0.0.1', certFile: path.join(dir, 'tls.crt'), keyFile: path.join(dir, 'tls.key'), handler: fakeHandler(), log: memorySink() }),
    ).rejects.toThrow(/do not form a usable pair/);
    await expect(
      startWebhookServer({ port: 0, host: '127.0.0.1', certFile: path.join(dir, 'missing.crt'), keyFile: path.join(dir, 'tls.key'), handler: fakeHandler(), log: memorySink() }),
    ).rejects.toThrow(/cannot read TLS files/);
  });
});

describe('webhook server: graceful shutdown', () => {
  it('answers every request begun before close(), refuses new connections, closes idle ones and flushes the log', async () => {
    const N = 24;
    const logFile = path.join(tempDir('shutdown'), 'decisions.jsonl');
    let decided = 0;
    const handler = fakeHandler({ delayMs: 150, onCall: () => decided++ });
    const s = await start({ handler, log: fileSink(logFile), limits: { keepAliveTimeoutMs: 30_000 } });

    // An idle keep-alive connection, which close() must not wait for.
    const idleAgent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    await call({ port: s.port, ca: certs.caCert, path: '/healthz', agent: idleAgent });

    // N requests on N connections. Half have sent their whole review and wait for the (slow) decision;
    // half have sent headers and part of the body, and finish only after close() has begun.
    const bodies = Array.from({ length: N }, (_, i) => review(`load-${i}`));
    const finishers: (() => void)[] = [];
    const replies = bodies.map(
      (body, i) =>
        new Promise<Reply>((resolve, reject) => {
          const req = https.request(
            {
              host: '127.0.0.1', port: s.port, method: 'POST', path: '/validate?timeout=10s', ca: certs.caCert, servername: SERVERNAME, agent: false,
              headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text), peer: {} as never, reusedSocket: false }));
            },
          );
          req.on('error', reject);
          if (i % 2 === 0) req.end(body);
          else {
            req.write(body.slice(0, 20));
            finishers.push(() => req.end(body.slice(20)));
          }
        }),
    );
    await until(() => decided === N / 2 && s.server.metrics.inFlight === N, 'every request to reach the server');

    const closing = s.server.close();
    expect(s.server.isReady()).toBe(false);
    // No new connections once close() has begun.
    await expect(call({ port: s.port, ca: certs.caCert, path: '/readyz' })).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);
    for (const finish of finishers) finish();

    const answered = await Promise.all(replies);
    await closing;
    expect(answered.map((r) => r.status)).toEqual(Array(N).fill(200));
    expect(answered.map((r) => (r.json() as { response: { uid: string } }).response.uid)).toEqual(bodies.map((_, i) => `load-${i}`));
    expect(answered.every((r) => r.headers.connection === 'close')).toBe(true);

    const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DecisionLog);
    expect(lines.length).toBe(N);
    expect(new Set(lines.map((l) => l.uid))).toEqual(new Set(bodies.map((_, i) => `load-${i}`)));
    expect(s.server.metrics.inFlight).toBe(0);
    idleAgent.destroy();
    // close() is idempotent.
    await s.server.close();
  });

  it('cuts what is still open when called again with force', async () => {
    const s = await start({ handler: fakeHandler({ delayMs: 3_000 }) });
    const body = review('stuck');
    const stuck = call({ port: s.port, ca: certs.caCert, body }).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    await until(() => s.server.metrics.inFlight === 1, 'the request to arrive');
    const closing = s.server.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(s.server.metrics.inFlight).toBe(1); // the graceful close waits for it...
    await s.server.close({ force: true }); // ...until told not to
    await closing;
    expect(await stuck).toMatch(/socket hang up|ECONNRESET/);
    expect(s.sink.closed).toBe(true);
  });
});
