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
 * Grype's SARIF, by its driver ("grype", "Anchore Grype Scan", "Anchore Container Vulnerability Report"),
 * its rules' purls (newer versions) or the help text every version writes ("Vulnerability <id>",
 * "Severity:", "Package:" … "Data Namespace:").
 */
function isGrype(toolName: string, rule: Json, help: string): boolean {
  if (/grype|anchore/.test(toolName) || arr(rule.properties?.purls).length > 0) return true;
  // Trivy's help text starts the same way; only Grype's has a data namespace and a "Fix Version".
  return toolName !== 'trivy' && /^Vulnerability \S+/.test(help) && field(help, 'Data Namespace') !== undefined;
}

/**
 * What a Grype rule and result say of the vulnerability and package. Rule ids are `<vuln>-<package>`;
 * the package comes from the rule's purl, else the help text's Package/Version/Type lines, else the result
 * message ("A high vulnerability in deb package: libssl3, version 3.0.2 was found at: …" in newer
 * versions, "The path … reports libssl3 at version 3.0.2 …" in older ones). Fixed versions come from the
 * help text's "Fix Version:" or the description's "fix in versions …"; severity from the help text or
 * the message (Grype's own rating; security-severity is a CVSS score and only the last resort).
 */
function grypeResult(ruleId: string, rule: Json, help: string, text: string): { id: string; pkg: { name: string; version?: string; type?: string; purl?: string }; fixedVersions: string[]; severity?: string } {
  const purl = str(arr(rule.properties?.purls)[0]);
  const newer = /^An? (\w+) vulnerability in (\S+) package: (.+?), version (\S+) was found/.exec(text);
  const older = /reports (.+?) at version (\S+)/.exec(text);
  let pkg: { name: string; version?: string; type?: string; purl?: string };
  if (purl) pkg = { ...purlParts(purl), purl };
  else {
    const name = field(help, 'Package') ?? newer?.[3] ?? older?.[1];
    pkg = { name: name ?? ruleId };
    const version = field(help, 'Version') ?? newer?.[4] ?? older?.[2];
    if (version) pkg.version = version;
    const type = field(help, 'Type') ?? newer?.[2];
    if (type) pkg.type = type;
  }
  const stated = /^Vulnerability (\S+)/.exec(help)?.[1];
  const id = stated ?? (ruleId.endsWith(`-${pkg.name}`) && ruleId.length > pkg.name.length + 1 ? ruleId.slice(0, -(pkg.name.length + 1)) : ruleId);
  let fixedVersions = splitVersions(field(help, 'Fix Version'));
  if (fixedVersions.length === 0) {
    const fm = /fix in versions? ([^\s].*?)\.?$/m.exec(String(rule.fullDescription?.text ?? ''));
    if (fm?.[1]) fixedVersions = splitVersions(fm[1]);
  }
  const sev = field(help, 'Severity') ?? newer?.[1];
  return { id, pkg, fixedVersions, ...(sev ? { severity: sev } : {}) };
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
      let fixedVersions: string[];
      const help = String(rule.help?.text ?? '');
      let grypeSeverity: string | undefined;
      if (isGrype(toolName, rule, help)) {
        const g = grypeResult(ruleId, rule, help, text);
        ({ id, pkg, fixedVersions } = g);
        grypeSeverity = g.severity;
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
      const stated = grypeSeverity ?? field(text, 'Severity');
      const sev = stated ? severity(stated) : tagSev ? severity(tagSev) : severityFromScore(score);
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
