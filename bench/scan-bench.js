#!/usr/bin/env node
/**
 * Scan throughput and memory benchmark. Prints figures; never fails on a time.
 *
 *   npm run bench                         1k, 10k and 100k workloads in YAML, 10k in one JSON List
 *   BENCH_SIZES=1000,10000 npm run bench  only the sizes given (the JSON case runs when 10000 is among them)
 *   BENCH_KEEP=1 npm run bench            keep the generated manifests (path printed)
 *   BENCH_REPEAT=3 npm run bench          run each measurement 3 times, report the fastest (for noisy machines)
 *
 * Each measurement runs in a fresh child process, so its peak RSS is its own:
 *   scan   the library scan() of the folder, default profile, no configuration file;
 *   floor  the least any YAML scanner must do: read every file and js-yaml loadAll() it (default schema, the
 *          floor the target is set against; also with the core schema, a stricter floor)
 *          (JSON.parse for the JSON case), keeping nothing.
 * The manifests are generated deterministically (seeded) into os.tmpdir().
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { peakRssBytes } from './harness.js';

const SELF = fileURLToPath(import.meta.url);
const DOCS_PER_FILE = 1000;
const SEED = 0x5ca1ab1e;

// ---------------------------------------------------------------------------------------------
// Child: one measurement.
// ---------------------------------------------------------------------------------------------


function listFiles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

function countResources(value) {
  if (value && typeof value === 'object' && Array.isArray(value.items) && typeof value.kind === 'string' && value.kind.endsWith('List')) {
    return value.items.length;
  }
  return value && typeof value === 'object' ? 1 : 0;
}

/**
 * Spot-checks that findings point at the field they are about: for a sample of findings, the line they
 * name must hold the last key of their pointer (or start an item, for an array index).
 */
function checkLines(findings) {
  const step = Math.max(1, Math.floor(findings.length / 2000));
  const byFile = new Map();
  for (let i = 0; i < findings.length; i += step) {
    const f = findings[i];
    let list = byFile.get(f.location.file);
    if (!list) byFile.set(f.location.file, (list = []));
    list.push(f);
  }
  let checked = 0;
  let wrongCount = 0;
  const wrong = [];
  for (const [file, list] of byFile) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const f of list) {
      checked++;
      const last = (f.location.pointer.split('/').pop() ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
      const text = (lines[(f.location.line ?? 0) - 1] ?? '').trim();
      const json = file.endsWith('.json');
      const ok = /^\d+$/.test(last)
        ? json ? text !== '' && !/^[}\]]/.test(text) : text.startsWith('-')
        : json ? text.startsWith(`"${last}"`) : text.startsWith(`${last}:`) || text.startsWith(`- ${last}:`);
      if (ok) continue;
      wrongCount++;
      if (wrong.length < 5) wrong.push(`${f.controlId} ${path.basename(file)}:${f.location.line} ${f.location.pointer} -> '${text}'`);
    }
  }
  return { linesChecked: checked, linesWrongCount: wrongCount, linesWrong: wrong };
}

