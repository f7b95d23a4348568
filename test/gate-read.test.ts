import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readReport } from '../src/gate/read.js';
import { readTrivy, scanTrivyText } from '../src/gate/read-trivy.js';
import { readReports } from '../src/gate/io.js';
import { GateInputError, type NormalizedFinding } from '../src/gate/types.js';
import { sharedDir } from './shared.js';

const VULNS = path.join(sharedDir(), 'data', 'vulns');
const TRIVY = path.join(VULNS, 'trivy', 'integration', 'testdata');
const GRYPE = path.join(VULNS, 'grype', 'grype', 'presenter');
const GRYPE_FILES = [
  'explain/testdata/keycloak-test.json',
  'explain/testdata/ghsa-test.json',
  'explain/testdata/chainguard-ruby-test.json',
  'json/testdata/snapshot/TestJsonImgsPresenter.golden',
  'json/testdata/snapshot/TestJsonDirsPresenter.golden',
  'json/testdata/snapshot/TestEmptyJsonPresenter.golden',
].map((f) => path.join(GRYPE, f));

function read(file: string) {
  return readReport(readFileSync(file, 'utf8'), file);
}

function count<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

describe('Trivy JSON (SchemaVersion 2) on the real goldens', () => {
  const jsonFiles = [
    ...readdirSync(TRIVY).filter((f) => f.endsWith('.json.golden') && !f.includes('cyclonedx') && !f.includes('cdx') && !f.includes('spdx')).map((f) => path.join(TRIVY, f)),
    ...readdirSync(path.join(TRIVY, 'fixtures', 'convert')).map((f) => path.join(TRIVY, 'fixtures', 'convert', f)),
  ];
  const { reads, inputErrors } = readReports(jsonFiles);
  const findings = reads.flatMap((r) => r.findings);

  it('reads every report and finds the 127 vulnerabilities of INDEX.md in 65 reports', () => {
    expect(inputErrors).toEqual([]);
    expect(reads.every((r) => r.format === 'trivy')).toBe(true);
    expect(findings).toHaveLength(127);
    expect(reads.filter((r) => r.findings.length > 0)).toHaveLength(65);
  });

  it('keeps the vendor statuses: fixed 113, affected 9, will_not_fix 3, end_of_life 2', () => {
    expect(count(findings, (f) => f.vendorStatus)).toEqual({ fixed: 113, affected: 9, will_not_fix: 3, end_of_life: 2 });
    const wnf = findings.filter((f) => f.vendorStatus === 'will_not_fix');
    expect(new Set(wnf.map((f) => `${f.id} ${f.pkg.name}`))).toEqual(new Set(['CVE-2019-18276 bash']));
  });

  it('normalises the fields of a finding', () => {
    const r = read(path.join(TRIVY, 'alpine-310.json.golden'));
    const f = r.findings.find((x) => x.id === 'CVE-2019-1549') as NormalizedFinding;
    expect(f).toMatchObject({
      source: 'trivy',
      pkg: { name: 'libcrypto1.1', version: '1.1.1c-r0', type: 'alpine', purl: 'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2' },
      fixedVersions: ['1.1.1d-r0'],
      severity: 'medium',
      vendorStatus: 'fixed',
      image: { name: 'ghcr.io/aquasecurity/trivy-test-images:alpine-310', digest: 'sha256:961769676411f082461f9ef46626dd7a2d1e2b2a38e6a44364bcbecf51e66dd4' },
      layer: { diffId: 'sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0', origin: 'undecided' },
      dates: { scanAt: '2021-08-25' },
    });
    // The image is a base image itself: its history has no boundary before its own CMD, which is said plainly.
    expect(f.layer?.originReason).toMatch(/no base-image boundary/);
  });

  it('tells base-image layers from application layers when the image history allows', () => {
    const busybox = read(path.join(TRIVY, 'busybox-with-lockfile.json.golden')).findings;
    expect(busybox.map((f) => f.layer?.origin)).toEqual(['application', 'application']);
    const spring = read(path.join(TRIVY, 'spring4shell-jre11.json.golden')).findings;
    expect(spring.map((f) => f.layer?.origin)).toEqual(['application']);
    const withBase = readReports(jsonFiles).reads.flatMap((r) => r.findings).filter((f) => f.layer?.origin === 'base');
    expect(withBase.length).toBeGreaterThan(0);
    for (const f of withBase) expect(f.layer?.originReason).toMatch(/^base image = first \d+ of \d+ layers/);
  });
});

