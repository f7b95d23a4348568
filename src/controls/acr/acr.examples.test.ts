/**
 * The catalog's §5 verdicts for the ACR controls (ACR-001…023) on the example files in
 * /work/shared/data/azure/examples: PASS = no finding of the control; FAIL = at least one non-info finding.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../../test/shared.js';
import type { Finding } from '../../model/types.js';
import { scan } from '../../scan.js';
import { acrControls } from './index.js';

const MINE = new Set(acrControls.map((c) => c.meta.frameworks.catalog?.[0]).filter((id): id is string => id !== undefined));
const acr = (n: number) => `ACR-${String(n).padStart(3, '0')}`;
const example = (file: string) => path.join(sharedDir(), 'data', 'azure', 'examples', file);

async function run(...files: string[]) {
  return scan({ paths: files.map(example), noConfig: true, profile: 'all', now: new Date('2026-11-29T00:00:00Z') });
}

async function findingsOf(...files: string[]): Promise<Finding[]> {
  return (await run(...files)).findings.filter((f) => MINE.has(f.frameworks.catalog?.[0] ?? ''));
}

const VERDICTS: { file: string; pass: number[]; fail: number[]; info?: number[] }[] = [
  { file: 'acr-cli-recording-basic-abac-2025.json', pass: [1, 2, 5], fail: [3, 6, 7, 8, 9, 12], info: [22] },
  { file: 'acr-cli-recording-premium-cmk-2022.json', pass: [1, 2, 9, 17], fail: [3, 6, 7, 8, 12] },
  { file: 'acr-azcli-show-DERIVED-from-premium-cmk-2022.json', pass: [1, 2, 9, 17], fail: [3, 6, 7, 8, 12] },
  { file: 'acr-cli-recording-premium-public-access-disabled-2022.json', pass: [1, 2, 6, 7, 9], fail: [3, 8, 12] },
];

describe('ACR controls on the example files (catalog §5)', () => {
  it('covers the catalog ids ACR-001…023, as REG-101…123 in order', () => {
    expect([...MINE]).toEqual(Array.from({ length: 23 }, (_, i) => acr(i + 1)));
    expect(acrControls.map((c) => c.meta.id)).toEqual(Array.from({ length: 23 }, (_, i) => `REG-${101 + i}`));
    for (const c of acrControls) expect(c.meta.surface).toBe('registry');
  });

  for (const v of VERDICTS) {
    const info = v.info ? `; INFO ${v.info.map(acr).join(' ')}` : '';
    it(`${v.file}: PASS ${v.pass.map(acr).join(' ')}; FAIL ${v.fail.map(acr).join(' ')}${info}`, async () => {
      const findings = await findingsOf(v.file);
      const of = (n: number) => findings.filter((f) => f.frameworks.catalog?.[0] === acr(n));
      for (const n of v.pass) expect(of(n).map((f) => f.message), `${acr(n)} should pass`).toEqual([]);
      for (const n of v.fail) expect(of(n).filter((f) => f.severity !== 'info').length, `${acr(n)} should fail`).toBeGreaterThan(0);
      for (const n of v.info ?? []) {
        expect(of(n).length, `${acr(n)} should inform`).toBeGreaterThan(0);
        expect(of(n).every((f) => f.severity === 'info'), `${acr(n)} should only inform`).toBe(true);
      }
    });
  }

  it('ACR-003 fails on the 2022 recordings because the ARM-audience policy is absent (absent = enabled)', async () => {
    const f = (await findingsOf('acr-cli-recording-premium-cmk-2022.json')).filter((x) => x.frameworks.catalog?.[0] === 'ACR-003');
    expect(f.map((x) => [x.location.pointer, x.data.status])).toEqual([['/properties/policies', 'status absent, which means enabled']]);
  });

  it('gives exactly the same findings on the az-shape derived CMK file as on its ARM original', async () => {
    const key = (f: Finding) =>
      [f.controlId, f.messageId, f.severity, f.message, JSON.stringify(f.data), f.location.pointer.replace(/^\/properties(?=\/|$)/, '')].join(' | ');
    const arm = (await findingsOf('acr-cli-recording-premium-cmk-2022.json')).map(key).sort();
    const az = (await findingsOf('acr-azcli-show-DERIVED-from-premium-cmk-2022.json')).map(key).sort();
    expect(arm.length).toBeGreaterThan(0);
    expect(az).toEqual(arm);
    const reasons = async (file: string) =>
      (await run(file)).notEvaluated.filter((n) => n.controlId.startsWith('REG-1')).map((n) => `${n.controlId} ${n.reason}`).sort();
    expect(await reasons('acr-azcli-show-DERIVED-from-premium-cmk-2022.json')).toEqual(await reasons('acr-cli-recording-premium-cmk-2022.json'));
  });

  it('Premium-only features are N/A on Basic and Standard; the SKU finding and the policy-backed ones remain', async () => {
    for (const file of ['acr-cli-recording-basic-abac-2025.json', 'acr-arm-rest-get-standard-2025-04-01.json']) {
      const ids = new Set((await findingsOf(file)).map((f) => f.frameworks.catalog?.[0]));
      for (const na of [10, 11, 15]) expect(ids.has(acr(na)), `${file}: ${acr(na)} is N/A`).toBe(false);
      for (const fail of [8, 9, 12]) expect(ids.has(acr(fail)), `${file}: ${acr(fail)}`).toBe(true);
    }
    const privateOnly = await findingsOf('acr-cli-recording-premium-public-access-disabled-2022.json');
    expect(privateOnly.filter((f) => f.frameworks.catalog?.[0] === 'ACR-011').map((f) => f.messageId)).toEqual(['sharedDataEndpoint']);
    expect(privateOnly.filter((f) => f.frameworks.catalog?.[0] === 'ACR-010').map((f) => f.severity)).toEqual(['info']);
  });

  it('never passes the side inputs silently, and names the az command for each', async () => {
    const result = await run('acr-cli-recording-basic-abac-2025.json');
    const reason = (id: string) => result.notEvaluated.filter((n) => n.controlId === id).map((n) => n.reason);
    expect(reason('REG-104')).toEqual(["needs the registry's tokens: az acr token list -r <registry> -o json"]);
    expect(reason('REG-114')[0]).toContain('az acr manifest list-referrers -r <registry>');
    expect(reason('REG-119')[0]).toContain('az security pricing show -n Containers -o json');
    expect(reason('REG-120')).toEqual(["needs the registry's cache rules: az acr cache list -r <registry> -o json"]);
    expect(reason('REG-121')[0]).toContain('az acr repository show -n <registry> --image <repository>:<tag> -o json');
    expect(reason('REG-123')[0]).toContain(
      'az monitor diagnostic-settings list --resource <registry id> -o json',
    );
  });

  it('ACR-004: with the token list beside its registry the registry is evaluated through its tokens', async () => {
    const result = await run('acr-arm-rest-get-standard-2025-04-01.json', 'acr-token-arm-rest-get-2025-04-01.json');
    expect(result.notEvaluated.filter((n) => n.controlId === 'REG-104')).toEqual([]);
    // The example token is enabled but bound to a custom scope map and has no passwords: nothing to report by default.
    expect(result.findings.filter((f) => f.controlId === 'REG-104')).toEqual([]);
  });
});
