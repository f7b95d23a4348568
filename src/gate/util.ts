import type { LayerInfo, VendorStatus, VulnSeverity } from './types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- scanner JSON is read field by field, defensively */
export type Json = any;

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Whether o's enumerable keys, in for…in order, are exactly these (no array made per object). */
export function hasKeys(o: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

export function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v : [];
}

const dayCache = new Map<string, string | undefined>();

/** YYYY-MM-DD of a timestamp, or undefined when it is not a date (Go's zero time counts as none). */
export function day(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  // A large report repeats the same few timestamps: each is parsed once.
  const hit = dayCache.get(s);
  if (hit !== undefined || dayCache.has(s)) return hit;
  if (dayCache.size >= 10_000) dayCache.clear();
  const d = parseDay(s);
  dayCache.set(s, d);
  return d;
}

function parseDay(s: string): string | undefined {
  if (s.startsWith('0001-01-01')) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  if (!m) return undefined;
  return Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) ? undefined : m[1];
}

/**
 * The severity as one of the canonical (literal) strings: findings then share them, and lookups keyed by
 * severity (grace days, counts) see the same string every time instead of a fresh lower-cased copy.
 */
export function severity(v: unknown): VulnSeverity {
  if (typeof v !== 'string') return 'unknown';
  // Scanners write the upper-case (Trivy) or capitalised (Grype) forms: those need no lower-cased copy.
  switch (v) {
    case 'CRITICAL':
    case 'Critical':
      return 'critical';
    case 'HIGH':
    case 'High':
      return 'high';
    case 'MEDIUM':
    case 'Medium':
      return 'medium';
    case 'LOW':
    case 'Low':
      return 'low';
    case 'UNKNOWN':
    case 'Unknown':
      return 'unknown';
  }
  switch (v.toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
      return 'low';
    case 'negligible':
    case 'info':
    case 'none':
      return 'negligible';
    default:
      return 'unknown';
  }
}

/** SARIF security-severity bands as GitHub reads them (≥ 9.0 critical, CVSS bands). */
export function severityFromScore(score: number): VulnSeverity {
  if (!Number.isFinite(score) || score <= 0) return 'unknown';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

export function splitVersions(v: unknown): string[] {
  const s = str(v);
  if (!s) return [];
  if (!s.includes(',')) {
    // Printable ASCII at both ends: nothing for trim() to remove (the usual case, without a copy).
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(s.length - 1);
    if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return [s];
    const one = s.trim();
    return one.length > 0 ? [one] : [];
  }
  return s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
}

/** Canonical id: the first CVE among id and aliases, the others become aliases. */
export function canonical(id: string, aliases: string[]): { id: string; aliases: string[] } {
  if (aliases.length === 0) return { id, aliases: [] };
  const all = [id, ...aliases].filter((x, i, a) => x && a.indexOf(x) === i);
  const cve = all.find((x) => /^CVE-\d{4}-\d+$/i.test(x));
  const main = cve ?? id;
  return { id: main, aliases: all.filter((x) => x !== main) };
}

export function isVendorStatus(s: string): s is VendorStatus {
  return vendorStatus(s) !== undefined;
}

/** The vendor status as its canonical (literal) string, or undefined when it is none of them. */
export function vendorStatus(s: string): VendorStatus | undefined {
  switch (s) {
    case 'fixed':
      return 'fixed';
    case 'affected':
      return 'affected';
    case 'will_not_fix':
      return 'will_not_fix';
    case 'fix_deferred':
      return 'fix_deferred';
    case 'end_of_life':
      return 'end_of_life';
    case 'under_investigation':
      return 'under_investigation';
    case 'not_affected':
      return 'not_affected';
    case 'unknown':
      return 'unknown';
    default:
      return undefined;
  }
}

/** Image repository: the name without tag or digest (first-seen dates survive rebuilds and retags). */
export function imageRepository(name: string): string {
  const noDigest = name.split('@')[0] as string;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/**
 * Base-image layers from an image config's history (reference §3.5/§3.6, Trivy's GuessBaseImageIndex):
 * walking back from the end, past the trailing empty entries and the last layer-creating one, the first
 * empty `CMD` entry ends the base image. Returns a resolver from DiffID to LayerInfo.
 */
export function layerResolver(config: Json, diffIdsFallback: string[] = []): (diffId: string | undefined, digest: string | undefined) => LayerInfo | undefined {
  const history = arr(config?.history);
  const diffIds: string[] = arr(config?.rootfs?.diff_ids).filter((d: unknown) => typeof d === 'string');
  const ids = diffIds.length > 0 ? diffIds : diffIdsFallback;
  let baseCount = -1;
  let reason: string;
  if (history.length === 0) {
    reason = 'the report has no image history';
  } else {
    const nonEmpty = history.filter((h: Json) => h?.empty_layer !== true);
    if (nonEmpty.length !== ids.length) {
      reason = `image history (${nonEmpty.length} layers) does not match the ${ids.length} diff_ids`;
    } else {
      let baseIndex = -1;
      let foundNonEmpty = false;
      for (let i = history.length - 1; i >= 0; i--) {
        const h = history[i];
        if (!foundNonEmpty) {
          if (h?.empty_layer === true) continue;
          foundNonEmpty = true;
          continue;
        }
        if (h?.empty_layer !== true) continue;
        const by = String(h?.created_by ?? '');
        if (by.startsWith('/bin/sh -c #(nop)  CMD') || by.startsWith('CMD')) {
          baseIndex = i;
          break;
        }
      }
      if (baseIndex < 0) {
        reason = 'no base-image boundary (CMD) in the image history';
      } else {
        baseCount = history.slice(0, baseIndex + 1).filter((h: Json) => h?.empty_layer !== true).length;
        reason = `base image = first ${baseCount} of ${ids.length} layers (image history)`;
      }
    }
  }
  // One shared (read-only) object per layer: a large report names the same few layers many times.
  // Keyed by DiffID, then digest (no key string built per finding).
  const cache = new Map<string, Map<string, LayerInfo>>();
  return (diffId, digest) => {
    if (!diffId && !digest) return undefined;
    let byDigest = cache.get(diffId ?? '');
    if (byDigest === undefined) {
      byDigest = new Map();
      cache.set(diffId ?? '', byDigest);
    }
    const hit = byDigest.get(digest ?? '');
    if (hit) return hit;
    const info: LayerInfo = { origin: 'undecided', originReason: reason };
    byDigest.set(digest ?? '', info);
    if (diffId) info.diffId = diffId;
    if (digest) info.digest = digest;
    if (baseCount >= 0 && diffId) {
      const idx = ids.indexOf(diffId);
      if (idx < 0) info.originReason = 'layer not in the image history';
      else info.origin = idx < baseCount ? 'base' : 'application';
    }
    return info;
  };
}
