import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, evaluateGate, type GatedFinding, type GateState } from '../src/gate/evaluate.js';
import { readReports } from '../src/gate/io.js';
import { readReport } from '../src/gate/read.js';
import type { NormalizedFinding, ReportRead } from '../src/gate/types.js';
import { ConfigError, parseConfig, resolveGateSettings } from '../src/policy/config.js';
import type { VulnerabilityGateSettings } from '../src/policy/types.js';
import { sharedDir } from './shared.js';

const TRIVY = path.join(sharedDir(), 'data', 'vulns', 'trivy', 'integration', 'testdata');
const GRYPE = path.join(sharedDir(), 'data', 'vulns', 'grype', 'grype', 'presenter');

function read(file: string): ReportRead {
  const f = path.isAbsolute(file) ? file : path.join(TRIVY, file);
  return readReport(readFileSync(f, 'utf8'), f);
}

function settings(yaml = ''): VulnerabilityGateSettings {
  return resolveGateSettings(parseConfig(yaml, 'palisade.yaml').gate, 'palisade.yaml');
}

const key = (f: GatedFinding | { id: string; pkg: { name: string } }) => `${f.id} ${f.pkg.name}`;
const group = (fs: GatedFinding[], g: string) => fs.filter((f) => f.gate.group === g).map(key).sort();

describe('policy gate.vulnerabilities', () => {
  it('has defaults: critical 7, high 30, medium 90, low 180, negligible and unknown never; no-fix goes to the backlog', () => {
    expect(settings()).toEqual({
      graceDays: { critical: 7, high: 30, medium: 90, low: 180, negligible: null, unknown: null },
      failOnNoFix: false,
      failOnStatuses: [],
      exceptions: [],
    });
  });

  it('reads grace days, statuses and exceptions and rejects bad ones naming the path', () => {
    const s = settings(`gate:
  vulnerabilities:
    graceDays: { critical: 0, high: 14, low: never }
    failOnStatuses: [will_not_fix]
    exceptions:
      - cves: [CVE-2019-1549]
        justification: not reachable
        owner: team-a
        expires: 2027-01-31
`);
    expect(s.graceDays).toMatchObject({ critical: 0, high: 14, medium: 90, low: null });
    expect(s.failOnStatuses).toEqual(['will_not_fix']);
    expect(s.exceptions[0]).toMatchObject({ ids: ['CVE-2019-1549'], owner: 'team-a', expires: '2027-01-31', origin: 'palisade.yaml#/gate/vulnerabilities/exceptions/0' });
    expect(() => settings('gate: { vulnerabilities: { graceDays: { critical: -1 } } }')).toThrow(ConfigError);
    expect(() => settings('gate: { vulnerabilities: { graceDay: {} } }')).toThrow(/unknown property 'graceDay'/);
    expect(() => settings('gate: { vulnerabilities: { exceptions: [{ justification: x }] } }')).toThrow(/at least one of ids/);
  });
});

