import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import type { ScanResult } from '../engine/result.js';
import { SEVERITIES, SURFACES, type Finding, type NotEvaluated, type Severity, type Surface } from '../model/types.js';
import { fileLocation, plural, printable, resourceLabel } from './labels.js';

export interface TextOptions {
  color: boolean;
}

const SURFACE_TITLES: Record<Surface, string> = {
  build: 'Build',
  registry: 'Registry',
  cluster: 'Cluster',
  node: 'Node',
  application: 'Application',
};

/** How many example resources an aggregated "not evaluated" line names. */
const EXAMPLES = 3;
const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((s) => s.length));

function paintSeverity(c: Colors, s: Severity, text: string): string {
  switch (s) {
    case 'critical':
      return c.bold(c.red(text));
    case 'high':
      return c.red(text);
    case 'medium':
      return c.yellow(text);
    case 'low':
      return c.cyan(text);
    case 'info':
      return c.gray(text);
  }
}

function resourceKey(f: Finding): string {
  const r = f.resource;
  return [f.location.file, r.apiVersion, r.kind, r.namespace, r.name].join('\u0000');
}

/** An exemption note identical to the last one printed for the same resource is not repeated. */
function findingLines(c: Colors, f: Finding, previousNote: { text?: string }, indent = '    '): string[] {
  const exempted = f.status === 'exempted';
  const sev = f.severity.padEnd(SEVERITY_WIDTH);
  const tags: string[] = [];
  if (exempted) tags.push('exempted');
  else if (f.action !== 'deny') tags.push(f.action);
  const head = [
    exempted ? c.gray(sev) : paintSeverity(c, f.severity, sev),
    c.bold(f.controlId),
    f.controlName,
    ' ' + printable(f.message),
    ' ' + c.dim(printable(fileLocation(f.location))),
    ...(tags.length > 0 ? [c.gray(`[${tags.join(', ')}]`)] : []),
  ].join(' ');
  const lines = [`${indent}${head}`];
  if (f.exemption) {
    const e = f.exemption;
    const who = [e.owner ? `owner ${printable(e.owner)}` : undefined, e.expires ? `expires ${e.expires}` : 'no expiry']
      .filter((x) => x !== undefined)
      .join(', ');
    const note = `exempted by ${e.source}: ${printable(e.justification)} (${who})`;
    if (note !== previousNote.text) lines.push(`${indent}${' '.repeat(SEVERITY_WIDTH)} ${c.gray(note)}`);
    previousNote.text = note;
  }
  return lines;
}

/** Findings on Azure resources (AKS clusters, ACR registries and tokens), as opposed to files and manifests. */
function isAzureFinding(f: Finding): boolean {
  return f.resource.kind?.startsWith('Microsoft.') === true;
}

const AZURE_LABELS: Record<string, string> = {
  'microsoft.containerservice/managedclusters': 'AKS cluster',
  'microsoft.containerregistry/registries': 'ACR registry',
  'microsoft.containerregistry/registries/tokens': 'ACR token',
};

function azureLabel(f: Finding): string {
  const kind = f.resource.kind ?? '';
  const label = AZURE_LABELS[kind.toLowerCase()] ?? kind;
  const group = f.resource.id ? /\/resourceGroups\/([^/]+)/i.exec(f.resource.id)?.[1] : undefined;
  return `${label} ${f.resource.name ?? '(unnamed)'}${group ? ` (resource group ${group})` : ''}`;
}

/**
 * Azure resources, one block per cluster or registry: cluster-wide findings first, then one sub-block per
 * node pool, whatever surface the controls belong to, because a platform team fixes a cluster pool by pool.
 */
function azureSection(c: Colors, findings: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = resourceKey(f);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  const out: string[] = [c.bold(c.underline('Azure'))];
  for (const list of groups.values()) {
    const first = list[0] as Finding;
    out.push(`  ${c.bold(printable(azureLabel(first)))}  ${c.dim(printable(first.location.file))}`);
    const pools = new Map<string, Finding[]>();
    const previousNote: { text?: string } = {};
    for (const f of list) {
      const pool = f.data.nodePool;
      if (pool === undefined) {
        out.push(...findingLines(c, f, previousNote));
        continue;
      }
      let mine = pools.get(String(pool));
      if (!mine) pools.set(String(pool), (mine = []));
      mine.push(f);
    }
    for (const [pool, mine] of pools) {
      out.push(`    ${c.bold(`node pool ${printable(pool)}`)}`);
      const note: { text?: string } = {};
      for (const f of mine) out.push(...findingLines(c, f, note, '      '));
    }
  }
  out.push('');
  return out;
}

