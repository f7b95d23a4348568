/**
 * Azure posture through the CLI and the report formats: the JSON contract (with the `azure` section) and
 * SARIF stay valid, --as-of and the calendar options change verdicts as documented, exemptions match Azure
 * resources, and bad Azure input is an input error that does not stop the scan.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { sarifValidator } from './sarif-validator.js';
import { sharedDir } from './shared.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- reading reports back as plain JSON */
type Json = any;

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: Readable.from([Buffer.from('')]),
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

const ex = (f: string) => path.join(sharedDir(), 'data', 'azure', 'examples', f);
const AUTOMATIC = () => ex('aks-cli-recording-automatic-2025.json');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'palisade-azure-scan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const schema = JSON.parse(readFileSync(new URL('../schema/scan-result.schema.json', import.meta.url), 'utf8')) as object;
const validateJson = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
const validateSarif = sarifValidator();

const byCatalog = (r: Json, id: string) => (r.findings as Json[]).filter((f) => f.frameworks.catalog?.includes(id));

describe('palisade scan on Azure input', () => {
  it('writes the JSON contract: catalog ids, lower-case Azure Policy GUIDs, resource ids, the azure section', async () => {
    const { code, stdout } = await run(['scan', AUTOMATIC(), ex('acr-cli-recording-basic-abac-2025.json'), '--no-config', '--format', 'json', '--as-of', '2026-11-29']);
    expect(code).toBe(1);
    const r = JSON.parse(stdout) as Json;
    expect(validateJson(r), JSON.stringify(validateJson.errors?.slice(0, 3))).toBe(true);
    const local = byCatalog(r, 'AKS-007');
    expect(local).toEqual([]);
    const rbacDenied = byCatalog(r, 'AKS-004')[0];
    expect(rbacDenied.frameworks['azure-policy']).toEqual(['89f2d532-c53c-4f8f-9afa-4927b1114a0d', '1b708b0a-3380-40e9-8b79-821f9fa224cc']);
    expect(rbacDenied.resource).toMatchObject({ kind: 'Microsoft.ContainerService/managedClusters', name: 'cliakstest000001' });
    expect(rbacDenied.resource.id).toMatch(/\/managedClusters\/cliakstest000001$/);
    for (const f of r.findings as Json[]) {
      for (const g of f.frameworks['azure-policy'] ?? []) expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(f.frameworks.seed.length + (f.frameworks.catalog ? 1 : 0)).toBeGreaterThan(0);
    }
    expect(r.azure).toMatchObject({ clusters: 1, registries: 1, pulls: [], calendar: { snapshotDate: '2026-08-05' } });
  });

  it('writes valid SARIF for Azure findings', async () => {
    const { stdout } = await run(['scan', AUTOMATIC(), '--no-config', '--format', 'sarif', '--as-of', '2026-11-29']);
    const log = JSON.parse(stdout) as Json;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(5);
  });

  it('evaluates version support at --as-of', async () => {
    const at = async (d: string) => byCatalog(JSON.parse((await run(['scan', AUTOMATIC(), '--no-config', '-f', 'json', '--as-of', d])).stdout), 'AKS-028');
    expect(await at('2025-09-01')).toEqual([]);
    expect((await at('2026-02-15'))[0]).toMatchObject({ messageId: 'ending', severity: 'medium' });
    expect((await at('2026-11-29'))[0]).toMatchObject({ severity: 'critical' });
    const bad = await run(['scan', AUTOMATIC(), '--no-config', '--as-of', '2026-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--as-of expects a date YYYY-MM-DD/);
  });

  it('reads the calendar the user gives (CLI or policy file), and refuses a broken one clearly', async () => {
    // A calendar in which 1.32 got a later end of support.
    const bundled = JSON.parse(readFileSync(new URL('../data/aks-version-calendar.json', import.meta.url), 'utf8')) as Json;
    const extended = { ...bundled, snapshotDate: '2026-11-01', versions: bundled.versions.map((v: Json) => (v.minor === '1.32' ? { ...v, eol: '2027-12-31' } : v)) };
    const calendar = path.join(tmp, 'calendar.json');
    writeFileSync(calendar, JSON.stringify(extended));
    const viaCli = JSON.parse((await run(['scan', AUTOMATIC(), '--no-config', '-f', 'json', '--as-of', '2026-11-29', '--aks-calendar', calendar])).stdout) as Json;
    expect(byCatalog(viaCli, 'AKS-028')).toEqual([]);
    expect(viaCli.azure.calendar).toEqual({ origin: calendar, snapshotDate: '2026-11-01' });

    const policyDir = path.join(tmp, 'policy');
    writeFileSync(path.join(tmp, 'palisade.yaml'), 'azure:\n  versionCalendar: calendar.json\n');
    void policyDir;
    const viaPolicy = JSON.parse((await run(['scan', AUTOMATIC(), '-c', path.join(tmp, 'palisade.yaml'), '-f', 'json', '--as-of', '2026-11-29'])).stdout) as Json;
    expect(byCatalog(viaPolicy, 'AKS-028')).toEqual([]);

    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, '{"versions": [{"minor": "one"}]}');
    const r = await run(['scan', AUTOMATIC(), '--no-config', '--aks-calendar', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.json');
    expect(r.stderr).toMatch(/minor must be/);
  });

  it('says when the calendar is old for the evaluation date', async () => {
    const r = JSON.parse((await run(['scan', AUTOMATIC(), '--no-config', '-f', 'json', '--as-of', '2027-06-01'])).stdout) as Json;
    expect((r.notices as Json[]).map((n) => n.message).join('\n')).toMatch(/AKS version calendar .* is 300 days older/);
  });

  it('exempts Azure resources by kind and name', async () => {
    const policy = path.join(tmp, 'exempt.yaml');
    writeFileSync(
      policy,
      'exemptions:\n  - controls: [CLU-104]\n    match: { kinds: [Microsoft.ContainerService/managedClusters], names: ["cliakstest*"] }\n    justification: command invoke is used by the break-glass runbook\n    owner: platform\n',
    );
    const r = JSON.parse((await run(['scan', AUTOMATIC(), '-c', policy, '-f', 'json', '--as-of', '2026-11-29'])).stdout) as Json;
    const f = (r.findings as Json[]).find((x) => x.controlId === 'CLU-104');
    expect(f).toMatchObject({ status: 'exempted', exemption: { source: 'policy', owner: 'platform' } });
  });

  it('reports broken and unsupported Azure files as input errors and scans the rest', async () => {
    const dir = path.join(tmp, 'mixed');
    rmSync(dir, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(dir));
    writeFileSync(path.join(dir, 'aks.json'), readFileSync(AUTOMATIC()));
    writeFileSync(path.join(dir, 'truncated.json'), readFileSync(ex('acr-cli-recording-basic-abac-2025.json'), 'utf8').slice(0, 300));
    const r = JSON.parse((await run(['scan', dir, '--no-config', '-f', 'json', '--as-of', '2026-11-29'])).stdout) as Json;
    expect(r.inputErrors).toMatchObject([{ file: path.join(dir, 'truncated.json'), code: 'parse-error' }]);
    expect(r.inputErrors[0].line).toBeGreaterThan(0);
    expect(r.summary.resources).toBe(1);
    expect(byCatalog(r, 'AKS-004').length).toBe(1);
  });
});
