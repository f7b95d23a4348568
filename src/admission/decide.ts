/**
 * The admission decision: a pure function from an AdmissionReview body to the response, its HTTP status and
 * one log line. The object under review goes through the same normalize → evaluate code as `palisade scan`
 * (stage "admission"), so the cluster and the CLI cannot disagree. Nothing here touches the network, the
 * file system or the process; time comes from `now` and from the injectable clock.
 */
import { performance } from 'node:perf_hooks';
import { catalog as defaultCatalog } from '../controls/index.js';
import type { AnyControl } from '../controls/define.js';
import { bySubjectType, evaluateSubject, newSink, planControls, type EvaluationEnv, type EvaluationSink } from '../engine/evaluate.js';
import type { Finding, JsonObject, PositionIndex, Subject } from '../model/types.js';
import { normalizeDocument } from '../normalize/k8s.js';
import type { ParsedDocument } from '../parse/document.js';
import type { AdmissionSettings, ResolvedPolicy } from '../policy/types.js';
import type { AdmissionHandler, DecisionLog, HandlerResult } from './contract.js';
import { identityOf, requestExemption } from './exempt.js';
import {
  auditAnnotationValue,
  boundedList,
  boundWarnings,
  denyMessage,
  exemptedAnnotationValue,
  findingWarnings,
  groupByControl,
  resourceLabel,
  reviewResponse,
  setAnnotation,
  statusBody,
  type ResponseStatus,
  WARNING_MAX_RUNES,
} from './response.js';
import {
  displayName,
  evaluationScope,
  objectForEvaluation,
  parseReview,
  requestNamespace,
  serviceAccountOf,
  type AdmissionRequest,
} from './review.js';
import { runeLength, sanitize, truncateRunes } from './text.js';
import { classify, controlIds, decisionOf, isAllowed, type ControlError, type Verdict } from './verdict.js';

export interface AdmissionHandlerSettings extends AdmissionSettings {
  /**
   * Milliseconds from any fixed origin; measures latency and the evaluation deadline. Defaults to
   * `performance.now`. Tests pass a fake clock to overrun the deadline without waiting.
   */
  clock?: () => number;
}

/** Review objects have no file behind them: every position is unknown, pointers are relative to the object. */
const NO_POSITIONS: PositionIndex = { locate: () => undefined };
const SOURCE_FILE = 'request.object';

function documentFor(object: JsonObject): ParsedDocument {
  return { value: object, documentIndex: 0, basePointer: '', startLine: 1, positions: NO_POSITIONS };
}

/** Subjects of an object under review, through the same normalizer as a scan; read errors as messages. */
export function normalizeReviewObject(object: JsonObject | undefined): { subjects: Subject[]; errors: string[] } {
  if (!object) return { subjects: [], errors: [] };
  const n = normalizeDocument(documentFor(object), SOURCE_FILE);
  return { subjects: n.subjects, errors: n.errors.map((e) => e.message) };
}

/** Every container image of the workload subjects, in order, once each. */
export function imagesOf(subjects: readonly Subject[]): string[] {
  const out = new Set<string>();
  for (const s of subjects) if (s.type === 'k8s.workload') for (const c of s.containers) if (c.image) out.add(c.image);
  return [...out];
}

