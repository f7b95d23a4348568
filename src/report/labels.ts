import type { ResourceRef } from '../model/types.js';

/**
 * Small helpers the human-facing formats share. Everything a manifest author wrote (names, messages
 * built from their data) is untrusted: it can carry terminal escapes or bidirectional overrides.
 */

// C0 and C1 controls, DEL, and the bidi embedding/override/isolate marks used in "trojan source" tricks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Makes a string safe to print on one terminal line: control characters become visible escapes. */
export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** "Deployment shop/web", "Namespace shop", "ConfigMap (unnamed)". */
export function resourceLabel(r: ResourceRef): string {
  const kind = r.kind ?? 'Object';
  const name = r.name ?? '(unnamed)';
  return r.namespace ? `${kind} ${r.namespace}/${name}` : `${kind} ${name}`;
}

/** "file:line:column", "file:line" or "file", as far as the position is known. */
export function fileLocation(loc: { file: string; line?: number | undefined; column?: number | undefined }): string {
  if (loc.line === undefined) return loc.file;
  return loc.column === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.column}`;
}

/** "1 finding", "2 findings". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
