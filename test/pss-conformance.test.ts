/**
 * Conformance with the upstream Kubernetes pod-security-admission fixtures (shared/conformance/pss): every
 * fixture of every level and policy version runs through the real library path (scan → detect → parse →
 * normalize → evaluate) with the pss-baseline or pss-restricted profile.
 *
 *   allow fixture → no finding and nothing "not evaluated";
 *   deny fixture  → at least one finding, and one of them maps to the fixture's check id (frameworks.pss) with a
 *                   message containing upstream's expected denial substring.
 *
 * A second suite wraps fixtures into every workload controller kind and checks the verdict does not change.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/model/types.js';
import { scan } from '../src/scan.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedRoot = process.env.PALISADE_SHARED ? path.resolve(process.env.PALISADE_SHARED) : path.resolve(repoRoot, '../shared');
const pssRoot = path.join(sharedRoot, 'conformance', 'pss');
const manifestPath = path.join(pssRoot, 'manifest.csv');

type Level = 'baseline' | 'restricted';

interface Fixture {
  level: Level;
  /** "v1.N" */
  version: string;
  expected: 'allow' | 'deny';
  checkId: string;
  /** Absolute path. */
  file: string;
  substring: string;
}

function readManifest(): Fixture[] {
  const lines = readFileSync(manifestPath, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift();
  if (header !== 'level,version,expected,check_id,file,expected_error_substring') {
    throw new Error(`unexpected header in ${manifestPath}: ${header}`);
  }
  return lines.map((line, i) => {
    const cols = line.split(',');
    if (cols.length !== 6) throw new Error(`${manifestPath}:${i + 2}: expected 6 columns, got ${cols.length}`);
    const [level, version, expected, checkId, file, substring] = cols as [string, string, string, string, string, string];
    if ((level !== 'baseline' && level !== 'restricted') || (expected !== 'allow' && expected !== 'deny')) {
      throw new Error(`${manifestPath}:${i + 2}: unexpected level/expected '${level}'/'${expected}'`);
    }
    return { level, version, expected, checkId, file: path.resolve(pssRoot, file), substring };
  });
}

function profileFor(level: Level): string {
  return level === 'baseline' ? 'pss-baseline' : 'pss-restricted';
}

function rel(file: string): string {
  return path.relative(pssRoot, file);
}

function describeFinding(f: Finding): string {
  return `${f.controlId} [${(f.frameworks.pss ?? []).join(',')}] ${f.location.pointer}: ${f.message}`;
}

/** Groups findings by file (absolute path). */
function byFile<T extends { location: { file: string } }>(items: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const key = path.resolve(it.location.file);
    let list = m.get(key);
    if (!list) m.set(key, (list = []));
    list.push(it);
  }
  return m;
}

/** Mismatches of one fixture against its expected verdict, as readable lines (empty when it conforms). */
function judge(fx: Fixture, findings: Finding[], notEvaluated: { controlId: string; reason: string }[]): string[] {
  const out: string[] = [];
  if (fx.expected === 'allow') {
    for (const f of findings) out.push(`${rel(fx.file)}: expected allow, got ${describeFinding(f)}`);
    for (const n of notEvaluated) out.push(`${rel(fx.file)}: expected allow, got not evaluated ${n.controlId}: ${n.reason}`);
    return out;
  }
  if (findings.length === 0) {
    out.push(`${rel(fx.file)}: expected deny (${fx.checkId}), got no finding`);
    return out;
  }
  const matching = findings.filter((f) => f.frameworks.pss?.includes(fx.checkId));
  if (matching.length === 0) {
    out.push(`${rel(fx.file)}: expected a ${fx.checkId} finding, got ${findings.map(describeFinding).join(' | ')}`);
  } else if (fx.substring && !matching.some((f) => f.message.includes(fx.substring))) {
    out.push(`${rel(fx.file)}: no ${fx.checkId} message contains '${fx.substring}': ${matching.map(describeFinding).join(' | ')}`);
  }
  return out;
}

const fixturesPresent = existsSync(manifestPath);

