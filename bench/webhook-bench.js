#!/usr/bin/env node
/**
 * Admission webhook benchmark. Prints figures; never fails on a time.
 *
 *   npm run bench:webhook                    build, then every measurement below
 *   BENCH_DURATION=5 npm run bench:webhook   seconds per load (default 10; warm-up 2 s more)
 *   BENCH_ITERATIONS=5000 …                  in-process iterations (default 20,000)
 *
 * Loads, each against a fresh server process on 127.0.0.1 (so its peak memory is its own), driven by
 * autocannon from this process with a typical Deployment AdmissionReview (test/webhook-fixtures/, about
 * 3.7 KB, allowed with two warnings under the default policy):
 *   paced       1,000 requests/s over 4 keep-alive connections
 *   saturation  as fast as it answers, over 64 keep-alive connections
 * Servers:
 *   palisade    the real CLI (`bin/palisade.js webhook serve`, built dist/), default policy, generated certificates;
 *               its decision lines go to /dev/null
 *   floor       a minimal node:https server with the same TLS setup (certificate, TLS ≥ 1.2, ALPN http/1.1,
 *               keep-alive) that reads the body and answers every review with a constant response: the
 *               bytes palisade answered to this review
 * Then the decision alone, in process: handler.handle() on the parsed review, p50/p99.
 *
 * autocannon does not verify certificates (it sets rejectUnauthorized: false); the handshake and the
 * encryption are the same. Only 127.0.0.1 is ever contacted; every run is bounded in time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const REVIEW_FILE = path.join(ROOT, 'test', 'webhook-fixtures', 'deployment-review.json');
const SERVERNAME = 'palisade-webhook.palisade-system.svc';

// ---------------------------------------------------------------------------------------------
// Child: the floor server.
// ---------------------------------------------------------------------------------------------

if (process.argv[2] === 'floor-server') {
  const [, , , certFile, keyFile, answerFile] = process.argv;
  // The very bytes palisade answered to the same review, so both servers put as much on the wire.
  const answer = readFileSync(answerFile, 'utf8');
  const server = https.createServer(
    {
      cert: readFileSync(certFile),
      key: readFileSync(keyFile),
      minVersion: 'TLSv1.2',
      ALPNProtocols: ['http/1.1'],
      keepAliveTimeout: 95_000,
      headersTimeout: 10_000,
      requestTimeout: 30_000,
    },
    (req, res) => {
      req.on('data', () => {});
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer) });
        res.end(answer);
      });
    },
  );
  server.listen(0, '127.0.0.1', () => process.stderr.write(`${JSON.stringify({ msg: 'floor serving', port: server.address().port })}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  await orchestrate();
}

// ---------------------------------------------------------------------------------------------
// Parent.
// ---------------------------------------------------------------------------------------------

async function orchestrate() {
  const { default: autocannon } = await import('autocannon');
  const { generateWebhookCertificates } = await import('../dist/admission/certs.js');
  const { createAdmissionHandler } = await import('../dist/admission/decide.js');
  const { loadPolicy } = await import('../dist/scan.js');

  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 20_000);
  const warmup = 2;
  const work = mkdtempSync(path.join(os.tmpdir(), 'palisade-webhook-bench-'));
  try {
    const certs = await generateWebhookCertificates();
    const certFile = path.join(work, 'tls.crt');
    const keyFile = path.join(work, 'tls.key');
    writeFileSync(certFile, certs.cert);
    writeFileSync(keyFile, certs.key, { mode: 0o600 });
    const review = JSON.parse(readFileSync(REVIEW_FILE, 'utf8'));
    const body = JSON.stringify(review);
    const answerFile = path.join(work, 'answer.json');

    console.log(`palisade webhook benchmark: Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'})`);
    console.log(`review: Deployment ${review.request.namespace}/${review.request.name}, ${body.length} bytes; ${duration} s per load after ${warmup} s warm-up\n`);

    const loads = [
      { name: 'paced 1,000 req/s, 4 connections', connections: 4, overallRate: 1000 },
      { name: 'saturation, 64 connections', connections: 64 },
    ];
    const servers = [
      {
        name: 'palisade',
        start: () =>
          startChild(
            [path.join(ROOT, 'bin', 'palisade.js'), 'webhook', 'serve', '--port', '0', '--host', '127.0.0.1', '--tls-cert', certFile, '--tls-key', keyFile],
            'palisade webhook serving',
            work,
          ),
      },
      { name: 'floor', start: () => startChild([SELF, 'floor-server', certFile, keyFile, answerFile], 'floor serving', work) },
    ];

    const rows = [];
    for (const load of loads) {
      const byServer = {};
      for (const server of servers) {
        const child = await server.start();
        try {
          const check = await verify(child.port, certs.caCert, body);
          if (server.name === 'palisade') {
            console.log(`check: ${check.summary}`);
            writeFileSync(answerFile, check.text);
          }
          const opts = {
            url: `https://127.0.0.1:${child.port}/validate?timeout=10s`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            connections: load.connections,
            pipelining: 1,
            servername: SERVERNAME,
            ...(load.overallRate ? { overallRate: load.overallRate } : {}),
          };
          await autocannon({ ...opts, duration: warmup });
          // autocannon's own histogram keeps whole milliseconds; the response event carries the exact time.
          const latencies = [];
          const run = autocannon({ ...opts, duration });
          run.on('response', (_client, statusCode, _bytes, responseTime) => {
            if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
          });
          const r = await run;
          latencies.sort((a, b) => a - b);
          const m = {
            rps: r.requests.total / (r.duration || duration),
            p50: pct(latencies, 0.5),
            p90: pct(latencies, 0.9),
            p99: pct(latencies, 0.99),
            rss: peakRss(child.pid),
            bad: r.non2xx + r.errors + r.timeouts,
            total: r.requests.total,
          };
          byServer[server.name] = m;
          rows.push({ load: load.name, server: server.name, ...m });
          process.stderr.write(`  ${load.name} / ${server.name}: ${fmt(m.rps, 0)} req/s, p99 ${fmt(m.p99, 3)} ms\n`);
        } finally {
          await child.stop();
        }
      }
      const p = byServer.palisade;
      const f = byServer.floor;
      if (p && f) {
        rows.push({ load: load.name, server: 'ratio palisade ÷ floor', rps: p.rps / f.rps, p50: p.p50 / f.p50, p90: p.p90 / f.p90, p99: p.p99 / f.p99, rss: p.rss && f.rss ? p.rss / f.rss : undefined, ratio: true });
      }
    }

    console.log('\n| load | server | throughput | p50 | p90 | p99 | peak RSS | failed |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      if (r.ratio) {
        console.log(`| ${r.load} | ${r.server} | ${fmt(r.rps, 2)}× | ${fmt(r.p50, 2)}× | ${fmt(r.p90, 2)}× | ${fmt(r.p99, 2)}× | ${r.rss ? `${fmt(r.rss, 2)}×` : 'n/a'} | |`);
      } else {
        console.log(
          `| ${r.load} | ${r.server} | ${fmt(r.rps, 0)} req/s | ${fmt(r.p50, 3)} ms | ${fmt(r.p90, 3)} ms | ${fmt(r.p99, 3)} ms | ${r.rss ? `${fmt(r.rss / 1048576, 0)} MB` : 'n/a'} | ${r.bad} of ${r.total} |`,
        );
      }
    }

    // The decision alone, in this process: the handler the server runs, on the same review.
    const handler = createAdmissionHandler(loadPolicy({ paths: [], noConfig: true }));
    const decide = [];
    const roundTrip = [];
    const now = new Date();
    for (let i = 0; i < Math.min(2000, iterations); i++) handler.handle(review, now);
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      handler.handle(review, now);
      decide.push(performance.now() - t0);
    }
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      const result = handler.handle(JSON.parse(body), new Date());
      JSON.stringify(result.body);
      JSON.stringify(result.log);
      roundTrip.push(performance.now() - t0);
    }
    const sample = handler.handle(review, now);
    console.log(`\nIn-process decision (${iterations.toLocaleString('en-US')} iterations; decision '${sample.log.decision}', ${sample.body.response?.warnings?.length ?? 0} warnings):`);
    console.log('| measured | p50 | p99 | mean |');
    console.log('|---|---|---|---|');
    for (const [name, xs] of [
      ['handler.handle(review)', decide],
      ['JSON.parse + handle + JSON.stringify (answer and log line)', roundTrip],
    ]) {
      xs.sort((a, b) => a - b);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(`| ${name} | ${fmt(pct(xs, 0.5) * 1000, 1)} µs | ${fmt(pct(xs, 0.99) * 1000, 1)} µs | ${fmt(mean * 1000, 1)} µs |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Starts a server process and waits for its JSON startup line on stderr (bounded: 20 s). */
