import { readFileSync } from 'node:fs';
import { catalog as defaultCatalog } from './controls/index.js';
import type { AnyControl } from './controls/define.js';
import { bySubjectType, newSink, planControls } from './engine/evaluate.js';
import { evaluateDeferred, evaluateSubjects, evaluateText } from './engine/pipeline.js';
import { readImage } from './image/archive.js';
import { SCHEMA_VERSION, sortFindings, summarize, type ScanResult } from './engine/result.js';
import type { Finding, InputError, NotEvaluated, PolicyNotice, Stage, Subject } from './model/types.js';
import { daysBetween, loadCalendar, type VersionCalendar } from './azure/calendar.js';
import { describeEstate, type EstateReport } from './azure/topology.js';
import type { AzureFacts } from './azure/estate.js';
import { isAzureSubject } from './model/azure.js';
import { discoverConfig } from './policy/discover.js';
export { discoverConfig };
import { ConfigError, parseConfig, resolvePolicy, type RawConfig } from './policy/config.js';
import type { ResolvedPolicy } from './policy/types.js';
import { DEFAULT_MAX_FILE_BYTES, listInputs, readInput, readStdin, type InputFile } from './sources/files.js';
import { VERSION } from './version.js';

export interface ScanOptions {
  /** Files and folders to scan; "-" reads standard input. */
  paths: string[];
  /** Explicit configuration file; otherwise palisade.yaml is searched upward from the first path. */
  config?: string;
  /** Skip configuration discovery (an explicit `config` still applies). */
  noConfig?: boolean;
  profile?: string;
  /** "v1.N" or "latest". */
  pssVersion?: string;
  failOn?: string;
  stage?: Stage;
  now?: Date;
  maxFileBytes?: number;
  stdin?: NodeJS.ReadableStream;
  catalog?: readonly AnyControl[];
  /** AKS version calendar file; default the policy's `azure.versionCalendar`, else the bundled calendar. */
  aksCalendar?: string;
  /**
   * Subjects read elsewhere (the live Azure reader), evaluated with the files' subjects as one estate;
   * `unreadable` are the resources or scopes it could not read, reported as not evaluated.
   */
  extraSubjects?: readonly Subject[];
  unreadable?: readonly NotEvaluated[];
  /** What the source of extraSubjects knows besides them (token lists read in full). */
  azureFacts?: AzureFacts;
}

/** Puts the findings one input added (from index `start` on) in report order, leaving earlier ones as they are. */
function sortFrom(findings: Finding[], start: number): void {
  if (findings.length - start < 2) return;
  for (const f of sortFindings(findings.splice(start))) findings.push(f);
}


/** Loads the configuration (explicit, discovered or none) and resolves the policy. Throws ConfigError. */
export function loadPolicy(options: ScanOptions, catalog: readonly AnyControl[] = defaultCatalog): ResolvedPolicy {
  let file = options.config;
  if (!file && !options.noConfig) {
    const first = options.paths.find((p) => p !== '-') ?? '.';
    file = discoverConfig(first);
  }
  let raw: RawConfig = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ConfigError(`cannot read configuration: ${(e as Error).message}`, file);
    }
    raw = parseConfig(text, file);
  }
  const overrides: { profile?: string; pssVersion?: string; failOn?: string } = {};
  if (options.profile !== undefined) overrides.profile = options.profile;
  if (options.pssVersion !== undefined) overrides.pssVersion = options.pssVersion;
  if (options.failOn !== undefined) overrides.failOn = options.failOn;
  return resolvePolicy(catalog, raw, overrides, file);
}

