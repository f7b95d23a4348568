import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateGate, type GatedFinding } from '../src/gate/evaluate.js';
import type { GateRun } from '../src/gate/io.js';
import { readReport } from '../src/gate/read.js';
import { formatGateJson, GATE_JSON_COMPACT_OVER, toGateJson, writeGateJson } from '../src/gate/report-json.js';
import type { ReportRead } from '../src/gate/types.js';
import { parseConfig, resolveGateSettings } from '../src/policy/config.js';
import { sharedDir } from './shared.js';

const TRIVY = path.join(sharedDir(), 'data', 'vulns', 'trivy', 'integration', 'testdata');
const GRYPE = path.join(sharedDir(), 'data', 'vulns', 'grype', 'grype', 'presenter', 'explain', 'testdata');

function read(file: string): ReportRead {
  return readReport(readFileSync(file, 'utf8'), file);
}

/** The reference: the report object, pretty-printed by JSON.stringify (compact above the threshold). formatGateJson writes it directly. */
function reference(run: GateRun): string {
  return run.findings.length > GATE_JSON_COMPACT_OVER ? `${JSON.stringify(toGateJson(run))}\n` : `${JSON.stringify(toGateJson(run), null, 2)}\n`;
}

/** The run with its findings repeated until there are more than the compact threshold. */
function large(run: GateRun): GateRun {
  const findings: GatedFinding[] = [];
  while (findings.length <= GATE_JSON_COMPACT_OVER) findings.push(...run.findings);
  return { ...run, findings };
}

function runOf(reads: ReportRead[], yaml = '', extra: Partial<GateRun> = {}): GateRun {
  const settings = resolveGateSettings(parseConfig(yaml, 'palisade.yaml').gate, 'palisade.yaml');
  const result = evaluateGate(reads, { settings, asOf: '2026-11-29', state: { version: 1, entries: {} } });
  return { ...result, reads, inputErrors: [], stateWritten: false, ...extra };
}