function startChild(args, ready, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 20 s:\n${err}`));
    }, 20_000);
    child.stderr.on('data', (d) => {
      err += d.toString('utf8');
      for (const line of err.split('\n')) {
        if (!line.includes(ready)) continue;
        clearTimeout(timer);
        const { port } = JSON.parse(line);
        child.stderr.removeAllListeners('data');
        child.stderr.resume();
        const exited = new Promise((r) => child.once('exit', r));
        resolve({
          port,
          pid: child.pid,
          stop: async () => {
            child.kill('SIGTERM');
            const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(t);
          },
        });
        return;
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${err}`));
    });
  });
}

/** One request verified as the API server would (CA and Service name); says what came back. */
function verify(port, ca, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/validate', ca, servername: SERVERNAME, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          const r = JSON.parse(text).response ?? {};
          const warnings = r.warnings ? ` (${r.warnings.map((w) => w.slice(0, 9)).join(' ')})` : '';
          resolve({ text, summary: `HTTP ${res.statusCode}, allowed ${r.allowed}, ${r.warnings?.length ?? 0} warnings${warnings}, answer ${Buffer.byteLength(text)} bytes` });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Peak resident memory of a process (Linux VmHWM), in bytes. */
function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function fmt(n, digits) {
  if (n === undefined || !Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
