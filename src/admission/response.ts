/**
 * The answers the webhook sends: AdmissionReview responses (always echoing the uid, never a patch) and
 * metav1.Status errors for malformed bodies; and the bounded, sanitized texts inside them: the deny
 * message, `warnings` within the API server's budget, `auditAnnotations` with valid keys.
 */
import type { Finding, Severity } from '../model/types.js';
import { severityRank } from '../model/types.js';
import { ADMISSION_API_VERSION, ADMISSION_REVIEW_KIND } from './review.js';
import { annotationKey, runeLength, sanitize, truncateRunes } from './text.js';
import type { ControlError } from './verdict.js';

/** Recommended length of one warning (API reference: ≤120 characters). */
export const WARNING_MAX_RUNES = 120;
/**
 * Palisade's share of the API server's warning budget. The API server allows 4,096 runes per request for
 * all webhooks, Pod Security admission and deprecation notices together, then truncates or drops them.
 */
export const WARNING_BUDGET_RUNES = 3072;
/** Longest audit annotation value Palisade writes. */
export const ANNOTATION_VALUE_MAX_RUNES = 512;
/** Longest line of a deny message, before the whole message is bounded. */
const DENY_LINE_MAX_RUNES = 300;

export interface ResponseStatus {
  code: number;
  reason: string;
  status: 'Failure';
  message: string;
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: ResponseStatus;
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
}

export interface AdmissionReviewResponse {
  apiVersion: typeof ADMISSION_API_VERSION;
  kind: typeof ADMISSION_REVIEW_KIND;
  response: AdmissionResponse;
}

/** A metav1.Status, the body of a 4xx/5xx answer to something that is not a usable review. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  code: number;
  reason: string;
  message: string;
}

export function statusBody(code: number, reason: string, message: string): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message: sanitize(message) };
}

/** The review envelope. Empty warnings and annotations are left out; a validating webhook never patches. */
export function reviewResponse(r: AdmissionResponse): AdmissionReviewResponse {
  const response: AdmissionResponse = { uid: r.uid, allowed: r.allowed };
  if (!r.allowed && r.status) response.status = r.status;
  if (r.warnings && r.warnings.length > 0) response.warnings = r.warnings;
  if (r.auditAnnotations && Object.keys(r.auditAnnotations).length > 0) response.auditAnnotations = r.auditAnnotations;
  return { apiVersion: ADMISSION_API_VERSION, kind: ADMISSION_REVIEW_KIND, response };
}

/** "Deployment shop/api", "Namespace shop", "Pod shop/web-7d9f5-" (generateName). */
export function resourceLabel(kind: string | undefined, namespace: string | undefined, name: string | undefined): string {
  const k = kind ?? 'object';
  const n = name ?? '(unnamed)';
  return sanitize(`${k} ${namespace && kind !== 'Namespace' ? `${namespace}/` : ''}${n}`);
}

/** Lists items within `max` runes: "a, b, c, … +4 more". */
export function boundedList(items: readonly string[], max: number): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const next = i === 0 ? (items[0] as string) : `${out}, ${items[i] as string}`;
    const rest = items.length - i - 1;
    // Fits with the "… +N more" that would follow it, so a later cut always fits too.
    if (runeLength(next) + (rest > 0 ? `, … +${rest} more`.length : 0) > max) {
      return i === 0 ? truncateRunes(items.join(', '), max) : `${out}, … +${items.length - i} more`;
    }
    out = next;
  }
  return out;
}

/**
 * Header, then as many lines as fit within `max` runes, then "… and N more" when lines were left out.
 * Control ids are in the header, so they survive even when every detail line is cut.
 */
export function boundedMessage(header: string, lines: readonly string[], max: number): string {
  const unique = [...new Set(lines)];
  const tailRoom = `\n… and ${unique.length} more`.length;
  let msg = truncateRunes(header, Math.max(16, max - (unique.length > 0 ? tailRoom : 0)));
  let used = runeLength(msg);
  let shown = 0;
  for (const line of unique) {
    const add = 1 + runeLength(line);
    const reserve = shown + 1 < unique.length ? tailRoom : 0;
    if (used + add + reserve > max) break;
    msg += `\n${line}`;
    used += add;
    shown++;
  }
  if (shown < unique.length) msg += `\n… and ${unique.length - shown} more`;
  return msg;
}

/** A finding message made safe, without its final period, so that " at <pointer>" can follow it. */
function sentence(message: string): string {
  return sanitize(message).replace(/\.$/, '');
}

const POINTER_ORDER = new Intl.Collator('en', { numeric: true });

function byControlThenPointer(a: Finding, b: Finding): number {
  // Numeric-aware, so that containers/2 comes before containers/10.
  return a.controlId.localeCompare(b.controlId) || POINTER_ORDER.compare(a.location.pointer, b.location.pointer);
}

export interface DenyInput {
  label: string;
  deny: readonly Finding[];
  /** Errors that deny under fail-closed (empty under fail-open). */
  errors: readonly ControlError[];
  maxLength: number;
  /** Findings already present before an UPDATE. */
  unchanged?: ReadonlySet<Finding>;
}