describe('Grype JSON on the real outputs', () => {
  const { reads, inputErrors } = readReports(GRYPE_FILES);
  const findings = reads.flatMap((r) => r.findings);

  it('reads the 15 matches and maps fix.state (fixed 5, wont-fix 6, unknown and "" 4)', () => {
    expect(inputErrors).toEqual([]);
    expect(reads.map((r) => r.findings.length)).toEqual([6, 2, 3, 2, 2, 0]);
    expect(count(findings, (f) => f.vendorStatus)).toEqual({ fixed: 5, will_not_fix: 6, unknown: 4 });
  });

  it('reads the image, the layer DiffID, the related CVE and the package', () => {
    const k = reads[0]?.findings[0] as NormalizedFinding;
    expect(k.image?.name).toBe('docker.io/keycloak/keycloak:21.0.2@sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50');
    expect(k.image?.digest).toBe('sha256:d1630d3eb8285a978301bcefc5b223e564ae300750af2fc9ea3f413c5376a47e');
    expect(k.layer?.diffId).toBe('sha256:798d91f89858e63627a98d3a196c9ee4d0899259c0f64b68b1e0260a67c9cd2b');
    expect(k.pkg).toMatchObject({ name: 'nspr', type: 'rpm', version: '4.34.0-17.el9_1' });
    const ghsa = reads[1]?.findings ?? [];
    expect(ghsa.every((f) => /^CVE-/.test(f.id) || f.aliases.length === 0)).toBe(true);
    const dirs = reads[4]?.findings[0] as NormalizedFinding;
    expect(dirs.image).toBeUndefined();
    expect(dirs.artifact).toBe('/some/path');
    expect(dirs.fixedVersions).toEqual(['1.2.1', '2.1.3', '3.4.0']);
  });
});

