import path from 'node:path';

/** The kinds of input this version understands. Later capabilities (Dockerfiles, reports…) add theirs here. */
export type InputKind = 'k8s.yaml' | 'k8s.json';

/**
 * Decides how to read an input. The extension decides when there is one; otherwise (standard input,
 * files named explicitly without an extension) the first significant character does.
 */
export function detectInput(file: string, text: string): InputKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'k8s.json';
  if (ext === '.yaml' || ext === '.yml') return 'k8s.yaml';
  const m = /\S/.exec(text);
  return m && (m[0] === '{' || m[0] === '[') ? 'k8s.json' : 'k8s.yaml';
}
