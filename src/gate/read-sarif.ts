import type { ImageInfo, NormalizedFinding, ReportRead } from './types.js';
import { arr, canonical, severity, severityFromScore, splitVersions, str, type Json } from './util.js';

function field(text: string, label: string): string | undefined {
  const m = new RegExp(`^${label}:[ \\t]*(.*)$`, 'm').exec(text);
  return m?.[1]?.trim() || undefined;
}

function purlParts(purl: string): { name: string; version?: string; type?: string } {
  const m = /^pkg:([^/]+)\/(?:.*\/)?([^@?#/]+)(?:@([^?#]+))?/.exec(purl);
  const out: { name: string; version?: string; type?: string } = { name: decodeURIComponent(m?.[2] ?? purl) };
  if (m?.[3]) out.version = decodeURIComponent(m[3]);
  if (m?.[1]) out.type = m[1];
  return out;
}

/**
 * SARIF 2.1.0 from Trivy or Grype (reference §4.5). SARIF carries no vendor status or dates: status is
 * `unknown`; fixed versions come from Trivy's message text or Grype's rule description when stated.
 */
export function readSarif(doc: Json, file: string): ReportRead {
  const findings: NormalizedFinding[] = [];
  const notes: string[] = [];
  let skipped = 0;
  for (const run of arr(doc.runs)) {
    const driver = run?.tool?.driver ?? {};
    const toolName = String(driver.name ?? '').toLowerCase();
    const rules = new Map<string, Json>();
    for (const r of arr(driver.rules)) if (str(r?.id)) rules.set(r.id, r);
    const props = run?.properties ?? {};
    let image: ImageInfo | undefined;
    const imageName = str(arr(props.repoTags)[0]) ?? str(props.imageName);
    if (imageName) {
      image = { name: imageName };
      const d = str(arr(props.repoDigests)[0])?.split('@')[1] ?? str(props.imageID);
      if (d) image.digest = d;
    }
    for (const res of arr(run?.results)) {
      const ruleId = str(res?.ruleId);
      if (!ruleId) continue;
      const rule = rules.get(ruleId) ?? (typeof res.ruleIndex === 'number' ? arr(driver.rules)[res.ruleIndex] : undefined) ?? {};
      const tags: string[] = arr(rule.properties?.tags).map((t: unknown) => String(t).toLowerCase());
      const text = String(res?.message?.text ?? '');
      const artifact = str(res?.locations?.[0]?.physicalLocation?.artifactLocation?.uri) ?? imageName ?? file;
      let id: string;
      let pkg: { name: string; version?: string; type?: string; purl?: string };
      let fixedVersions: string[] = [];
      if (toolName === 'grype' || arr(rule.properties?.purls).length > 0) {
        const purl = str(arr(rule.properties?.purls)[0]);
        pkg = purl ? { ...purlParts(purl), purl } : { name: ruleId };
        id = purl && ruleId.endsWith(`-${pkg.name}`) ? ruleId.slice(0, -(pkg.name.length + 1)) : ruleId;
        const desc = String(rule.fullDescription?.text ?? rule.help?.text ?? '');
        const fm = /fix in versions? ([^\s].*?)\.?$/m.exec(desc);
        if (fm?.[1]) fixedVersions = splitVersions(fm[1]);
      } else {
        if (tags.length > 0 && !tags.includes('vulnerability')) {
          skipped++;
          continue;
        }
        const name = field(text, 'Package');
        if (!name) {
          skipped++;
          continue;
        }
        id = ruleId;
        pkg = { name };
        const version = field(text, 'Installed Version');
        if (version) pkg.version = version;
        fixedVersions = splitVersions(field(text, 'Fixed Version'));
      }
      const tagSev = tags.find((t) => ['critical', 'high', 'medium', 'low', 'unknown'].includes(t));
      const score = Number(rule.properties?.['security-severity']);
      const sev = field(text, 'Severity') ? severity(field(text, 'Severity')) : tagSev ? severity(tagSev) : severityFromScore(score);
      const c = canonical(id, []);
      const f: NormalizedFinding = {
        source: 'sarif',
        reports: [file],
        id: c.id,
        aliases: c.aliases,
        pkg,
        fixedVersions,
        severity: sev,
        vendorStatus: 'unknown',
        artifact,
        dates: {},
      };
      const url = str(rule.helpUri);
      if (url) f.url = url;
      const title = str(rule.shortDescription?.text);
      if (title) f.title = title;
      if (image) f.image = image;
      findings.push(f);
    }
  }
  if (skipped > 0) notes.push(`${file}: ${skipped} SARIF results that are not package vulnerabilities were skipped`);
  return { file, format: 'sarif', findings, vex: [], notes };
}
