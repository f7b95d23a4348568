/**
 * From findings to an admission verdict. The webhook and `admissionDecisionFromScan` both call this, so a
 * review decided in the cluster and the same review scanned offline cannot disagree.
 */
import type { Finding, NotEvaluated } from '../model/types.js';
import type { FailureMode } from '../policy/types.js';
import type { Decision } from './contract.js';

export interface ControlError {
  controlId: string;
  error: string;
}

export interface Verdict {
  /** Failing findings whose action at admission is deny. */
  deny: Finding[];
  warn: Finding[];
  audit: Finding[];
  /** Exempted findings: never deny; mentioned in audit annotations. */
  exempted: Finding[];
  /** Controls that threw (or did not run before the deadline): the failure mode decides. */
  errors: ControlError[];
  /** Controls that said they could not decide: warned, never passed silently. */
  notEvaluated: NotEvaluated[];
}

/**
 * Sorts findings by action. `inlineExemptions` is the admission setting: when it is off, a finding that a
 * scan exempted through an annotation counts as failing, because the webhook ignores those annotations.
 */
export function classify(findings: readonly Finding[], notEvaluated: readonly NotEvaluated[], inlineExemptions: boolean): Verdict {
  const v: Verdict = { deny: [], warn: [], audit: [], exempted: [], errors: [], notEvaluated: [] };
  for (const f of findings) {
    if (f.status === 'exempted' && (inlineExemptions || f.exemption?.source !== 'annotation')) {
      v.exempted.push(f);
      continue;
    }
    v[f.action].push(f);
  }
  for (const n of notEvaluated) {
    if (n.kind === 'error') v.errors.push({ controlId: n.controlId, error: n.reason });
    else v.notEvaluated.push(n);
  }
  return v;
}

/** Allowed unless a deny finding, or an evaluation error under fail-closed. */
export function isAllowed(v: Verdict, failureMode: FailureMode): boolean {
  return v.deny.length === 0 && (v.errors.length === 0 || failureMode === 'fail-open');
}

/** deny beats error beats warn beats allow. */
export function decisionOf(v: Verdict): Decision {
  if (v.deny.length > 0) return 'deny';
  if (v.errors.length > 0) return 'error';
  if (v.warn.length > 0 || v.notEvaluated.length > 0) return 'warn';
  return 'allow';
}

/** Distinct control ids, in first-seen order. */
export function controlIds(items: readonly { controlId: string }[]): string[] {
  return [...new Set(items.map((i) => i.controlId))];
}