describe('Pod Security Standards conformance (upstream pod-security-admission fixtures)', () => {
  if (!fixturesPresent) {
    it('finds the shared conformance fixtures', () => {
      throw new Error(
        `PSS conformance fixtures not found: looked for ${manifestPath} (shared folder ${sharedRoot}). ` +
          'Set PALISADE_SHARED to the folder that contains conformance/pss.',
      );
    });
    return;
  }

  const fixtures = readManifest();
  const groups = new Map<string, Fixture[]>();
  for (const fx of fixtures) {
    const key = `${fx.level}/${fx.version}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(fx);
  }
  const minor = (key: string) => Number(key.split('/v1.')[1]);
  const levelOf = (key: string) => key.split('/')[0] ?? '';
  const keys = [...groups.keys()].sort((a, b) => levelOf(a).localeCompare(levelOf(b)) || minor(a) - minor(b));

  it('covers the whole manifest: 4,537 fixtures, both levels, v1.0 … v1.37', () => {
    expect(fixtures.length).toBe(4537);
    for (const level of ['baseline', 'restricted']) {
      for (let v = 0; v <= 37; v++) expect(groups.has(`${level}/v1.${v}`), `${level}/v1.${v}`).toBe(true);
    }
    expect(groups.size).toBe(76);
  });

  for (const key of keys) {
    const list = groups.get(key) as Fixture[];
    const [level, version] = key.split('/') as [Level, string];
    it(`${level} ${version}: ${list.length} fixtures`, async () => {
      const folder = path.join(pssRoot, 'testdata', level, version);
      const result = await scan({ paths: [folder], profile: profileFor(level), pssVersion: version, noConfig: true });
      expect(result.inputErrors.map((e) => `${e.file}: ${e.message}`)).toEqual([]);
      const findings = byFile(result.findings);
      const skipped = byFile(result.notEvaluated);
      const listed = new Set(list.map((f) => f.file));
      const mismatches: string[] = [];
      for (const fx of list) mismatches.push(...judge(fx, findings.get(fx.file) ?? [], skipped.get(fx.file) ?? []));
      // Files the scan saw that the manifest does not list would go unjudged.
      for (const file of new Set([...findings.keys(), ...skipped.keys()])) {
        if (!listed.has(file)) mismatches.push(`${rel(file)}: not in manifest.csv`);
      }
      expect(result.summary.files).toBe(list.length);
      expect(mismatches).toEqual([]);
    });
  }
});

/** Pod → workload controller wrappers: the pod's metadata and spec become the template. */
const WRAPPERS: Record<string, (name: string, template: { metadata: unknown; spec: unknown }) => object> = {
  Deployment: (name, template) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'conformance' },
    spec: { selector: { matchLabels: { app: name } }, template },
  }),
  StatefulSet: (name, template) => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'conformance' },
    spec: { serviceName: name, selector: { matchLabels: { app: name } }, template },
  }),
  DaemonSet: (name, template) => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'conformance' },
    spec: { selector: { matchLabels: { app: name } }, template },
  }),
  Job: (name, template) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'conformance' },
    spec: { template },
  }),
  CronJob: (name, template) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'conformance' },
    spec: { schedule: '0 * * * *', jobTemplate: { spec: { template } } },
  }),
  ReplicationController: (name, template) => ({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name, namespace: 'conformance' },
    spec: { selector: { app: name }, template },
  }),
  PodTemplate: (name, template) => ({
    apiVersion: 'v1',
    kind: 'PodTemplate',
    metadata: { name, namespace: 'conformance' },
    template,
  }),
};

/** Level/version folders whose fixtures are wrapped: one before and after each rule change that matters. */
const WRAPPED_SAMPLE: [Level, string][] = [
  ['baseline', 'v1.0'],
  ['baseline', 'v1.19'],
  ['baseline', 'v1.34'],
  ['baseline', 'v1.37'],
  ['restricted', 'v1.0'],
  ['restricted', 'v1.8'],
  ['restricted', 'v1.22'],
  ['restricted', 'v1.25'],
  ['restricted', 'v1.35'],
  ['restricted', 'v1.37'],
];

describe('Pod Security Standards verdicts are the same for a pod and its workload controllers', () => {
  if (!fixturesPresent) {
    it('finds the shared conformance fixtures', () => {
      throw new Error(`PSS conformance fixtures not found: looked for ${manifestPath} (shared folder ${sharedRoot}).`);
    });
    return;
  }
  const fixtures = readManifest();
  const work = mkdtempSync(path.join(tmpdir(), 'palisade-pss-wrap-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const [level, version] of WRAPPED_SAMPLE) {
    const list = fixtures.filter((f) => f.level === level && f.version === version);
    it(`${level} ${version}: ${list.length} pods × ${Object.keys(WRAPPERS).length} controller kinds`, async () => {
      const dir = mkdtempSync(path.join(work, `${level}-${version}-`));
      const sourceOf = new Map<string, Fixture>();
      for (const fx of list) {
        const pod = yaml.load(readFileSync(fx.file, 'utf8')) as { metadata: { name: string }; spec: unknown };
        const template = { metadata: pod.metadata, spec: pod.spec };
        const docs = Object.values(WRAPPERS).map((wrap) => yaml.dump(wrap(pod.metadata.name, template), { noRefs: true }));
        const out = path.join(dir, `${fx.expected}-${path.basename(fx.file)}`);
        writeFileSync(out, docs.join('---\n'));
        sourceOf.set(out, fx);
      }
      const profile = profileFor(level);
      const [asPods, wrapped] = await Promise.all([
        scan({ paths: [path.join(pssRoot, 'testdata', level, version)], profile, pssVersion: version, noConfig: true }),
        scan({ paths: [dir], profile, pssVersion: version, noConfig: true }),
      ]);
      expect(wrapped.inputErrors.map((e) => `${e.file}: ${e.message}`)).toEqual([]);
      expect(wrapped.notEvaluated).toEqual([]);

      const podChecks = new Map<string, string>();
      for (const [file, fs] of byFile(asPods.findings)) podChecks.set(file, checkSet(fs));
      const wrappedChecks = new Map<string, string>();
      for (const f of wrapped.findings) {
        const key = `${path.resolve(f.location.file)}|${f.resource.kind}`;
        wrappedChecks.set(key, [wrappedChecks.get(key), ...(f.frameworks.pss ?? [])].filter(Boolean).join(','));
      }
      const mismatches: string[] = [];
      for (const [out, fx] of sourceOf) {
        const want = podChecks.get(fx.file) ?? '';
        if ((fx.expected === 'deny') !== (want !== '')) mismatches.push(`${rel(fx.file)}: pod verdict is not ${fx.expected}`);
        for (const kind of Object.keys(WRAPPERS)) {
          const raw = wrappedChecks.get(`${path.resolve(out)}|${kind}`) ?? '';
          const got = raw ? [...new Set(raw.split(','))].sort().join(',') : '';
          if (got !== want) mismatches.push(`${rel(fx.file)} as ${kind}: checks [${got}], as a Pod [${want}]`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

function checkSet(findings: Finding[]): string {
  return [...new Set(findings.flatMap((f) => f.frameworks.pss ?? []))].sort().join(',');
}