/** The deny message: who denied what, with control ids, short messages and the offending field pointers. */
export function denyMessage(input: DenyInput): string {
  const denyIds = [...new Set([...input.deny].sort(byControlThenPointer).map((f) => f.controlId))];
  const errorIds = [...new Set(input.errors.map((e) => e.controlId))];
  const idRoom = Math.floor(input.maxLength / 2);
  let header: string;
  if (denyIds.length > 0) {
    header = `Palisade denied ${input.label}: ${boundedList(denyIds, idRoom)}`;
    if (errorIds.length > 0) header += `; could not evaluate ${boundedList(errorIds, Math.floor(idRoom / 2))}`;
  } else {
    header = `Palisade could not evaluate ${input.label} (${boundedList(errorIds, idRoom)}) and denies it: failure mode is fail-closed`;
  }
  const lines = [...input.deny].sort(byControlThenPointer).map((f) => {
    const mark = input.unchanged?.has(f) ? ' (unchanged)' : '';
    return truncateRunes(`[${f.controlId}]${mark} ${sentence(f.message)} at ${sanitize(f.location.pointer || '/')}`, DENY_LINE_MAX_RUNES);
  });
  for (const e of input.errors) lines.push(truncateRunes(`[${e.controlId}] could not be evaluated: ${sanitize(e.error)}`, DENY_LINE_MAX_RUNES));
  return boundedMessage(header, lines, input.maxLength);
}

/** One warning per control that warns: its first message, the count of the others, the pointer if it fits. */
export function findingWarnings(findings: readonly Finding[], unchanged?: ReadonlySet<Finding>): { controlId: string; text: string; severity: Severity }[] {
  const out: { controlId: string; text: string; severity: Severity }[] = [];
  for (const [controlId, g] of groupByControl(findings)) {
    const first = g[0] as Finding;
    const allUnchanged = unchanged !== undefined && g.every((f) => unchanged.has(f));
    const more = g.length > 1 ? ` (+${g.length - 1} more)` : '';
    const base = `[${controlId}]${allUnchanged ? ' (unchanged)' : ''} ${sentence(first.message)}`;
    const withPointer = `${base} at ${sanitize(first.location.pointer || '/')}${more}`;
    const text = runeLength(withPointer) <= WARNING_MAX_RUNES ? withPointer : truncateRunes(base, WARNING_MAX_RUNES - runeLength(more)) + more;
    const severity = g.reduce<Severity>((s, f) => (severityRank(f.severity) > severityRank(s) ? f.severity : s), first.severity);
    out.push({ controlId, text, severity });
  }
  return out.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.controlId.localeCompare(b.controlId));
}

/**
 * The warnings to send: sanitized, each at most 120 runes, deduplicated, and all together within
 * Palisade's budget; what does not fit is summed up in a last warning naming the controls left out.
 */
export function boundWarnings(items: readonly { text: string; controlId?: string }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let used = 0;
  const left: string[] = [];
  let leftCount = 0;
  for (const item of items) {
    const text = truncateRunes(sanitize(item.text), WARNING_MAX_RUNES);
    if (text === '' || seen.has(text)) continue;
    const n = runeLength(text);
    if (leftCount > 0 || used + n > WARNING_BUDGET_RUNES - WARNING_MAX_RUNES) {
      leftCount++;
      if (item.controlId !== undefined && !left.includes(item.controlId)) left.push(item.controlId);
      continue;
    }
    seen.add(text);
    out.push(text);
    used += n;
  }
  if (leftCount > 0) {
    const ids = left.length > 0 ? ` (${boundedList(left, 60)})` : '';
    out.push(truncateRunes(`Palisade: ${leftCount} more warning${leftCount === 1 ? '' : 's'}${ids} not shown; see the webhook log`, WARNING_MAX_RUNES));
  }
  return out;
}

/** Adds an audit annotation with a valid key and a bounded, sanitized value; invalid keys are skipped. */
export function setAnnotation(target: Record<string, string>, rawKey: string, value: string): void {
  const key = annotationKey(rawKey);
  if (key === undefined) return;
  target[key] = truncateRunes(sanitize(value), ANNOTATION_VALUE_MAX_RUNES);
}

/** `audit-<ID>`: audit findings of one control, as a short text. */
export function auditAnnotationValue(g: readonly Finding[]): string {
  const first = g[0] as Finding;
  return `${sentence(first.message)} at ${first.location.pointer || '/'}${g.length > 1 ? ` (+${g.length - 1} more)` : ''}`;
}

/** `exempted-<ID>`: why a control's findings were exempted. */
export function exemptedAnnotationValue(g: readonly Finding[]): string {
  const first = g[0] as Finding;
  const e = first.exemption;
  if (!e) return 'exempted';
  return `${e.source}: ${e.justification}${e.owner ? `; owner ${e.owner}` : ''}${e.expires ? `; expires ${e.expires}` : ''}${g.length > 1 ? ` (${g.length} findings)` : ''}`;
}

export function groupByControl(findings: readonly Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of [...findings].sort(byControlThenPointer)) {
    let g = m.get(f.controlId);
    if (!g) m.set(f.controlId, (g = []));
    g.push(f);
  }
  return m;
}
