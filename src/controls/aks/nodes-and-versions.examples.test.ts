/**
 * The AKS node, network and version controls (catalog AKS-020…041) over the example resource bodies of
 * the shared data, against the expected verdicts of catalog §5: PASS = no finding of that control on the
 * file, FAIL = at least one finding above info. The derived az-shape file must give exactly the findings
 * of its ARM original.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../../test/shared.js';
import type { ScanResult } from '../../engine/result.js';
import type { Finding } from '../../model/types.js';
import { scan } from '../../scan.js';
import { aksNodeAndVersionControls } from './nodes-and-versions.js';

const NOW = new Date('2026-11-29T00:00:00Z');
const MINE = new Set(aksNodeAndVersionControls.map((c) => c.meta.frameworks.catalog?.[0]));

const examples = () => path.join(sharedDir(), 'data', 'azure', 'examples');

async function scanFile(file: string, extra: string[] = []): Promise<ScanResult> {
  return scan({ paths: [path.join(examples(), file), ...extra.map((f) => path.join(examples(), f))], noConfig: true, profile: 'all', now: NOW });
}

function ofCatalog(findings: readonly Finding[], id: string): Finding[] {
  return findings.filter((f) => f.frameworks.catalog?.includes(id));
}

/** Catalog §5, restricted to AKS-020…041. */
const VERDICTS: { file: string; pass: string[]; fail: string[] }[] = [
  {
    file: 'aks-cli-recording-automatic-2025.json',
    pass: ['AKS-022', 'AKS-024', 'AKS-025', 'AKS-030', 'AKS-031'],
    fail: ['AKS-020', 'AKS-021', 'AKS-023', 'AKS-028'],
  },
  {
    file: 'aks-azcli-show-DERIVED-from-automatic-2025.json',
    pass: ['AKS-022', 'AKS-024', 'AKS-025', 'AKS-030', 'AKS-031'],
    fail: ['AKS-020', 'AKS-021', 'AKS-023', 'AKS-028'],
  },
  {
    file: 'aks-cli-recording-entra-azurerbac-2022.json',
    pass: ['AKS-022'],
    fail: ['AKS-020', 'AKS-023', 'AKS-024', 'AKS-025', 'AKS-030', 'AKS-031', 'AKS-028'],
  },
  {
    file: 'aks-cli-recording-private-cluster-2022.json',
    pass: ['AKS-022'],
    fail: ['AKS-024', 'AKS-025', 'AKS-030', 'AKS-031', 'AKS-028'],
  },
  { file: 'aks-arm-rest-get-legacy-insecure.json', pass: ['AKS-021', 'AKS-022'], fail: ['AKS-028'] },
  { file: 'aks-arm-rest-create-securityprofile.json', pass: ['AKS-021'], fail: ['AKS-022'] },
];

describe('AKS nodes, network and versions on the example files (catalog §5)', () => {
  const results = new Map<string, ScanResult>();
  beforeAll(async () => {
    for (const v of VERDICTS) results.set(v.file, await scanFile(v.file));
  });

  for (const v of VERDICTS) {
    for (const id of v.pass) {
      it(`${v.file}: ${id} passes`, () => {
        const found = ofCatalog(results.get(v.file)?.findings ?? [], id);
        expect(found.map((f) => `${f.controlId} ${f.message}`)).toEqual([]);
      });
    }
    for (const id of v.fail) {
      it(`${v.file}: ${id} fails`, () => {
        const found = ofCatalog(results.get(v.file)?.findings ?? [], id).filter((f) => f.severity !== 'info');
        expect(found.length).toBeGreaterThan(0);
      });
    }
  }

  it('judges the automatic cluster on Kubernetes 1.32 out of all support on 2026-11-29 (critical)', () => {
    const found = ofCatalog(results.get('aks-cli-recording-automatic-2025.json')?.findings ?? [], 'AKS-028');
    expect(found.map((f) => [f.messageId, f.severity, f.data.endOfSupport])).toEqual([['unsupported', 'critical', '2026-03-31']]);
  });

  it('gives the same findings for the az-shape file as for its ARM original', () => {
    const key = (f: Finding) => JSON.stringify([f.controlId, f.messageId, f.severity, f.message, f.data]);
    const mine = (r: ScanResult | undefined) =>
      (r?.findings ?? []).filter((f) => f.frameworks.catalog?.some((c) => MINE.has(c))).map(key).sort();
    const arm = mine(results.get('aks-cli-recording-automatic-2025.json'));
    const az = mine(results.get('aks-azcli-show-DERIVED-from-automatic-2025.json'));
    expect(arm.length).toBeGreaterThan(0);
    expect(az).toEqual(arm);
    const notEvaluated = (r: ScanResult | undefined) =>
      (r?.notEvaluated ?? []).filter((n) => aksNodeAndVersionControls.some((c) => c.meta.id === n.controlId)).map((n) => `${n.controlId} ${n.reason}`).sort();
    expect(notEvaluated(results.get('aks-azcli-show-DERIVED-from-automatic-2025.json'))).toEqual(
      notEvaluated(results.get('aks-cli-recording-automatic-2025.json')),
    );
  });

  it('says patch currency was not evaluated without the region versions, and uses them when given', async () => {
    const alone = results.get('aks-cli-recording-automatic-2025.json');
    expect(alone?.notEvaluated.some((n) => n.controlId === 'CLU-128' && /az aks get-versions -l westus2/.test(n.reason))).toBe(true);
    // The example get-versions body (1.23–1.26) has no location, so it applies to the one cluster scanned with it.
    const withVersions = await scanFile('aks-cli-recording-automatic-2025.json', ['aks-get-versions-arm-rest-2025-10-01.json']);
    expect(withVersions.notEvaluated.filter((n) => n.controlId === 'CLU-128')).toEqual([]);
    // 1.32 is out of all support by the calendar already; the region list is not repeated on top.
    expect(ofCatalog(withVersions.findings, 'AKS-028').map((f) => f.messageId)).toEqual(['unsupported']);
  });

  it('runs the compliance-profile controls (AKS-040, AKS-041) only when enabled', async () => {
    const recommended = await scan({
      paths: [path.join(examples(), 'aks-cli-recording-automatic-2025.json')],
      noConfig: true,
      profile: 'recommended',
      now: NOW,
    });
    expect(ofCatalog(recommended.findings, 'AKS-040')).toEqual([]);
    expect(ofCatalog(recommended.findings, 'AKS-041')).toEqual([]);
    const all = results.get('aks-cli-recording-automatic-2025.json')?.findings ?? [];
    expect(ofCatalog(all, 'AKS-040').length).toBe(1);
    expect(ofCatalog(all, 'AKS-041').length).toBe(1);
  });
});
