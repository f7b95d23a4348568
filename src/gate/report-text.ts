import { plural, printable } from '../report/labels.js';
import { summarize, type GatedFinding } from './evaluate.js';
import type { GateRun } from './io.js';
import { gateExitCode } from './report-json.js';

function where(f: GatedFinding): string {
  const img = f.image ? f.image.name : f.artifact;
  const layer = f.layer;
  if (!layer) return img;
  const short = (layer.diffId ?? layer.digest ?? '').replace(/^sha256:/, '').slice(0, 12);
  if (layer.origin === 'base') return `${img}, base-image layer ${short}: rebuild on a newer base image`;
  if (layer.origin === 'application') return `${img}, application layer ${short}: update the package in your build`;
  return `${img}, layer ${short} (base or application undecided: ${layer.originReason})`;
}

function line(f: GatedFinding): string {
  const pkg = `${f.pkg.name}${f.pkg.version ? ` ${f.pkg.version}` : ''}`;
  const fix = f.fixedVersions.length > 0 ? ` → ${f.fixedVersions.join(', ')}` : '';
  return `${printable(`  ${f.severity.toUpperCase().padEnd(8)} ${f.id}  ${pkg}${fix}`)}\n${printable(`      ${where(f)}; first seen ${f.gate.firstSeen}`)}`;
}

/** Text for a person: fix now, fix by <date>, SecOps backlog, then suppressed; base vs application stated. */
export function formatGateText(run: GateRun): string {
  const out: string[] = [];
  const s = summarize(run.findings);
  out.push(`Vulnerability gate as of ${run.asOf}: ${plural(run.reads.length, 'report')}, ${plural(s.total, 'finding')}`);
  const group = (g: string) => run.findings.filter((f) => f.gate.group === g);

  const now = group('fix-now');
  out.push('', `FIX NOW (${now.length}): grace period over`);
  for (const f of now) out.push(`${line(f)}; due ${f.gate.due ?? 'at once'}`);
  if (now.length === 0) out.push('  nothing');

  const grace = group('in-grace');
  out.push('', `FIX BY DATE (${grace.length}): fix available, still in grace`);
  const byDue = new Map<string, GatedFinding[]>();
  for (const f of grace) {
    const k = f.gate.due ?? '';
    const list = byDue.get(k);
    if (list) list.push(f);
    else byDue.set(k, [f]);
  }
  for (const [due, list] of byDue) {
    out.push(due ? ` Fix by ${due} (${list.length}):` : ` No deadline for this severity (${list.length}):`);
    for (const f of list) out.push(line(f));
  }
  if (grace.length === 0) out.push('  nothing');

  const backlog = group('secops-backlog');
  out.push('', `SECOPS BACKLOG (${backlog.length}): no vendor fix, does not fail the gate`);
  for (const f of backlog) out.push(`${line(f)}; vendor status ${f.vendorStatus}`);
  if (backlog.length === 0) out.push('  nothing');

  const supp = group('suppressed');
  out.push('', `SUPPRESSED (${supp.length})`);
  for (const f of supp) {
    const sp = f.gate.suppression;
    const extra = sp ? ` ${sp.kind}: ${sp.justification}${sp.owner ? ` (owner ${sp.owner})` : ''}${sp.expires ? ` until ${sp.expires}` : ''}` : '';
    out.push(printable(`  ${f.severity.toUpperCase().padEnd(8)} ${f.id}  ${f.pkg.name}${f.pkg.version ? ` ${f.pkg.version}` : ''} —${extra}`));
  }
  if (supp.length === 0) out.push('  nothing');

  out.push(
    '',
    `Base vs application: ${s.origin.base} in base-image layers (fix: rebuild on a newer base), ${s.origin.application} in application layers, ${s.origin.undecided} undecided (the report has no layer, or its image history does not show the base)`,
  );
  for (const n of run.notes) out.push(`note: ${printable(n)}`);
  for (const e of run.inputErrors) out.push(`input error: ${printable(e.message)}`);
  const code = gateExitCode(run);
  out.push(
    '',
    code === 2
      ? 'Result: no usable report (exit 2)'
      : code === 1
        ? `Result: FAIL, ${plural(s.groups['fix-now'], 'finding')} to fix now (exit 1)`
        : `Result: PASS, nothing to fix now (exit 0)`,
  );
  return `${out.join('\n')}\n`;
}
