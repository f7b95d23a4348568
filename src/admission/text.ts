/**
 * Text that leaves the webhook for the API server, kubectl and the audit log. Messages carry user-written
 * data (container names, image references, annotation values), so every string is made safe here: the API
 * server silently drops a warning with a control character or invalid UTF-8, and an escape sequence in a
 * deny message would reach the user's terminal.
 */

// C0 controls, DEL and C1 controls; lone UTF-16 surrogates cannot be encoded as UTF-8.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u001f\u007f-\u009f\uD800-\uDFFF]| {2}|^ | $/;
const SURROGATE = /[\uD800-\uDFFF]/;

/** One line of safe text: control characters become a space, lone surrogates U+FFFD, runs of spaces one. */
export function sanitize(text: string): string {
  // Almost every message is plain text already: one test instead of four passes.
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD').replace(/ {2,}/g, ' ').trim();
}

/** Length in runes (Unicode code points), as the API server counts its warning budget. */
export function runeLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Cuts text to at most `max` runes, ending with "…" when cut; never splits a surrogate pair. */
export function truncateRunes(text: string, max: number): string {
  if (text.length <= max) return text;
  if (!SURROGATE.test(text)) return text.slice(0, Math.max(0, max - 1)).trimEnd() + '…';
  if (runeLength(text) <= max) return text;
  const runes = Array.from(text);
  return runes.slice(0, Math.max(0, max - 1)).join('').trimEnd() + '…';
}

/** A valid auditAnnotations key part: ≤63 characters, `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`. */
export const ANNOTATION_KEY = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Makes a key valid (invalid characters become '-', trimmed to 63), or undefined when nothing is left. */
export function annotationKey(raw: string): string | undefined {
  const key = raw
    .replace(/[^-A-Za-z0-9_.]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
  return ANNOTATION_KEY.test(key) ? key : undefined;
}