/**
 * Scans files, folders or standard input and returns every finding, input error and notice. The shell of
 * the library: it reads files; everything it calls is pure.
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const catalog = options.catalog ?? defaultCatalog;
  const policy = loadPolicy(options, catalog);
  const stage = options.stage ?? 'ci';
  const now = options.now ?? new Date();
  const plan = planControls(catalog, policy, stage);
  const byType = bySubjectType(plan);
  const env = { stage, now, pssVersion: policy.pssVersion };
  // At the admission stage, annotation exemptions follow the admission setting (off unless configured),
  // exactly as the webhook applies them, so a scan of a review lists the same findings as exempted.
  const exemptionPolicy = stage === 'admission'
    ? { exemptions: policy.exemptions, inlineExemptions: { ...policy.inlineExemptions, enabled: policy.admission.inlineExemptions } }
    : policy;
  const sink = newSink();
  const inputErrors: InputError[] = [];
  const readOpts = { maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };
  const counts = { files: 0, documents: 0, resources: 0 };
  const skippedFiles: string[] = [];

  const process = (input: InputFile): void => {
    if (input.error) {
      inputErrors.push(input.error);
      return;
    }
    counts.files++;
    const before = sink.findings.length;
    const fileErrors: InputError[] = [];
    const stats = evaluateText(input.path, input.text, byType, exemptionPolicy, env, sink, fileErrors);
    // A folder holds other YAML and JSON too (CI workflows, Helm values, Chart.yaml): a file found by
    // walking a folder in which no document is a Kubernetes object is listed as skipped, not as an error.
    // A file named explicitly, or one that mixes objects and non-objects, reports every bad document.
    if (input.fromFolder && stats.resources === 0 && fileErrors.length > 0 && fileErrors.every((e) => e.code === 'not-kubernetes')) {
      skippedFiles.push(input.path);
      counts.files--;
    } else {
      for (const e of fileErrors) inputErrors.push(e);
    }
    counts.documents += stats.documents;
    counts.resources += stats.resources;
    sortFrom(sink.findings, before);
  };

  for (const p of options.paths) {
    if (p === '-') {
      process(await readStdin(options.stdin ?? globalThis.process.stdin, readOpts));
      continue;
    }
    for await (const entry of listInputs([p])) {
      if ('error' in entry) inputErrors.push(entry.error);
      else if (entry.image) {
        // Image archives and OCI layouts are binary: the image source streams them (never read as text).
        const img = await readImage(entry.path);
        // A tarball in a folder that is not an image (no manifest.json or index.json) is skipped, not an error.
        if (entry.fromFolder && img.subjects.length === 0 && img.errors.length > 0 && img.errors.every((e) => e.code === 'not-image')) {
          skippedFiles.push(entry.path);
          continue;
        }
        for (const e of img.errors) inputErrors.push(e);
        counts.files++;
        const before = sink.findings.length;
        const stats = evaluateSubjects(img.subjects, byType, exemptionPolicy, env, sink);
        counts.documents += stats.documents;
        counts.resources += stats.resources;
        sortFrom(sink.findings, before);
      } else {
        const input = await readInput(entry.path, readOpts);
        process(input.error ? input : { ...input, fromFolder: entry.fromFolder });
      }
    }
  }

  const notices: PolicyNotice[] = [];
  for (const s of options.extraSubjects ?? []) {
    counts.resources++;
    if (isAzureSubject(s)) sink.deferred.push(s);
    else evaluateSubjects([s], byType, exemptionPolicy, env, sink);
  }
  for (const n of options.unreadable ?? []) sink.notEvaluated.push(n);
  let azure: EstateReport | undefined;
  if (sink.deferred.length > 0) {
    // Azure resources are evaluated once every input is read, with the AKS version calendar.
    const calendarFile = options.aksCalendar ?? policy.azure?.versionCalendar;
    let calendar: VersionCalendar;
    try {
      calendar = loadCalendar(calendarFile);
    } catch (e) {
      throw new ConfigError((e as Error).message, calendarFile);
    }
    const before = sink.findings.length;
    const estate = evaluateDeferred(byType, exemptionPolicy, env, sink, calendar, options.azureFacts);
    sortFrom(sink.findings, before);
    if (estate) {
      azure = describeEstate(estate);
      const age = -daysBetween(now, calendar.snapshotDate);
      if (estate.clusters.length > 0 && Number.isFinite(age) && age > 120) {
        notices.push({
          level: 'info',
          message: `the AKS version calendar (${calendar.origin}, snapshot ${calendar.snapshotDate}) is ${age} days older than the evaluation date; refresh it (azure.versionCalendar or --aks-calendar) for accurate support dates`,
        });
      }
    }
  }
  for (const [e, n] of sink.expired) {
    notices.push({
      level: 'warning',
      message: `exemption ${e.origin} (${e.controls.join(', ')}${e.owner ? `, owner ${e.owner}` : ''}) expired on ${e.expires}; it no longer applies to ${n} finding${n === 1 ? '' : 's'}`,
      ...(policy.configFile ? { file: policy.configFile } : {}),
    });
  }

  if (skippedFiles.length > 0) {
    const shown = skippedFiles.slice(0, 5).join(', ');
    notices.push({
      level: 'info',
      message: `skipped ${skippedFiles.length} file${skippedFiles.length === 1 ? '' : 's'} with no Kubernetes objects: ${shown}${skippedFiles.length > 5 ? ', …' : ''}`,
    });
  }

  const findings: Finding[] = sink.findings;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'palisade', version: VERSION },
    stage,
    policy: {
      profile: policy.profile,
      pssVersion: `v1.${policy.pssVersion}`,
      failOn: policy.failOn,
      ...(policy.configFile ? { configFile: policy.configFile } : {}),
    },
    findings,
    notEvaluated: sink.notEvaluated,
    inputErrors,
    notices,
    summary: summarize(findings, sink.notEvaluated, inputErrors, counts, policy.failOn),
    ...(azure ? { azure } : {}),
    controls: plan.map((p) => p.control),
  };
}
