import picomatch from 'picomatch';
import type { ExemptionNote, ResourceRef } from '../model/types.js';
import type { Exemption, InlineExemptionSettings } from './types.js';

export interface ExemptionTarget {
  controlId: string;
  controlName: string;
  resource: ResourceRef;
  /** Images the finding concerns: its container's, or every image of the workload for pod-level findings. */
  images: string[];
  /** Annotations of the object and of its pod template, for inline exemptions (first match wins). */
  annotations: Record<string, string>[];
}

export interface ExemptionDecision {
  note?: ExemptionNote;
  /** Exemptions that would have matched but have expired. */
  expired: Exemption[];
}

const matcherCache = new Map<string, (s: string) => boolean>();
function glob(pattern: string): (s: string) => boolean {
  let m = matcherCache.get(pattern);
  if (!m) {
    // Image references contain '/', which a path glob would treat as a separator: '*' must cross it.
    m = picomatch(pattern, { dot: true, nobrace: true, noextglob: true, contains: false, bash: true });
    matcherCache.set(pattern, m);
  }
  return m;
}

function anyMatch(patterns: string[] | undefined, value: string | undefined): boolean {
  if (!patterns || patterns.length === 0) return true;
  if (value === undefined) return false;
  return patterns.some((p) => glob(p)(value));
}

function controlMatches(list: string[], t: ExemptionTarget): boolean {
  return list.some((c) => c === '*' || c === t.controlId || c === t.controlName);
}

/** End of the expiry day in UTC: an exemption "expires: 2027-03-31" still applies all of that day. */
export function expiryInstant(expires: string): number {
  return Date.parse(`${expires}T23:59:59.999Z`);
}

export function matchesExemption(e: Exemption, t: ExemptionTarget): boolean {
  if (!controlMatches(e.controls, t)) return false;
  const m = e.match;
  if (!anyMatch(m.namespaces, t.resource.namespace)) return false;
  if (!anyMatch(m.kinds, t.resource.kind)) return false;
  if (!anyMatch(m.names, t.resource.name)) return false;
  if (m.images && m.images.length > 0) {
    if (t.images.length === 0) return false;
    if (!t.images.every((img) => anyMatch(m.images, img))) return false;
  }
  return true;
}

const NOTHING: ExemptionDecision = Object.freeze({ expired: [] as Exemption[] }) as ExemptionDecision;

export function decideExemption(
  exemptions: Exemption[],
  inline: InlineExemptionSettings,
  t: ExemptionTarget,
  now: Date,
): ExemptionDecision {
  if (exemptions.length === 0 && !inline.enabled) return NOTHING;
  const expired: Exemption[] = [];
  for (const e of exemptions) {
    if (!matchesExemption(e, t)) continue;
    if (e.expires && expiryInstant(e.expires) < now.getTime()) {
      expired.push(e);
      continue;
    }
    const note: ExemptionNote = { source: 'policy', justification: e.justification };
    if (e.owner) note.owner = e.owner;
    if (e.expires) note.expires = e.expires;
    return { note, expired };
  }
  if (inline.enabled) {
    for (const map of t.annotations) {
      const justification = map[inline.prefix + t.controlId] ?? map[inline.prefix + t.controlName];
      if (justification !== undefined) {
        return { note: { source: 'annotation', justification: String(justification) || '(no justification given)' }, expired };
      }
    }
  }
  return { expired };
}
