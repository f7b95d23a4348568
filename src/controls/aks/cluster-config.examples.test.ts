/**
 * The catalog's §5 verdicts for the cluster-settings controls (AKS-002…019, 042…046) on the example files in
 * /work/shared/data/azure/examples: PASS = no finding of the control; FAIL = at least one non-info finding.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../../test/shared.js';
import type { Finding } from '../../model/types.js';
import { scan } from '../../scan.js';
import { aksClusterConfigControls } from './cluster-config.js';

/** The catalog ids these controls implement (AKS-001 belongs to CLU-101 and is tested with it). */
const MINE = new Set(
  aksClusterConfigControls.map((c) => c.meta.frameworks.catalog?.[0]).filter((id): id is string => id !== undefined && id !== 'AKS-001'),
);

async function findingsOf(file: string): Promise<Finding[]> {
  const full = path.join(sharedDir(), 'data', 'azure', 'examples', file);
  const result = await scan({ paths: [full], noConfig: true, profile: 'all', now: new Date('2026-11-29T00:00:00Z') });
  return result.findings.filter((f) => MINE.has(f.frameworks.catalog?.[0] ?? ''));
}

const aks = (n: number) => `AKS-${String(n).padStart(3, '0')}`;

const VERDICTS: { file: string; pass: number[]; fail: number[] }[] = [
  { file: 'aks-cli-recording-automatic-2025.json', pass: [5, 6, 7, 8, 10, 11, 13, 15, 17], fail: [4, 16, 19] },
  { file: 'aks-azcli-show-DERIVED-from-automatic-2025.json', pass: [5, 6, 7, 8, 10, 11, 13, 15, 17], fail: [4, 16, 19] },
  { file: 'aks-cli-recording-entra-azurerbac-2022.json', pass: [5, 6, 8], fail: [4, 7, 11, 13, 15, 16, 17, 19] },
  { file: 'aks-cli-recording-private-cluster-2022.json', pass: [2, 8], fail: [3, 4, 5, 7] },
  { file: 'aks-arm-rest-get-legacy-insecure.json', pass: [], fail: [8, 10] },
  { file: 'aks-arm-rest-create-securityprofile.json', pass: [8, 16], fail: [11] },
];

describe('AKS cluster-settings controls on the example files (catalog §5)', () => {
  it('covers the catalog ids AKS-002…019 and AKS-042…046', () => {
    const want = [...Array.from({ length: 18 }, (_, i) => aks(i + 2)), ...[42, 43, 44, 45, 46].map(aks)];
    expect([...MINE].sort()).toEqual(want);
  });

  for (const v of VERDICTS) {
    it(`${v.file}: PASS ${v.pass.map(aks).join(' ')}; FAIL ${v.fail.map(aks).join(' ')}`, async () => {
      const findings = await findingsOf(v.file);
      const of = (n: number) => findings.filter((f) => f.frameworks.catalog?.[0] === aks(n));
      for (const n of v.pass) expect(of(n).map((f) => f.message), `${aks(n)} should pass`).toEqual([]);
      for (const n of v.fail) expect(of(n).filter((f) => f.severity !== 'info').length, `${aks(n)} should fail`).toBeGreaterThan(0);
    });
  }

  it('AKS-010 passes on the recordings through identity.type although their scrubbed clientId is not "msi"', async () => {
    for (const file of ['aks-cli-recording-automatic-2025.json', 'aks-cli-recording-entra-azurerbac-2022.json', 'aks-cli-recording-private-cluster-2022.json']) {
      expect((await findingsOf(file)).filter((f) => f.frameworks.catalog?.[0] === 'AKS-010'), file).toEqual([]);
    }
  });

  it("AKS-046 reports the securityprofile example's Basic load balancer (at the catalog's Info severity)", async () => {
    const lb = (await findingsOf('aks-arm-rest-create-securityprofile.json')).filter((f) => f.frameworks.catalog?.[0] === 'AKS-046');
    expect(lb.map((f) => [f.messageId, f.severity, f.location.pointer])).toEqual([['basic', 'info', '/properties/networkProfile/loadBalancerSku']]);
  });

  it('gives exactly the same findings on the az-shape derived file as on its ARM original', async () => {
    const key = (f: Finding) =>
      [f.controlId, f.messageId, f.severity, f.message, JSON.stringify(f.data), f.location.pointer.replace(/^\/properties(?=\/|$)/, '')].join(' | ');
    const arm = (await findingsOf('aks-cli-recording-automatic-2025.json')).map(key).sort();
    const az = (await findingsOf('aks-azcli-show-DERIVED-from-automatic-2025.json')).map(key).sort();
    expect(arm.length).toBeGreaterThan(0);
    expect(az).toEqual(arm);
  });

  it('never passes the audit-log and Deployment Safeguards side inputs silently', async () => {
    const full = path.join(sharedDir(), 'data', 'azure', 'examples', 'aks-cli-recording-automatic-2025.json');
    const result = await scan({ paths: [full], noConfig: true, profile: 'all', now: new Date('2026-11-29T00:00:00Z') });
    const skipped = result.notEvaluated.filter((n) => n.controlId === 'CLU-144' || n.controlId === 'CLU-145');
    expect(skipped.map((n) => n.controlId).sort()).toEqual(['CLU-144', 'CLU-145']);
    expect(skipped.find((n) => n.controlId === 'CLU-144')?.reason).toContain('az monitor diagnostic-settings list --resource <id> -o json');
    expect(skipped.find((n) => n.controlId === 'CLU-145')?.reason).toContain('az aks safeguards show');
  });
});