describe('gate JSON output', () => {
  it('is byte for byte JSON.stringify(toGateJson(run), null, 2) on the real reports', () => {
    const vex = readReport(
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.com/vex/1',
        author: 'secops',
        timestamp: '2026-11-01T00:00:00Z',
        version: 1,
        statements: [{ vulnerability: { name: 'CVE-2019-1549' }, products: [{ '@id': 'pkg:apk/alpine/libcrypto1.1' }], status: 'not_affected', justification: 'vulnerable_code_not_present' }],
      }),
      'vex.json',
    );
    const reads = [
      read(path.join(TRIVY, 'alpine-39.json.golden')),
      read(path.join(TRIVY, 'centos-7.json.golden')),
      read(path.join(TRIVY, 'alpine-310.sarif.golden')),
      read(path.join(TRIVY, 'npm-cyclonedx.json.golden')),
      read(path.join(GRYPE, 'keycloak-test.json')),
      vex,
    ];
    const policy = `gate:
  vulnerabilities:
    graceDays: { critical: 0, high: 0, medium: 0, low: never }
    failOnStatuses: [end_of_life]
    exceptions:
      - ids: [CVE-2019-14697]
        justification: expired
        expires: 2020-01-01
      - ids: [CVE-2019-14697]
        justification: "rebuild \\"scheduled\\" — soon"
        owner: platform-team
        expires: 2027-01-31
`;
    const run = runOf(reads, policy, { inputErrors: [{ file: 'cut.json', message: 'cut.json: not valid JSON' }], stateWritten: true });
    const groups = new Set(run.findings.map((f) => f.gate.group));
    expect([...groups].sort()).toEqual(['fix-now', 'in-grace', 'secops-backlog', 'suppressed']);
    expect(run.notes.length).toBeGreaterThan(0);
    const out = formatGateJson(run);
    expect(out).toBe(reference(run));
    const parsed = JSON.parse(out);
    for (const f of parsed.findings) {
      expect(['fix-now', 'in-grace', 'secops-backlog', 'suppressed']).toContain(f.gate.group);
      if (f.gate.group === 'in-grace' && f.gate.graceDays !== null) expect(f.gate.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('escapes strings exactly as JSON.stringify does and keeps each object\'s own member order', () => {
    const base = runOf([read(path.join(TRIVY, 'alpine-310.json.golden'))]);
    const [a, b, c, d] = base.findings as [GatedFinding, GatedFinding, GatedFinding, GatedFinding];
    const odd: GatedFinding[] = [
      { ...a, title: 'quote " backslash \\ newline \n tab \t nul \u0000 del \u007f', url: 'https://example.com/ü/€/😀', id: 'CVE-2026-0001\u2028' },
      // A lone surrogate is escaped by JSON.stringify (well-formed JSON.stringify).
      { ...b, title: 'lone \ud800 high, lone \udc00 low, pair \ud83d\ude00', pkg: { version: '1.0', name: 'é', type: undefined as unknown as string } },
      // Members that are undefined are left out; a finding without image, layer, title or url.
      { ...c, image: undefined, layer: undefined, title: undefined, url: undefined, aliases: ['GHSA-1', 'a"b'], fixedVersions: [] } as unknown as GatedFinding,
      // Dates and decisions with their members in another order, numbers of every kind.
      { ...d, dates: { scanAt: '2026-11-29', published: '2020-01-01' }, gate: { ...d.gate, graceDays: null, extra: [1.5, -0, 1e21, Number.NaN, null, true, { x: undefined }] } as unknown as GatedFinding['gate'] },
    ];
    const run: GateRun = { ...base, findings: odd };
    expect(formatGateJson(run)).toBe(reference(run));
    expect(formatGateJson(large(run))).toBe(reference(large(run)));
  });

  it('writes large reports without indentation: JSON.stringify(toGateJson(run)), the same JSON', () => {
    const small = runOf([read(path.join(TRIVY, 'alpine-39.json.golden')), read(path.join(TRIVY, 'centos-7.json.golden')), read(path.join(GRYPE, 'keycloak-test.json'))], 'gate: { vulnerabilities: { graceDays: { critical: 0 } } }');
    const run = large(small);
    const out = formatGateJson(run);
    expect(out).toBe(reference(run));
    expect(out).not.toContain('\n  ');
    expect(JSON.parse(out)).toEqual(JSON.parse(`${JSON.stringify(toGateJson(run), null, 2)}`));
    expect(formatGateJson(small)).toBe(`${JSON.stringify(toGateJson(small), null, 2)}\n`);
  });

  it('writes an empty report, and outputs larger than its first estimate', () => {
    const none: GateRun = { asOf: '2026-11-29', findings: [], notes: [], state: { version: 1, entries: {} }, reads: [], inputErrors: [], stateWritten: false };
    expect(formatGateJson(none)).toBe(reference(none));
    const base = runOf([read(path.join(TRIVY, 'alpine-310.json.golden'))]);
    const big: GateRun = { ...base, findings: base.findings.map((f, i) => ({ ...f, title: `${'long title '.repeat(20_000)}${i}` })) };
    expect(formatGateJson(big)).toBe(reference(big));
    const many = large({ ...base, findings: base.findings.map((f, i) => ({ ...f, title: `${'long title '.repeat(300)}${i}` })) });
    expect(formatGateJson(many)).toBe(reference(many));
  });

  it('lists own members only, also when something enumerable is inherited', () => {
    const run = runOf([read(path.join(TRIVY, 'alpine-310.json.golden'))]);
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'inherited';
    try {
      expect(formatGateJson(run)).toBe(reference(run));
      expect(formatGateJson(large(run))).toBe(reference(large(run)));
    } finally {
      delete proto.polluted;
    }
    expect(formatGateJson(run)).not.toContain('polluted');
  });

  it('writes whatever comes before the findings, however long and in any script', () => {
    const base = runOf([read(path.join(TRIVY, 'alpine-39.json.golden'))]);
    const errors = Array.from({ length: 2000 }, (_, i) => ({ file: `dossier-${i}.json`, message: `dossier-${i}.json: « pas un rapport » ${'x'.repeat(40)}` }));
    for (const run of [{ ...base, notes: ['exception expirée — propriétaire équipe'] }, { ...base, inputErrors: errors }, { ...large(base), inputErrors: errors }]) {
      expect(formatGateJson(run)).toBe(reference(run));
    }
  });

  it('gives each call its own text (the output buffer is reused)', () => {
    const first = runOf([read(path.join(TRIVY, 'alpine-39.json.golden'))]);
    const second = runOf([read(path.join(TRIVY, 'centos-7.json.golden'))]);
    const a = formatGateJson(first);
    const b = formatGateJson(second);
    expect(a).toBe(reference(first));
    expect(b).toBe(reference(second));
    expect(formatGateJson(first)).toBe(a);
  });

  it('hands over the same bytes a chunk at a time, whatever the chunk size and whether the sink keeps its chunks', () => {
    const base = runOf([read(path.join(TRIVY, 'alpine-39.json.golden')), read(path.join(TRIVY, 'centos-7.json.golden')), read(path.join(GRYPE, 'keycloak-test.json'))]);
    // Values the writer keeps the bytes of (artifact, reason…) seen for the first time all along the output.
    const odd = {
      ...base,
      notes: ['exception expirée — propriétaire équipe'],
      findings: base.findings.map((f, i) => ({
        ...f,
        artifact: `registry.example/app-${i % 40}`,
        gate: { ...f.gate, reason: `${f.gate.reason} #${i % 30}` },
        ...(i % 3 === 0 ? { title: `« ${f.title ?? ''} » ${'x'.repeat(i * 7)}` } : {}),
      })),
    };
    for (const run of [base, odd, large(base), large(odd)]) {
      const expected = Buffer.from(reference(run), 'utf8');
      for (const size of [1, 7, 64, 1000, 1 << 20]) {
        for (const keeps of [false, true]) {
          // A sink that keeps its chunks must get chunks nobody writes over; one that copies may get the same memory again.
          const chunks: Uint8Array[] = [];
          writeGateJson(run, (chunk) => {
            chunks.push(keeps ? chunk : Buffer.from(chunk));
            return !keeps;
          }, size);
          expect(Buffer.concat(chunks).equals(expected), `chunks of ${size}, sink ${keeps ? 'keeps' : 'copies'}`).toBe(true);
          if (size < expected.length) expect(chunks.length).toBeGreaterThan(1);
        }
      }
    }
  });
});
