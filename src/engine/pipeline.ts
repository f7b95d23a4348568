import { detectInput } from '../detect/index.js';
import type { InputError, Subject } from '../model/types.js';
import { normalizeDocument } from '../normalize/k8s.js';
import type { ParseOutcome } from '../parse/document.js';
import { parseJson } from '../parse/json.js';
import { parseYaml } from '../parse/yaml.js';
import type { ResolvedPolicy } from '../policy/types.js';
import { evaluateSubject, type EvaluationEnv, type EvaluationSink, type PlannedControl } from './evaluate.js';

export interface TextStats {
  documents: number;
  resources: number;
}

/** detect → parse → normalize for one input's text. Pure. */
export function subjectsFromText(file: string, text: string): { subjects: Subject[]; errors: InputError[]; documents: number } {
  const kind = detectInput(file, text);
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
 * Runs the whole pure path on one input and drops its parse state as soon as its findings have
 * positions, so memory stays bounded by the largest file, not by the estate.
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
  const { subjects, errors, documents } = subjectsFromText(file, text);
  inputErrors.push(...errors);
  let resources = 0;
  for (const s of subjects) {
    if (s.type === 'k8s.object') resources++;
    const controls = controlsByType.get(s.type);
    if (controls) evaluateSubject(s, controls, policy, env, sink);
  }
  return { documents, resources };
}
