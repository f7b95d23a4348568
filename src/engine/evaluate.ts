import type { AnyControl, CheckContext, ReportDescriptor } from '../controls/define.js';
import { formatMessage } from '../controls/define.js';
import type {
  Finding,
  Location,
  NotEvaluated,
  Stage,
  Subject,
} from '../model/types.js';
import type { AzureEstate } from '../azure/estate.js';
import { CannotEvaluate } from '../azure/view.js';
import { isAzureSubject } from '../model/azure.js';
import { decideExemption } from '../policy/exemptions.js';
import type { Exemption, ResolvedPolicy } from '../policy/types.js';

/** A control with its effective settings, ready to run. */
export interface PlannedControl {
  control: AnyControl;
  severity: Finding['severity'];
  action: Finding['action'];
  options: Record<string, unknown>;
}

export interface EvaluationEnv {
  stage: Stage;
  now: Date;
  pssVersion: number;
  /** Azure resources scanned together; Azure subjects are evaluated once it is complete. */
  estate?: AzureEstate;
}

export interface EvaluationSink {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  /** Expired exemptions seen, with how many findings each would have covered. */
  expired: Map<Exemption, number>;
  /**
   * Subjects held back until every input has been read: Azure resources, whose controls may need side
   * inputs (token lists, role assignments, AKS versions) from any other file.
   */
  deferred: Subject[];
}

export function newSink(): EvaluationSink {
  return { findings: [], notEvaluated: [], expired: new Map(), deferred: [] };
}

/** Selects the controls a policy enables for a stage, with their settings, in catalog order. */
export function planControls(catalog: readonly AnyControl[], policy: ResolvedPolicy, stage: Stage): PlannedControl[] {
  const plan: PlannedControl[] = [];
  for (const control of catalog) {
    const s = policy.settings.get(control.meta.id);
    if (!s || !s.enabled) continue;
    if (!control.meta.stages.includes(stage)) continue;
    plan.push({ control, severity: s.severity, action: s.actions[stage], options: s.options });
  }
  return plan;
}

/** Index of planned controls by subject type, so each subject only meets the controls that apply to it. */
export function bySubjectType(plan: PlannedControl[]): Map<string, PlannedControl[]> {
  const m = new Map<string, PlannedControl[]>();
  for (const p of plan) {
    for (const t of p.control.meta.appliesTo) {
      let list = m.get(t);
      if (!list) m.set(t, (list = []));
      list.push(p);
    }
  }
  return m;
}

function locate(subject: Subject, relative: string): Location {
  const src = subject.source;
  const pointer = src.basePointer + relative;
  const pos = src.positions.locate(pointer);
  const loc: Location = { file: src.file, pointer };
  if (pos) {
    loc.line = pos.line;
    loc.column = pos.column;
  }
  return loc;
}

/** Where a subject starts relative to its source: an Azure resource inside a template is one of its `resources`. */
function rootOf(subject: Subject): string {
  return 'view' in subject ? subject.view.pointer : '';
}

function imagesFor(subject: Subject, relative: string): string[] {
  if (subject.type !== 'k8s.workload') return [];
  const own = subject.containers.find((c) => relative === c.pointer || relative.startsWith(c.pointer + '/'));
  if (own) return own.image ? [own.image] : [];
  return subject.containers.map((c) => c.image).filter(Boolean);
}

/** Annotations an inline exemption may sit in: the object's own, then its pod template's. */
function annotationsOf(subject: Subject): Record<string, string>[] {
  if (subject.type === 'k8s.object') return [subject.annotations];
  // Dockerfiles have no annotations; their inline exemptions (if any) belong to the build controls.
  if (subject.type === 'image.build') return [];
  // Azure resources have tags, but a tag name cannot hold the '/' of an exemption key: policy exemptions only.
  if (isAzureSubject(subject)) return [];
  if (subject.type !== 'k8s.workload') return [];
  const meta = subject.object.metadata as { annotations?: Record<string, string> } | undefined;
  return meta?.annotations ? [meta.annotations, subject.podMetadata.annotations] : [subject.podMetadata.annotations];
}

/**
 * Runs every planned control on one subject. Controls are pure; a control that throws is reported as
 * not evaluated (kind "error") with its message, and the others still run.
 */
export function evaluateSubject(
  subject: Subject,
  controls: readonly PlannedControl[],
  policy: Pick<ResolvedPolicy, 'exemptions' | 'inlineExemptions'>,
  env: EvaluationEnv,
  sink: EvaluationSink,
): void {
  // One context per subject, re-pointed at each control: a scan meets millions of (subject, control)
  // pairs, and most report nothing, so the per-pair cost must be close to a function call.
  const reports: ReportDescriptor<string>[] = [];
  const skipped: string[] = [];
  const ctx: CheckContext<string> = {
    report: (r) => void reports.push(r),
    notEvaluated: (reason) => void skipped.push(reason),
    options: {},
    pssVersion: env.pssVersion,
    stage: env.stage,
    now: env.now,
    ...(env.estate ? { estate: env.estate } : {}),
  };
  const exemptionsApply = policy.exemptions.length > 0 || policy.inlineExemptions.enabled;
  let annotations: Record<string, string>[] | undefined;
  for (const planned of controls) {
    const { control } = planned;
    const meta = control.meta;
    reports.length = 0;
    skipped.length = 0;
    ctx.options = planned.options;
    try {
      control.check(subject, ctx);
    } catch (e) {
      // A control that found it cannot decide (an unresolvable template expression, a missing side input)
      // says so with its reason; anything else is a control error. Neither is a pass.
      const cannot = e instanceof CannotEvaluate;
      sink.notEvaluated.push({
        controlId: meta.id,
        controlName: meta.name,
        resource: subject.resource,
        location: locate(subject, rootOf(subject)),
        reason: cannot ? e.message : `control failed: ${(e as Error).message ?? String(e)}`,
        kind: cannot ? 'skipped' : 'error',
      });
      if (!cannot) continue;
    }
    for (const reason of skipped) {
      sink.notEvaluated.push({
        controlId: meta.id,
        controlName: meta.name,
        resource: subject.resource,
        location: locate(subject, rootOf(subject)),
        reason,
        kind: 'skipped',
      });
    }
    for (const r of reports) {
      const template = meta.messages[r.messageId];
      if (template === undefined) throw new Error(`${meta.id} reported unknown message id '${r.messageId}'`);
      const data = r.data ?? {};
      const finding: Finding = {
        controlId: meta.id,
        controlName: meta.name,
        surface: meta.surface,
        // A graded outcome keeps its own severity unless the policy changed the control's severity.
        severity: r.severity !== undefined && planned.severity === meta.severity ? r.severity : planned.severity,
        status: 'fail',
        action: planned.action,
        messageId: r.messageId,
        message: formatMessage(template, data),
        data,
        frameworks: meta.frameworks,
        resource: subject.resource,
        location: locate(subject, r.pointer),
      };
      if (exemptionsApply) {
        annotations ??= annotationsOf(subject);
        const decision = decideExemption(
          policy.exemptions,
          policy.inlineExemptions,
          { controlId: meta.id, controlName: meta.name, resource: subject.resource, images: imagesFor(subject, r.pointer), annotations },
          env.now,
        );
        for (const e of decision.expired) sink.expired.set(e, (sink.expired.get(e) ?? 0) + 1);
        if (decision.note) {
          finding.status = 'exempted';
          finding.exemption = decision.note;
        }
      }
      sink.findings.push(finding);
    }
  }
}
