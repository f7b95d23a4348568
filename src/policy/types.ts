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
}