describe('CycloneDX and SARIF on the real goldens', () => {
  it('reads CycloneDX vulnerabilities with their components and fixed versions', () => {
    const npm = read(path.join(TRIVY, 'npm-cyclonedx.json.golden'));
    expect(npm.format).toBe('cyclonedx');
    expect(npm.findings).toHaveLength(1);
    expect(npm.findings[0]).toMatchObject({ id: 'CVE-2019-11358', pkg: { name: 'jquery', version: '3.3.9', purl: 'pkg:npm/jquery@3.3.9' }, fixedVersions: ['3.4.0'], severity: 'medium', vendorStatus: 'fixed' });
    expect(read(path.join(TRIVY, 'pom-cyclonedx.json.golden')).findings).toHaveLength(2);
    expect(read(path.join(TRIVY, 'fluentd-multiple-lockfiles-short.cdx.json.golden')).findings).toHaveLength(3);
    expect(read(path.join(TRIVY, 'conda-cyclonedx.json.golden')).findings).toHaveLength(0);
  });

  it('reads Trivy SARIF as the same findings as the Trivy JSON of the same scan, with status unknown', () => {
    const sarif = read(path.join(TRIVY, 'alpine-310.sarif.golden'));
    const json = read(path.join(TRIVY, 'alpine-310.json.golden'));
    expect(sarif.format).toBe('sarif');
    const key = (f: NormalizedFinding) => `${f.id} ${f.pkg.name} ${f.pkg.version} ${f.fixedVersions.join(',')} ${f.severity}`;
    expect(sarif.findings.map(key).sort()).toEqual(json.findings.map(key).sort());
    expect(sarif.findings.every((f) => f.vendorStatus === 'unknown')).toBe(true);
    expect(sarif.findings[0]?.image?.name).toBe('ghcr.io/aquasecurity/trivy-test-images:alpine-310');
  });
  it('reads Grype SARIF (rule id <vuln>-<package>, purls, fix in the description, severity from security-severity)', () => {
    // No Grype SARIF sample exists in the shared data: this one follows Grype's SARIF presenter.
    const log = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: {
            driver: {
              name: 'Grype',
              version: '0.80.0',
              rules: [
                {
                  id: 'CVE-2023-0286-libssl3',
                  name: 'DpkgMatcherExactDirectMatch',
                  shortDescription: { text: 'CVE-2023-0286 high vulnerability for libssl3 package' },
                  fullDescription: { text: 'Version 3.0.2-0ubuntu1.7 is affected with an available fix in versions 3.0.2-0ubuntu1.8' },
                  properties: { 'security-severity': '7.4', purls: ['pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.7?arch=amd64&distro=ubuntu-22.04'] },
                },
                {
                  id: 'CVE-2022-3219-gpgv',
                  fullDescription: { text: 'Version 2.2.27-3ubuntu2.1 is affected with no fixes reported yet.' },
                  properties: { 'security-severity': '3.3', purls: ['pkg:deb/ubuntu/gpgv@2.2.27-3ubuntu2.1?arch=amd64'] },
                },
              ],
            },
          },
          results: [
            { ruleId: 'CVE-2023-0286-libssl3', level: 'error', message: { text: 'The path /var/lib/dpkg/status reports libssl3 at version 3.0.2-0ubuntu1.7' } },
            { ruleId: 'CVE-2022-3219-gpgv', level: 'note', message: { text: 'The path /var/lib/dpkg/status reports gpgv at version 2.2.27-3ubuntu2.1' } },
          ],
        },
      ],
    };
    const r = readReport(JSON.stringify(log), 'grype.sarif');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({ id: 'CVE-2023-0286', pkg: { name: 'libssl3', version: '3.0.2-0ubuntu1.7', type: 'deb' }, fixedVersions: ['3.0.2-0ubuntu1.8'], severity: 'high', vendorStatus: 'unknown' });
    expect(r.findings[1]).toMatchObject({ id: 'CVE-2022-3219', pkg: { name: 'gpgv' }, fixedVersions: [], severity: 'low' });
  });
});

