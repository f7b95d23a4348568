import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactLocation, FINGERPRINT_KEY, formatSarif, securitySeverity } from './sarif.js';
import { scanFiles, scanMain, type Fixture } from './test-fixtures.js';
import { sarifValidator } from '../../test/sarif-validator.js';

const validate = sarifValidator();

function expectValidSarif(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- reading SARIF back as plain JSON */
type Log = any;

describe('formatSarif', () => {
  let main: Fixture;
  let log: Log;
  beforeAll(async () => {
    main = await scanMain();
    log = JSON.parse(formatSarif(main.result, { srcRoot: main.dir }));
  });
  afterAll(() => main.cleanup());

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expectValidSarif(log);
    // Without a source root (absolute paths stay file URIs) it is valid too.
    expectValidSarif(JSON.parse(formatSarif(main.result)));
  });

  it('has a validator that does reject invalid logs', () => {
    const bad = structuredClone(log);
    bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(bad)).toBe(false);
    const badUri = structuredClone(log);
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'deploy/legacy app.yaml';
    expect(validate(badUri)).toBe(false);
  });

  it('describes every control that ran as a rule, within GitHub code scanning limits', () => {
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'Palisade', semanticVersion: main.result.tool.version });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: Log) => r.id)).toEqual(['APP-901', 'CLU-901', 'NOD-901']);
    const app = driver.rules[0];
    expect(app).toMatchObject({
      name: 'test-writable-root',
      shortDescription: { text: 'Containers run with a read-only root file system.' },
      defaultConfiguration: { level: 'error' },
      properties: { precision: 'very-high', 'security-severity': '8.0', 'problem.severity': 'error' },
    });
    expect(app.fullDescription.text).toContain('A writable root file system lets an intruder drop tools.');
    expect(app.help.text).toContain('Set securityContext.readOnlyRootFilesystem: true.');
    expect(app.help.markdown).toContain('### How to fix');
    expect(app.properties.tags).toEqual(
      expect.arrayContaining(['security', 'application', 'seed/A12', 'pss/readOnlyRootFilesystem', 'cis-kubernetes/5.7.3']),
    );
    for (const rule of driver.rules) {
      expect(rule.id.length).toBeLessThanOrEqual(255);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
      expect(new Set(rule.properties.tags).size).toBe(rule.properties.tags.length);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(typeof rule.properties['security-severity']).toBe('string');
    }
    expect(driver.rules.map((r: Log) => r.properties['security-severity'])).toEqual(['8.0', '5.5', '3.0']);
  });

  it('maps severities to GitHub’s security-severity bands', () => {
    const band = (s: string | undefined) => Number(s);
    expect(band(securitySeverity('critical'))).toBeGreaterThanOrEqual(9.0);
    expect(band(securitySeverity('high'))).toBeGreaterThanOrEqual(7.0);
    expect(band(securitySeverity('high'))).toBeLessThanOrEqual(8.9);
    expect(band(securitySeverity('medium'))).toBeGreaterThanOrEqual(4.0);
    expect(band(securitySeverity('medium'))).toBeLessThanOrEqual(6.9);
    expect(band(securitySeverity('low'))).toBeGreaterThanOrEqual(0.1);
    expect(band(securitySeverity('low'))).toBeLessThanOrEqual(3.9);
  });

  it('reports each finding with rule, level, relative location, resource and fingerprint', () => {
    const run = log.runs[0];
    expect(run.results).toHaveLength(main.result.findings.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation.uri).toMatch(/^deploy\/[^/\\]+\.yaml$/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    }
    const side = run.results.find((r: Log) => r.message.text.includes("'side'"));
    expect(side).toMatchObject({
      ruleId: 'APP-901',
      level: 'error',
      message: { text: "Container 'side' has a writable root file system." },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 15, startColumn: 13 } },
          logicalLocations: [{ name: 'web', fullyQualifiedName: 'shop/Deployment/web', kind: 'resource' }],
        },
      ],
      properties: {
        pointer: '/spec/template/spec/containers/1/securityContext/readOnlyRootFilesystem',
        resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
        frameworks: { seed: ['A12'] },
      },
    });
    expect(side.suppressions).toBeUndefined();
    const legacy = run.results.find((r: Log) => r.properties.resource.name === 'legacy');
    expect(legacy.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/legacy%20app.yaml');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('marks exempted findings with an accepted external suppression', () => {
    const suppressed = log.runs[0].results.filter((r: Log) => r.suppressions);
    expect(suppressed).toHaveLength(2);
    expect(suppressed[0].suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'CSI node plugin writes <state> & "sockets" under /var' },
    ]);
    expect(suppressed[0].properties.exemption).toMatchObject({ owner: 'platform-team', expires: '2027-03-31' });
  });

  it('keeps fingerprints stable across runs and distinct between findings', async () => {
    const again = await scanMain();
    try {
      const other = JSON.parse(formatSarif(again.result, { srcRoot: again.dir }));
      const prints = (l: Log) => l.runs[0].results.map((r: Log) => r.partialFingerprints[FINGERPRINT_KEY]);
      expect(again.dir).not.toBe(main.dir);
      expect(prints(other)).toEqual(prints(log));
      expect(new Set(prints(log)).size).toBe(log.runs[0].results.length);
    } finally {
      await again.cleanup();
    }
  });

  it('puts input errors and not-evaluated controls in the invocation, notices in configuration notifications', () => {
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.exitCode).toBe(1);
    const input = inv.toolExecutionNotifications.filter((n: Log) => n.descriptor.id === 'parse-error');
    expect(input).toHaveLength(1);
    expect(input[0]).toMatchObject({
      level: 'error',
      message: { text: expect.stringContaining('YAML syntax error') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy/broken.yaml' }, region: { startLine: 4 } } }],
    });
    const skipped = inv.toolExecutionNotifications.filter((n: Log) => n.descriptor.id === 'not-evaluated');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].associatedRule).toEqual({ id: 'CLU-901', index: 1 });
    expect(skipped[0].message.text).toContain('could not evaluate 2 resources');
    expect(skipped[0].locations).toHaveLength(2);
    expect(inv.toolConfigurationNotifications).toEqual([
      expect.objectContaining({ level: 'warning', message: { text: expect.stringContaining('expired on 2025-01-01') } }),
    ]);
  });

  it('says the execution failed when nothing could be scanned', async () => {
    const broken = await scanFiles({ 'deploy/bad.yaml': 'a: [\n' });
    try {
      const l = JSON.parse(formatSarif(broken.result, { srcRoot: broken.dir }));
      expectValidSarif(l);
      expect(l.runs[0].invocations[0].executionSuccessful).toBe(false);
      expect(l.runs[0].results).toEqual([]);
    } finally {
      await broken.cleanup();
    }
  });
});

