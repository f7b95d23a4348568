import { detectInput } from '../detect/index.js';
import type { ImageBuildSubject, InputError, Subject } from '../model/types.js';
import { normalizeDocument } from '../normalize/k8s.js';
import { looksLikeAzure, normalizeAzure } from '../azure/normalize.js';
import type { ParsedDocument } from '../parse/document.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { parseImageConfigText } from '../image/config.js';
import { parseJsonDocuments } from '../parse/json.js';
import { parseYamlDocuments } from '../parse/yaml.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { AzureEstate, type AzureFacts } from '../azure/estate.js';
import { isAzureSubject } from '../model/azure.js';
import type { VersionCalendar } from '../azure/calendar.js';
import { evaluateSubject, type EvaluationEnv, type EvaluationSink, type PlannedControl } from './evaluate.js';

export interface TextStats {
  documents: number;
  resources: number;
}

/**
 * Parsed documents of one input, one at a time, with parse errors in between. A Dockerfile is not made of
 * Kubernetes documents: it yields its one subject, already built, for evaluateText to evaluate.
 */
function* documentsOf(file: string, text: string): Generator<ParsedDocument | InputError | ImageBuildSubject> {
  const kind = detectInput(file, text);
  if (kind === 'dockerfile') {
    const df = parseDockerfile(text, file);
    yield* df.errors;
    if (df.subject) yield df.subject;
  } else if (kind === 'image.config') {
    // An image config or `docker inspect` output: one image.build subject per image.
    const img = parseImageConfigText(text, file);
    yield* img.errors;
    yield* img.subjects;
  } else if (kind === 'k8s.json') {
    yield* parseJsonDocuments(text, file);
  } else {
    yield* parseYamlDocuments(text, file);
  }
}

/** Subjects of one input, one document at a time, with input errors in between; `document` starts each document. */
function* subjectsOf(file: string, text: string): Generator<Subject | InputError | { document: true }> {
  for (const item of documentsOf(file, text)) {
    if ('code' in item) {
      yield item;
      continue;
    }
    yield { document: true };
    if ('type' in item) {
      yield item;
      continue;
    }
    // Azure resource bodies, lists and ARM templates are JSON too; they are told apart by their content.
    const n = looksLikeAzure(item.value) ? normalizeAzure(item, file) : normalizeDocument(item, file);
    yield* n.errors;
    yield* n.subjects;
  }
}

/** Counts a subject in the summary: every Kubernetes object, and each Dockerfile or image, is one resource. */
function isResource(s: Subject): boolean {
  return s.type !== 'k8s.workload';
}

/** detect → parse → normalize for one input's text. Pure. */
export function subjectsFromText(file: string, text: string): { subjects: Subject[]; errors: InputError[]; documents: number } {
  const out = { subjects: [] as Subject[], errors: [] as InputError[], documents: 0 };
  for (const item of subjectsOf(file, text)) {
    if ('document' in item) out.documents++;
    else if ('code' in item) out.errors.push(item);
    else out.subjects.push(item);
  }
  return out;
}

/**
 * Runs the whole pure path on one input, document by document: each document is parsed, normalized and
 * evaluated before the next is read, and its position tree is dropped once its findings have positions,
 * so memory stays bounded by the largest document, not by the estate.
 */
export function evaluateText(
  file: string,
  text: string,
  controlsByType: Map<string, PlannedControl[]>,
  policy: Pick<ResolvedPolicy, 'exemptions' | 'inlineExemptions'>,
  env: EvaluationEnv,
  sink: EvaluationSink,
  inputErrors: InputError[],
): TextStats {
  let documents = 0;
  let resources = 0;
  for (const item of subjectsOf(file, text)) {
    if ('document' in item) documents++;
    else if ('code' in item) inputErrors.push(item);
    else {
      if (isResource(item)) resources++;
      const controls = controlsByType.get(item.type);
      // Azure resources wait for the whole estate (evaluateDeferred): their side inputs may come later.
      if (isAzureSubject(item)) sink.deferred.push(item);
      else if (controls) evaluateSubject(item, controls, policy, env, sink);
    }
  }
  return { documents, resources };
}

/**
 * Evaluates the subjects held back until every input was read (Azure resources), with the estate they
 * were read in. Returns the findings in file order like the rest of the report.
 */
export function evaluateDeferred(
  controlsByType: Map<string, PlannedControl[]>,
  policy: Pick<ResolvedPolicy, 'exemptions' | 'inlineExemptions'>,
  env: EvaluationEnv,
  sink: EvaluationSink,
  calendar: VersionCalendar,
  facts: AzureFacts = {},
): AzureEstate | undefined {
  if (sink.deferred.length === 0) return undefined;
  const estate = new AzureEstate(sink.deferred, calendar, facts);
  const withEstate = { ...env, estate };
  for (const s of sink.deferred) {
    const controls = controlsByType.get(s.type);
    if (controls) evaluateSubject(s, controls, policy, withEstate, sink);
  }
  sink.deferred.length = 0;
  return estate;
}

/** Evaluates subjects a source has already built (images read from archives and layouts). */
export function evaluateSubjects(
  subjects: readonly Subject[],
  controlsByType: Map<string, PlannedControl[]>,
  policy: Pick<ResolvedPolicy, 'exemptions' | 'inlineExemptions'>,
  env: EvaluationEnv,
  sink: EvaluationSink,
): TextStats {
  for (const s of subjects) {
    const controls = controlsByType.get(s.type);
    if (controls) evaluateSubject(s, controls, policy, env, sink);
  }
  return { documents: subjects.length, resources: subjects.length };
}
