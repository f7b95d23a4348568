import { VERSION } from '../version.js';
import { summarize, type GatedFinding, type GateSummary } from './evaluate.js';
import type { GateRun } from './io.js';

/** Bumped on any breaking change of the gate's JSON output. */
export const GATE_JSON_VERSION = 1;

/** 2 when no report was usable, 1 when something must be fixed now, 0 otherwise. */
export function gateExitCode(run: Pick<GateRun, 'reads' | 'findings'>): 0 | 1 | 2 {
  if (run.reads.length === 0) return 2;
  return run.findings.some((f) => f.gate.group === 'fix-now') ? 1 : 0;
}

export interface GateJsonFinding {
  id: string;
  aliases: string[];
  severity: string;
  vendorStatus: string;
  package: GatedFinding['pkg'];
  installedVersion?: string;
  fixedVersions: string[];
  image?: GatedFinding['image'];
  artifact: string;
  layer?: GatedFinding['layer'];
  title?: string;
  url?: string;
  dates: GatedFinding['dates'];
  source: string;
  reports: string[];
  gate: GatedFinding['gate'];
}

export interface GateJsonReport {
  schemaVersion: number;
  kind: 'palisade.gate.vulnerabilities';
  tool: { name: 'palisade'; version: string };
  asOf: string;
  exitCode: number;
  summary: GateSummary;
  reports: { file: string; format: string; findings: number }[];
  inputErrors: { file: string; message: string }[];
  notes: string[];
  stateWritten: boolean;
  findings: GateJsonFinding[];
}

export function toGateJson(run: GateRun): GateJsonReport {
  return {
    schemaVersion: GATE_JSON_VERSION,
    kind: 'palisade.gate.vulnerabilities',
    tool: { name: 'palisade', version: VERSION },
    asOf: run.asOf,
    exitCode: gateExitCode(run),
    summary: summarize(run.findings),
    reports: run.reads.map((r) => ({ file: r.file, format: r.format, findings: r.findings.length })),
    inputErrors: run.inputErrors,
    notes: run.notes,
    stateWritten: run.stateWritten,
    findings: run.findings.map((f) => {
      const o: GateJsonFinding = {
        id: f.id,
        aliases: f.aliases,
        severity: f.severity,
        vendorStatus: f.vendorStatus,
        package: f.pkg,
        fixedVersions: f.fixedVersions,
        artifact: f.artifact,
        dates: f.dates,
        source: f.source,
        reports: f.reports,
        gate: f.gate,
      };
      if (f.pkg.version !== undefined) o.installedVersion = f.pkg.version;
      if (f.image) o.image = f.image;
      if (f.layer) o.layer = f.layer;
      if (f.title !== undefined) o.title = f.title;
      if (f.url !== undefined) o.url = f.url;
      return o;
    }),
  };
}

export function formatGateJson(run: GateRun): string {
  return `${JSON.stringify(toGateJson(run), null, 2)}\n`;
}
