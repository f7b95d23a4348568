import type { ImageInfo, NormalizedFinding, ReportRead, VendorStatus, VexStatement, VulnSeverity } from './types.js';
import { arr, canonical, day, severity, str, type Json } from './util.js';

const ANALYSIS: Record<string, VendorStatus> = {
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
  false_positive: 'not_affected',
  not_affected: 'not_affected',
};
const RANK: Record<VulnSeverity, number> = { critical: 5, high: 4, medium: 3, low: 2, negligible: 1, unknown: 0 };

function purlType(purl: string | undefined): string | undefined {
  const m = purl ? /^pkg:([^/]+)\//.exec(purl) : null;
  return m?.[1];
}

/** CycloneDX JSON with `vulnerabilities[]` (reference §4.3); analysis is read as VEX. */
export function readCycloneDx(doc: Json, file: string): ReportRead {
  const components = new Map<string, Json>();
  const walk = (list: unknown): void => {
    for (const c of arr(list)) {
      const ref = str(c?.['bom-ref']);
      if (ref) components.set(ref, c);
      walk(c?.components);
    }
  };
  walk(doc.components);
  const main = doc.metadata?.component;
  let image: ImageInfo | undefined;
  const artifact = str(main?.name) ?? file;
  if (main?.type === 'container') {
    image = { name: artifact };
    const digest = arr(main.hashes).find((h: Json) => h?.alg === 'SHA-256')?.content ?? (str(main.version)?.startsWith('sha256:') ? main.version : undefined);
    if (typeof digest === 'string') image.digest = digest.startsWith('sha256:') ? digest : `sha256:${digest}`;
  }
  const scanAt = day(doc.metadata?.timestamp);
  const standaloneVex = components.size === 0;
  const findings: NormalizedFinding[] = [];
  const vex: VexStatement[] = [];
  for (const [i, v] of arr(doc.vulnerabilities).entries()) {
    const rawId = str(v?.id);
    if (!rawId) continue;
    const related = arr(v.references).map((r: Json) => str(r?.id)).filter((x: unknown): x is string => !!x);
    const { id, aliases } = canonical(rawId, related);
    const ratings = arr(v.ratings);
    const preferred = ratings.find((r: Json) => r?.source?.name && r.source.name === v.source?.name);
    let sev: VulnSeverity = preferred ? severity(preferred.severity) : 'unknown';
    if (!preferred) for (const r of ratings) if (RANK[severity(r?.severity)] > RANK[sev]) sev = severity(r?.severity);
    const rec = str(v.recommendation);
    const fixM = rec ? / to versions? (.+)$/.exec(rec) : null;
    const fixedVersions = fixM?.[1] ? fixM[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
    const state = str(v.analysis?.state);
    const responses: string[] = arr(v.analysis?.response);
    let status: VendorStatus = state ? (ANALYSIS[state] ?? 'unknown') : fixedVersions.length > 0 ? 'fixed' : 'unknown';
    if (!state || state === 'exploitable' || state === 'in_triage') {
      if (responses.includes('will_not_fix') || responses.includes('can_not_fix')) status = 'will_not_fix';
    }
    const justification = str(v.analysis?.justification) ?? str(v.analysis?.detail);
    const origin = `${file}#/vulnerabilities/${i}`;
    const refs = arr(v.affects).map((a: Json) => str(a?.ref)).filter((x: unknown): x is string => !!x);
    const suppressing = status === 'not_affected' || (state !== undefined && status === 'fixed');
    const purls: string[] = [];
    const comps: { name: string; version?: string; purl?: string; type?: string }[] = [];
    for (const ref of refs) {
      const local = ref.startsWith('urn:cdx:') ? ref.slice(ref.indexOf('#') + 1) : ref;
      const c = components.get(local) ?? components.get(decodeURIComponent(local));
      const purl = str(c?.purl) ?? (local.startsWith('pkg:') ? decodeURIComponent(local) : undefined);
      if (purl) purls.push(purl);
      const name = str(c?.name) ?? purl?.replace(/^pkg:[^/]+\//, '').split('@')[0];
      if (!name) continue;
      const comp: { name: string; version?: string; purl?: string; type?: string } = { name };
      const version = str(c?.version) ?? purl?.split('@')[1]?.split('?')[0];
      if (version) comp.version = version;
      if (purl) comp.purl = purl;
      const type = str(arr(c?.properties).find((p: Json) => p?.name === 'aquasecurity:trivy:PkgType')?.value) ?? purlType(purl);
      if (type) comp.type = type;
      comps.push(comp);
    }
    if (suppressing) {
      const st: VexStatement = { ids: [id, ...aliases], purls, images: [], status, origin };
      if (justification) st.justification = justification;
      vex.push(st);
    }
    if (standaloneVex) continue;
    for (const comp of comps) {
      const f: NormalizedFinding = {
        source: 'cyclonedx',
        reports: [file],
        id,
        aliases,
        pkg: comp,
        fixedVersions,
        severity: sev,
        vendorStatus: status,
        artifact,
        dates: {},
      };
      const url = str(v.source?.url);
      if (url) f.url = url;
      if (image) f.image = image;
      const published = day(v.published);
      if (published) f.dates.published = published;
      if (scanAt) f.dates.scanAt = scanAt;
      if (state) {
        f.vex = { status, origin };
        if (justification) f.vex.justification = justification;
      }
      findings.push(f);
    }
  }
  const notes = standaloneVex ? [`${file}: CycloneDX without components, read as VEX (${vex.length} statements)`] : [];
  return { file, format: 'cyclonedx', findings, vex, notes };
}
