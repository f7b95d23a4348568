import type { Frameworks } from '../model/types.js';

/**
 * Metadata helpers for the Azure posture controls (catalog `reference/aks-acr-controls.md`). Every such
 * control names its catalog id (`frameworks.catalog`), its seed countermeasures, the Azure Policy built-in
 * definitions that check the same setting (lower-case GUIDs) and the Defender for Cloud recommendation.
 */
export interface AzureControlRefs {
  /** Catalog id, e.g. "AKS-007"; absent for controls the catalog does not list (landing-zone topology). */
  catalog?: string;
  /** Seed countermeasure ids of MISSION.md (C, N, R, A, B, K…); the catalog's D1–D15 become K ids (see seedFromDesign). */
  seed: string[];
  /** Azure Policy built-in definition GUIDs (audit/deny first, then the DINE/Modify remediation ones). */
  azurePolicy?: string[];
  /** Defender for Cloud recommendation assessment keys. */
  defender?: string[];
  /** Microsoft cloud security benchmark control ids (e.g. "NS-2"). */
  mcsb?: string[];
}

export function azureFrameworks(r: AzureControlRefs): Frameworks {
  // A control that decides what a Defender for Cloud recommendation decides implements that recommendation
  // offline, before deployment: design item K13 ("follow the Defender for Cloud recommendations").
  const seed = r.defender && r.defender.length > 0 && !r.seed.includes('K13') ? [...r.seed, 'K13'] : [...r.seed];
  return {
    seed,
    ...(r.catalog ? { catalog: [r.catalog] } : {}),
    ...(r.azurePolicy && r.azurePolicy.length > 0 ? { 'azure-policy': r.azurePolicy.map((g) => g.toLowerCase()) } : {}),
    ...(r.defender && r.defender.length > 0 ? { 'defender-for-cloud': r.defender.map((g) => g.toLowerCase()) } : {}),
    ...(r.mcsb && r.mcsb.length > 0 ? { mcsb: [...r.mcsb] } : {}),
  };
}

/**
 * The catalog's AKS design items D1–D15 are MISSION.md's K1–K13: D1–D13 are K1–K13 one to one; D14
 * (dedicated private registry per landing-zone subscription) is K4 and K5; D15 (Private Link for ACR) is K4.
 */
export function seedFromDesign(ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const m = /^D(\d+)$/.exec(id);
    const mapped = !m ? [id] : Number(m[1]) <= 13 ? [`K${m[1]}`] : Number(m[1]) === 14 ? ['K4', 'K5'] : ['K4'];
    for (const x of mapped) if (!out.includes(x)) out.push(x);
  }
  return out;
}
