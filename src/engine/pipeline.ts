import { detectInput } from '../detect/index.js';
import type { ImageBuildSubject, InputError, Subject } from '../model/types.js';
import { normalizeDocument } from '../normalize/k8s.js';
import type { ParseOutcome, ParsedDocument } from '../parse/document.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { parseImageConfigText } from '../image/config.js';
import { parseJson, parseJsonDocuments } from '../parse/json.js';
import { parseYaml, parseYamlDocuments } from '../parse/yaml.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { evaluateSubject, type EvaluationEnv, type EvaluationSink, type PlannedControl } from './evaluate.js';

export interface TextStats {
  documents: number;
  resources: number;
}

/** detect → parse → normalize for one input's text. Pure. */
export function subjectsFromText(file: string, text: string): { subjects: Subject[]; errors: InputError[]; documents: number } {
  const kind = detectInput(file, text);
  if (kind === 'dockerfile') {
    // A Dockerfile is one document: one image.build subject (when any stage could be read).
    const df = parseDockerfile(text, file);
    return { subjects: df.subject ? [df.subject] : [], errors: df.errors, documents: df.subject ? 1 : 0 };
  }
  if (kind === 'image.config') {
    const img = parseImageConfigText(text, file);
    return { subjects: img.subjects, errors: img.errors, documents: img.subjects.length };
  }
  const parsed: ParseOutcome = kind === 'k8s.json' ? parseJson(text, file) : parseYaml(text, file);
  const subjects: Subject[] = [];
  const errors = [...parsed.errors];
  for (const doc of parsed.documents) {
    const n = normalizeDocument(doc, file);
    subjects.push(...n.subjects);
    errors.push(...n.errors);
  }
  return { subjects, errors, documents: parsed.documents.length };
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
  for (const item of documentsOf(file, text)) {
    if ('code' in item) {
      inputErrors.push(item);
      continue;
    }
    documents++;
    if ('type' in item) {
      // One Dockerfile is one resource in the summary, like one Kubernetes object.
      resources++;
      const controls = controlsByType.get(item.type);
      if (controls) evaluateSubject(item, controls, policy, env, sink);
      continue;
    }
    const n = normalizeDocument(item, file);
    for (const e of n.errors) inputErrors.push(e);
    for (const s of n.subjects) {
      if (s.type === 'k8s.object') resources++;
      const controls = controlsByType.get(s.type);
      if (controls) evaluateSubject(s, controls, policy, env, sink);
    }
  }
  return { documents, resources };
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