function findingsSection(c: Colors, all: readonly Finding[]): string[] {
  const findings = all.filter((f) => !isAzureFinding(f));
  const azure = all.filter(isAzureFinding);
  const bySurface = new Map<Surface, Map<string, Finding[]>>();
  for (const f of findings) {
    let groups = bySurface.get(f.surface);
    if (!groups) bySurface.set(f.surface, (groups = new Map()));
    const key = resourceKey(f);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  const out: string[] = [];
  for (const surface of SURFACES) {
    const groups = bySurface.get(surface);
    if (!groups) continue;
    out.push(c.bold(c.underline(SURFACE_TITLES[surface])));
    for (const list of groups.values()) {
      const first = list[0] as Finding;
      // A Dockerfile is named by its file: print the path once, not as name and file.
      const sameAsFile = first.resource.name === first.location.file;
      out.push(`  ${c.bold(printable(resourceLabel(first.resource)))}${sameAsFile ? '' : `  ${c.dim(printable(first.location.file))}`}`);
      const previousNote: { text?: string } = {};
      for (const f of list) out.push(...findingLines(c, f, previousNote));
    }
    out.push('');
  }
  if (azure.length > 0) out.push(...azureSection(c, azure));
  return out;
}

/** Which cluster pulls from which registry, when the inputs showed it. */
function azureEstateSection(c: Colors, result: ScanResult): string[] {
  const a = result.azure;
  if (!a || a.pulls.length === 0) return [];
  const out = [c.bold('Registry pulls (AKS → ACR)')];
  for (const p of a.pulls) {
    const via = p.via === 'template-role-assignment' ? 'AcrPull role assignment in the template' : 'AcrPull role assignment';
    out.push(`  ${printable(p.cluster)} → ${printable(p.registry)}  ${c.dim(`(${via}${p.registryScanned ? '' : '; registry not among the inputs'})`)}`);
  }
  out.push('');
  return out;
}

function notEvaluatedSection(c: Colors, items: readonly NotEvaluated[]): string[] {
  if (items.length === 0) return [];
  const groups = new Map<string, NotEvaluated[]>();
  for (const n of items) {
    const key = [n.controlId, n.kind, n.reason].join('\u0000');
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(n);
  }
  const sorted = [...groups.values()].sort((a, b) => {
    const x = a[0] as NotEvaluated;
    const y = b[0] as NotEvaluated;
    return x.controlId.localeCompare(y.controlId) || x.reason.localeCompare(y.reason);
  });
  const out = [c.bold(`Not evaluated (${items.length})`)];
  for (const list of sorted) {
    const n = list[0] as NotEvaluated;
    const examples = list
      .slice(0, EXAMPLES)
      .map((x) => `${resourceLabel(x.resource)} (${fileLocation(x.location)})`)
      .join(', ');
    const more = list.length > EXAMPLES ? ` and ${list.length - EXAMPLES} more` : '';
    const what = n.kind === 'error' ? c.red('control error') : 'skipped';
    out.push(`  ${c.bold(n.controlId)} ${n.controlName}  ${what}: ${printable(n.reason)}`);
    out.push(`    ${plural(list.length, 'resource')}: ${printable(examples)}${more}`);
  }
  out.push('');
  return out;
}

function inputErrorsSection(c: Colors, result: ScanResult): string[] {
  if (result.inputErrors.length === 0) return [];
  const out = [c.bold(`Input errors (${result.inputErrors.length})`)];
  for (const e of result.inputErrors) {
    const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
    out.push(`  ${c.red(printable(where))}: ${printable(e.message)} ${c.gray(`[${e.code}]`)}`);
  }
  out.push('');
  return out;
}

function noticesSection(c: Colors, result: ScanResult): string[] {
  if (result.notices.length === 0) return [];
  const out = [c.bold('Policy notices')];
  for (const n of result.notices) {
    const level = n.level === 'warning' ? c.yellow('warning') : c.cyan('info');
    out.push(`  ${level}: ${printable(n.message)}${n.file ? c.dim(` (${printable(n.file)})`) : ''}`);
  }
  out.push('');
  return out;
}

function summaryLine(c: Colors, result: ScanResult): string {
  const s = result.summary;
  const severities = [...SEVERITIES]
    .reverse()
    .filter((sev) => s.bySeverity[sev] > 0)
    .map((sev) => paintSeverity(c, sev, `${s.bySeverity[sev]} ${sev}`));
  const parts = [
    `${plural(s.resources, 'resource')} scanned in ${plural(s.files, 'file')}`,
    `${plural(s.failed, 'finding')}${severities.length > 0 ? ` (${severities.join(', ')})` : ''}`,
    `${s.exempted} exempted`,
    `${s.notEvaluated} not evaluated`,
    plural(s.inputErrors, 'input error'),
  ];
  const verdict =
    s.exitCode === 0
      ? c.bold(c.green('PASSED'))
      : s.exitCode === 1
        ? c.bold(c.red('FAILED'))
        : c.bold(c.red('FAILED (nothing could be scanned)'));
  return `${verdict}  ${parts.join(', ')}`;
}

/** `scan --format text`: for people at a terminal or reading a CI log. */
export function formatText(result: ScanResult, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const p = result.policy;
  const out: string[] = [
    c.dim(
      `${result.tool.name} ${result.tool.version}: stage ${result.stage}, profile ${p.profile}, ` +
        `Pod Security ${p.pssVersion}, fail on ${p.failOn}` +
        (p.configFile ? `, config ${printable(p.configFile)}` : ''),
    ),
    '',
  ];
  if (result.findings.length === 0) out.push('No findings.', '');
  else out.push(...findingsSection(c, result.findings));
  out.push(...azureEstateSection(c, result));
  out.push(...notEvaluatedSection(c, result.notEvaluated));
  out.push(...inputErrorsSection(c, result));
  out.push(...noticesSection(c, result));
  out.push(summaryLine(c, result));
  return out.join('\n') + '\n';
}
