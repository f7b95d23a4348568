import { createHash } from 'node:crypto';
import type { AnyControl, ControlMeta } from '../controls/define.js';
import type { ScanResult } from '../engine/result.js';
import type { Finding, Frameworks, NotEvaluated, ResourceRef, Severity } from '../model/types.js';
import { resourceLabel } from './labels.js';

/**
 * SARIF 2.1.0, shaped for GitHub code scanning: rules carry `security-severity` (as a string) and at most
 * 20 tags, every result has a region with startLine ≥ 1 and a relative URI under %SRCROOT%, and
 * partialFingerprints keep an alert the same alert across runs when lines move.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The key of our fingerprint in partialFingerprints; bump the version if its inputs ever change. */
export const FINGERPRINT_KEY = 'palisade/v1';
// The package's registry page, derived from its name; switch to the project's home page once
// package.json declares one.
export const INFORMATION_URI = 'https://www.npmjs.com/package/palisade';

/** GitHub code scanning rejects rules with more tags, and shows only the first 10. */
const MAX_TAGS = 20;
/** GitHub truncates longer descriptions. */
const MAX_DESCRIPTION = 1024;
/** How many example locations an aggregated "not evaluated" notification lists. */
const MAX_NOTIFICATION_LOCATIONS = 10;

export interface SarifOptions {
  /**
   * Absolute path of the directory that relative file paths start from (the CLI passes its working
   * directory). Absolute file paths under it are made relative; without it, %SRCROOT% is described but
   * left for the consumer (GitHub: the repository root) to resolve.
   */
  srcRoot?: string;
}

type Level = 'error' | 'warning' | 'note';
type Json = Record<string, unknown>;

export function sarifLevel(s: Severity): Level {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

/** GitHub's bands: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. Info has no security score. */
export function securitySeverity(s: Severity): string | undefined {
  switch (s) {
    case 'critical':
      return '9.5';
    case 'high':
      return '8.0';
    case 'medium':
      return '5.5';
    case 'low':
      return '3.0';
    case 'info':
      return undefined;
  }
}

function problemSeverity(s: Severity): 'error' | 'warning' | 'recommendation' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'recommendation';
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

function frameworkTags(f: Frameworks): string[] {
  const tags: string[] = [];
  for (const [name, ids] of Object.entries(f)) for (const id of ids ?? []) tags.push(`${name}/${id}`);
  return tags;
}

function frameworksMarkdown(f: Frameworks): string {
  return Object.entries(f)
    .filter(([, ids]) => ids !== undefined && ids.length > 0)
    .map(([name, ids]) => `- ${name}: ${(ids ?? []).join(', ')}`)
    .join('\n');
}

function rule(meta: ControlMeta, severity: Severity): Json {
  const d = meta.docs;
  const tags = [...new Set(['security', 'kubernetes', meta.surface, ...frameworkTags(meta.frameworks)])].slice(0, MAX_TAGS);
  const fw = frameworksMarkdown(meta.frameworks);
  const properties: Json = { tags, precision: 'very-high' };
  const score = securitySeverity(severity);
  if (score !== undefined) properties['security-severity'] = score;
  properties['problem.severity'] = problemSeverity(severity);
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: truncate(d.summary, MAX_DESCRIPTION) },
    fullDescription: { text: truncate(`${d.summary} ${d.rationale}`, MAX_DESCRIPTION) },
    help: {
      text: `${d.summary}\n\nWhy: ${d.rationale}\n\nHow to fix: ${d.remediation}`,
      markdown:
        `**${d.summary}**\n\n${d.rationale}\n\n### How to fix\n\n${d.remediation}` +
        (fw ? `\n\n### Frameworks\n\n${fw}` : ''),
    },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties,
  };
}

/** A stand-in for a control a finding names but `result.controls` lacks, so the log stays consistent. */
function metaFromFinding(f: Finding | NotEvaluated): ControlMeta {
  const summary = `${f.controlId} ${f.controlName}`;
  return {
    id: f.controlId,
    name: f.controlName,
    surface: 'surface' in f ? f.surface : 'application',
    severity: 'severity' in f ? f.severity : 'medium',
    appliesTo: [],
    stages: [],
    docs: { summary, rationale: '', remediation: '' },
    frameworks: 'frameworks' in f ? f.frameworks : { seed: [] },
    messages: {},
  };
}