async function child(mode, dir) {
  globalThis.gc?.();
  const files = listFiles(dir);
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  const start = process.hrtime.bigint();
  const out = { mode, files: files.length, bytes, resources: 0, findings: 0, failed: 0, exempted: 0, inputErrors: 0 };
  if (mode === 'scan') {
    const { scan } = await import(new URL('../dist/index.js', import.meta.url).href);
    // The import is not part of the scan: restart the clock.
    const t0 = process.hrtime.bigint();
    const result = await scan({ paths: [dir], noConfig: true });
    out.ms = Number(process.hrtime.bigint() - t0) / 1e6;
    out.resources = result.summary.resources;
    out.findings = result.summary.findings;
    out.failed = result.summary.failed;
    out.exempted = result.summary.exempted;
    out.inputErrors = result.summary.inputErrors;
    out.withLine = result.findings.filter((f) => typeof f.location.line === 'number').length;
    const byControl = {};
    for (const f of result.findings) byControl[f.controlId] = (byControl[f.controlId] ?? 0) + 1;
    out.byControl = byControl;
    // Memory first: the line check below reads files again.
    out.peakRss = peakRssBytes();
    Object.assign(out, checkLines(result.findings));
  } else if (mode === 'floor-yaml' || mode === 'floor-yaml-default') {
    // 'floor-yaml-default' is the floor the issue defines (plain js-yaml loadAll, default schema);
    // 'floor-yaml' uses the core schema Palisade itself parses with, which is faster: a stricter floor.
    const options = mode === 'floor-yaml' ? { schema: yaml.CORE_SCHEMA } : undefined;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      yaml.loadAll(text, (doc) => {
        out.resources += countResources(doc);
      }, options);
    }
    out.ms = Number(process.hrtime.bigint() - start) / 1e6;
  } else if (mode === 'floor-json') {
    for (const f of files) out.resources += countResources(JSON.parse(readFileSync(f, 'utf8')));
    out.ms = Number(process.hrtime.bigint() - start) / 1e6;
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  out.peakRss ??= peakRssBytes();
  process.send(out, () => process.disconnect());
}

// ---------------------------------------------------------------------------------------------
// Generator: realistic, deterministic workloads.
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough to make the estate look varied and stay reproducible. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    hex: (n) => {
      let s = '';
      while (s.length < n) s += Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
      return s.slice(0, n);
    },
  };
}