describe('grouping on the real reports', () => {
  const asOf = '2026-11-29';

  it('sends Trivy\'s unfixed statuses to the SecOps backlog: what stays is exactly the --ignore-unfixed golden', () => {
    for (const [all, unfixed] of [
      ['centos-7.json.golden', 'centos-7-ignore-unfixed.json.golden'],
      ['debian-buster.json.golden', 'debian-buster-ignore-unfixed.json.golden'],
      ['ubuntu-1804.json.golden', 'ubuntu-1804-ignore-unfixed.json.golden'],
    ] as const) {
      const r = evaluateGate([read(all)], { settings: settings(), asOf });
      const expected = read(unfixed).findings.map(key).sort();
      expect([...group(r.findings, 'in-grace'), ...group(r.findings, 'fix-now')].sort(), all).toEqual(expected);
      expect(group(r.findings, 'secops-backlog').length, all).toBe(r.findings.length - expected.length);
    }
    const centos = evaluateGate([read('centos-7.json.golden')], { settings: settings(), asOf });
    expect(centos.findings.find((f) => f.gate.group === 'secops-backlog')).toMatchObject({ id: 'CVE-2019-18276', vendorStatus: 'will_not_fix' });
  });

  it('fails a will_not_fix finding only when the policy says so', () => {
    const s = settings('gate: { vulnerabilities: { graceDays: { low: 0 }, failOnStatuses: [will_not_fix] } }');
    const r = evaluateGate([read('centos-7.json.golden')], { settings: s, asOf });
    expect(r.findings.find((f) => f.vendorStatus === 'will_not_fix')?.gate.group).toBe('fix-now');
    const all = evaluateGate([read('centos-7.json.golden')], { settings: settings('gate: { vulnerabilities: { failOnNoFix: true, graceDays: { low: 0 } } }'), asOf });
    expect(all.findings.find((f) => f.vendorStatus === 'will_not_fix')?.gate.group).toBe('fix-now');
  });

  it('with graceDays 0 the fix-now group is Trivy\'s --ignore-unfixed --severity HIGH,CRITICAL golden', () => {
    const s = settings('gate: { vulnerabilities: { graceDays: { critical: 0, high: 0 } } }');
    const r = evaluateGate([read('alpine-39.json.golden')], { settings: s, asOf });
    expect(group(r.findings, 'fix-now')).toEqual(read('alpine-39-high-critical.json.golden').findings.map(key).sort());
    for (const f of r.findings.filter((x) => x.gate.group === 'fix-now')) expect(f.gate).toMatchObject({ graceDays: 0, due: asOf, firstSeen: asOf, firstSeenSource: 'as-of' });
  });

  it('counts grace from first seen: in grace up to and including the due date, fix now the day after', () => {
    const reads = [read('alpine-39.json.golden')];
    const critical = (fs: GatedFinding[]) => fs.filter((f) => f.severity === 'critical');
    const first = evaluateGate(reads, { settings: settings(), asOf: '2026-01-01', state: { version: 1, entries: {} } });
    for (const f of critical(first.findings)) expect(f.gate).toMatchObject({ group: 'in-grace', due: '2026-01-08', graceDays: 7, firstSeenSource: 'as-of' });
    const onDue = evaluateGate(reads, { settings: settings(), asOf: '2026-01-08', state: first.state });
    for (const f of critical(onDue.findings)) expect(f.gate).toMatchObject({ group: 'in-grace', due: '2026-01-08', firstSeen: '2026-01-01', firstSeenSource: 'state' });
    const after = evaluateGate(reads, { settings: settings(), asOf: '2026-01-09', state: onDue.state });
    for (const f of critical(after.findings)) expect(f.gate).toMatchObject({ group: 'fix-now', due: '2026-01-08' });
    // Medium findings of the same image have 90 days.
    for (const f of after.findings.filter((x) => x.severity === 'medium')) expect(f.gate).toMatchObject({ group: 'in-grace', due: addDays('2026-01-01', 90) });
    // Without a state store, first seen is the evaluation date: nothing is ever late.
    const noState = evaluateGate(reads, { settings: settings(), asOf: '2026-06-01' });
    expect(noState.findings.every((f) => f.gate.firstSeen === '2026-06-01' && f.gate.group === 'in-grace')).toBe(true);
  });

  it('uses Grype\'s fix-available date as first seen for a finding the state store does not know yet', () => {
    const doc = JSON.parse(readFileSync(path.join(GRYPE, 'explain', 'testdata', 'chainguard-ruby-test.json'), 'utf8'));
    doc.matches[0].vulnerability.fix.available = [{ version: '3.0.6-r0', date: '2026-01-02', kind: 'first-observed' }];
    const r = evaluateGate([readReport(JSON.stringify(doc), 'grype.json')], { settings: settings(), asOf: '2026-11-29', state: { version: 1, entries: {} } });
    const f = r.findings.find((x) => x.dates.fixAvailableSince === '2026-01-02') as GatedFinding;
    expect(f.gate).toMatchObject({ firstSeen: '2026-01-02', firstSeenSource: 'report' });
    expect(Object.values(r.state.entries).some((e) => e.firstSeen === '2026-01-02')).toBe(true);
  });

  it('merges the same finding read from Trivy JSON and Trivy SARIF of one scan', () => {
    const r = evaluateGate([read('alpine-310.json.golden'), read('alpine-310.sarif.golden')], { settings: settings(), asOf });
    expect(r.findings).toHaveLength(4);
    for (const f of r.findings) {
      expect(f.reports).toHaveLength(2);
      expect(f.vendorStatus).toBe('fixed');
    }
  });
});

