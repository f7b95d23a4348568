import type { Action, Severity, Stage } from '../model/types.js';

/** The effective setting of one control after profiles and the configuration file are applied. */
export interface ControlSetting {
  enabled: boolean;
  severity: Severity;
  actions: Record<Stage, Action>;
  options: Record<string, unknown>;
}

export interface ExemptionMatch {
  namespaces?: string[];
  kinds?: string[];
  names?: string[];
  images?: string[];
}

export interface Exemption {
  /** Control ids or names; "*" for every control. */
  controls: string[];
  match: ExemptionMatch;
  justification: string;
  owner?: string;
  /** YYYY-MM-DD; the exemption applies up to the end of that day (UTC). */
  expires?: string;
  /** Where it was declared, for messages: "palisade.yaml#/exemptions/0". */
  origin: string;
}

export interface InlineExemptionSettings {
  enabled: boolean;
  /** Annotation key prefix; the rest of the key is a control id or name, the value the justification. */
  prefix: string;
}

export interface ResolvedPolicy {
  profile: string;
  configFile?: string;
  pssVersion: number;
  failOn: Severity;
  settings: Map<string, ControlSetting>;
  exemptions: Exemption[];
  inlineExemptions: InlineExemptionSettings;
  admission: AdmissionSettings;
  /** The `azure:` section: where the AKS version calendar comes from when not the bundled one. */
  azure?: { versionCalendar?: string };
}

export const FAILURE_MODES = ['fail-closed', 'fail-open'] as const;
/** What the webhook does when it cannot evaluate a request (a control throws, the deadline passes). */
export type FailureMode = (typeof FAILURE_MODES)[number];

/**
 * The `admission:` section of the policy file, resolved with its defaults. Only the admission webhook reads
 * it; `palisade scan --stage admission` uses it to state the webhook's decision for an AdmissionReview.
 */
export interface AdmissionSettings {
  /** fail-closed (default): an unevaluated request is denied; fail-open: allowed with a warning. */
  failureMode: FailureMode;
  /** Evaluation stops once this much time has passed; keep it well below the webhook's timeoutSeconds (10 s by default). */
  evaluationDeadlineMs: number;
  /** Palisade's own namespace: always exempt, so the webhook can never block its own replacement pods. */
  namespace: string;
  /** Globs over request namespaces. Default: kube-system and Palisade's own namespace. */
  exemptNamespaces: string[];
  /** Globs over `userInfo.username`. */
  exemptUsers: string[];
  /** Globs over `userInfo.groups` (any group matching exempts the request). */
  exemptGroups: string[];
  /** Globs over "namespace/name" of the requesting service account (written either way in the file). */
  exemptServiceAccounts: string[];
  /** Globs over images: a request is exempt when every container image matches one. */
  exemptImages: string[];
  /** Whether annotation exemptions apply in admission (off by default, whatever the top-level setting). */
  inlineExemptions: boolean;
  /** Upper bound on the deny message (characters). */
  maxMessageLength: number;
}

/** One severity's grace period in days for fixable findings; null: never fails on age. */
export type GraceDays = Record<'critical' | 'high' | 'medium' | 'low' | 'negligible' | 'unknown', number | null>;

/** An exception to the vulnerability gate: all of the lists given must match; owner and expiry recorded. */
export interface GateException {
  /** Vulnerability ids (CVE, GHSA, distro ids); an alias matches too. Globs with *. */
  ids: string[];
  /** Package names or PURLs (globs with *). */
  packages: string[];
  /** Image names (globs with *). */
  images: string[];
  justification: string;
  owner?: string;
  /** YYYY-MM-DD; applies up to the end of that day (UTC). */
  expires?: string;
  origin: string;
}

/** The `gate.vulnerabilities:` section of the policy file, with its defaults. */
export interface VulnerabilityGateSettings {
  graceDays: GraceDays;
  /** When true, findings with no vendor fix fail too once their grace period is over. Default false (SecOps backlog). */
  failOnNoFix: boolean;
  /** Vendor statuses without a fix that fail like fixable findings (e.g. will_not_fix); default none. */
  failOnStatuses: string[];
  exceptions: GateException[];
}