const TEAMS = ['storefront', 'payments', 'identity', 'search', 'catalog', 'orders', 'shipping', 'loyalty', 'pricing', 'reviews', 'notifications', 'analytics', 'fraud', 'billing', 'inventory', 'recommendations', 'media', 'support', 'warehouse', 'partners'];
const COMPONENTS = ['api', 'worker', 'web', 'gateway', 'consumer', 'scheduler', 'cache', 'indexer', 'exporter', 'sync'];
const KINDS = [
  ['Deployment', 35],
  ['StatefulSet', 10],
  ['DaemonSet', 5],
  ['CronJob', 10],
  ['Job', 10],
  ['Pod', 20],
  ['ReplicaSet', 10],
];
const KIND_TOTAL = KINDS.reduce((s, [, w]) => s + w, 0);
const API_VERSION = { Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', CronJob: 'batch/v1', Job: 'batch/v1', Pod: 'v1' };
const PUBLIC_IMAGES = ['docker.io/library/nginx', 'docker.io/library/redis', 'docker.io/bitnami/kubectl', 'ghcr.io/example/tool', 'quay.io/prometheus/busybox', 'docker.io/library/python'];

function pickKind(r) {
  let n = r.int(KIND_TOTAL);
  for (const [k, w] of KINDS) {
    if (n < w) return k;
    n -= w;
  }
  return 'Deployment';
}

function image(r, team, component, insecure) {
  if (insecure && r.chance(0.35)) {
    const base = r.pick(PUBLIC_IMAGES);
    return r.chance(0.5) ? `${base}:latest` : r.chance(0.5) ? base : `${base}:1.${r.int(30)}`;
  }
  const ref = `contoso.azurecr.io/${team}/${component}:${1 + r.int(4)}.${r.int(20)}.${r.int(10)}`;
  if (insecure && r.chance(0.3)) return ref; // tag only, not pinned
  return `${ref}@sha256:${r.hex(64)}`;
}

function container(r, team, component, name, insecure, defects) {
  const cpu = 50 * (1 + r.int(10));
  const memory = 64 * (1 + r.int(16));
  const c = {
    name,
    image: image(r, team, component, insecure),
    ports: [{ name: 'http', containerPort: 8080 }],
    env: [],
    resources: {
      requests: { cpu: `${cpu}m`, memory: `${memory}Mi` },
      limits: { cpu: `${cpu * (2 + r.int(3))}m`, memory: `${memory * 2}Mi` },
    },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
  if (r.chance(0.4)) c.env.push({ name: 'LOG_LEVEL', value: r.pick(['Information', 'Warning', 'Debug']) });
  if (r.chance(0.2)) c.env.push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${team}-db`, key: 'password' } } });
  if (insecure) {
    const sc = c.securityContext;
    if (defects.has('privileged')) sc.privileged = true;
    if (defects.has('escalation')) delete sc.allowPrivilegeEscalation;
    if (defects.has('caps')) sc.capabilities = { add: [r.pick(['NET_ADMIN', 'SYS_ADMIN', 'NET_RAW', 'SYS_PTRACE'])] };
    if (defects.has('root')) sc.runAsUser = 0;
    if (defects.has('writable')) sc.readOnlyRootFilesystem = false;
    if (defects.has('limits')) delete c.resources.limits;
    if (defects.has('secretEnv')) c.env.push({ name: 'API_TOKEN', value: `fake-${r.hex(24)}` });
    if (defects.has('ssh')) c.ports.push({ name: 'ssh', containerPort: 22, protocol: 'TCP' });
    if (defects.has('hostPort')) c.ports[0].hostPort = 8080;
    if (defects.has('socket')) c.volumeMounts.push({ name: 'docker-sock', mountPath: '/var/run/docker.sock' });
    if (defects.has('hostEtc')) c.volumeMounts.push({ name: 'host-etc', mountPath: '/host/etc', readOnly: true });
  }
  if (c.env.length === 0) delete c.env;
  if (r.chance(0.4)) c.readinessProbe = { httpGet: { path: '/ready', port: 'http' } };
  return c;
}

/** Batch pods serve nothing: no ports or probes unless a defect put them there. */
function batchPod(podSpec, defects) {
  for (const c of podSpec.containers) {
    delete c.readinessProbe;
    if (!defects.has('ssh') && !defects.has('hostPort')) delete c.ports;
  }
}

const DEFECTS = ['privileged', 'escalation', 'caps', 'root', 'writable', 'limits', 'secretEnv', 'ssh', 'hostPort', 'socket', 'hostEtc', 'hostNetwork', 'noSeccomp', 'nonRootMissing', 'automount', 'legacyAnnotation', 'defaultNs'];

function workload(r, i) {
  const kind = pickKind(r);
  const team = TEAMS[i % TEAMS.length];
  const component = r.pick(COMPONENTS);
  const name = `${team}-${component}-${i}`;
  // A realistic estate: a little over half hardened, the rest with one to four defects.
  const insecure = r.chance(0.45);
  const defects = new Set();
  if (insecure) for (let n = 1 + r.int(4); n > 0; n--) defects.add(r.pick(DEFECTS));
  const labels = { app: name, team };
  const podSpec = {
    serviceAccountName: `${team}-${component}`,
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: 10000 + r.int(5000), seccompProfile: { type: 'RuntimeDefault' } },
    containers: [container(r, team, component, component, insecure, defects)],
    volumes: [{ name: 'tmp', emptyDir: {} }],
  };
  if (r.chance(0.1)) podSpec.initContainers = [container(r, team, 'init', 'init', insecure && r.chance(0.5), defects)];
  if (defects.has('hostNetwork')) podSpec.hostNetwork = true;
  if (defects.has('noSeccomp')) delete podSpec.securityContext.seccompProfile;
  if (defects.has('nonRootMissing')) delete podSpec.securityContext.runAsNonRoot;
  // The token of the namespace's default service account, mounted: what `kubectl create deployment` gives you.
  if (defects.has('automount')) {
    delete podSpec.automountServiceAccountToken;
    delete podSpec.serviceAccountName;
  }
  if (defects.has('socket')) podSpec.volumes.push({ name: 'docker-sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } });
  if (defects.has('hostEtc')) podSpec.volumes.push({ name: 'host-etc', hostPath: { path: '/etc', type: 'Directory' } });
  const podMeta = { labels: { app: name } };
  if (defects.has('legacyAnnotation')) podMeta.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' };

  const metadata = { name, labels };
  if (!defects.has('defaultNs')) metadata.namespace = team;
  else if (r.chance(0.5)) metadata.namespace = 'default';

  const template = { metadata: podMeta, spec: podSpec };
  const selector = { matchLabels: { app: name } };
  const obj = { apiVersion: API_VERSION[kind], kind, metadata };
  switch (kind) {
    case 'Pod':
      if (podMeta.annotations) metadata.annotations = podMeta.annotations;
      obj.spec = podSpec;
      break;
    case 'Deployment':
      obj.spec = { replicas: 1 + r.int(5), selector, template };
      break;
    case 'ReplicaSet':
      obj.spec = { replicas: 1 + r.int(3), selector, template };
      break;
    case 'StatefulSet':
      obj.spec = {
        serviceName: name,
        replicas: 1 + r.int(3),
        selector,
        template,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${8 << r.int(5)}Gi` } } } }],
      };
      podSpec.containers[0].volumeMounts.push({ name: 'data', mountPath: '/data' });
      break;
    case 'DaemonSet':
      obj.spec = { selector, updateStrategy: { type: 'RollingUpdate' }, template };
      podSpec.tolerations = [{ operator: 'Exists' }];
      break;
    case 'Job':
      batchPod(podSpec, defects);
      podSpec.restartPolicy = 'Never';
      obj.spec = { backoffLimit: 2, ttlSecondsAfterFinished: 3600, template };
      break;
    case 'CronJob':
      batchPod(podSpec, defects);
      podSpec.restartPolicy = 'OnFailure';
      obj.spec = { schedule: `${r.int(60)} ${r.int(24)} * * *`, concurrencyPolicy: 'Forbid', jobTemplate: { spec: { backoffLimit: 2, template } } };
      break;
  }
  return obj;
}

