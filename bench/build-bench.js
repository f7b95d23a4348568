#!/usr/bin/env node
/**
 * Build-surface benchmark. Prints figures; never fails on a time.
 *
 *   npm run bench:build                  every section
 *   BENCH_SECTIONS=gate npm run bench:build   only the sections named (comma-separated)
 *   BENCH_GATE_FINDINGS=50000 ...        size of the generated Trivy report (default 20,000)
 *   BENCH_LAYER_MB=1024 ...              size of the generated image archive for the layer scan (default 520 MB)
 *
 * Sections are functions in SECTIONS below; each returns printable figures. Add a section by adding an
 * entry (the layer-scan section lives beside the gate one). Each section runs in a fresh child process so
 * its peak RSS is its own.
 *
 * gate: a generated Trivy JSON report (SchemaVersion 2, one image, os-pkgs and lang-pkgs, statuses and
 * severities mixed, layer DiffIDs and an image history) and a state store that knows half its findings:
 * the whole gate in process (read the files, evaluate, write the JSON report and the state store), and
 * the CLI doing the same in new processes. Target: under 300 ms for 20,000 findings.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMain, mib, peakRssBytes, runSections } from './harness.js';

const SELF = fileURLToPath(import.meta.url);
const DIST = new URL('../dist/', import.meta.url);



// ---------------------------------------------------------------------------------------------
// Section: gate
// ---------------------------------------------------------------------------------------------

/** A deterministic Trivy report with n vulnerability entries. */
export function generateTrivyReport(n) {
  let seed = 0x6a7e;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const diffIds = Array.from({ length: 6 }, (_, i) => `sha256:${String(i).repeat(64)}`);
  const history = [
    { created_by: '/bin/sh -c #(nop) ADD file:abc in / ', created: '2026-01-01T00:00:00Z' },
    { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
    ...diffIds.slice(1).map((_, i) => ({ created_by: `RUN step ${i}` })),
  ];
  const sevs = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
  const statuses = ['fixed', 'fixed', 'fixed', 'affected', 'will_not_fix', 'fix_deferred', 'end_of_life'];
  const osVulns = [];
  const langVulns = [];
  for (let i = 0; i < n; i++) {
    const status = statuses[Math.floor(rnd() * statuses.length)];
    const pkg = `pkg${Math.floor(i / 4)}`;
    const v = {
      VulnerabilityID: `CVE-20${10 + (i % 15)}-${10000 + i}`,
      PkgID: `${pkg}@1.${i % 7}.0`,
      PkgName: pkg,
      PkgIdentifier: { PURL: `pkg:deb/debian/${pkg}@1.${i % 7}.0?distro=debian-12`, UID: i.toString(16) },
      InstalledVersion: `1.${i % 7}.0`,
      ...(status === 'fixed' ? { FixedVersion: `1.${i % 7}.1` } : {}),
      Status: status,
      Layer: { Digest: `sha256:${'f'.repeat(63)}${i % 6}`, DiffID: diffIds[i % 6] },
      SeveritySource: 'debian',
      PrimaryURL: `https://avd.aquasec.com/nvd/cve-${i}`,
      Title: `${pkg}: a generated vulnerability number ${i}`,
      Description: 'Generated for the benchmark. '.repeat(8),
      Severity: sevs[Math.floor(rnd() * sevs.length)],
      VendorSeverity: { debian: 2, nvd: 3 },
      CVSS: { nvd: { V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', V3Score: 9.8 } },
      References: [`https://example.com/${i}`],
      PublishedDate: '2024-01-01T00:00:00Z',
      LastModifiedDate: '2025-01-01T00:00:00Z',
    };
    (i % 5 === 0 ? langVulns : osVulns).push(v);
  }
  return {
    SchemaVersion: 2,
    CreatedAt: '2026-11-29T12:00:00Z',
    ArtifactName: 'contoso.azurecr.io/shop/web:1.2.3',
    ArtifactType: 'container_image',
    Metadata: {
      ImageID: `sha256:${'a'.repeat(64)}`,
      DiffIDs: diffIds,
      RepoTags: ['contoso.azurecr.io/shop/web:1.2.3'],
      RepoDigests: [`contoso.azurecr.io/shop/web@sha256:${'b'.repeat(64)}`],
      ImageConfig: { history, rootfs: { type: 'layers', diff_ids: diffIds } },
    },
    Results: [
      { Target: 'contoso.azurecr.io/shop/web:1.2.3 (debian 12)', Class: 'os-pkgs', Type: 'debian', Vulnerabilities: osVulns },
      { Target: 'app/package-lock.json', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: langVulns },
    ],
  };
}

/**
 * In a fresh process, five times what `palisade gate vulns <file> --state <state> --format json -o <out>`
 * does once: read the report from disk and the state store, evaluate, write the JSON report to a file (a
 * chunk at a time, as the CLI does) and write the state store back. The first run is what one CLI
 * invocation costs (code not yet optimised, memory not yet mapped); the best is a warm library user's.
 */
async function gateChild({ file, stateFile, outFile }) {
  const { closeSync, copyFileSync, openSync, writeSync } = await import('node:fs');
  const { readReports, readState, writeState } = await import(new URL('gate/io.js', DIST).href);
  const { evaluateGate, summarize } = await import(new URL('gate/evaluate.js', DIST).href);
  const { writeGateJson } = await import(new URL('gate/report-json.js', DIST).href);
  const { resolveGateSettings } = await import(new URL('policy/config.js', DIST).href);
  const settings = resolveGateSettings(undefined);
  const times = [];
  let out;
  let firstRss = 0;
  const work = `${stateFile}.run`;
  for (let i = 0; i < 5; i++) {
    copyFileSync(stateFile, work);
    const ts = performance.now();
    const state = readState(work);
    const t0 = performance.now();
    const { reads } = readReports([file]);
    const t1 = performance.now();
    const result = evaluateGate(reads, { settings, asOf: '2026-11-29', state });
    const t2 = performance.now();
    const fd = openSync(outFile, 'w');
    let jsonBytes = 0;
    writeGateJson({ ...result, reads, inputErrors: [], stateWritten: true }, (chunk) => {
      for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
      jsonBytes += chunk.length;
      return true;
    });
    closeSync(fd);
    const t3 = performance.now();
    writeState(work, result.state);
    const t4 = performance.now();
    // gate: the report read, evaluated and written as JSON; total: with the state store read and written.
    times.push({ stateRead: t0 - ts, read: t1 - t0, evaluate: t2 - t1, json: t3 - t2, stateWrite: t4 - t3, gate: t3 - t0, total: t4 - ts });
    if (i === 0) firstRss = peakRssBytes();
    out = { findings: result.findings.length, groups: summarize(result.findings).groups, jsonBytes, stateEntries: Object.keys(result.state.entries).length };
  }
  const best = times.reduce((a, b) => (b.total < a.total ? b : a));
  return { first: times[0], best, ...out, firstRss, peakRss: peakRssBytes() };
}

/** Wall-clock times of the CLI itself, each run a new process (node's start and module loading included). */
async function gateCli(file, stateFile, outFile, runs) {
  const { spawnSync } = await import('node:child_process');
  const { copyFileSync } = await import('node:fs');
  const bin = fileURLToPath(new URL('../bin/palisade.js', import.meta.url));
  const walls = [];
  let status;
  for (let i = 0; i < runs; i++) {
    copyFileSync(stateFile, `${stateFile}.cli`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, 'gate', 'vulns', file, '--state', `${stateFile}.cli`, '--as-of', '2026-11-29', '--format', 'json', '-o', outFile, '--no-config'], { stdio: ['ignore', 'ignore', 'pipe'] });
    walls.push(performance.now() - t0);
    status = r.status;
    if (r.status !== 0 && r.status !== 1) throw new Error(`palisade gate exited ${r.status}: ${r.stderr}`);
  }
  const versions = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [bin, 'version'], { stdio: 'ignore' });
    versions.push(performance.now() - t0);
  }
  const sorted = (a) => [...a].sort((x, y) => x - y);
  return { best: sorted(walls)[0], median: sorted(walls)[Math.floor(runs / 2)], status, start: sorted(versions)[Math.floor(runs / 2)] };
}