function findingKey(f: Finding): string {
  return `${f.controlId}\u0000${f.messageId}\u0000${f.location.pointer}\u0000${f.message}`;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * Builds the handler for one resolved policy. `settings` is normally `policy.admission` (plus a clock in
 * tests); `catalog` defaults to Palisade's catalog and must be the one the policy was resolved with.
 */
export function createAdmissionHandler(
  policy: ResolvedPolicy,
  settings: AdmissionHandlerSettings = policy.admission,
  catalog: readonly AnyControl[] = defaultCatalog,
): AdmissionHandler {
  const clock = settings.clock ?? (() => performance.now());
  const plan = planControls(catalog, policy, 'admission');
  const byType = bySubjectType(plan);
  // Enabled controls that cannot run at admission (e.g. ones that need the whole inventory): reported as
  // skipped for every request they would apply to, never silently passed.
  const offStage = catalog.filter((c) => policy.settings.get(c.meta.id)?.enabled === true && !c.meta.stages.includes('admission'));
  // Annotation exemptions follow the admission setting, whatever the top-level one says: anyone who can
  // write a manifest can write an annotation, so in the cluster they are off unless the policy says so.
  const evalPolicy = {
    exemptions: policy.exemptions,
    inlineExemptions: { enabled: settings.inlineExemptions, prefix: policy.inlineExemptions.prefix },
  };

  /** Runs the plan control by control, checking the deadline before each; returns the controls not run. */
  function evaluate(subjects: readonly Subject[], env: EvaluationEnv, sink: EvaluationSink, start: number): { unrun: string[]; elapsed?: number; lastRun?: string } {
    const unrun = new Set<string>();
    let elapsed: number | undefined;
    let lastRun: string | undefined;
    for (const subject of subjects) {
      for (const planned of byType.get(subject.type) ?? []) {
        const id = planned.control.meta.id;
        if (elapsed === undefined) {
          const t = clock() - start;
          if (t > settings.evaluationDeadlineMs) elapsed = t;
        }
        if (elapsed !== undefined) {
          unrun.add(id);
          continue;
        }
        try {
          evaluateSubject(subject, [planned], evalPolicy, env, sink);
        } catch (e) {
          // The engine turns a throwing check into "not evaluated"; this catches what it lets through
          // (a report with an unknown message id), so one broken control cannot break the answer.
          sink.notEvaluated.push({
            controlId: id,
            controlName: planned.control.meta.name,
            resource: subject.resource,
            location: { file: SOURCE_FILE, pointer: '' },
            reason: `control failed: ${e instanceof Error ? e.message : String(e)}`,
            kind: 'error',
          });
        }
        lastRun = id;
      }
    }
    const out: { unrun: string[]; elapsed?: number; lastRun?: string } = { unrun: [...unrun] };
    if (elapsed !== undefined) out.elapsed = elapsed;
    if (lastRun !== undefined) out.lastRun = lastRun;
    return out;
  }

  function decide(request: AdmissionRequest, now: Date, start: number, log: DecisionLog): HandlerResult {
    const label = resourceLabel(request.kind.kind, requestNamespace(request), displayName(request));
    const annotations: Record<string, string> = {};
    const answer = (allowed: boolean, extra: { status?: ResponseStatus; warnings?: string[] } = {}): HandlerResult => {
      setAnnotation(annotations, 'decision', log.decision);
      log.allowed = allowed;
      log.latencyMs = round(clock() - start);
      return {
        httpStatus: 200,
        body: reviewResponse({ uid: request.uid, allowed, ...extra, auditAnnotations: annotations }),
        log,
      };
    };

    const scope = evaluationScope(request);
    if (!scope.evaluate) {
      // Images still go to the log: a DELETE names what stops running.
      if (request.operation !== 'CONNECT') log.images = imagesOf(normalizeReviewObject(objectForEvaluation(request, request.object ? 'object' : 'oldObject')).subjects);
      log.decision = 'allow';
      log.note = scope.note;
      return answer(true);
    }

    const current = normalizeReviewObject(objectForEvaluation(request));
    log.images = imagesOf(current.subjects);
    const exemption = requestExemption(identityOf(request, log.images), settings);
    if (exemption !== undefined) {
      log.decision = 'exempt';
      log.exemption = exemption;
      setAnnotation(annotations, 'exempt', exemption);
      return answer(true);
    }

    const env: EvaluationEnv = { stage: 'admission', now, pssVersion: policy.pssVersion };
    const sink = newSink();
    const run = evaluate(current.subjects, env, sink, start);
    const verdict: Verdict = classify(sink.findings, sink.notEvaluated, settings.inlineExemptions);
    if (run.elapsed !== undefined) {
      const why = `the ${settings.evaluationDeadlineMs} ms evaluation deadline passed before it ran (${round(run.elapsed)} ms elapsed${run.lastRun ? `, the last control run was ${run.lastRun}` : ''})`;
      for (const id of run.unrun) verdict.errors.push({ controlId: id, error: why });
    }

    // UPDATE: which findings are new. The old object is evaluated with the same plan, within the same
    // deadline; past it, the comparison is simply left out (it informs, it never decides).
    let unchanged: Set<Finding> | undefined;
    if (request.operation === 'UPDATE' && request.oldObject && run.elapsed === undefined) {
      const oldSink = newSink();
      const oldRun = evaluate(normalizeReviewObject(objectForEvaluation(request, 'oldObject')).subjects, env, oldSink, start);
      if (oldRun.elapsed === undefined) {
        const before = new Set(oldSink.findings.map(findingKey));
        unchanged = new Set(sink.findings.filter((f) => before.has(findingKey(f))));
        log.newControls = controlIds(sink.findings.filter((f) => f.status === 'fail' && !unchanged?.has(f)));
      } else {
        log.note = 'oldObject not compared: evaluation deadline passed';
      }
    }

    const subjectTypes = new Set(current.subjects.map((s) => s.type));
    const skipped: { controlId: string; reason: string }[] = [];
    for (const c of offStage) {
      if (c.meta.appliesTo.some((t) => subjectTypes.has(t))) {
        skipped.push({ controlId: c.meta.id, reason: `runs only at ${c.meta.stages.join(', ')}, not at admission` });
      }
    }
    for (const n of verdict.notEvaluated) skipped.push({ controlId: n.controlId, reason: n.reason });
    for (const m of current.errors) skipped.push({ controlId: '*', reason: `object not read: ${m}` });

    const failureMode = settings.failureMode;
    const allowed = isAllowed(verdict, failureMode);
    let decision = decisionOf(verdict);
    if (decision === 'allow' && current.errors.length > 0) decision = 'warn';
    log.decision = decision;

    // Log line and annotations.
    const denied = controlIds(verdict.deny);
    const warned = controlIds(verdict.warn);
    const audited = controlIds(verdict.audit);
    const errored = controlIds(verdict.errors);
    const notEvaluated = controlIds(verdict.notEvaluated);
    log.controls =
      decision === 'deny' ? [...new Set([...denied, ...errored])]
      : decision === 'error' ? errored
      : decision === 'warn' ? [...new Set([...warned, ...notEvaluated])]
      : [];
    if (denied.length > 0) log.denied = denied;
    if (warned.length > 0) log.warned = warned;
    if (audited.length > 0) log.audited = audited;
    if (verdict.exempted.length > 0) log.exempted = controlIds(verdict.exempted);
    if (skipped.length > 0) log.skipped = skipped;
    if (verdict.errors.length > 0) log.errors = verdict.errors.map((e) => ({ controlId: e.controlId, error: e.error }));
    const expired = [...sink.expired.keys()];
    if (expired.length > 0) log.expiredExemptions = expired.map((e) => e.origin);

    if (denied.length > 0) setAnnotation(annotations, 'denied-by', denied.join(','));
    if (warned.length > 0) setAnnotation(annotations, 'warned-by', warned.join(','));
    for (const [id, g] of groupByControl(verdict.audit)) setAnnotation(annotations, `audit-${id}`, auditAnnotationValue(g));
    for (const [id, g] of groupByControl(verdict.exempted)) setAnnotation(annotations, `exempted-${id}`, exemptedAnnotationValue(g));
    if (verdict.errors.length > 0) setAnnotation(annotations, 'errors', verdict.errors.map((e) => `${e.controlId}: ${e.error}`).join('; '));
    if (notEvaluated.length > 0) setAnnotation(annotations, 'not-evaluated', notEvaluated.join(','));

    // Warnings, most urgent first: what could not be evaluated, expired exemptions, then the findings.
    const items: { text: string; controlId?: string }[] = [];
    if (verdict.errors.length > 0 && failureMode === 'fail-open') {
      const head = `Palisade could not evaluate ${truncateRunes(label, 60)} with `;
      const tail = '; allowed (failure mode fail-open)';
      items.push({ text: head + boundedList(errored, Math.max(12, WARNING_MAX_RUNES - runeLength(head) - tail.length)) + tail });
    }
    for (const m of current.errors) items.push({ text: `Palisade could not read ${label}: ${m}` });
    for (const e of expired) {
      items.push({ text: `[${e.controls.join(',')}] exemption ${e.origin} expired on ${e.expires ?? '?'} and no longer applies` });
    }
    for (const n of verdict.notEvaluated) items.push({ text: `[${n.controlId}] not evaluated: ${n.reason}`, controlId: n.controlId });
    for (const w of findingWarnings(verdict.warn, unchanged)) items.push({ text: w.text, controlId: w.controlId });
    const warnings = boundWarnings(items);

    if (allowed) return answer(true, { warnings });
    const errors: ControlError[] = failureMode === 'fail-closed' ? verdict.errors : [];
    const message = denyMessage({ label, deny: verdict.deny, errors, maxLength: settings.maxMessageLength, ...(unchanged ? { unchanged } : {}) });
    const status: ResponseStatus =
      verdict.deny.length > 0
        ? { code: 403, reason: 'Forbidden', status: 'Failure', message }
        : { code: 500, reason: 'InternalError', status: 'Failure', message };
    return answer(false, { status, warnings });
  }

  return {
    handle(body: unknown, now: Date): HandlerResult {
      const start = clock();
      const time = Number.isNaN(now.getTime()) ? new Date(0) : now;
      const log: DecisionLog = { time: time.toISOString(), images: [], dryRun: false, decision: 'invalid', controls: [], latencyMs: 0 };
      let request: AdmissionRequest | undefined;
      try {
        const parsed = parseReview(body);
        if (!parsed.ok) {
          if (parsed.uid !== undefined) log.uid = parsed.uid;
          log.reason = parsed.message;
          log.latencyMs = round(clock() - start);
          return { httpStatus: 400, body: statusBody(400, 'BadRequest', parsed.message), log };
        }
        request = parsed.request;
        fillIdentity(log, request);
        return decide(request, time, start, log);
      } catch (e) {
        return internalError(e, request, log, settings, clock() - start);
      }
    },
  };
}

/** The request's identity in the log line: the audit trail that ties every container to someone (C12). */
function fillIdentity(log: DecisionLog, request: AdmissionRequest): void {
  log.uid = request.uid;
  if (request.userInfo.username !== undefined) log.user = request.userInfo.username;
  if (request.userInfo.groups !== undefined) log.groups = [...request.userInfo.groups];
  const sa = serviceAccountOf(request.userInfo.username);
  if (sa !== undefined) log.serviceAccount = sa;
  log.operation = request.operation;
  log.kind = request.kind.kind;
  const ns = requestNamespace(request);
  if (ns !== undefined) log.namespace = ns;
  const name = displayName(request);
  if (name !== undefined) log.name = name;
  if (request.subResource !== undefined) log.subResource = request.subResource;
  log.dryRun = request.dryRun === true;
}

/**
 * A bug in Palisade itself (never expected): answered by the failure mode like a control error. Without a
 * uid no review can be answered, so the call fails with 500 and the webhook's failurePolicy applies.
 */
function internalError(e: unknown, request: AdmissionRequest | undefined, log: DecisionLog, settings: AdmissionSettings, elapsed: number): HandlerResult {
  const why = `internal error: ${e instanceof Error ? e.message : String(e)}`;
  log.decision = 'error';
  log.errors = [{ controlId: '*', error: why }];
  log.latencyMs = round(elapsed);
  if (!request) {
    log.allowed = false;
    return { httpStatus: 500, body: statusBody(500, 'InternalError', `Palisade could not decide: ${why}`), log };
  }
  const label = resourceLabel(request.kind.kind, requestNamespace(request), displayName(request));
  const allowed = settings.failureMode === 'fail-open';
  log.allowed = allowed;
  const message = `Palisade could not evaluate ${label} (${why}) and denies it: failure mode is fail-closed`;
  return {
    httpStatus: 200,
    body: reviewResponse({
      uid: request.uid,
      allowed,
      ...(allowed
        ? { warnings: boundWarnings([{ text: `Palisade could not evaluate ${label}; allowed (failure mode fail-open)` }]) }
        : { status: { code: 500, reason: 'InternalError', status: 'Failure', message: truncateRunes(sanitize(message), settings.maxMessageLength) } }),
      auditAnnotations: { decision: 'error' },
    }),
    log,
  };
}
