import type { ControlMeta } from '../controls/define.js';
import type { ScanResult } from '../engine/result.js';
import type { Finding, NotEvaluated } from '../model/types.js';
import { fileLocation, resourceLabel } from './labels.js';

/**
 * JUnit XML for CI dashboards: one test suite per control that ran, one test case per resource it
 * failed (or found exempted, or could not evaluate), one passing case for a control with nothing to say,
 * and a suite "input" with the files that could not be read.
 */

// Characters XML 1.0 cannot carry at all, not even as character references, plus the C1 controls it
// discourages. They are shown as escapes so the report stays well-formed and the reader sees them.
const NOT_XML = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function visible(s: string): string {
  return s.replace(NOT_XML, (c) => {
    const code = c.codePointAt(0) as number;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function xmlText(s: string): string {
  return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also keep their quotes and line breaks (a parser would fold raw ones to spaces). */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

interface Case {
  name: string;
  classname: string;
  file?: string;
  line?: number;
  failure?: { message: string; type: string; body: string };
  error?: { message: string; type: string; body: string };
  skipped?: string;
}

interface Suite {
  name: string;
  cases: Case[];
}

function findingLine(f: Finding): string {
  const status = f.status === 'exempted' ? ' (exempted)' : '';
  return `${f.severity}${status}: ${f.message} at ${fileLocation(f.location)} [${f.location.pointer || '/'}]`;
}

function exemptionText(f: Finding): string {
  const e = f.exemption;
  if (!e) return 'exempted';
  const extra = [e.owner ? `owner ${e.owner}` : undefined, e.expires ? `expires ${e.expires}` : undefined].filter(Boolean);
  return `exempted: ${e.justification}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

function resourceCase(
  meta: Pick<ControlMeta, 'id' | 'surface' | 'docs'> | undefined,
  classname: string,
  findings: Finding[],
  notEvaluated: NotEvaluated[],
): Case {
  const first = findings[0] ?? (notEvaluated[0] as NotEvaluated);
  const c: Case = { name: `${resourceLabel(first.resource)} (${first.location.file})`, classname, file: first.location.file };
  if (first.location.line !== undefined) c.line = first.location.line;
  const failing = findings.filter((f) => f.status === 'fail');
  const lead = failing[0];
  if (lead) {
    const more = failing.length > 1 ? ` (and ${failing.length - 1} more)` : '';
    const lines = [
      ...findings.map(findingLine),
      ...notEvaluated.map((n) => `not evaluated: ${n.reason}`),
    ];
    if (meta?.docs.remediation) lines.push('', `How to fix: ${meta.docs.remediation}`);
    c.failure = {
      message: `${lead.message} [${lead.severity}] at ${fileLocation(lead.location)}${more}`,
      type: lead.severity,
      body: lines.join('\n'),
    };
  } else if (findings[0]) {
    c.skipped = findings.map(exemptionText).filter((t, i, all) => all.indexOf(t) === i).join('; ');
  } else {
    c.skipped = `not evaluated: ${[...new Set(notEvaluated.map((n) => n.reason))].join('; ')}`;
  }
  return c;
}

function controlSuites(result: ScanResult): Suite[] {
  const metas = new Map<string, ControlMeta>(result.controls.map((c) => [c.meta.id, c.meta]));
  const order: { id: string; name: string }[] = result.controls.map((c) => ({ id: c.meta.id, name: c.meta.name }));
  const known = new Set(order.map((o) => o.id));
  for (const f of [...result.findings, ...result.notEvaluated]) {
    if (!known.has(f.controlId)) {
      known.add(f.controlId);
      order.push({ id: f.controlId, name: f.controlName });
    }
  }

  // Per control, per resource (file + identity), in the order the scan reported them.
  const byControl = new Map<string, Map<string, { findings: Finding[]; notEvaluated: NotEvaluated[] }>>();
  const slot = (x: Finding | NotEvaluated) => {
    let byResource = byControl.get(x.controlId);
    if (!byResource) byControl.set(x.controlId, (byResource = new Map()));
    const r = x.resource;
    const key = [x.location.file, r.apiVersion, r.kind, r.namespace, r.name].join('\u0000');
    let s = byResource.get(key);
    if (!s) byResource.set(key, (s = { findings: [], notEvaluated: [] }));
    return s;
  };
  for (const f of result.findings) slot(f).findings.push(f);
  for (const n of result.notEvaluated) slot(n).notEvaluated.push(n);

  return order.map(({ id, name }) => {
    const meta = metas.get(id);
    const classname = `palisade.${meta?.surface ?? 'control'}.${id}`;
    const byResource = byControl.get(id);
    const cases = byResource
      ? [...byResource.values()].map((s) => resourceCase(meta, classname, s.findings, s.notEvaluated))
      : [{ name: `${id} ${name}: no findings`, classname }];
    return { name: `${id} ${name}`, cases };
  });
}

function inputSuite(result: ScanResult): Suite | undefined {
  if (result.inputErrors.length === 0) return undefined;
  return {
    name: 'input',
    cases: result.inputErrors.map((e) => {
      const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
      const c: Case = {
        name: where,
        classname: 'palisade.input',
        file: e.file,
        error: { message: e.message, type: e.code, body: `${where}: ${e.message} [${e.code}]` },
      };
      if (e.line !== undefined) c.line = e.line;
      return c;
    }),
  };
}

function counts(cases: Case[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped !== undefined && !c.failure).length,
  };
}

function renderCase(c: Case): string[] {
  const open = `    <testcase${attrs({ name: c.name, classname: c.classname, file: c.file, line: c.line, time: 0 })}`;
  const problem = c.failure ? ['failure', c.failure] as const : c.error ? ['error', c.error] as const : undefined;
  if (problem) {
    const [tag, p] = problem;
    return [
      `${open}>`,
      `      <${tag}${attrs({ message: p.message, type: p.type })}>${xmlText(p.body)}</${tag}>`,
      '    </testcase>',
    ];
  }
  if (c.skipped !== undefined) return [`${open}>`, `      <skipped${attrs({ message: c.skipped })}/>`, '    </testcase>'];
  return [`${open}/>`];
}

/** `scan --format junit`. */
export function formatJunit(result: ScanResult): string {
  const suites = controlSuites(result);
  const input = inputSuite(result);
  if (input) suites.push(input);
  const all = counts(suites.flatMap((s) => s.cases));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'palisade', ...all, time: 0 })}>`,
  ];
  for (const s of suites) {
    out.push(`  <testsuite${attrs({ name: s.name, ...counts(s.cases), time: 0 })}>`);
    for (const c of s.cases) out.push(...renderCase(c));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