describe('artifactLocation', () => {
  it('makes relative, forward-slash, URI-encoded paths under %SRCROOT%', () => {
    expect(artifactLocation('deploy/web.yaml')).toEqual({ uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./k8s//a b/#1%.yaml')).toEqual({ uri: 'k8s/a%20b/%231%25.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('k8s\\prod\\app.yaml')).toEqual({ uri: 'k8s/prod/app.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/repo/k8s/app.yaml', '/repo')).toEqual({ uri: 'k8s/app.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('C:\\repo\\k8s\\app.yaml', 'C:\\repo\\')).toEqual({ uri: 'k8s/app.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('keeps URIs of inputs that are not files (live Azure resources) as they are', () => {
    const uri = 'azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1';
    expect(artifactLocation(uri, '/work')).toEqual({ uri });
  });

  it('keeps absolute paths outside the root as file URIs', () => {
    expect(artifactLocation('/elsewhere/app.yaml', '/repo')).toEqual({ uri: 'file:///elsewhere/app.yaml' });
    expect(artifactLocation('/repo-other/app.yaml', '/repo')).toEqual({ uri: 'file:///repo-other/app.yaml' });
    expect(artifactLocation('C:\\x\\app.yaml')).toEqual({ uri: 'file:///C:/x/app.yaml' });
  });
});