export async function gateSection(inChild) {
  const n = Number(process.env.BENCH_GATE_FINDINGS ?? 20_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-gate-bench-'));
  const file = path.join(dir, 'trivy.json');
  try {
    const report = generateTrivyReport(n);
    const text = JSON.stringify(report);
    writeFileSync(file, text);
    // A state store that knows every other finding from 60 days before (some late, some in grace).
    const entries = {};
    let i = 0;
    for (const result of report.Results) {
      for (const v of result.Vulnerabilities) {
        if (i++ % 2 === 0) entries[`contoso.azurecr.io/shop/web|${v.VulnerabilityID}|${result.Type}|${v.PkgName}`] = { firstSeen: '2026-09-30', lastSeen: '2026-09-30' };
      }
    }
    const stateFile = path.join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify({ version: 1, entries }));
    const outFile = path.join(dir, 'gate.json');
    const r = await inChild('gate', { file, stateFile, outFile });
    const cli = await gateCli(file, stateFile, outFile, 5);
    const ms = (x) => `${x.toFixed(1)} ms`;
    const phases = (x) => `${ms(x.gate)} = read ${ms(x.read)} + evaluate ${ms(x.evaluate)} + JSON ${ms(x.json)}; with the state store ${ms(x.total)} (read ${ms(x.stateRead)}, write ${ms(x.stateWrite)})`;
    return [
      `gate: Trivy JSON with ${r.findings.toLocaleString('en-US')} findings (${mib(text.length)}), state store of ${Object.keys(entries).length.toLocaleString('en-US')} entries`,
      `  in process, report file read, gated and written as a JSON file (target < 300 ms):`,
      `    first run   ${phases(r.first)}`,
      `    best of 5   ${phases(r.best)}`,
      `  CLI, a new process each run: palisade gate vulns … --state … --format json -o …`,
      `    best ${ms(cli.best)}, median ${ms(cli.median)} of 5 (exit ${cli.status}); of which starting node and loading the CLI: median ${ms(cli.start)} ('palisade version')`,
      `  JSON output ${mib(r.jsonBytes)}${r.findings > 1000 ? ' (more than 1,000 findings: written without indentation)' : ''}; state store after the run: ${r.stateEntries.toLocaleString('en-US')} entries`,
      `  groups      ${Object.entries(r.groups).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `  peak RSS    ${mib(r.firstRss)} after the first run, ${mib(r.peakRss)} after all five (whole process)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What this machine takes to do nothing but parse the same report with JSON.parse and serialise it again
 * with JSON.stringify (the floor any JavaScript gate stands on): the gate's figures read against it.
 */
async function gateBaselineChild({ file }) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const t1 = performance.now();
    const text = JSON.stringify(doc);
    const t2 = performance.now();
    times.push({ parse: t1 - t0, stringify: t2 - t1, total: t2 - t0, bytes: text.length });
  }
  return { first: times[0], best: times.reduce((a, b) => (b.total < a.total ? b : a)), peakRss: peakRssBytes() };
}

export async function gateBaselineSection(inChild) {
  const n = Number(process.env.BENCH_GATE_FINDINGS ?? 20_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-gate-baseline-'));
  const file = path.join(dir, 'trivy.json');
  try {
    writeFileSync(file, JSON.stringify(generateTrivyReport(n)));
    const r = await inChild('gate-baseline', { file });
    const ms = (x) => `${x.toFixed(1)} ms`;
    const line = (x) => `${ms(x.total)} (read and JSON.parse ${ms(x.parse)}, JSON.stringify ${ms(x.stringify)})`;
    return [
      `gate-baseline: the same ${n.toLocaleString('en-US')}-finding report only read with JSON.parse and written back with JSON.stringify (no gate)`,
      `    first run   ${line(r.first)}`,
      `    best of 5   ${line(r.best)}`,
      `  peak RSS    ${mib(r.peakRss)}`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Section: layers (image layer scan)
// ---------------------------------------------------------------------------------------------

/**
 * Writes a multi-layer `docker save` archive of at least `targetBytes` of layer data to `file`, streaming
 * (never in memory): each layer is a tar of many files of varied sizes, plus a few files the layer
 * controls report (.env, setuid). Layers are written to temporary files first (the outer tar needs their
 * sizes), hashed on the way, then deleted.
 *
 * `compression`: 'gzip' compresses every third layer with zlib level 1 (the others stay plain tar), or
 * every layer with `allLayers`; 'zstd' compresses every layer with the zstd tool at `zstd -1` (fast;
 * --long stays off, its default), fed through its standard input as an image builder streams a layer. `content`: 'random' fills files
 * with random (incompressible) bytes, so compression stores them; 'exec' with slices of the node
 * executable, machine code that compresses about as well as a real image's layers, so the decoder
 * does real work.
 */
export async function generateImageArchive(file, targetBytes, { compression = 'gzip', content = 'random', allLayers = false } = {}) {
  const { createHash, randomFillSync } = await import('node:crypto');
  const { createReadStream, createWriteStream, readFileSync: readFile, statSync, unlinkSync } = await import('node:fs');
  const { spawn } = await import('node:child_process');
  const { pipeline } = await import('node:stream/promises');
  const { PassThrough } = await import('node:stream');
  const { createGzip } = await import('node:zlib');
  const tar = (await import('tar-stream')).default;
  const layerCount = 8;
  const perLayer = Math.ceil(targetBytes / layerCount);
  let seed = 0x1a7e;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const sizes = [512, 4096, 20_000, 100_000, 700_000, 2_500_000, 6_000_000];
  const exec = content === 'exec' ? readFile(process.execPath) : undefined;
  const body = (size) => {
    if (!exec) return randomFillSync(Buffer.allocUnsafe(size));
    const at = Math.floor(rnd() * (exec.length - size));
    return exec.subarray(at, at + size);
  };
  /** The layer's bytes from `head` (the tar and its hash) to `tail` (the blob's hash and file): gzip, zstd or nothing between. */
  const chain = (l, head, tail) => {
    if (compression === 'zstd') {
      const z = spawn('zstd', ['-1', '-q', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
      const exited = new Promise((resolve, reject) => {
        z.once('error', reject);
        z.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`zstd exited ${code}`))));
      });
      return Promise.all([pipeline(...head, z.stdin), pipeline(z.stdout, ...tail), exited]);
    }
    if (compression === 'gzip' && (allLayers || l % 3 === 1)) return pipeline(...head, createGzip({ level: 1 }), ...tail);
    return pipeline(...head, ...tail);
  };
  const layers = [];
  for (let l = 0; l < layerCount; l++) {
    const compressed = compression === 'zstd' || (compression === 'gzip' && (allLayers || l % 3 === 1));
    const tmp = `${file}.layer${l}`;
    const pack = tar.pack();
    const diff = createHash('sha256');
    let tarBytes = 0;
    const tee = new PassThrough();
    tee.on('data', (c) => {
      diff.update(c);
      tarBytes += c.length;
    });
    const blobHash = createHash('sha256');
    const hashBlob = new PassThrough();
    hashBlob.on('data', (c) => blobHash.update(c));
    const done = chain(l, [pack, tee], [hashBlob, createWriteStream(tmp)]);
    let size = 0;
    let n = 0;
    const put = (header, data) => new Promise((resolve, reject) => pack.entry(header, data, (e) => (e ? reject(e) : resolve())));
    await put({ name: `layer${l}/`, type: 'directory', mode: 0o755 });
    if (l === 0) await put({ name: 'bin/su', mode: 0o4755 }, Buffer.from('ELF'));
    if (l === layerCount - 1) await put({ name: 'app/.env', mode: 0o644 }, Buffer.from(`TOKEN=ghp_${'Ab3dE'.repeat(7)}x\n`));
    while (size < perLayer) {
      const s = sizes[Math.floor(rnd() * sizes.length)];
      await put({ name: `layer${l}/d${n % 50}/f${n}.bin`, mode: 0o644, size: s }, body(s));
      size += s + 512;
      n++;
    }
    pack.finalize();
    await done;
    layers.push({ tmp, compressed, tarBytes, diffId: `sha256:${diff.digest('hex')}`, digest: `sha256:${blobHash.digest('hex')}`, size: statSync(tmp).size, files: n });
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: new Date().toISOString(),
      config: { User: '10001', Labels: { 'org.opencontainers.image.source': 'https://example.com/bench' } },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:0123 in / ' },
        { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
        ...layers.slice(1).map((_, i) => ({ created_by: `COPY dir:${i} in /app ` })),
      ],
    }),
  );
  const cfgHex = createHash('sha256').update(config).digest('hex');
  const outer = tar.pack();
  const out = pipeline(outer, createWriteStream(file));
  for (const l of layers) {
    await new Promise((resolve, reject) => {
      const entry = outer.entry({ name: `blobs/sha256/${l.digest.slice(7)}`, size: l.size, mode: 0o644 }, (e) => (e ? reject(e) : resolve()));
      createReadStream(l.tmp).pipe(entry);
    });
    unlinkSync(l.tmp);
  }
  outer.entry({ name: `blobs/sha256/${cfgHex}`, mode: 0o644 }, config);
  outer.entry({ name: 'manifest.json', mode: 0o644 }, JSON.stringify([{ Config: `blobs/sha256/${cfgHex}`, RepoTags: ['bench/layers:1'], Layers: layers.map((l) => `blobs/sha256/${l.digest.slice(7)}`) }]));
  outer.finalize();
  await out;
  return {
    layers: layers.length,
    compressedLayers: layers.filter((l) => l.compressed).length,
    files: layers.reduce((a, l) => a + l.files, 0),
    tarBytes: layers.reduce((a, l) => a + l.tarBytes, 0),
    bytes: statSync(file).size,
  };
}

async function layersChild({ file }) {
  const { scan } = await import(new URL('scan.js', DIST).href);
  const t0 = performance.now();
  const result = await scan({ paths: [file], noConfig: true });
  const ms = performance.now() - t0;
  return {
    ms,
    findings: result.findings.map((f) => f.controlId),
    inputErrors: result.inputErrors.map((e) => e.message),
    peakRss: peakRssBytes(),
  };
}

/**
 * The archives scanned, from BENCH_LAYER_VARIANTS (comma-separated, default all three): `gzip` (the
 * original: 3 of 8 layers gzip, random data), `zstd` (every layer `zstd -1`, the same random data: the
 * figure to read against gzip's) and `zstd-exec` (every layer `zstd -1`, executable code: what decoding
 * a compressed layer costs); `gzip-exec` (every layer gzip, executable code) is there to read zstd-exec
 * against. The zstd variants need the zstd tool (Debian package zstd) and are left out, saying so,
 * without it.
 */
const LAYER_VARIANTS = {
  gzip: { compression: 'gzip', content: 'random' },
  zstd: { compression: 'zstd', content: 'random' },
  'zstd-exec': { compression: 'zstd', content: 'exec' },
  'gzip-exec': { compression: 'gzip', content: 'exec', allLayers: true },
};

export async function layersSection(inChild) {
  const { spawnSync } = await import('node:child_process');
  const target = Number(process.env.BENCH_LAYER_MB ?? 520) * 1024 * 1024;
  const names = (process.env.BENCH_LAYER_VARIANTS ?? 'gzip,zstd,zstd-exec').split(',').map((s) => s.trim()).filter(Boolean);
  const haveZstd = !spawnSync('zstd', ['--version']).error;
  const out = [];
  for (const name of names) {
    const variant = LAYER_VARIANTS[name];
    if (!variant) {
      out.push(`layers (${name}): no such variant (have ${Object.keys(LAYER_VARIANTS).join(', ')})`);
      continue;
    }
    if (variant.compression === 'zstd' && !haveZstd) {
      out.push(`layers (${name}): left out, the zstd tool is not installed (Debian package zstd)`);
      continue;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-layer-bench-'));
    const file = path.join(dir, 'image.tar');
    try {
      const g0 = performance.now();
      const gen = await generateImageArchive(file, target, variant);
      const genMs = performance.now() - g0;
      const r = await inChild('layers', { file });
      const secs = r.ms / 1000;
      const counts = {};
      for (const id of r.findings) counts[id] = (counts[id] ?? 0) + 1;
      const how = variant.compression === 'zstd' ? `${gen.compressedLayers} zstd -1` : `${gen.compressedLayers} gzip`;
      const data = variant.content === 'exec' ? 'slices of the node executable' : 'random data';
      out.push(
        [
          `${name === 'gzip' ? 'layers' : `layers (${name})`}: docker save archive of ${mib(gen.bytes)} (${gen.layers} layers, ${how}, ${gen.files.toLocaleString('en-US')} files of ${data}, ${mib(gen.tarBytes)} uncompressed; generated in ${(genMs / 1000).toFixed(1)} s)`,
          `  scan        ${secs.toFixed(2)} s = ${(gen.bytes / 1e6 / secs).toFixed(0)} MB/s of archive, ${(gen.tarBytes / 1e6 / secs).toFixed(0)} MB/s of layer data  target ≥ 100 MB/s`,
          `  peak RSS    ${mib(r.peakRss)} (whole process)  target < 200 MB`,
          `  findings    ${Object.entries(counts).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none'}${r.inputErrors.length ? `; input errors: ${r.inputErrors.join('; ')}` : ''}`,
        ].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Sections and plumbing
// ---------------------------------------------------------------------------------------------

/** name → { run (parent, returns text), child (runs in the fresh process, returns JSON-able figures) } */
export const SECTIONS = {
  gate: { run: gateSection, child: gateChild },
  'gate-baseline': { run: gateBaselineSection, child: gateBaselineChild },
  layers: { run: layersSection, child: layersChild },
};

if (isMain(SELF)) await runSections(SELF, 'palisade build bench', SECTIONS);

