import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asAny, defineControl } from '../src/controls/define.js';
import readOnly from '../src/controls/application/read-only-root-filesystem.js';
import { ConfigError, parseConfig, resolvePolicy } from '../src/policy/config.js';
import { scan } from '../src/scan.js';

const pssLike = asAny(
  defineControl({
    meta: {
      id: 'APP-901', name: 'test-no-host-network', surface: 'node', severity: 'high',
      appliesTo: ['k8s.workload'], stages: ['ci', 'admission', 'audit'],
      docs: { summary: 's', rationale: 'r', remediation: 'm' },
      frameworks: { seed: ['B4'], pss: ['hostNamespaces'] },
      messages: { host: 'Pod uses the host network.' },
      pss: { level: 'baseline', checkId: 'hostNamespaces', since: 0 },
    },
    check(w, ctx) {
      if (w.podSpec.hostNetwork === true) ctx.report({ messageId: 'host', pointer: `${w.podSpecPointer}/hostNetwork` });
    },
  }),
);
const catalog = [asAny(readOnly), pssLike];

function estate(config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'palisade-policy-'));
  mkdirSync(path.join(dir, 'manifests'));
  const deploy = (ns: string, name: string, image: string, annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
${annotations}spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: ${image}
`;
  writeFileSync(
    path.join(dir, 'manifests', 'all.yaml'),
    [
      deploy('monitoring', 'node-exporter', 'mcr.microsoft.com/oss/prometheus/node-exporter:1.8'),
      deploy('shop', 'web', 'contoso.azurecr.io/web:1.0'),
      deploy('shop', 'legacy', 'docker.io/library/nginx:1.25', '  annotations:\n    exempt.palisade.io/read-only-root-filesystem: "nginx writes its cache under /var/cache"\n'),
    ].join('---\n'),
  );
  if (config !== undefined) writeFileSync(path.join(dir, 'palisade.yaml'), config);
  return dir;
}

const NOW = new Date('2026-11-29T12:00:00Z');

describe('profiles', () => {
  it('recommended runs every stable control; pss-baseline exactly the baseline controls', async () => {
    const dir = estate();
    const all = await scan({ paths: [dir], catalog, now: NOW });
    expect(new Set(all.findings.map((f) => f.controlId))).toEqual(new Set(['APP-020', 'APP-901']));
    const pss = await scan({ paths: [dir], catalog, profile: 'pss-baseline', now: NOW });
    expect(new Set(pss.findings.map((f) => f.controlId))).toEqual(new Set(['APP-901']));
    expect(pss.policy.profile).toBe('pss-baseline');
  });

  it('a pss profile on the command line is exact even if the config enables more', async () => {
    const dir = estate('controls:\n  APP-020: { enabled: true }\n');
    const r = await scan({ paths: [dir], catalog, profile: 'pss-baseline', now: NOW });
    expect(new Set(r.findings.map((f) => f.controlId))).toEqual(new Set(['APP-901']));
  });
});

describe('configuration file', () => {
  it('is discovered upward from the scanned path', async () => {
    const dir = estate('controls:\n  read-only-root-filesystem: { enabled: false }\n');
    const r = await scan({ paths: [path.join(dir, 'manifests', 'all.yaml')], catalog, now: NOW });
    expect(r.policy.configFile).toBe(path.join(dir, 'palisade.yaml'));
    expect(r.findings.every((f) => f.controlId === 'APP-901')).toBe(true);
  });

  it('sets severity and per-stage actions', async () => {
    const dir = estate('controls:\n  APP-901: { severity: critical, action: { ci: audit } }\n  APP-020: { enabled: false }\n');
    const r = await scan({ paths: [dir], catalog, now: NOW });
    expect(r.findings.every((f) => f.severity === 'critical' && f.action === 'audit')).toBe(true);
    // Audit-only findings do not fail the gate.
    expect(r.summary.exitCode).toBe(0);
  });

  it('--fail-on sets the threshold', async () => {
    const dir = estate('controls:\n  APP-901: { enabled: false }\n');
    expect((await scan({ paths: [dir], catalog, now: NOW })).summary.exitCode).toBe(1);
    expect((await scan({ paths: [dir], catalog, now: NOW, failOn: 'high' })).summary.exitCode).toBe(0);
  });

  it.each([
    ['unknown top-level key', 'profiles: [x]\n', "at /: unknown property 'profiles'"],
    ['bad severity', 'controls:\n  APP-020: { severity: urgent }\n', 'at /controls/APP-020/severity: expected one of info, low, medium, high, critical'],
    ['unknown control', 'controls:\n  APP-999: { enabled: false }\n', "at /controls/APP-999: unknown control 'APP-999'"],
    ['bad expiry', 'exemptions:\n  - controls: [APP-020]\n    justification: j\n    expires: soon\n', 'at /exemptions/0/expires'],
    ['missing justification', 'exemptions:\n  - controls: [APP-020]\n', "missing required property 'justification'"],
    ['unknown control in exemption', 'exemptions:\n  - controls: [NOPE]\n    justification: j\n', 'at /exemptions/0/controls/0'],
    ['bad pss version', 'pssVersion: v2.1\n', 'at /pssVersion'],
    ['not YAML', 'controls: [\n', 'not valid YAML'],
  ])('rejects %s with file and path', (_name, text, expected) => {
    expect(() => resolvePolicy(catalog, parseConfig(text, 'p.yaml'), {}, 'p.yaml')).toThrowError(ConfigError);
    try {
      resolvePolicy(catalog, parseConfig(text, 'p.yaml'), {}, 'p.yaml');
    } catch (e) {
      expect((e as Error).message).toContain('p.yaml');
      expect((e as Error).message).toContain(expected);
    }
  });

  it('rejects an unknown profile and an unsupported --pss-version', () => {
    expect(() => resolvePolicy(catalog, {}, { profile: 'strictest' })).toThrowError(/unknown profile 'strictest'/);
    expect(() => resolvePolicy(catalog, {}, { pssVersion: 'v1.99' })).toThrowError(/--pss-version/);
    expect(resolvePolicy(catalog, {}, { pssVersion: 'v1.8' }).pssVersion).toBe(8);
  });
});

describe('exemptions', () => {
  const config = `
exemptions:
  - controls: [APP-901, APP-020]
    match: { namespaces: [monitoring], images: ["mcr.microsoft.com/oss/prometheus/*"] }
    justification: node exporter reads host metrics
    owner: platform-team
    expires: 2027-03-31
  - controls: [APP-901]
    match: { namespaces: [shop], names: [web] }
    justification: temporary, migrating to a CNI policy
    owner: shop-team
    expires: 2026-10-01
`;

  it('marks matching findings exempted, keeps them visible, and says when one has expired', async () => {
    const dir = estate(config);
    const r = await scan({ paths: [dir], catalog, now: NOW });
    const byName = (n: string, id: string) => r.findings.find((f) => f.resource.name === n && f.controlId === id)!;
    expect(byName('node-exporter', 'APP-901')).toMatchObject({
      status: 'exempted',
      exemption: { source: 'policy', owner: 'platform-team', expires: '2027-03-31', justification: 'node exporter reads host metrics' },
    });
    expect(byName('node-exporter', 'APP-020').status).toBe('exempted');
    // Expired: the finding is active again and a notice says why.
    expect(byName('web', 'APP-901').status).toBe('fail');
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]!.message).toMatch(/expired on 2026-10-01.*1 finding/);
    // Inline annotation exemption, by control name.
    expect(byName('legacy', 'APP-020')).toMatchObject({ status: 'exempted', exemption: { source: 'annotation', justification: 'nginx writes its cache under /var/cache' } });
    expect(r.summary.exempted).toBe(3);
  });

  it('applies all of the expiry day and stops the day after', async () => {
    const dir = estate(config);
    const lastDay = await scan({ paths: [dir], catalog, now: new Date('2027-03-31T23:00:00Z') });
    expect(lastDay.findings.find((f) => f.resource.name === 'node-exporter' && f.controlId === 'APP-901')!.status).toBe('exempted');
    const after = await scan({ paths: [dir], catalog, now: new Date('2027-04-01T00:00:01Z') });
    expect(after.findings.find((f) => f.resource.name === 'node-exporter' && f.controlId === 'APP-901')!.status).toBe('fail');
  });

  it('does not exempt when an image does not match', async () => {
    const dir = estate(config.replace('mcr.microsoft.com/oss/prometheus/*', 'quay.io/*'));
    const r = await scan({ paths: [dir], catalog, now: NOW });
    expect(r.findings.find((f) => f.resource.name === 'node-exporter' && f.controlId === 'APP-901')!.status).toBe('fail');
  });

  it('inline annotation exemptions can be turned off', async () => {
    const dir = estate('inlineExemptions: { enabled: false }\n');
    const r = await scan({ paths: [dir], catalog, now: NOW });
    expect(r.findings.find((f) => f.resource.name === 'legacy' && f.controlId === 'APP-020')!.status).toBe('fail');
  });
});
