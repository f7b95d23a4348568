import { xmlAttr, xmlText } from '../report/junit.js';
import type { GatedFinding } from './evaluate.js';
import type { GateRun } from './io.js';

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function detail(f: GatedFinding): string {
  const lines = [
    `${f.id} (${f.severity}) ${f.pkg.name} ${f.pkg.version ?? ''}`.trim(),
    `fixed versions: ${f.fixedVersions.join(', ') || 'none'}; vendor status: ${f.vendorStatus}`,
    `first seen ${f.gate.firstSeen}${f.gate.due ? `, due ${f.gate.due}` : ''}`,
  ];
  if (f.layer) lines.push(`layer ${f.layer.diffId ?? f.layer.digest ?? ''}: ${f.layer.origin} (${f.layer.originReason})`);
  return lines.join('\n');
}

/** JUnit XML: a test suite per image; fix-now fails, SecOps backlog and suppressed are skipped. */
export function formatGateJunit(run: GateRun): string {
  const suites = new Map<string, GatedFinding[]>();
  for (const f of run.findings) {
    const k = f.image?.name ?? f.artifact;
    const list = suites.get(k);
    if (list) list.push(f);
    else suites.set(k, [f]);
  }
  const body: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const [name, list] of suites) {
    const fails = list.filter((f) => f.gate.group === 'fix-now').length;
    const skips = list.filter((f) => f.gate.group === 'secops-backlog' || f.gate.group === 'suppressed').length;
    tests += list.length;
    failures += fails;
    skipped += skips;
    body.push(`  <testsuite${attrs({ name: `vulnerabilities: ${name}`, tests: list.length, failures: fails, errors: 0, skipped: skips })}>`);
    for (const f of list) {
      const tc = `    <testcase${attrs({ classname: name, name: `${f.id} ${f.pkg.name}${f.pkg.version ? `@${f.pkg.version}` : ''}` })}>`;
      const g = f.gate;
      if (g.group === 'fix-now') {
        body.push(tc, `      <failure${attrs({ message: `fix now: grace ended ${g.due ?? 'at once'}`, type: f.severity })}>${xmlText(detail(f))}</failure>`, '    </testcase>');
      } else if (g.group === 'in-grace') {
        body.push(tc, `      <system-out>${xmlText(`${g.due ? `fix by ${g.due}` : 'no deadline for this severity'}\n${detail(f)}`)}</system-out>`, '    </testcase>');
      } else {
        const msg = g.group === 'secops-backlog' ? `SecOps backlog: no vendor fix (${f.vendorStatus})` : `suppressed: ${g.suppression?.justification ?? g.reason}`;
        body.push(tc, `      <skipped${attrs({ message: msg })}/>`, '    </testcase>');
      }
    }
    body.push('  </testsuite>');
  }
  for (const e of run.inputErrors) {
    body.push(`  <testsuite${attrs({ name: `input: ${e.file}`, tests: 1, failures: 0, errors: 1, skipped: 0 })}>`);
    body.push(`    <testcase${attrs({ classname: 'input', name: e.file })}>`, `      <error${attrs({ message: e.message })}/>`, '    </testcase>', '  </testsuite>');
  }
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'palisade gate vulns', tests: tests + run.inputErrors.length, failures, errors: run.inputErrors.length, skipped })}>`;
  return `${head}\n${body.join('\n')}${body.length ? '\n' : ''}</testsuites>\n`;
}
