import type { ScanResult } from '../engine/result.js';
import type { EstateReport } from '../azure/topology.js';
import type {
  ExemptionNote,
  Finding,
  Frameworks,
  InputError,
  Location,
  NotEvaluated,
  PolicyNotice,
  ResourceRef,
} from '../model/types.js';

/**
 * The versioned JSON contract (`scan --format json`), described by schema/scan-result.schema.json.
 * Every object is rebuilt field by field, in a fixed order, so that nothing the engine carries
 * internally (the controls that ran, future bookkeeping) leaks into what other tools read.
 */
export type JsonReport = Omit<ScanResult, 'controls'>;

function resource(r: ResourceRef): ResourceRef {
  const out: ResourceRef = {};
  if (r.apiVersion !== undefined) out.apiVersion = r.apiVersion;
  if (r.kind !== undefined) out.kind = r.kind;
  if (r.namespace !== undefined) out.namespace = r.namespace;
  if (r.name !== undefined) out.name = r.name;
  if (r.id !== undefined) out.id = r.id;
  return out;
}

function location(l: Location): Location {
  return {
    file: l.file,
    ...(l.line !== undefined ? { line: l.line } : {}),
    ...(l.column !== undefined ? { column: l.column } : {}),
    pointer: l.pointer,
  };
}

function frameworks(f: Frameworks): Frameworks {
  const out: Frameworks = { seed: [...f.seed] };
  for (const [k, v] of Object.entries(f)) if (k !== 'seed' && v !== undefined) out[k] = [...v];
  return out;
}

function exemption(e: ExemptionNote): ExemptionNote {
  const out: ExemptionNote = { source: e.source, justification: e.justification };
  if (e.owner !== undefined) out.owner = e.owner;
  if (e.expires !== undefined) out.expires = e.expires;
  return out;
}

function finding(f: Finding): Finding {
  const out: Finding = {
    controlId: f.controlId,
    controlName: f.controlName,
    surface: f.surface,
    severity: f.severity,
    status: f.status,
    action: f.action,
    messageId: f.messageId,
    message: f.message,
    data: { ...f.data },
    frameworks: frameworks(f.frameworks),
    resource: resource(f.resource),
    location: location(f.location),
  };
  if (f.exemption) out.exemption = exemption(f.exemption);
  return out;
}

function notEvaluated(n: NotEvaluated): NotEvaluated {
  return {
    controlId: n.controlId,
    controlName: n.controlName,
    kind: n.kind,
    reason: n.reason,
    resource: resource(n.resource),
    location: location(n.location),
  };
}

function inputError(e: InputError): InputError {
  return {
    file: e.file,
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.column !== undefined ? { column: e.column } : {}),
    ...(e.documentIndex !== undefined ? { documentIndex: e.documentIndex } : {}),
    code: e.code,
    message: e.message,
  };
}

function notice(n: PolicyNotice): PolicyNotice {
  const out: PolicyNotice = { level: n.level, message: n.message };
  if (n.file !== undefined) out.file = n.file;
  return out;
}

/** The JSON contract as a plain object. */
export function toJsonReport(result: ScanResult): JsonReport {
  const s = result.summary;
  return {
    schemaVersion: result.schemaVersion,
    tool: { name: result.tool.name, version: result.tool.version },
    stage: result.stage,
    policy: {
      profile: result.policy.profile,
      pssVersion: result.policy.pssVersion,
      failOn: result.policy.failOn,
      ...(result.policy.configFile !== undefined ? { configFile: result.policy.configFile } : {}),
    },
    findings: result.findings.map(finding),
    notEvaluated: result.notEvaluated.map(notEvaluated),
    inputErrors: result.inputErrors.map(inputError),
    notices: result.notices.map(notice),
    summary: {
      files: s.files,
      documents: s.documents,
      resources: s.resources,
      findings: s.findings,
      failed: s.failed,
      exempted: s.exempted,
      notEvaluated: s.notEvaluated,
      inputErrors: s.inputErrors,
      bySeverity: { ...s.bySeverity },
      exitCode: s.exitCode,
    },
    ...(result.azure ? { azure: azureSection(result.azure) } : {}),
  };
}

function azureSection(a: EstateReport): EstateReport {
  return {
    clusters: a.clusters,
    registries: a.registries,
    pulls: a.pulls.map((p) => ({
      cluster: p.cluster,
      ...(p.clusterId !== undefined ? { clusterId: p.clusterId } : {}),
      registry: p.registry,
      ...(p.registryId !== undefined ? { registryId: p.registryId } : {}),
      via: p.via,
      registryScanned: p.registryScanned,
    })),
    calendar: { origin: a.calendar.origin, snapshotDate: a.calendar.snapshotDate },
  };
}

/** `scan --format json`: the contract, pretty-printed with two spaces and a trailing newline. */
export function formatJson(result: ScanResult): string {
  return JSON.stringify(toJsonReport(result), null, 2) + '\n';
}