describe('Grype SARIF of every generation', () => {
  const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  const sarif = (driver: string, rules: unknown[], results: unknown[]) => JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: driver, version: '0.74.0', rules } }, results }] });

  it('reads the help text of rules without purls (driver "Anchore Grype Scan"): package, version, type, fix, Grype\'s severity', () => {
    const help = (id: string, sev: string, name: string, version: string, fix: string, type: string) =>
      `Vulnerability ${id}\nSeverity: ${sev}\nPackage: ${name}\nVersion: ${version}\nFix Version: ${fix}\nType: ${type}\nLocation: /lib/apk/db/installed\nData Namespace: alpine:distro:alpine:3.18\nLink: ${id}`;
    const text = sarif(
      'Anchore Grype Scan',
      [
        // security-severity is a CVSS score and disagrees with Grype's rating on purpose: the rating wins.
        { id: 'CVE-2023-5678-libcrypto3', shortDescription: { text: 'CVE-2023-5678 medium vulnerability for libcrypto3 package' }, help: { text: help('CVE-2023-5678', 'medium', 'libcrypto3', '3.1.4-r0', '3.1.4-r1', 'apk') }, properties: { 'security-severity': '9.1' } },
        { id: 'GHSA-xxxx-yyyy-zzzz-my-pkg', help: { text: help('GHSA-xxxx-yyyy-zzzz', 'low', 'my-pkg', '1.0.0', '', 'npm') }, properties: { 'security-severity': '2.0' } },
      ],
      [
        { ruleId: 'CVE-2023-5678-libcrypto3', message: { text: 'The path /lib/apk/db/installed reports libcrypto3 at version 3.1.4-r0  which is a vulnerable (apk) package installed in the container' } },
        { ruleId: 'GHSA-xxxx-yyyy-zzzz-my-pkg', message: { text: 'The path /app/package-lock.json reports my-pkg at version 1.0.0  which is a vulnerable (npm) package installed in the container' } },
      ],
    );
    const r = readReport(text, 'grype-old.sarif');
    expect(r.notes).toEqual([]);
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({ id: 'CVE-2023-5678', pkg: { name: 'libcrypto3', version: '3.1.4-r0', type: 'apk' }, fixedVersions: ['3.1.4-r1'], severity: 'medium' });
    expect(r.findings[1]).toMatchObject({ id: 'GHSA-xxxx-yyyy-zzzz', pkg: { name: 'my-pkg', version: '1.0.0', type: 'npm' }, fixedVersions: [], severity: 'low' });
    // Recognised by its help text under any driver name.
    same(readReport(text.replace('Anchore Grype Scan', 'in-house wrapper'), 'grype-old.sarif').findings, r.findings);
  });

  it('reads the messages of newer versions ("A high vulnerability in python package: …")', () => {
    const text = sarif(
      'grype',
      [{ id: 'GHSA-j8r2-6x86-q33q-requests', properties: { 'security-severity': '6.1', purls: ['pkg:pypi/requests@2.19.0'] } }],
      [{ ruleId: 'GHSA-j8r2-6x86-q33q-requests', message: { text: 'A high vulnerability in python package: requests, version 2.19.0 was found at: /app/requirements.txt' } }],
    );
    expect(readReport(text, 'grype-new.sarif').findings[0]).toMatchObject({ id: 'GHSA-j8r2-6x86-q33q', pkg: { name: 'requests', version: '2.19.0', type: 'pypi' }, severity: 'high' });
    // Without purls, the message alone names the package.
    const bare = sarif('grype', [{ id: 'CVE-2024-0001-zlib' }], [{ ruleId: 'CVE-2024-0001-zlib', message: { text: 'A critical vulnerability in deb package: zlib, version 1.2.13 was found at: /var/lib/dpkg/status' } }]);
    expect(readReport(bare, 'grype-bare.sarif').findings[0]).toMatchObject({ id: 'CVE-2024-0001', pkg: { name: 'zlib', version: '1.2.13', type: 'deb' }, severity: 'critical' });
  });
});

describe('bad input', () => {
  it('names the file of a format it does not read', () => {
    for (const f of ['alpine-310.gitlab.golden', 'alpine-310.asff.golden', 'conda-spdx.json.golden']) {
      expect(() => read(path.join(TRIVY, f))).toThrow(GateInputError);
      expect(() => read(path.join(TRIVY, f))).toThrow(new RegExp(`${f}: not a vulnerability report`));
    }
    expect(() => read(path.join(TRIVY, 'alpine-310.junit.golden'))).toThrow(/alpine-310\.junit\.golden: not valid JSON at line 1, column 1/);
  });

  it('gives the position of truncated JSON', () => {
    const text = readFileSync(path.join(TRIVY, 'alpine-310.json.golden'), 'utf8');
    const cut = text.slice(0, 1000);
    const lines = cut.split('\n');
    expect(() => readReport(cut, 'cut.json')).toThrow(`cut.json: not valid JSON at line ${lines.length}, column ${(lines.at(-1) as string).length + 1} (offset 1000)`);
    expect(() => readReport(cut, 'cut.json')).toThrow(/truncated/);
    expect(() => readReport('', 'empty.json')).toThrow(/empty\.json: empty file/);
  });

  it('refuses a Trivy report of another schema version', () => {
    expect(() => readReport(JSON.stringify({ SchemaVersion: 1, ArtifactName: 'x', Results: [] }), 'old.json')).toThrow(/SchemaVersion 1 is not supported/);
  });
});

