import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, SEVERITIES, STAGES, SURFACES } from '../model/types.js';
import { formatJson, toJsonReport } from './json.js';
import { scanClean, scanFiles, scanMain, type Fixture } from './test-fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/scan-result.schema.json', import.meta.url), 'utf8')) as {
  definitions: Record<string, { enum?: unknown[] }>;
};
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validate = ajv.compile(schema);

function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

describe('formatJson', () => {
  let main: Fixture;
  beforeAll(async () => {
    main = await scanMain();
  });
  afterAll(() => main.cleanup());

  it('validates against schema/scan-result.schema.json', () => {
    expectValid(JSON.parse(formatJson(main.result)));
  });

  it('has exactly the contract fields, without the controls that ran', () => {
    const doc = JSON.parse(formatJson(main.result)) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'schemaVersion', 'tool', 'stage', 'policy', 'findings', 'notEvaluated', 'inputErrors', 'notices', 'summary',
    ]);
    expect(doc.schemaVersion).toBe('1.0.0');
    expect(doc.tool).toEqual({ name: 'palisade', version: main.result.tool.version });
    expect(doc.policy).toMatchObject({ profile: 'recommended', pssVersion: 'v1.37', failOn: 'low' });
    expect(doc.summary).toMatchObject({ findings: 6, failed: 4, exempted: 2, notEvaluated: 2, inputErrors: 1, exitCode: 1 });
  });

  it('keeps every field of a finding, and the exemption of an exempted one', () => {
    const doc = JSON.parse(formatJson(main.result)) as { findings: Record<string, unknown>[] };
    const side = doc.findings.find((f) => (f.data as { container?: string }).container === 'side');
    expect(side).toEqual({
      controlId: 'APP-901',
      controlName: 'test-writable-root',
      surface: 'application',
      severity: 'high',
      status: 'fail',
      action: 'deny',
      messageId: 'writable',
      message: "Container 'side' has a writable root file system.",
      data: { container: 'side' },
      frameworks: { seed: ['A12'], pss: ['readOnlyRootFilesystem'], 'cis-kubernetes': ['5.7.3'] },
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      location: {
        file: expect.stringMatching(/deploy[/\\]web\.yaml$/),
        line: 15,
        column: 13,
        pointer: '/spec/template/spec/containers/1/securityContext/readOnlyRootFilesystem',
      },
    });
    const exempted = doc.findings.filter((f) => f.status === 'exempted');
    expect(exempted).toHaveLength(2);
    expect(exempted[0]?.exemption).toEqual({
      source: 'policy',
      justification: 'CSI node plugin writes <state> & "sockets" under /var',
      owner: 'platform-team',
      expires: '2027-03-31',
    });
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    const out = formatJson(main.result);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "schemaVersion": "1.0.0",');
    expect(JSON.parse(out)).toEqual(toJsonReport(main.result));
  });

  it('does not carry anything the engine adds beyond the contract', () => {
    const polluted = structuredClone({ ...main.result, controls: [] }) as typeof main.result;
    (polluted.findings[0] as unknown as Record<string, unknown>).internal = { big: 'x'.repeat(1000) };
    (polluted.findings[0]?.resource as unknown as Record<string, unknown>).uid = 'abc';
    const doc = JSON.parse(formatJson({ ...polluted, controls: main.result.controls }));
    expect(JSON.stringify(doc)).not.toContain('internal');
    expect(JSON.stringify(doc)).not.toContain('"uid"');
    expectValid(doc);
  });

  it('validates for a clean scan and for a scan where nothing could be read', async () => {
    const clean = await scanClean();
    const broken = await scanFiles({ 'deploy/bad.yaml': 'a: [\n' });
    try {
      const cleanDoc = JSON.parse(formatJson(clean.result));
      expectValid(cleanDoc);
      expect(cleanDoc.summary.exitCode).toBe(0);
      const brokenDoc = JSON.parse(formatJson(broken.result));
      expectValid(brokenDoc);
      expect(brokenDoc.summary.exitCode).toBe(2);
    } finally {
      await clean.cleanup();
      await broken.cleanup();
    }
  });
});

describe('scan-result.schema.json', () => {
  it('is a valid draft-07 schema whose enums match the model', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
    const d = schema.definitions;
    expect(d.severity?.enum).toEqual([...SEVERITIES]);
    expect(d.surface?.enum).toEqual([...SURFACES]);
    expect(d.stage?.enum).toEqual([...STAGES]);
    expect(d.action?.enum).toEqual([...ACTIONS]);
  });

  it('rejects what breaks the contract', async () => {
    const f = await scanMain();
    try {
      const good = JSON.parse(formatJson(f.result));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutating parsed JSON at will
      type Doc = Record<string, any>;
      const cases: [string, (doc: Doc) => void][] = [
        ['an extra top-level field', (d) => (d.controls = [])],
        ['an exempted finding without its exemption', (d) => delete d.findings.find((x: Doc) => x.status === 'exempted').exemption],
        ['a failing finding with an exemption', (d) => (d.findings[0].exemption = { source: 'policy', justification: 'x' })],
        ['an unknown severity', (d) => (d.findings[0].severity = 'severe')],
        ['a line 0', (d) => (d.findings[0].location.line = 0)],
        ['a missing pointer', (d) => delete d.findings[0].location.pointer],
        ['a missing summary count', (d) => delete d.summary.bySeverity.low],
        ['another major version', (d) => (d.schemaVersion = '2.0.0')],
      ];
      for (const [name, mutate] of cases) {
        const doc = structuredClone(good);
        mutate(doc);
        expect(validate(doc), name).toBe(false);
      }
    } finally {
      await f.cleanup();
    }
  });
});
