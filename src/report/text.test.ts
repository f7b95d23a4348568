import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatText } from './text.js';
import { scanClean, scanFiles, scanMain, type Fixture } from './test-fixtures.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

describe('formatText', () => {
  let main: Fixture;
  let plain: string;
  beforeAll(async () => {
    main = await scanMain();
    plain = formatText(main.result, { color: false });
  });
  afterAll(() => main.cleanup());

  it('has no ANSI codes, and no raw control characters from the input, without colour', () => {
    expect(plain).not.toMatch(ANSI);
    // eslint-disable-next-line no-control-regex
    expect(plain).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    // The container name carried ESC and BEL: they are shown, not executed.
    expect(plain).toContain("Container 'evil<&\"'>\\x1b[31m\\x07' has a writable root file system.");
  });

  it('colours severities when asked, still without the input’s own escapes', () => {
    const coloured = formatText(main.result, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31mhigh    \u001b[39m');
    expect(coloured).not.toContain('\u0007');
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(plain);
  });

  it('groups findings by surface, then by resource, with file:line:column', () => {
    const lines = plain.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at('Cluster')).toBeGreaterThan(0);
    expect(at('Cluster')).toBeLessThan(at('Application'));
    const web = at('Deployment shop/web');
    expect(lines[web]).toMatch(/^ {2}Deployment shop\/web {2}\S*deploy[/\\]web\.yaml$/);
    expect(lines[web + 1]).toMatch(
      /^ {4}high {5}APP-901 test-writable-root {2}Container 'app' has a writable root file system\. {2}\S*web\.yaml:10:11$/,
    );
    expect(lines[web + 2]).toMatch(/Container 'side'.*web\.yaml:15:13$/);
    expect(plain).toMatch(/ConfigMap shop\/settings.*\n.*medium +CLU-901 test-inventory .*config\.yaml:5:3/);
  });

  it('shows exempted findings with justification, owner and expiry, once per resource', () => {
    const note = 'exempted by policy: CSI node plugin writes <state> & "sockets" under /var (owner platform-team, expires 2027-03-31)';
    const csi = plain.slice(plain.indexOf('DaemonSet kube-system/csi-node')).split('\n').slice(1, 4);
    expect(csi[0]).toMatch(/^ {4}high +APP-901 test-writable-root {2}Container 'driver'.*csi\.yaml:8:11 \[exempted\]$/);
    expect(csi[1]).toBe(`             ${note}`);
    expect(csi[2]).toMatch(/^ {4}high +APP-901 test-writable-root {2}Container 'registrar'.*csi\.yaml:10:11 \[exempted\]$/);
    expect(plain.split(note)).toHaveLength(2);
  });

  it('aggregates what was not evaluated, lists input errors and policy notices', () => {
    expect(plain).toContain('Not evaluated (2)\n  CLU-901 test-inventory  skipped: needs the whole inventory of endpoints\n    2 resources: Service shop/web (');
    expect(plain).toMatch(/Input errors \(1\)\n {2}\S*broken\.yaml:4: YAML syntax error: .* \[parse-error\]/);
    expect(plain).toMatch(/Policy notices\n {2}warning: exemption .*#\/exemptions\/1 \(APP-901, owner data-team\) expired on 2025-01-01/);
  });

  it('ends with a one-line summary that says FAILED when the exit code is 1', () => {
    expect(main.result.summary.exitCode).toBe(1);
    const last = plain.trimEnd().split('\n').at(-1);
    expect(last).toBe(
      'FAILED  6 resources scanned in 5 files, 4 findings (3 high, 1 medium), 2 exempted, 2 not evaluated, 1 input error',
    );
    expect(plain.endsWith('\n')).toBe(true);
  });

  it('says PASSED for a clean scan and FAILED when nothing could be scanned', async () => {
    const clean = await scanClean();
    const broken = await scanFiles({ 'deploy/bad.yaml': 'a: [\n' });
    try {
      const ok = formatText(clean.result, { color: false });
      expect(ok).toContain('No findings.');
      expect(ok.trimEnd().split('\n').at(-1)).toBe(
        'PASSED  1 resource scanned in 1 file, 0 findings, 0 exempted, 0 not evaluated, 0 input errors',
      );
      expect(broken.result.summary.exitCode).toBe(2);
      expect(formatText(broken.result, { color: false }).trimEnd().split('\n').at(-1)).toMatch(/^FAILED \(nothing could be scanned\) {2}0 resources/);
    } finally {
      await clean.cleanup();
      await broken.cleanup();
    }
  });
});