function encodePath(p: string): string {
  return p
    .split('/')
    .map((seg, i) => (i <= 1 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
}

function normalizeSlashes(p: string): string {
  return p.replace(/\\/g, '/');
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

function fileUri(absolute: string): string {
  return 'file://' + (absolute.startsWith('/') ? '' : '/') + encodePath(absolute);
}

/** "./a//b/./c" → "a/b/c"; ".." segments are kept (they may leave the root). */
function cleanRelative(p: string): string {
  return p
    .split('/')
    .filter((seg) => seg !== '' && seg !== '.')
    .join('/');
}

/**
 * The SARIF artifactLocation of a path as the user gave it: relative paths (and absolute ones under
 * `srcRoot`) become URI-encoded forward-slash URIs under %SRCROOT%; other absolute paths become file URIs.
 */
export function artifactLocation(file: string, srcRoot?: string): { uri: string; uriBaseId?: string } {
  const p = normalizeSlashes(file);
  if (p === '-') return { uri: 'stdin' };
  // Inputs that are not files (resources read live from Azure: azure:///subscriptions/…) keep their own URI.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file) && URL.canParse(file)) return { uri: new URL(file).href };
  if (isAbsolute(p)) {
    if (srcRoot !== undefined) {
      const root = normalizeSlashes(srcRoot).replace(/\/*$/, '/');
      if (p.startsWith(root)) return { uri: encodePath(cleanRelative(p.slice(root.length))), uriBaseId: SRCROOT };
    }
    return { uri: fileUri(p) };
  }
  return { uri: encodePath(cleanRelative(p)), uriBaseId: SRCROOT };
}

function region(line: number | undefined, column: number | undefined): Json {
  // GitHub requires a startLine: a finding whose position is unknown is shown on the first line of its file.
  const r: Json = { startLine: line ?? 1 };
  if (line !== undefined && column !== undefined) r.startColumn = column;
  return r;
}

function fullyQualifiedName(r: ResourceRef): string {
  return [r.namespace, r.kind ?? 'Object', r.name ?? '(unnamed)'].filter((x) => x !== undefined).join('/');
}

function physicalAndLogical(
  loc: { file: string; line?: number | undefined; column?: number | undefined },
  resource: ResourceRef,
  srcRoot: string | undefined,
): Json {
  return {
    physicalLocation: { artifactLocation: artifactLocation(loc.file, srcRoot), region: region(loc.line, loc.column) },
    logicalLocations: [
      {
        ...(resource.name !== undefined ? { name: resource.name } : {}),
        fullyQualifiedName: fullyQualifiedName(resource),
        kind: 'resource',
      },
    ],
  };
}

/**
 * Identifies a finding independently of line numbers: the control, what it said, the resource and the
 * JSON pointer. GitHub adds the file path and the rule itself.
 */
export function fingerprint(f: Finding): string {
  const r = f.resource;
  const parts = [f.controlId, f.messageId, r.kind ?? '', r.namespace ?? '', r.name ?? '', f.location.pointer];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

function cleanResource(r: ResourceRef): Json {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
}

/** `scan --format sarif`. */
export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  const { srcRoot } = options;

  // Rules: every control that ran, in catalog order, at the severity the policy gave it where findings show it.
  const effective = new Map<string, Severity>();
  for (const f of result.findings) if (!effective.has(f.controlId)) effective.set(f.controlId, f.severity);
  const metas: ControlMeta[] = result.controls.map((c: AnyControl) => c.meta);
  const index = new Map<string, number>(metas.map((m, i) => [m.id, i]));
  for (const f of [...result.findings, ...result.notEvaluated]) {
    if (!index.has(f.controlId)) {
      index.set(f.controlId, metas.length);
      metas.push(metaFromFinding(f));
    }
  }
  const rules = metas.map((m) => rule(m, effective.get(m.id) ?? m.severity));

  const results = result.findings.map((f) => {
    const r: Json = {
      ruleId: f.controlId,
      ruleIndex: index.get(f.controlId) as number,
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [physicalAndLogical(f.location, f.resource, srcRoot)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f) },
    };
    if (f.exemption) {
      r.suppressions = [{ kind: 'external', status: 'accepted', justification: f.exemption.justification }];
    }
    r.properties = {
      severity: f.severity,
      action: f.action,
      status: f.status,
      messageId: f.messageId,
      pointer: f.location.pointer,
      resource: cleanResource(f.resource),
      frameworks: f.frameworks,
      ...(f.exemption ? { exemption: f.exemption } : {}),
    };
    return r;
  });

  // Not evaluated is neither pass nor fail: one notification per control and reason, with a few examples.
  const groups = new Map<string, NotEvaluated[]>();
  for (const n of result.notEvaluated) {
    const key = [n.controlId, n.kind, n.reason].join('\u0000');
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(n);
  }
  const notEvaluated: Json[] = [...groups.values()].map((list) => {
    const n = list[0] as NotEvaluated;
    const examples = list.slice(0, MAX_NOTIFICATION_LOCATIONS);
    return {
      level: n.kind === 'error' ? 'error' : 'warning',
      message: {
        text:
          `${n.controlId} ${n.controlName} could not evaluate ${list.length} resource${list.length === 1 ? '' : 's'} ` +
          `(${n.kind}): ${n.reason}; e.g. ${examples.slice(0, 3).map((x) => resourceLabel(x.resource)).join(', ')}`,
      },
      descriptor: { id: n.kind === 'error' ? 'control-error' : 'not-evaluated' },
      associatedRule: { id: n.controlId, index: index.get(n.controlId) as number },
      locations: dedupe(examples.map((x) => physicalAndLogical(x.location, x.resource, srcRoot))),
    };
  });

  const inputErrors: Json[] = result.inputErrors.map((e) => ({
    level: 'error',
    message: { text: e.message },
    descriptor: { id: e.code },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.file, srcRoot), region: region(e.line, e.column) } }],
  }));

  const configurationNotifications: Json[] = result.notices.map((n) => ({
    level: n.level === 'warning' ? 'warning' : 'note',
    message: { text: n.message },
    descriptor: { id: 'policy-notice' },
    ...(n.file !== undefined
      ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.file, srcRoot) } }] }
      : {}),
  }));

  const srcRootBase: Json =
    srcRoot !== undefined
      ? { uri: fileUri(normalizeSlashes(srcRoot).replace(/\/*$/, '/')) }
      : { description: { text: 'The directory palisade scanned from; relative paths are resolved against it.' } };

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Palisade',
            semanticVersion: result.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: result.summary.exitCode !== 2,
            exitCode: result.summary.exitCode,
            toolExecutionNotifications: [...inputErrors, ...notEvaluated],
            toolConfigurationNotifications: configurationNotifications,
          },
        ],
        originalUriBaseIds: { [SRCROOT]: srcRootBase },
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          schemaVersion: result.schemaVersion,
          stage: result.stage,
          policy: result.policy,
          summary: result.summary,
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** SARIF location arrays are sets (uniqueItems): two resources at one position must not repeat. */
function dedupe(items: Json[]): Json[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
