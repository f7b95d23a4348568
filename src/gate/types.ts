/** The vulnerability gate's normalised model (build-surface reference §4.7). Pure types. */

export const VENDOR_STATUSES = [
  'fixed',
  'affected',
  'will_not_fix',
  'fix_deferred',
  'end_of_life',
  'under_investigation',
  'not_affected',
  'unknown',
] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export const VULN_SEVERITIES = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const;
export type VulnSeverity = (typeof VULN_SEVERITIES)[number];

export type ReportFormat = 'trivy' | 'grype' | 'cyclonedx' | 'openvex' | 'sarif';

export interface ImageInfo {
  /** The image as the report names it (tag, reference or path); repository = name without tag/digest. */
  name: string;
  digest?: string;
}

/** Where a finding's package came from; `origin` says plainly when base vs application is undecidable. */
export interface LayerInfo {
  diffId?: string;
  digest?: string;
  origin: 'base' | 'application' | 'undecided';
  /** Why the origin is what it is (e.g. "no image history in the report"). */
  originReason: string;
}

export interface VexStatement {
  /** Vulnerability id and aliases the statement speaks about. */
  ids: string[];
  /** Package PURLs it is limited to (none: every package). */
  purls: string[];
  /** Image names or digests it is limited to (none: every image). */
  images: string[];
  status: VendorStatus;
  justification?: string;
  origin: string;
}

export interface NormalizedFinding {
  source: ReportFormat;
  /** The report file it came from (several when duplicates were merged). */
  reports: string[];
  id: string;
  aliases: string[];
  pkg: { name: string; type?: string; purl?: string; version?: string };
  fixedVersions: string[];
  severity: VulnSeverity;
  vendorStatus: VendorStatus;
  title?: string;
  url?: string;
  image?: ImageInfo;
  /** The artifact (image or path) the report was about, for keys when there is no image. */
  artifact: string;
  layer?: LayerInfo;
  dates: { published?: string; fixAvailableSince?: string; scanAt?: string };
  /** A VEX statement carried by the report itself (CycloneDX analysis). */
  vex?: { status: VendorStatus; justification?: string; origin: string };
}

export interface ReportRead {
  file: string;
  format: ReportFormat;
  findings: NormalizedFinding[];
  vex: VexStatement[];
  notes: string[];
}

/** A report Palisade could not use: names the file, says why (with a position for bad JSON). */
export class GateInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'GateInputError';
  }
}
