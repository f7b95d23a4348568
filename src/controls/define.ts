import type { AzureEstate } from '../azure/estate.js';
import type {
  Frameworks,
  Severity,
  Stage,
  Subject,
  SubjectOf,
  SubjectType,
  Surface,
} from '../model/types.js';

export type PssLevel = 'baseline' | 'restricted';

export interface ControlDocs {
  summary: string;
  rationale: string;
  remediation: string;
}

/** JSON-schema-like description of one option, with its default; validated when the policy is loaded. */
export interface OptionSpec {
  type: 'string' | 'number' | 'boolean' | 'string[]';
  description: string;
  default: unknown;
}

export interface ControlMeta<M extends string = string> {
  /** Stable id, never reused: <SURFACE>-<NNN>, e.g. APP-008. */
  id: string;
  /** kebab-case, equal to the file name. */
  name: string;
  surface: Surface;
  severity: Severity;
  appliesTo: readonly SubjectType[];
  stages: readonly Stage[];
  docs: ControlDocs;
  frameworks: Frameworks;
  messages: Record<M, string>;
  options?: Record<string, OptionSpec>;
  /** Pod Security Standards controls name their level; profiles pss-baseline/pss-restricted select on it. */
  pss?: { level: PssLevel; checkId: string; since: number };
  /**
   * Set when the control needs an input Palisade does not read yet (e.g. Defender assessments): it always
   * reports "not evaluated" naming the command that produces the input, and does not count as covering its
   * seed countermeasures.
   */
  awaitsInput?: string;
  /** Experimental controls are off unless enabled; `recommended` runs every stable control. */
  stability?: 'stable' | 'experimental';
}

export interface ReportDescriptor<M extends string> {
  messageId: M;
  /** JSON pointer relative to the subject's object root. */
  pointer: string;
  data?: Record<string, string | number>;
  /**
   * A finding's own severity when a control grades its outcomes (a version ending soon is medium, one past
   * support high, an advisory note info). A severity set in the policy for the control still wins.
   */
  severity?: Severity;
}

export interface CheckContext<M extends string> {
  report(r: ReportDescriptor<M>): void;
  /** Say the control could not decide for this subject; it is shown as not evaluated, never as a pass. */
  notEvaluated(reason: string): void;
  options: Readonly<Record<string, unknown>>;
  /** Pod Security Standards policy version, as the minor number of v1.N. */
  pssVersion: number;
  stage: Stage;
  /** The evaluation date (`--as-of`, default today): exemption expiry, version support, image age. */
  now: Date;
  /**
   * Everything scanned together, for Azure controls that relate resources (a registry's tokens, which
   * cluster pulls from which registry). Set for Azure subjects only.
   */
  estate?: AzureEstate;
}

export interface Control<M extends string = string, T extends SubjectType = SubjectType> {
  meta: ControlMeta<M> & { appliesTo: readonly T[] };
  check(subject: SubjectOf<T>, ctx: CheckContext<M>): void;
}

/**
 * One factory for every control so that message ids are typed: a report with an id the control does not
 * declare is a compile error, and the engine can rely on every message existing.
 */
export function defineControl<M extends string, T extends SubjectType>(control: {
  meta: ControlMeta<M> & { appliesTo: readonly T[] };
  check(subject: SubjectOf<T>, ctx: CheckContext<M>): void;
}): Control<M, T> {
  return control;
}

/** The type the catalog stores: controls erased to a common shape. */
export type AnyControl = {
  meta: ControlMeta;
  check(subject: Subject, ctx: CheckContext<string>): void;
};

export function asAny<M extends string, T extends SubjectType>(c: Control<M, T>): AnyControl {
  return c as unknown as AnyControl;
}

/** Fills a message template: "{{name}}" is replaced by data.name. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const v = data[key];
    return v === undefined ? whole : String(v);
  });
}
