import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { sarifValidator } from './sarif-validator.js';
import { sharedDir } from './shared.js';

const TRIVY = path.join(sharedDir(), 'data', 'vulns', 'trivy', 'integration', 'testdata');
const GRYPE = path.join(sharedDir(), 'data', 'vulns', 'grype', 'grype', 'presenter', 'explain', 'testdata');
const ALPINE39 = path.join(TRIVY, 'alpine-39.json.golden');
const CENTOS7 = path.join(TRIVY, 'centos-7.json.golden');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: Readable.from([]), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'palisade-gate-'));
}

/* eslint-disable @typescript-eslint/no-explicit-any -- reading the outputs back as plain JSON */
type Json = any;

function parseXml(xml: string): { name: string; attrs: Record<string, string> }[] {
  const parser = new SaxesParser();
  const out: { name: string; attrs: Record<string, string> }[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => out.push({ name: t.name, attrs: t.attributes as Record<string, string> }));
  parser.write(xml).close();
  return out;
}

describe('palisade gate vulns: exit codes', () => {
  it('exits 0 when nothing must be fixed now (no state: first seen is --as-of)', async () => {
    const r = await run(['gate', 'vulns', ALPINE39, CENTOS7, '--no-config', '--as-of', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/FIX NOW \(0\)/);
    expect(r.stdout).toMatch(/Fix by 2026-12-06 \(\d+\):/);
    expect(r.stdout).toMatch(/SECOPS BACKLOG \(1\)/);
    expect(r.stdout).toMatch(/Base vs application:/);
    expect(r.stdout).toMatch(/Result: PASS/);
  });

  it('exits 1 when something must be fixed now (graceDays 0 in the policy file)', async () => {
    const dir = tmp();
    const cfg = path.join(dir, 'palisade.yaml');
    writeFileSync(cfg, 'gate:\n  vulnerabilities:\n    graceDays: { critical: 0, high: 30, medium: 90, low: 180 }\n');
    const r = await run(['gate', 'vulns', ALPINE39, '--config', cfg, '--as-of', '2026-11-29', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(out).toMatchObject({ schemaVersion: 1, kind: 'palisade.gate.vulnerabilities', asOf: '2026-11-29', exitCode: 1 });
    expect(out.summary.groups['fix-now']).toBe(2);
    for (const f of out.findings) {
      expect(['fix-now', 'in-grace', 'secops-backlog', 'suppressed']).toContain(f.gate.group);
      if (f.gate.group === 'in-grace') expect(f.gate.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.gate.firstSeen).toBe('2026-11-29');
      expect(f).toHaveProperty('package.name');
    }
  });

  it('exits 2 on unusable input: every report bad, a bad policy file, a bad date', async () => {
    const dir = tmp();
    const cut = path.join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(ALPINE39, 'utf8').slice(0, 500));
    const bad = await run(['gate', 'vulns', cut, path.join(TRIVY, 'alpine-310.gitlab.golden'), '--no-config', '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cut\.json: not valid JSON at line \d+, column \d+/);
    expect(bad.stderr).toMatch(/alpine-310\.gitlab\.golden: not a vulnerability report/);
    const cfg = path.join(dir, 'bad.yaml');
    writeFileSync(cfg, 'gate:\n  vulnerabilities:\n    graceDays: { critical: soon }\n');
    const badCfg = await run(['gate', 'vulns', ALPINE39, '--config', cfg]);
    expect(badCfg.code).toBe(2);
    expect(badCfg.stderr).toMatch(/configuration error: .*bad\.yaml at \/gate\/vulnerabilities\/graceDays\/critical/);
    expect((await run(['gate', 'vulns', ALPINE39, '--no-config', '--as-of', '2026-13-01'])).code).toBe(2);
    expect((await run(['gate', 'vulns', '--no-config'])).code).toBe(2);
  });

  it('gates the good reports when one among several is bad', async () => {
    const dir = tmp();
    const cut = path.join(dir, 'cut.json');
    writeFileSync(cut, '{"SchemaVersion": 2, "Results": [');
    const r = await run(['gate', 'vulns', cut, ALPINE39, '--no-config', '--as-of', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/input error: .*cut\.json: not valid JSON at line 1, column 34 \(offset 33\)/);
    expect(r.stdout).toMatch(/1 report, 6 findings/);
  });
});

describe('palisade gate vulns: state store', () => {
  it('carries first-seen dates across runs and fails once the grace period is over', async () => {
    const dir = tmp();
    const state = path.join(dir, 'gate-state.json');
    const first = await run(['gate', 'vulns', ALPINE39, '--no-config', '--state', state, '--as-of', '2026-01-01', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(existsSync(state)).toBe(true);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as Json;
    expect(saved.version).toBe(1);
    expect(Object.values(saved.entries).every((e: Json) => e.firstSeen === '2026-01-01')).toBe(true);
    const second = await run(['gate', 'vulns', ALPINE39, '--no-config', '--state', state, '--as-of', '2026-01-20', '--format', 'json']);
    expect(second.code).toBe(1);
    const out = JSON.parse(second.stdout) as Json;
    const crit = out.findings.filter((f: Json) => f.severity === 'critical');
    expect(crit.length).toBe(2);
    for (const f of crit) expect(f.gate).toMatchObject({ group: 'fix-now', firstSeen: '2026-01-01', firstSeenSource: 'state', due: '2026-01-08', graceDays: 7 });
    for (const f of out.findings.filter((x: Json) => x.severity === 'medium')) expect(f.gate).toMatchObject({ group: 'in-grace', due: '2026-04-01' });
    expect(readdirSync(dir)).toEqual(['gate-state.json']);
  });

  it('does not touch the state store when an input is bad (and leaves no temporary file)', async () => {
    const dir = tmp();
    const state = path.join(dir, 'gate-state.json');
    await run(['gate', 'vulns', ALPINE39, '--no-config', '--state', state, '--as-of', '2026-01-01']);
    const before = readFileSync(state, 'utf8');
    const cut = path.join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(CENTOS7, 'utf8').slice(0, 2000));
    const r = await run(['gate', 'vulns', CENTOS7, cut, '--no-config', '--state', state, '--as-of', '2026-02-01', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stateWritten).toBe(false);
    expect(readFileSync(state, 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['cut.json', 'gate-state.json']);
    const corrupt = path.join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"version": 1, "entr');
    const c = await run(['gate', 'vulns', ALPINE39, '--no-config', '--state', corrupt]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/state store .*corrupt\.json: not readable JSON/);
    expect(readFileSync(corrupt, 'utf8')).toBe('{"version": 1, "entr');
  });
});

describe('palisade gate vulns: SARIF and JUnit', () => {
  const validate = sarifValidator();

  it('writes SARIF 2.1.0 valid against the official schema, with suppressions', async () => {
    const dir = tmp();
    const vex = path.join(dir, 'vex.json');
    writeFileSync(
      vex,
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.com/vex/2',
        author: 'secops',
        timestamp: '2026-11-01T00:00:00Z',
        version: 1,
        statements: [{ vulnerability: { name: 'CVE-2019-1549' }, products: [{ '@id': 'pkg:apk/alpine/libcrypto1.1' }], status: 'not_affected', justification: 'vulnerable_code_not_present' }],
      }),
    );
    const out = path.join(dir, 'gate.sarif');
    const r = await run(['gate', 'vulns', ALPINE39, path.join(GRYPE, 'keycloak-test.json'), path.join(TRIVY, 'alpine-310.sarif.golden'), vex, '--no-config', '--as-of', '2026-11-29', '--format', 'sarif', '--output', out]);
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(out, 'utf8')) as Json;
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
    expect(ok).toBe(true);
    const results = log.runs[0].results as Json[];
    const suppressed = results.filter((x) => x.suppressions);
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed[0].suppressions[0]).toMatchObject({ kind: 'external', justification: 'vex: vulnerable_code_not_present' });
    expect(results.filter((x) => x.properties.gate.group === 'secops-backlog').every((x) => x.level === 'note')).toBe(true);
  });

  it('writes well-formed JUnit: fix-now fails, backlog and suppressed are skipped', async () => {
    const r = await run(['gate', 'vulns', ALPINE39, CENTOS7, '--no-config', '--as-of', '2026-11-29', '--format', 'junit']);
    const els = parseXml(r.stdout);
    const root = els[0];
    expect(root?.name).toBe('testsuites');
    expect(Number(root?.attrs.tests)).toBe(9);
    expect(Number(root?.attrs.skipped)).toBe(1);
    expect(els.filter((e) => e.name === 'testsuite')).toHaveLength(2);
    const cfgDir = tmp();
    const cfg = path.join(cfgDir, 'p.yaml');
    writeFileSync(cfg, 'gate: { vulnerabilities: { graceDays: { critical: 0 } } }\n');
    const failing = await run(['gate', 'vulns', ALPINE39, '--config', cfg, '--format', 'junit']);
    expect(failing.code).toBe(1);
    expect(parseXml(failing.stdout).filter((e) => e.name === 'failure')).toHaveLength(2);
  });
});

describe('palisade gate vulns: JSON written a chunk at a time', () => {
  it('writes the same JSON to --output, to a byte-writing standard output and to a text one', async () => {
    const dir = tmp();
    const out = path.join(dir, 'gate.json');
    const args = ['gate', 'vulns', ALPINE39, CENTOS7, path.join(GRYPE, 'keycloak-test.json'), '--no-config', '--as-of', '2026-11-29', '--format', 'json'];
    const text = await run(args);
    const toFile = await run([...args, '--output', out]);
    const chunks: Buffer[] = [];
    const bytes = await main(args, {
      stdout: () => {
        throw new Error('JSON goes to stdoutBytes when there is one');
      },
      stdoutBytes: (chunk) => {
        chunks.push(Buffer.from(chunk));
        return true;
      },
      stderr: () => undefined,
      stdin: Readable.from([]),
      isTTY: false,
      env: {},
    });
    expect([toFile.code, bytes]).toEqual([text.code, text.code]);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(text.stdout);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text.stdout);
    expect(JSON.parse(text.stdout).findings.length).toBeGreaterThan(0);
  });
});

describe('palisade gate vulns: a report on standard input', () => {
  it("reads '-' as a report, like the same file; refuses '-' twice", async () => {
    const args = ['--no-config', '--as-of', '2026-11-29', '--format', 'json'];
    const fromFile = await run(['gate', 'vulns', ALPINE39, ...args]);
    let stdout = '';
    const code = await main(['gate', 'vulns', '-', CENTOS7, ...args], {
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
      stdin: Readable.from([readFileSync(ALPINE39)]),
      isTTY: false,
      env: {},
    });
    expect(code).toBe(fromFile.code);
    const piped = JSON.parse(stdout) as Json;
    const alone = JSON.parse(fromFile.stdout) as Json;
    expect(piped.reports.map((r: Json) => r.file)).toEqual(['-', CENTOS7]);
    const ids = (o: Json, file: string) => o.findings.filter((f: Json) => f.reports.includes(file)).map((f: Json) => `${f.id} ${f.package.name}`);
    expect(ids(piped, '-')).toEqual(ids(alone, ALPINE39));
    const twice = await run(['gate', 'vulns', '-', '-', ...args]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/standard input \('-'\) can be given once/);
  });
});