describe('VEX and exceptions', () => {
  const asOf = '2026-11-29';
  const openvex = (statements: unknown[]) =>
    readReport(JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.com/vex/1', author: 'secops', timestamp: '2026-11-01T00:00:00Z', version: 1, statements }), 'vex.openvex.json');

  it('suppresses OpenVEX not_affected with its justification, kept visible; affected only annotates', () => {
    const vex = openvex([
      { vulnerability: { name: 'CVE-2019-1549' }, products: [{ '@id': 'pkg:oci/trivy-test-images?repository_url=ghcr.io/aquasecurity/trivy-test-images', subcomponents: [{ '@id': 'pkg:apk/alpine/libcrypto1.1' }] }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
      { vulnerability: { name: 'CVE-2019-1563' }, products: [{ '@id': 'pkg:apk/alpine/libssl1.1@1.1.1c-r0' }], status: 'affected', action_statement: 'upgrade' },
    ]);
    expect(vex.format).toBe('openvex');
    const r = evaluateGate([read('alpine-310.json.golden'), vex], { settings: settings(), asOf });
    const suppressed = r.findings.filter((f) => f.gate.group === 'suppressed');
    expect(suppressed.map(key)).toEqual(['CVE-2019-1549 libcrypto1.1']);
    expect(suppressed[0]?.gate.suppression).toEqual({ kind: 'vex', justification: 'vulnerable_code_not_in_execute_path', origin: 'vex.openvex.json#/statements/0' });
    expect(r.findings).toHaveLength(4);
  });

  it('reads a CycloneDX VEX (analysis, no components) as suppressions', () => {
    const cdx = readReport(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        version: 1,
        vulnerabilities: [
          { id: 'CVE-2019-11358', analysis: { state: 'not_affected', justification: 'code_not_reachable' }, affects: [{ ref: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:npm/jquery@3.3.9' }] },
          { id: 'CVE-2000-0001', analysis: { state: 'exploitable' }, affects: [] },
        ],
      }),
      'vex.cdx.json',
    );
    expect(cdx.findings).toEqual([]);
    expect(cdx.vex).toHaveLength(1);
    const r = evaluateGate([read('npm-cyclonedx.json.golden'), cdx], { settings: settings(), asOf });
    expect(r.findings[0]?.gate).toMatchObject({ group: 'suppressed', suppression: { kind: 'vex', justification: 'code_not_reachable' } });
  });

  it('applies exceptions until they expire, then says they expired', () => {
    const yaml = (expires: string) => `gate:
  vulnerabilities:
    graceDays: { critical: 0 }
    exceptions:
      - ids: [CVE-2019-14697]
        packages: [musl*]
        images: ['ghcr.io/aquasecurity/*']
        justification: rebuild scheduled
        owner: platform-team
        expires: ${expires}
`;
    const reads = [read('alpine-39.json.golden')];
    const live = evaluateGate(reads, { settings: settings(yaml('2026-11-29')), asOf });
    const musl = live.findings.filter((f) => f.id === 'CVE-2019-14697');
    expect(musl.length).toBeGreaterThan(0);
    for (const f of musl) expect(f.gate).toMatchObject({ group: 'suppressed', suppression: { kind: 'exception', owner: 'platform-team', expires: '2026-11-29', justification: 'rebuild scheduled' } });
    const expired = evaluateGate(reads, { settings: settings(yaml('2026-11-28')), asOf });
    for (const f of expired.findings.filter((x) => x.id === 'CVE-2019-14697')) expect(f.gate.group).toBe('fix-now');
    expect(expired.notes.join('\n')).toMatch(/exceptions\/0 expired on 2026-11-28 \(owner platform-team\)/);
  });

  it('reproduces the .trivyignore golden: everything but the two ignored ids', () => {
    const s = settings('gate: { vulnerabilities: { exceptions: [{ ids: [CVE-2019-1549, CVE-2019-14697], justification: trivyignore }] } }');
    const r = evaluateGate([read('alpine-39.json.golden')], { settings: s, asOf });
    expect(r.findings.filter((f) => f.gate.group !== 'suppressed').map(key).sort()).toEqual(read('alpine-39-ignore-cveids.json.golden').findings.map(key).sort());
  });
});

describe('state', () => {
  it('keeps first-seen dates of known findings and adds new ones', () => {
    const state: GateState = { version: 1, entries: { 'ghcr.io/aquasecurity/trivy-test-images|CVE-2019-1549|alpine|libcrypto1.1': { firstSeen: '2025-01-01', lastSeen: '2025-01-01' } } };
    const r = evaluateGate([read('alpine-310.json.golden')], { settings: settings(), asOf: '2026-11-29', state });
    expect(r.findings.find((f) => f.id === 'CVE-2019-1549' && f.pkg.name === 'libcrypto1.1')?.gate).toMatchObject({ group: 'fix-now', firstSeen: '2025-01-01', firstSeenSource: 'state' });
    expect(Object.keys(r.state.entries)).toHaveLength(4);
    expect(r.state.entries['ghcr.io/aquasecurity/trivy-test-images|CVE-2019-1549|alpine|libcrypto1.1']).toEqual({ firstSeen: '2025-01-01', lastSeen: '2026-11-29' });
  });
});

describe('order of the findings', () => {
  it('puts fix-now first, then by due date, severity (highest first), id, package and version (code-unit order)', () => {
    const files = readdirSync(TRIVY).filter((f) => f.endsWith('.json.golden') && !/cyclonedx|cdx|spdx|gitlab|asff/.test(f));
    const reads = readReports([...files.map((f) => path.join(TRIVY, f)), path.join(GRYPE, 'explain', 'testdata', 'keycloak-test.json')]).reads;
    const r = evaluateGate(reads, { settings: settings('gate: { vulnerabilities: { graceDays: { critical: 0, low: never } } }'), asOf: '2026-11-29' });
    const GROUP = { 'fix-now': 0, 'in-grace': 1, 'secops-backlog': 2, suppressed: 3 };
    const SEV = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'];
    const c = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = [...r.findings].sort(
      (a, b) =>
        GROUP[a.gate.group] - GROUP[b.gate.group] ||
        c(a.gate.due ?? '9999', b.gate.due ?? '9999') ||
        SEV.indexOf(a.severity) - SEV.indexOf(b.severity) ||
        c(a.id, b.id) ||
        c(a.pkg.name, b.pkg.name) ||
        c(a.pkg.version ?? '', b.pkg.version ?? ''),
    );
    expect(r.findings.length).toBeGreaterThan(50);
    // Several packages share an id in these reports: the package and version decide between them.
    expect(new Set(r.findings.map((f) => f.id)).size).toBeLessThan(r.findings.length);
    expect(r.findings.map(key)).toEqual(expected.map(key));
  });
});

describe('order of the findings by id', () => {
  it('is code-unit order for any ids: shared prefixes, prefixes of each other, characters from DEL up, surrogates', () => {
    const ids = [
      'CVE-2010-10450', 'CVE-2010-9999', 'CVE-2010-1', 'CVE-2010-10', 'CVE-2010-100000000', 'CVE-2024-0001', 'CVE-2010-10450',
      'GHSA-xxxx-yyyy-zzzz', 'GHSA-xxxx-yyyy-zzz', 'ALAS-2020-1', 'a', 'ab', 'a\u007f', 'a\u007fb', 'a\u0080', 'aé', 'aë', 'aéz', 'aëa', 'a\ud83d\ude00', 'a\uffff', 'a\u0000', '',
      'DEBIAN-CVE-2020-1234567890123', 'DEBIAN-CVE-2020-1234567890124', 'DEBIAN-CVE-2020-123456789012',
    ];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const findings: NormalizedFinding[] = [];
    for (let i = 0; i < 400; i++) {
      const id = `${ids[Math.floor(rnd() * ids.length)]}${rnd() < 0.3 ? String(Math.floor(rnd() * 100)) : ''}`;
      findings.push({ source: 'trivy', reports: ['r.json'], id, aliases: [], pkg: { name: `p${Math.floor(rnd() * 5)}`, version: `1.${i}` }, fixedVersions: ['2'], severity: 'high', vendorStatus: 'fixed', artifact: 'img', dates: {} });
    }
    for (const only of [findings, findings.filter((f) => f.id.startsWith('CVE-2010-')), findings.filter((f) => f.id.startsWith('a'))]) {
      const r = evaluateGate([{ file: 'r.json', format: 'trivy', findings: only, vex: [], notes: [] }], { settings: settings(), asOf: '2026-11-29' });
      const c = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const expected = [...only].sort((a, b) => c(a.id, b.id) || c(a.pkg.name, b.pkg.name) || c(a.pkg.version ?? '', b.pkg.version ?? ''));
      expect(r.findings.map((f) => `${f.id}|${f.pkg.name}|${f.pkg.version}`)).toEqual(expected.map((f) => `${f.id}|${f.pkg.name}|${f.pkg.version}`));
    }
  });
});
