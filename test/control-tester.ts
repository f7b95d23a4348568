/**
 * A tester in the style of ESLint's RuleTester: each case is written as the user writes the input (YAML),
 * runs through the real detect → parse → normalize → evaluate path, and must produce exactly the expected
 * findings. It refuses weak tests: an invalid case without expected findings, duplicate cases, a control
 * that mutates its input, or a case that does not parse.
 */
import { describe, expect, it } from 'vitest';
import type { AnyControl, Control } from '../src/controls/define.js';
import { asAny } from '../src/controls/define.js';
import { evaluateSubject, newSink, type PlannedControl } from '../src/engine/evaluate.js';
import { subjectsFromText } from '../src/engine/pipeline.js';
import type { SubjectType } from '../src/model/types.js';
import { LATEST_PSS_VERSION } from '../src/policy/config.js';
import { AzureEstate } from '../src/azure/estate.js';
import { loadCalendar, type VersionCalendar } from '../src/azure/calendar.js';
import { imageSubject } from '../src/image/config.js';
import type { LayerFileFact } from '../src/image/facts.js';

export interface ExpectedFinding {
  messageId: string;
  /** Pointer relative to the document, e.g. "/spec/template/spec/containers/0/securityContext". */
  pointer: string;
  data?: Record<string, string | number>;
  /** 1-based line in the case's YAML, when the case wants to pin it. */
  line?: number;
  /** The finding's severity, when the case pins it (controls that grade their outcomes). */
  severity?: string;
}

interface CaseBase {
  name: string;
  /** The input as the user writes it: YAML for manifests, Dockerfile text when `file` names a Dockerfile. */
  yaml: string;
  /** File name the input is read as (detection goes by it): default "case.yaml"; e.g. "Dockerfile". */
  file?: string;
  options?: Record<string, unknown>;
  /** Minor version of the Pod Security Standards, default latest. */
  pssVersion?: number;
  now?: Date;
  /** AKS version calendar for Azure cases (default: the bundled one). */
  calendar?: VersionCalendar;
}

export interface ValidCase extends CaseBase {
  /** A valid case may expect the control to say it could not decide (never a silent pass). */
  notEvaluated?: boolean;
}

export interface InvalidCase extends CaseBase {
  errors: ExpectedFinding[];
}

export interface ControlCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Runs one control on YAML text and returns its findings and not-evaluated notes. */
export function runControl(control: AnyControl, text: string, c: Partial<CaseBase> = {}) {
  const { subjects, errors } = subjectsFromText(c.file ?? 'case.yaml', text);
  if (errors.length > 0) throw new Error(`case does not parse: ${errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`);
  const options: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(control.meta.options ?? {})) options[k] = spec.default;
  Object.assign(options, c.options ?? {});
  const planned: PlannedControl = { control, severity: control.meta.severity, action: 'deny', options };
  const sink = newSink();
  // Azure controls see every Azure resource of the case as one estate (side inputs, pull relations).
  const azure = subjects.filter((s) => s.type.startsWith('azure.'));
  const estate = azure.length > 0 ? new AzureEstate(azure, c.calendar ?? loadCalendar()) : undefined;
  for (const s of subjects) {
    if (!control.meta.appliesTo.includes(s.type)) continue;
    const before = JSON.stringify('object' in s ? s.object : s);
    evaluateSubject(
      s,
      [planned],
      { exemptions: [], inlineExemptions: { enabled: false, prefix: 'exempt.palisade.io/' } },
      { stage: 'ci', now: c.now ?? new Date('2026-11-29T00:00:00Z'), pssVersion: c.pssVersion ?? LATEST_PSS_VERSION, ...(estate ? { estate } : {}) },
      sink,
    );
    if (JSON.stringify('object' in s ? s.object : s) !== before) throw new Error(`${control.meta.id} mutated its input`);
  }
  return sink;
}

/**
 * The layer controls (BLD-110…112) alone, judging layer facts as the archive source gathers them
 * (test/image-archive.test.ts covers the gathering): an image subject of two layers, 'web.tar'.
 */
export function runOnLayerFiles(control: AnyControl, files: LayerFileFact[]) {
  const subject = imageSubject(
    { architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64)] }, history: [] },
    { file: 'web.tar', basePointer: '/blobs~1sha256~1cfg', name: 'contoso/web:1.0', layerFiles: files, layersScanned: true },
  );
  const sink = newSink();
  evaluateSubject(subject, [{ control, severity: control.meta.severity, action: 'deny', options: {} }], { exemptions: [], inlineExemptions: { enabled: false, prefix: 'exempt.palisade.io/' } }, { stage: 'ci', now: new Date('2026-11-29T00:00:00Z'), pssVersion: 34 }, sink);
  return sink;
}

/** A layer file fact: an application-layer secret at /app/x unless told otherwise. */
export const layerFact = (f: Partial<LayerFileFact>): LayerFileFact => ({ kind: 'secret', layerIndex: 1, digest: 'sha256:' + 'c'.repeat(64), role: 'application', path: '/app/x', deleted: false, ...f });

export function testControl<M extends string, T extends SubjectType>(control: Control<M, T>, cases: ControlCases): void {
  const any = asAny(control);
  const meta = any.meta;
  describe(`${meta.id} ${meta.name}`, () => {
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      const key = (c.file ?? '') + c.yaml + JSON.stringify(c.options ?? {}) + String(c.pssVersion ?? '');
      if (seen.has(key)) throw new Error(`${meta.id}: duplicate case '${c.name}'`);
      seen.add(key);
    }
    if (cases.valid.length === 0 || cases.invalid.length === 0) {
      throw new Error(`${meta.id}: needs at least one valid and one invalid case`);
    }

    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const sink = runControl(any, c.yaml, c);
        expect(sink.findings.map((f) => `${f.messageId} ${f.location.pointer}: ${f.message}`)).toEqual([]);
        if (c.notEvaluated) expect(sink.notEvaluated.length).toBeGreaterThan(0);
        else expect(sink.notEvaluated.map((n) => n.reason)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        if (c.errors.length === 0) throw new Error(`${meta.id}: invalid case '${c.name}' expects no finding`);
        for (const e of c.errors) {
          if (!(e.messageId in meta.messages)) throw new Error(`${meta.id}: unknown messageId '${e.messageId}'`);
        }
        const sink = runControl(any, c.yaml, c);
        // Findings are compared in order, so each one is held to the data and line of its own expectation.
        const actual = sink.findings.map((f, i) => {
          const out: ExpectedFinding = { messageId: f.messageId, pointer: f.location.pointer };
          const want = c.errors[i];
          if (want?.data) out.data = f.data;
          if (want?.line !== undefined && f.location.line !== undefined) out.line = f.location.line;
          if (want?.severity !== undefined) out.severity = f.severity;
          return out;
        });
        expect(actual).toEqual(c.errors);
        for (const f of sink.findings) {
          expect(f.message).not.toMatch(/\{\{/);
          expect(f.location.line).toBeGreaterThan(0);
        }
      });
    }
  });
}