describe('Trivy reports read straight from the text', () => {
  const trivyFiles = readdirSync(TRIVY)
    .filter((f) => f.endsWith('.json.golden'))
    .map((f) => path.join(TRIVY, f));
  /** What the ordinary path (JSON.parse, then readTrivy) makes of a text; the same error when it has none. */
  const ordinary = (text: string, file: string) => {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return readTrivy(JSON.parse(body), file);
  };
  // Property order included: the JSON output writes members in the order the findings have them.
  const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

  it('reads every Trivy golden exactly as JSON.parse and readTrivy do', () => {
    let compared = 0;
    for (const file of trivyFiles) {
      const text = readFileSync(file, 'utf8');
      const scanned = scanTrivyText(text, file);
      let doc: Record<string, unknown>;
      try {
        doc = JSON.parse(text) as Record<string, unknown>;
      } catch {
        expect(scanned, file).toBeUndefined();
        continue;
      }
      if (!Array.isArray(doc.Results) || detectFormat(doc) !== 'trivy') continue;
      expect(scanned, file).toBeDefined();
      same(readReport(text, file), ordinary(text, file));
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('gives repeated keys, escapes and values of other types the meaning JSON.parse gives them', () => {
    const base = readFileSync(path.join(TRIVY, 'alpine-310.json.golden'), 'utf8');
    const variants = [
      base.replace(/"PkgName": "([^"]+)"/, '"PkgName": "$1", "PkgName": 5'),
      base.replace(/"PkgName": "([^"]+)"/, '"PkgName": 5, "PkgName": "$1"'),
      base.replace(/"Layer": \{[^}]*\}/, '"Layer": {"DiffID": "sha256:x"}, "Layer": "y"'),
      base.replace(/"Layer": \{/, '"Layer": 7, "Layer": {'),
      base.replace(/"VulnerabilityID": "/g, '"Vulnerability\\u0049D": "'),
      base.replace(/"Title": "/g, '"Title": "a\\"b\\u00e9\\n\\ud800 é '),
      // Not ASCII (values decoded from the bytes), and a raw lone surrogate (left to JSON.parse).
      base.replace(/"Title": "/g, '"Title": "ünïcödé — '),
      base.replace(/"Title": "/, '"Title": "\ud800'),
      base.replace(/"Severity": "[A-Z]+"/, '"Severity": 3'),
      base.replace(/"Results": \[/, '"Results": [1, null, "x", [], '),
      base.replace(/"Vulnerabilities": \[/, '"Vulnerabilities": [1, null, [], "s", '),
      base.replace(/"Vulnerabilities": \[/, '"Vulnerabilities": [], "Vulnerabilities": ['),
      base.replace(/"Type": "([^"]+)"/, '"Type": 3, "Type": "$1"'),
      base.replace(/"Type": "([^"]+)"/, '"Type": "$1", "Type": 3'),
      base.replace(/"PkgName"/, '"VendorIDs": ["GHSA-xxxx-yyyy-zzzz", 7, "", "CVE-2020-0001"], "PkgName"'),
      base.replace(/"PkgIdentifier": \{/, '"PkgIdentifier": {"__proto__": 1, "PURL": 5, '),
      base.replace(/"FixedVersion": "([^"]+)"/, '"FixedVersion": " $1 , 9.9 ,"'),
      base.replace(/"Status": "[a-z_]+"/, '"Status": "weird"'),
      base.replace(/\n/g, '\r\n'),
      `\ufeff \t\n${base}\n `,
      JSON.stringify(JSON.parse(base)),
      // Laid out unlike Trivy (read the ordinary way, same result): Type after the vulnerabilities, the
      // image metadata after Results, Results twice.
      JSON.stringify({ ...JSON.parse(base), Results: JSON.parse(base).Results.map(({ Type, ...r }: Record<string, unknown>) => ({ ...r, Type })) }),
      JSON.stringify((({ Results, ...rest }) => ({ Results, ...rest, Results2: 1 }))(JSON.parse(base))),
      JSON.stringify((({ Results, ...rest }) => ({ ...rest, Results, ArtifactName: 'other' }))(JSON.parse(base))),
      base.replace(/"Results": \[/, '"Results": [], "Results": ['),
    ];
    for (const text of variants) same(readReport(text, 'v.json'), ordinary(text, 'v.json'));
  });

  it('reads a report from its bytes as from its text (what readReports does with a file)', () => {
    const base = readFileSync(path.join(TRIVY, 'alpine-310.json.golden'), 'utf8');
    const texts = [
      ...trivyFiles.map((f) => readFileSync(f, 'utf8')),
      base.replace(/"Title": "/g, '"Title": "ünïcödé — 😀 '),
      base.replace(/"Title": "/g, '"Title": "a\\"b\\u00e9\\n\\ud800 é '),
      `\ufeff \t\n${base}\n `,
      readFileSync(GRYPE_FILES[0] as string, 'utf8'),
      readFileSync(path.join(TRIVY, 'alpine-310.sarif.golden'), 'utf8'),
    ];
    for (const text of texts) {
      let expected: unknown;
      try {
        expected = readReport(text, 'r.json');
      } catch (e) {
        expected = (e as Error).message;
      }
      let got: unknown;
      try {
        got = readReport(Buffer.from(text, 'utf8'), 'r.json');
      } catch (e) {
        got = (e as Error).message;
      }
      same(got, expected);
    }
    // Bytes that are not UTF-8 are decoded as reading the file as UTF-8 text would.
    const latin1 = Buffer.from(base.replace(/"Title": "/, '"Title": "caf\u00e9 '), 'latin1');
    same(readReport(latin1, 'l.json'), readReport(latin1.toString('utf8'), 'l.json'));
    expect(() => readReport(Buffer.from(' \n '), 'e.json')).toThrow('e.json: empty file');
    expect(() => readReport(Buffer.from(base.slice(0, 5000)), 'cut.json')).toThrow(/cut\.json: not valid JSON at line \d+, column \d+/);
  });

  it('reads reports from files, also from pipes that have no size', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-gate-read-'));
    try {
      const file = path.join(TRIVY, 'centos-7.json.golden');
      const text = readFileSync(file, 'utf8');
      same(readReports([file]).reads, [readReport(text, file)]);
      // A report of several hundred kilobytes through a FIFO: read to its end, however many reads it takes.
      const big = JSON.stringify({ ...JSON.parse(text), Padding: 'p'.repeat(600_000) });
      const fifo = path.join(dir, 'report.fifo');
      execFileSync('mkfifo', [fifo]);
      const source = path.join(dir, 'report.json');
      writeFileSync(source, big);
      // The writer is another process (this one blocks in the read until the FIFO is closed).
      const writer = spawn('sh', ['-c', 'cat "$2" > "$1"', 'sh', fifo, source], { stdio: 'ignore' });
      const { reads, inputErrors } = readReports([fifo]);
      await new Promise((resolve) => writer.once('exit', resolve));
      expect(inputErrors).toEqual([]);
      same(reads, [readReport(big, fifo)]);
      expect(reads[0]?.findings.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves broken JSON, other formats and odd documents to the ordinary reader', () => {
    const base = readFileSync(path.join(TRIVY, 'alpine-310.json.golden'), 'utf8');
    for (const broken of [base.slice(0, 5000), base.replace(/: (\d+)/, ': 01'), base.replace(/: (\d+)/, ': 1.'), base.replace(/"Title": "/, '"Title": "\u0001'), `${base} x`, base.replace('"Title": "', '"Title": "\\x')]) {
      expect(scanTrivyText(broken, 'broken.json')).toBeUndefined();
      expect(() => readReport(broken, 'broken.json')).toThrow(/broken\.json: not valid JSON at line \d+, column \d+/);
    }
    expect(scanTrivyText(base.replace(/"SchemaVersion": 2,/, '"__proto__": {}, "SchemaVersion": 2,'), 'p.json')).toBeUndefined();
    expect(scanTrivyText(readFileSync(GRYPE_FILES[0] as string, 'utf8'), 'g.json')).toBeUndefined();
    expect(() => readReport(base.replace(/"SchemaVersion": 2/, '"SchemaVersion": 3'), 'v3.json')).toThrow(/SchemaVersion 3 is not supported/);
    expect(readReport(base.replace(/"SchemaVersion": 2/, '"SchemaVersion": 2.0'), 'v2.json').findings).toHaveLength(4);
  });
});
