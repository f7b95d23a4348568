import type { ImageInfo, NormalizedFinding, ReportRead, VendorStatus } from './types.js';
import { arr, canonical, day, isVendorStatus, layerResolver, severity, splitVersions, str, type Json } from './util.js';

/** Trivy JSON, SchemaVersion 2 (reference §4.1). */
export function readTrivy(doc: Json, file: string): ReportRead {
  const meta = doc.Metadata ?? {};
  const artifact = str(doc.ArtifactName) ?? file;
  let image: ImageInfo | undefined;
  if (doc.ArtifactType === 'container_image' || meta.ImageID || meta.RepoTags) {
    const name = str(arr(meta.RepoTags)[0]) ?? str(meta.Reference) ?? artifact;
    image = { name };
    const repoDigest = str(arr(meta.RepoDigests)[0]);
    const digest = repoDigest?.includes('@') ? repoDigest.split('@')[1] : str(meta.ImageID);
    if (digest) image.digest = digest;
  }
  const resolve = layerResolver(meta.ImageConfig, arr(meta.DiffIDs));
  const scanAt = day(doc.CreatedAt);
  const findings: NormalizedFinding[] = [];
  for (const result of arr(doc.Results)) {
    for (const v of arr(result?.Vulnerabilities)) {
      const rawId = str(v?.VulnerabilityID);
      const pkgName = str(v?.PkgName);
      if (!rawId || !pkgName) continue;
      const { id, aliases } = canonical(rawId, arr(v.VendorIDs).filter((x: unknown) => typeof x === 'string'));
      const fixedVersions = splitVersions(v.FixedVersion);
      const rawStatus = str(v.Status);
      const vendorStatus: VendorStatus = rawStatus && isVendorStatus(rawStatus) ? rawStatus : fixedVersions.length > 0 ? 'fixed' : 'affected';
      const f: NormalizedFinding = {
        source: 'trivy',
        reports: [file],
        id,
        aliases,
        pkg: { name: pkgName },
        fixedVersions,
        severity: severity(v.Severity),
        vendorStatus,
        artifact,
        dates: {},
      };
      const type = str(result?.Type);
      if (type) f.pkg.type = type;
      const purl = str(v.PkgIdentifier?.PURL);
      if (purl) f.pkg.purl = purl;
      const version = str(v.InstalledVersion);
      if (version) f.pkg.version = version;
      const title = str(v.Title);
      if (title) f.title = title;
      const url = str(v.PrimaryURL);
      if (url) f.url = url;
      if (image) f.image = image;
      const layer = resolve(str(v.Layer?.DiffID), str(v.Layer?.Digest));
      if (layer) f.layer = layer;
      const published = day(v.PublishedDate);
      if (published) f.dates.published = published;
      if (scanAt) f.dates.scanAt = scanAt;
      findings.push(f);
    }
  }
  return { file, format: 'trivy', findings, vex: [], notes: [] };
}
