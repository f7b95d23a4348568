import type { AnyControl } from '../controls/define.js';
import type { EstateReport } from '../azure/topology.js';
import type { Finding, InputError, NotEvaluated, PolicyNotice, Severity, Stage } from '../model/types.js';
import { SEVERITIES, severityRank } from '../model/types.js';

/** Version of the JSON contract. Bump the major on any breaking change to field names or meaning. */
export const SCHEMA_VERSION = '1.0.0';

export interface ScanSummary {
  files: number;
  documents: number;
  resources: number;
  findings: number;
  failed: number;
  exempted: number;
  notEvaluated: number;
  inputErrors: number;
  bySeverity: Record<Severity, number>;
  /** The exit code the CLI uses: 0 clean, 1 findings at or above failOn, 2 nothing could be scanned. */
  exitCode: 0 | 1 | 2;
}

export interface ScanResult {
  schemaVersion: string;
  tool: { name: 'palisade'; version: string };
  stage: Stage;
  policy: { profile: string; pssVersion: string; failOn: Severity; configFile?: string };
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  inputErrors: InputError[];
  notices: PolicyNotice[];
  summary: ScanSummary;
  /** Azure resources scanned together: which cluster pulls from which registry (present when Azure input was scanned). */
  azure?: EstateReport;
  /** The controls that ran, for formats that describe rules (SARIF, JUnit). Not serialized in JSON. */
  controls: readonly AnyControl[];
}

/** A finding blocks when it is not exempted, its action at the stage is deny, and it meets the threshold. */
export function isBlocking(f: Finding, failOn: Severity): boolean {
  return f.status === 'fail' && f.action === 'deny' && severityRank(f.severity) >= severityRank(failOn);
}

export function summarize(
  findings: Finding[],
  notEvaluated: NotEvaluated[],
  inputErrors: InputError[],
  counts: { files: number; documents: number; resources: number },
  failOn: Severity,
): ScanSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let failed = 0;
  let exempted = 0;
  let blocking = false;
  for (const f of findings) {
    if (f.status === 'exempted') {
      exempted++;
      continue;
    }
    failed++;
    bySeverity[f.severity]++;
    if (!blocking && isBlocking(f, failOn)) blocking = true;
  }
  // Exit 2 only when nothing could be scanned at all: one bad file among many is reported, not fatal.
  const nothingScanned = counts.resources === 0 && inputErrors.length > 0;
  return {
    ...counts,
    findings: findings.length,
    failed,
    exempted,
    notEvaluated: notEvaluated.length,
    inputErrors: inputErrors.length,
    bySeverity,
    exitCode: nothingScanned ? 2 : blocking ? 1 : 0,
  };
}

/** Stable order for reports: by file, line, then control id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      a.controlId.localeCompare(b.controlId),
  );
}
