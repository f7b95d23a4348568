/**
 * The webhook's decision, stated from a scan: `palisade scan review.json --stage admission` normalizes an
 * AdmissionReview to the object under review, and this reads the findings with the same rules as the
 * webhook (verdict.ts), so a decision taken in the cluster can be reproduced offline.
 */
import type { ScanResult } from '../engine/result.js';
import { defaultAdmissionSettings } from '../policy/config.js';
import type { AdmissionSettings } from '../policy/types.js';
import type { Decision } from './contract.js';
import { imagesOf, normalizeReviewObject } from './decide.js';
import { identityOf, requestExemption } from './exempt.js';
import { evaluationScope, objectForEvaluation, parseReview } from './review.js';
import { classify, controlIds, decisionOf, isAllowed } from './verdict.js';

export interface AdmissionDecisionSummary {
  allowed: boolean;
  decision: Decision;
  /** Control ids whose findings deny, warn, are audited; controls that could not be evaluated. */
  denied: string[];
  warned: string[];
  audited: string[];
  errors: string[];
  notEvaluated: string[];
  /** Why the request is exempt, or why it was not evaluated / not valid. */
  exemption?: string;
  note?: string;
}

export interface FromScanOptions {
  /** The policy's `admission:` section (failure mode, annotation exemptions, request exemptions). */
  settings?: AdmissionSettings;
  /** The review itself, to apply what a scan cannot see: operation, subresource, request exemptions. */
  review?: unknown;
}

function summary(allowed: boolean, decision: Decision, extra: Partial<AdmissionDecisionSummary> = {}): AdmissionDecisionSummary {
  return { allowed, decision, denied: [], warned: [], audited: [], errors: [], notEvaluated: [], ...extra };
}

/**
 * States the webhook's decision for the review a scan (stage "admission") read. Give one review per scan.
 * With `review`, request-level facts apply too (DELETE/CONNECT/subresource → allowed unevaluated, exempt
 * users, groups, service accounts, namespaces, images).
 */
export function admissionDecisionFromScan(result: ScanResult, options: FromScanOptions = {}): AdmissionDecisionSummary {
  if (result.stage !== 'admission') throw new Error(`admissionDecisionFromScan needs a scan at stage 'admission', not '${result.stage}'`);
  const settings = options.settings ?? defaultAdmissionSettings();
  const invalid = result.inputErrors.find((e) => e.code === 'invalid-review');
  if (invalid) return summary(false, 'invalid', { note: invalid.message });
  if (options.review !== undefined) {
    const parsed = parseReview(options.review);
    if (!parsed.ok) return summary(false, 'invalid', { note: parsed.message });
    const scope = evaluationScope(parsed.request);
    if (!scope.evaluate) return summary(true, 'allow', { note: scope.note });
    const images = imagesOf(normalizeReviewObject(objectForEvaluation(parsed.request)).subjects);
    const exemption = requestExemption(identityOf(parsed.request, images), settings);
    if (exemption !== undefined) return summary(true, 'exempt', { exemption });
  }
  const verdict = classify(result.findings, result.notEvaluated, settings.inlineExemptions);
  let decision = decisionOf(verdict);
  if (decision === 'allow' && result.inputErrors.length > 0) decision = 'warn';
  return summary(isAllowed(verdict, settings.failureMode), decision, {
    denied: controlIds(verdict.deny),
    warned: controlIds(verdict.warn),
    audited: controlIds(verdict.audit),
    errors: controlIds(verdict.errors),
    notEvaluated: controlIds(verdict.notEvaluated),
  });
}
