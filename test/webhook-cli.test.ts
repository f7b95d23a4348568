/**
 * `palisade webhook serve` end to end: the real decision behind the real server, driven with real
 * AdmissionReviews over verified TLS; in-process through main() with a signal hook, and as a separate
 * process (the built CLI) stopped with SIGTERM under load.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookCertificates } from '../src/admission/certs.js';
import type { DecisionLog } from '../src/admission/contract.js';
import { main } from '../src/cli/main.js';
import { call, newCertificates, SERVERNAME, tempDir, until, type Reply } from './webhook-helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const REVIEW_FILE = path.join(ROOT, 'test', 'webhook-fixtures', 'deployment-review.json');

interface Review {
  apiVersion: string;
  kind: string;
  request: {
    uid: string;
    operation: string;
    namespace: string;
    object: { spec: { template: { spec: { containers: { securityContext?: Record<string, unknown> }[] } } } } | null;
    oldObject: unknown;
  };
}

function typicalReview(uid: string): Review {
  const r = JSON.parse(readFileSync(REVIEW_FILE, 'utf8')) as Review;
  r.request.uid = uid;
  return r;
}

let certs: WebhookCertificates;
let certDir: string;
beforeAll(async () => {
  certs = await newCertificates();
  certDir = tempDir('cli-tls');
  writeFileSync(path.join(certDir, 'tls.crt'), certs.cert);
  writeFileSync(path.join(certDir, 'tls.key'), certs.key);
});

/** Parses JSON lines out of a stream's text so far. */
function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function metric(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Opens a POST whose headers and first bytes are sent now; the rest goes when `finish()` is called. */
function partialPost(port: number, uid: string): { finish: () => void; reply: Promise<Reply> } {
  const body = JSON.stringify(typicalReview(uid));
  let finish!: () => void;
  const reply = new Promise<Reply>((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1', port, method: 'POST', path: '/validate?timeout=10s', ca: certs.caCert, servername: SERVERNAME, agent: false,
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
    req.write(body.slice(0, 100));
    finish = () => req.end(body.slice(100));
  });
  return { finish, reply };
}

describe('palisade webhook serve (in-process)', () => {
  it('serves real decisions, logs one line per request on stdout and stops on SIGTERM with exit 0', async () => {
    const cwd = tempDir('cli-serve');
    const config = path.join(cwd, 'palisade.yaml');
    writeFileSync(config, 'extends: recommended\n');
    let stdout = '';
    let stderr = '';
    const signals = new EventEmitter();
    const exit = main(
      ['webhook', 'serve', '--port', '0', '--host', '127.0.0.1', '--tls-cert', path.join(certDir, 'tls.crt'), '--tls-key', path.join(certDir, 'tls.key'), '--config', config],
      { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: Readable.from([]), isTTY: false, env: {}, signals },
    );
    let returned = false;
    void exit.then(() => (returned = true));
    await until(() => stderr.includes('palisade webhook serving') || returned, 'the startup line');
    const startup = jsonLines(stderr).find((l) => l.msg === 'palisade webhook serving');
    if (!startup) throw new Error(`the server did not start:\n${stderr}`);
    expect(startup).toMatchObject({ level: 'info', address: '127.0.0.1', config, version: expect.any(String) });
    const port = startup.port as number;
    const ca = certs.caCert;
    expect((await call({ port, ca, path: '/readyz' })).status).toBe(200);

    // A typical Deployment: allowed, with warnings kubectl shows.
    const ok = await call({ port, ca, path: '/validate?timeout=10s', body: JSON.stringify(typicalReview('uid-warn')) });
    expect(ok.status).toBe(200);
    const okBody = ok.json() as { apiVersion: string; kind: string; response: { uid: string; allowed: boolean; warnings?: string[] } };
    expect(okBody).toMatchObject({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: 'uid-warn', allowed: true } });
    expect(okBody.response.warnings?.length).toBeGreaterThanOrEqual(1);

    // The same Deployment with a privileged container: denied, and the message names the control.
    const privileged = typicalReview('uid-deny');
    const sidecar = privileged.request.object?.spec.template.spec.containers[1];
    if (sidecar) sidecar.securityContext = { privileged: true };
    const denied = await call({ port, ca, body: JSON.stringify(privileged) });
    expect(denied.status).toBe(200);
    const deniedBody = denied.json() as { response: { uid: string; allowed: boolean; status: { code: number; message: string } } };
    expect(deniedBody.response).toMatchObject({ uid: 'uid-deny', allowed: false });
    expect(deniedBody.response.status.code).toBeGreaterThanOrEqual(400);
    expect(deniedBody.response.status.message).toMatch(/NOD-002/);

    // Malformed input: a 400-class answer from the real decision, and the server goes on.
    const broken = await call({ port, ca, body: '{"apiVersion":' });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    const wrongVersion = await call({ port, ca, body: JSON.stringify({ ...typicalReview('uid-v1beta1'), apiVersion: 'admission.k8s.io/v1beta1' }) });
    expect(wrongVersion.status).toBeGreaterThanOrEqual(400);
    expect(wrongVersion.status).toBeLessThan(500);

    const m = (await call({ port, ca, path: '/metrics' })).text;
    expect(metric(m, 'palisade_admission_requests_total{decision="warn",kind="Deployment"}')).toBe(1);
    expect(metric(m, 'palisade_admission_requests_total{decision="deny",kind="Deployment"}')).toBe(1);
    expect(metric(m, 'palisade_admission_request_duration_seconds_count')).toBe(4);

    signals.emit('SIGTERM');
    expect(await exit).toBe(0);
    const lines = jsonLines(stdout) as unknown as DecisionLog[];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ uid: 'uid-warn', decision: 'warn', kind: 'Deployment', namespace: 'shop', name: 'storefront-web', user: 'system:serviceaccount:flux-system:kustomize-controller' });
    expect(lines[0]?.images).toEqual(['contoso.azurecr.io/storefront/web:2.14.3', 'contoso.azurecr.io/platform/fluent-bit:3.1.4']);
    expect(lines[1]).toMatchObject({ uid: 'uid-deny', decision: 'deny', controls: ['NOD-002'] });
    expect(lines.slice(2).map((l) => l.decision)).toEqual(['invalid', 'invalid']);
    expect(jsonLines(stderr).map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down: finishing requests in flight', 'stopped']));
    // The port is closed.
    await expect(call({ port, ca, path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('exits 2 on usage, configuration and certificate errors', async () => {
    const run = async (argv: string[]) => {
      let stderr = '';
      const code = await main(argv, { stdout: () => {}, stderr: (s) => (stderr += s), stdin: Readable.from([]), isTTY: false, env: {}, signals: new EventEmitter() });
      return { code, stderr };
    };
    const tlsArgs = ['--tls-cert', path.join(certDir, 'tls.crt'), '--tls-key', path.join(certDir, 'tls.key')];
    expect(await run(['webhook', 'serve', ...tlsArgs])).toMatchObject({ code: 2, stderr: expect.stringContaining('--port') });
    expect(await run(['webhook', 'serve', '--port', '8443'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--tls-cert') });
    expect(await run(['webhook', 'serve', '--port', 'https', ...tlsArgs])).toMatchObject({ code: 2 });
    expect(await run(['webhook', 'serve', '--port', '0', '--max-body-bytes', '-1', ...tlsArgs])).toMatchObject({ code: 2 });
    const bad = path.join(tempDir('cli-bad'), 'palisade.yaml');
    writeFileSync(bad, 'profile: nonsense\n');
    expect(await run(['webhook', 'serve', '--port', '0', '--host', '127.0.0.1', '--config', bad, ...tlsArgs])).toMatchObject({ code: 2, stderr: expect.stringContaining('configuration error') });
    const mismatched = path.join(tempDir('cli-key'), 'tls.key');
    writeFileSync(mismatched, (await newCertificates()).key);
    const r = await run(['webhook', 'serve', '--port', '0', '--host', '127.0.0.1', '--tls-cert', path.join(certDir, 'tls.crt'), '--tls-key', mismatched]);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('do not form a usable pair') });
  });
});

describe('palisade webhook serve (a real process)', () => {
  // The CLI is compiled into a private folder (not dist/, which other work may be rebuilding); it sits
  // under node_modules so the compiled code resolves the project's dependencies.
  const build = path.join(ROOT, 'node_modules', '.cache', `palisade-webhook-test-${process.pid}`);
  let child: ChildProcess | undefined;

  beforeAll(() => {
    rmSync(build, { recursive: true, force: true });
    mkdirSync(path.join(build, 'bin'), { recursive: true });
    copyFileSync(path.join(ROOT, 'bin', 'palisade.js'), path.join(build, 'bin', 'palisade.js'));
    // Data files ship beside dist/ (the AKS version calendar).
    cpSync(path.join(ROOT, 'data'), path.join(build, 'data'), { recursive: true });
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(build, 'dist')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // Type errors elsewhere do not stop tsc from emitting; what this test needs is the emitted CLI.
    if (!existsSync(path.join(build, 'dist', 'cli', 'main.js'))) throw new Error(`tsc emitted no CLI:\n${tsc.stdout}${tsc.stderr}`);
  }, 120_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(build, { recursive: true, force: true });
  });

  it('scan: a reader that closes the pipe early (| head) ends the process quietly with the scan exit code', async () => {
    const proc = spawn(process.execPath, [path.join(build, 'bin', 'palisade.js'), 'scan', path.join(ROOT, 'examples', 'contoso'), '--format', 'junit', '--as-of', '2026-11-29'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout?.once('data', () => proc.stdout?.destroy());
    const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(1);
  }, 60_000);

  it('answers every request begun before SIGTERM, refuses new connections, exits 0 and leaves one log line per answer', async () => {
    const cwd = tempDir('cli-proc');
    const logFile = path.join(cwd, 'decisions.jsonl');
    child = spawn(
      process.execPath,
      [path.join(build, 'bin', 'palisade.js'), 'webhook', 'serve', '--port', '0', '--host', '127.0.0.1', '--tls-cert', path.join(certDir, 'tls.crt'), '--tls-key', path.join(certDir, 'tls.key'), '--log-file', logFile],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));

    await until(() => stderr.includes('palisade webhook serving') || child?.exitCode !== null, 'the startup line', 20_000);
    const startup = jsonLines(stderr).find((l) => l.msg === 'palisade webhook serving');
    if (!startup) throw new Error(`the server did not start:\n${stderr}`);
    const port = startup.port as number;
    const ca = certs.caCert;

    // Some complete requests first, on one keep-alive connection that then sits idle.
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    const M = 5;
    for (let i = 0; i < M; i++) expect((await call({ port, ca, body: JSON.stringify(typicalReview(`done-${i}`)), agent })).status).toBe(200);

    // N requests in flight: headers and the first bytes of the body sent, the rest held back.
    const N = 16;
    const pending = Array.from({ length: N }, (_, i) => partialPost(port, `inflight-${i}`));
    await until(async () => metric((await call({ port, ca, path: '/metrics' })).text, 'palisade_admission_in_flight_requests') === N, 'all requests in flight');

    child.kill('SIGTERM');
    await until(() => stderr.includes('shutting down'), 'the shutdown line');
    await expect(call({ port, ca, path: '/healthz' })).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);

    for (const p of pending) p.finish();
    const replies = await Promise.all(pending.map((p) => p.reply));
    expect(replies.map((r) => r.status)).toEqual(Array(N).fill(200));
    expect(replies.map((r) => (r.json() as { response: { uid: string } }).response.uid)).toEqual(pending.map((_, i) => `inflight-${i}`));

    expect(await exited).toBe(0);
    agent.destroy();
    const fileLines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
    expect(fileLines).toHaveLength(M + N);
    const uids = fileLines.map((l) => (JSON.parse(l) as DecisionLog).uid).sort();
    expect(uids).toEqual([...Array.from({ length: M }, (_, i) => `done-${i}`), ...Array.from({ length: N }, (_, i) => `inflight-${i}`)].sort());
    // The same lines went to standard output.
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual([...fileLines].sort());
    expect(jsonLines(stderr).at(-1)).toMatchObject({ msg: 'stopped' });
  });
});