const DUMP = { lineWidth: -1, noRefs: true, noArrayIndent: true };

/** Writes `count` workloads into files of DOCS_PER_FILE documents; returns the bytes written. */
function generateYaml(dir, count, seed) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  let bytes = 0;
  for (let file = 0, i = 0; i < count; file++) {
    const parts = [`# generated by bench/scan-bench.js (seed ${seed}), file ${file}\n`];
    for (let d = 0; d < DOCS_PER_FILE && i < count; d++, i++) parts.push(`---\n${yaml.dump(workload(r, i), DUMP)}`);
    const text = parts.join('');
    writeFileSync(path.join(dir, `workloads-${String(file).padStart(4, '0')}.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** Recursively sorts keys, as `kubectl get -o json` prints them. */
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

/** One `kind: List` file as `kubectl get deploy,sts,ds,cj,job,po,rs -A -o json` prints it. */
function generateJsonList(dir, count, seed) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const items = [];
  for (let i = 0; i < count; i++) {
    const o = workload(r, i);
    o.metadata.namespace ??= 'default';
    o.metadata.uid = `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-8${r.hex(3)}-${r.hex(12)}`;
    o.metadata.resourceVersion = String(1_000_000 + i);
    o.metadata.creationTimestamp = '2026-10-01T08:00:00Z';
    o.status = {};
    items.push(sortKeys(o));
  }
  const text = JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4) + '\n';
  writeFileSync(path.join(dir, 'workloads.json'), text);
  return Buffer.byteLength(text);
}

// ---------------------------------------------------------------------------------------------
// Parent: generate, measure, print.
// ---------------------------------------------------------------------------------------------

function measure(mode, dir) {
  return new Promise((resolve, reject) => {
    const cp = fork(SELF, ['--child', mode, dir], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result;
    cp.on('message', (m) => (result = m));
    cp.on('error', reject);
    cp.on('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`${mode} child for ${dir} exited with ${signal ?? code} and no result`));
    });
  });
}

const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmt1 = (n) => n.toFixed(1);
const MB = 1024 * 1024;

function row(cells, widths) {
  return cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

async function main() {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  const root = mkdtempSync(path.join(os.tmpdir(), 'palisade-bench-'));
  const cases = [];
  console.log(`palisade scan benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${fmt1(os.totalmem() / 1024 ** 3)} GiB`);
  console.log(`manifests in ${root}`);
  try {
    for (const n of sizes) {
      const dir = path.join(root, `yaml-${n}`);
      const t0 = Date.now();
      const bytes = generateYaml(dir, n, SEED + n);
      console.log(`generated ${fmtInt(n)} workloads, ${fmt1(bytes / MB)} MB YAML (${(bytes / n / 1024).toFixed(2)} KB each) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const size = n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
      cases.push({ label: `yaml ${size}`, dir, floorMode: 'floor-yaml' });
    }
    if (sizes.includes(10000)) {
      const dir = path.join(root, 'json-10000');
      const bytes = generateJsonList(dir, 10000, SEED + 10000);
      console.log(`generated 10,000 workloads as one kubectl List, ${fmt1(bytes / MB)} MB JSON`);
      cases.push({ label: 'json 10k (List)', dir, floorMode: 'floor-json' });
    }

    const widths = [16, 8, 10, 9, 9, 10, 8, 10, 10];
    const lines = [];
    lines.push(row(['case', 'run', 'resources', 'input MB', 'wall s', 'res/s', 'MB/s', 'peak RSS', 'findings'], widths));
    lines.push('-'.repeat(widths.reduce((s, w) => s + w + 2, -2)));
    const details = [];
    const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1) || 1);
    const best = async (mode, dir) => {
      let fastest;
      for (let i = 0; i < repeat; i++) {
        const m = await measure(mode, dir);
        if (!fastest || m.ms < fastest.ms) fastest = m;
      }
      return fastest;
    };
    for (const c of cases) {
      const floors = c.floorMode === 'floor-yaml'
        ? [['loadAll', await best('floor-yaml-default', c.dir)], ['core', await best('floor-yaml', c.dir)]]
        : [['floor', await best(c.floorMode, c.dir)]];
      const floor = floors[0][1];
      const scan = await best('scan', c.dir);
      for (const [run, m] of [...floors, ['scan', scan]]) {
        const s = m.ms / 1000;
        lines.push(
          row(
            [c.label, run, fmtInt(m.resources), fmt1(m.bytes / MB), s.toFixed(2), fmtInt(m.resources / s), fmt1(m.bytes / MB / s), `${fmtInt(m.peakRss / MB)} MB`, run === 'scan' ? fmtInt(m.findings) : ''],
            widths,
          ),
        );
      }
      for (const [name, f] of floors) {
        lines.push(row(['', floors.length > 1 ? `÷${name}` : 'ratio', '', '', `${(scan.ms / f.ms).toFixed(2)}×`, '', '', `${(scan.peakRss / f.peakRss).toFixed(2)}×`, ''], widths));
      }
      details.push(
        `${c.label}: ${fmtInt(scan.findings)} findings (${fmtInt(scan.failed)} failed, ${fmtInt(scan.exempted)} exempted, ${fmtInt(scan.withLine)} with a line; ` +
          `${fmtInt(scan.linesChecked)} sampled, ${scan.linesWrongCount === 0 ? 'all on the line of their field' : `${scan.linesWrongCount} on another line, e.g. ${scan.linesWrong.join('; ')}`}), ` +
          `${scan.inputErrors} input errors; by control: ${Object.entries(scan.byControl).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ') || 'none'}`,
      );
      if (scan.resources !== floor.resources) details.push(`  note: scan counted ${scan.resources} resources, floor ${floor.resources}`);
    }
    console.log('');
    console.log(lines.join('\n'));
    console.log('');
    console.log('loadAll = read + js-yaml loadAll (default schema), keeping nothing: the floor the target is set against;');
    console.log('core = the same with the core schema Palisade parses with (a stricter floor); floor (JSON) = read + JSON.parse;');
    console.log('scan = library scan(), default profile, positions on every finding.');
    console.log(`÷x / ratio = scan divided by that floor (wall time, peak RSS). Each run in its own process${repeat > 1 ? `, fastest of ${repeat}` : ''}.`);
    console.log('');
    for (const d of details) console.log(d);
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  await main();
}
