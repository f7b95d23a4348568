import type { ImageInfo, NormalizedFinding, ReportRead, VendorStatus } from './types.js';
import { arr, canonical, day, layerResolver, severity, str, type Json } from './util.js';

const FIX_STATES: Record<string, VendorStatus> = { fixed: 'fixed', 'not-fixed': 'affected', 'wont-fix': 'will_not_fix', unknown: 'unknown', '': 'unknown' };

function decodeConfig(b64: unknown): Json {
  const s = str(b64);
  if (!s) return undefined;
  try {
    return JSON.parse(Buffer.from(s, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Grype JSON (reference §4.2). Fix dates (`fix.available[].date`) are the "fix available since" dates. */
export function readGrype(doc: Json, file: string): ReportRead {
  const source = doc.source ?? {};
  const target = source.target;
  let image: ImageInfo | undefined;
  let artifact = file;
  if (source.type === 'image' && target && typeof target === 'object') {
    const name = str(target.userInput) ?? str(arr(target.tags)[0]) ?? file;
    image = { name };
    const digest = str(target.manifestDigest) ?? str(target.imageID);
    if (digest) image.digest = digest;
    artifact = name;
  } else if (typeof target === 'string') {
    artifact = target;
  }
  const resolve = layerResolver(decodeConfig(target?.config));
  const scanAt = day(doc.descriptor?.timestamp);
  const findings: NormalizedFinding[] = [];
  for (const m of arr(doc.matches)) {
    const v = m?.vulnerability ?? {};
    const a = m?.artifact ?? {};
    const rawId = str(v.id);
    const name = str(a.name);
    if (!rawId || !name) continue;
    const related = arr(m.relatedVulnerabilities).map((r: Json) => str(r?.id)).filter((x: unknown): x is string => !!x);
    const { id, aliases } = canonical(rawId, related);
    const state = typeof v.fix?.state === 'string' ? (v.fix.state as string) : '';
    const fixedVersions = arr(v.fix?.versions).filter((x: unknown): x is string => typeof x === 'string' && x.length > 0);
    const f: NormalizedFinding = {
      source: 'grype',
      reports: [file],
      id,
      aliases,
      pkg: { name },
      fixedVersions,
      severity: severity(v.severity),
      vendorStatus: FIX_STATES[state] ?? 'unknown',
      artifact,
      dates: {},
    };
    const type = str(a.type);
    if (type) f.pkg.type = type;
    const purl = str(a.purl);
    if (purl) f.pkg.purl = purl;
    const version = str(a.version);
    if (version) f.pkg.version = version;
    const url = str(v.dataSource) ?? str(arr(v.urls)[0]);
    if (url) f.url = url;
    if (image) f.image = image;
    const loc = arr(a.locations).find((l: Json) => str(l?.layerID));
    const layer = resolve(str(loc?.layerID), undefined);
    if (layer) f.layer = layer;
    const fixDates = arr(v.fix?.available).map((x: Json) => day(x?.date)).filter((x: unknown): x is string => !!x).sort();
    if (fixDates[0]) f.dates.fixAvailableSince = fixDates[0];
    if (scanAt) f.dates.scanAt = scanAt;
    findings.push(f);
  }
  return { file, format: 'grype', findings, vex: [], notes: [] };
}
