import type { GateException, VulnerabilityGateSettings } from '../policy/types.js';
import type { ImageInfo, LayerInfo, NormalizedFinding, ReportRead, VendorStatus, VexStatement, VulnSeverity } from './types.js';
import { hasKeys, imageRepository } from './util.js';

export const GATE_GROUPS = ['fix-now', 'in-grace', 'secops-backlog', 'suppressed'] as const;
export type GateGroup = (typeof GATE_GROUPS)[number];

/** The state store: first-seen dates per (image repository, vulnerability id, package type, package name). */
export interface GateState {
  version: 1;
  entries: Record<string, { firstSeen: string; lastSeen: string }>;
}

export interface GateDecision {
  group: GateGroup;
  /** The last day of the grace period (in-grace, fix-now); absent when the severity never fails on age. */
  due?: string;
  firstSeen: string;
  /** Where firstSeen came from: the state store, a date in the report, or the evaluation date. */
  firstSeenSource: 'state' | 'report' | 'as-of';
  /** Grace period applied; null when this severity never fails on age. */
  graceDays: number | null;
  fixable: boolean;
  reason: string;
  suppression?: { kind: 'vex' | 'exception' | 'vendor'; justification: string; origin: string; owner?: string; expires?: string };
}

export interface GatedFinding extends NormalizedFinding {
  gate: GateDecision;
}

export interface GateResult {
  asOf: string;
  findings: GatedFinding[];
  notes: string[];
  /** The state store after this run (new findings added); written by the caller only after a successful run. */
  state: GateState;
}

const RANK: Record<VulnSeverity, number> = { critical: 5, high: 4, medium: 3, low: 2, negligible: 1, unknown: 0 };
const DAY_MS = 86_400_000;

/** Code-unit order: stable across locales and much cheaper than localeCompare on large reports. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function glob(pattern: string, flags = ''): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, flags);
}

function stripPurl(p: string): string {
  return p.split(/[?#]/)[0] as string;
}

const repoCache = new Map<string, string>();
function repositoryOf(name: string): string {
  let r = repoCache.get(name);
  if (r === undefined) {
    if (repoCache.size > 10_000) repoCache.clear();
    r = imageRepository(name);
    repoCache.set(name, r);
  }
  return r;
}

export function stateKey(f: NormalizedFinding): string {
  return `${repositoryOf(f.image?.name ?? f.artifact)}|${f.id}|${f.pkg.type ?? ''}|${f.pkg.name}`;
}

function betterLayer(a: LayerInfo | undefined, b: LayerInfo | undefined): LayerInfo | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.origin === 'undecided' && b.origin !== 'undecided' ? b : a;
}

function statusRank(s: VendorStatus): number {
  return s === 'fixed' ? 3 : s === 'unknown' ? 0 : 1;
}

function sameFinding(a: NormalizedFinding, b: NormalizedFinding): boolean {
  return (a.image?.name ?? a.artifact) === (b.image?.name ?? b.artifact) && a.pkg.name === b.pkg.name && (a.pkg.version ?? '') === (b.pkg.version ?? '');
}

/** Merges findings that are the same (image, id, package, version) across reports. */
export function mergeFindings(all: NormalizedFinding[]): NormalizedFinding[] {
  // The findings kept, in the order first seen; looked up by id (then image, package and version compared),
  // so no key string is built per finding.
  const out: NormalizedFinding[] = [];
  const byId = new Map<string, number | number[]>();
  // A finding seen once is kept as read; only a duplicate makes a copy (the inputs are never changed).
  const copied = new Set<NormalizedFinding>();
  for (const f of all) {
    const hit = byId.get(f.id);
    let at = -1;
    if (typeof hit === 'number') {
      if (sameFinding(out[hit] as NormalizedFinding, f)) at = hit;
    } else if (hit !== undefined) {
      for (const i of hit) {
        if (sameFinding(out[i] as NormalizedFinding, f)) {
          at = i;
          break;
        }
      }
    }
    if (at < 0) {
      const i = out.push(f) - 1;
      if (hit === undefined) byId.set(f.id, i);
      else if (typeof hit === 'number') byId.set(f.id, [hit, i]);
      else hit.push(i);
      continue;
    }
    let prev = out[at] as NormalizedFinding;
    if (!copied.has(prev)) {
      prev = { ...prev, reports: [...prev.reports], aliases: [...prev.aliases], fixedVersions: [...prev.fixedVersions], pkg: { ...prev.pkg }, dates: { ...prev.dates } };
      copied.add(prev);
      out[at] = prev;
    }
    for (const r of f.reports) if (!prev.reports.includes(r)) prev.reports.push(r);
    for (const a of f.aliases) if (!prev.aliases.includes(a) && a !== prev.id) prev.aliases.push(a);
    for (const v of f.fixedVersions) if (!prev.fixedVersions.includes(v)) prev.fixedVersions.push(v);
    if (RANK[f.severity] > RANK[prev.severity]) prev.severity = f.severity;
    if (statusRank(f.vendorStatus) > statusRank(prev.vendorStatus)) prev.vendorStatus = f.vendorStatus;
    const layer = betterLayer(prev.layer, f.layer);
    if (layer) prev.layer = layer;
    if (!prev.pkg.purl && f.pkg.purl) prev.pkg.purl = f.pkg.purl;
    if (!prev.pkg.type && f.pkg.type) prev.pkg.type = f.pkg.type;
    if (!prev.title && f.title) prev.title = f.title;
    if (!prev.url && f.url) prev.url = f.url;
    if (f.dates.fixAvailableSince && (!prev.dates.fixAvailableSince || f.dates.fixAvailableSince < prev.dates.fixAvailableSince)) {
      prev.dates.fixAvailableSince = f.dates.fixAvailableSince;
    }
    if (!prev.dates.published && f.dates.published) prev.dates.published = f.dates.published;
    if (!prev.vex && f.vex) prev.vex = f.vex;
  }
  return out;
}

/** Upper-cased id and aliases of a finding, computed once per finding (VEX statements compare them all). */
function upperIds(f: NormalizedFinding): string[] {
  const ids = [f.id.toUpperCase()];
  for (const a of f.aliases) ids.push(a.toUpperCase());
  return ids;
}

function vexMatches(st: VexStatement, f: NormalizedFinding, ids: string[]): boolean {
  if (!st.ids.some((i) => ids.includes(i.toUpperCase()))) return false;
  if (st.purls.length > 0) {
    const own = f.pkg.purl ? stripPurl(f.pkg.purl) : undefined;
    const ok = st.purls.some((p) => {
      const sp = stripPurl(p);
      if (own === undefined) return sp.replace(/^pkg:[^/]+\/(?:.*\/)?/, '').split('@')[0] === f.pkg.name;
      return sp.includes('@') ? sp === own : sp === own.split('@')[0];
    });
    if (!ok) return false;
  }
  if (st.images.length > 0) {
    if (!f.image) return false;
    const img = f.image;
    const repo = repositoryOf(img.name);
    const ok = st.images.some((s) => {
      if (img.digest && s.includes(img.digest)) return true;
      const bare = decodeURIComponent(s.replace(/^pkg:oci\//, '').split(/[@?#]/)[0] as string);
      return bare === repo || bare === repo.split('/').pop() || bare === img.name;
    });
    if (!ok) return false;
  }
  return true;
}

/** Globs compiled once per evaluation (an exception's patterns are tried against every finding). */
type GlobCache = Map<string, RegExp>;
function globOf(cache: GlobCache, pattern: string, flags: '' | 'i'): RegExp {
  const k = `${flags}:${pattern}`;
  let re = cache.get(k);
  if (re === undefined) {
    re = glob(pattern, flags);
    cache.set(k, re);
  }
  return re;
}

function exceptionMatches(e: GateException, f: NormalizedFinding, globs: GlobCache): boolean {
  if (e.ids.length > 0 && !e.ids.some((p) => [f.id, ...f.aliases].some((i) => globOf(globs, p, 'i').test(i)))) return false;
  if (e.packages.length > 0 && !e.packages.some((p) => globOf(globs, p, '').test(f.pkg.name) || (f.pkg.purl !== undefined && globOf(globs, p, '').test(f.pkg.purl)))) return false;
  if (e.images.length > 0) {
    const names = f.image ? [f.image.name, repositoryOf(f.image.name), ...(f.image.digest ? [f.image.digest] : [])] : [f.artifact];
    if (!e.images.some((p) => names.some((n) => globOf(globs, p, '').test(n)))) return false;
  }
  return true;
}

const dueCache = new Map<string, string>();
function dueDate(firstSeen: string, graceDays: number): string {
  const k = `${firstSeen}+${graceDays}`;
  let d = dueCache.get(k);
  if (d === undefined) {
    if (dueCache.size > 10_000) dueCache.clear();
    d = addDays(firstSeen, graceDays);
    dueCache.set(k, d);
  }
  return d;
}

export interface EvaluateOptions {
  settings: VulnerabilityGateSettings;
  /** YYYY-MM-DD. */
  asOf: string;
  /** The state store as read; undefined when the run has none (first seen = asOf). */
  state?: GateState;
}

const GROUP_ORDER: Record<GateGroup, number> = { 'fix-now': 0, 'in-grace': 1, 'secops-backlog': 2, suppressed: 3 };

/**
 * One decision, its properties always in the same order (firstSeen, firstSeenSource, graceDays, fixable,
 * group, due?, reason, suppression?): the JSON output and every consumer see the same shape.
 */
function decision(
  firstSeen: string,
  firstSeenSource: GateDecision['firstSeenSource'],
  graceDays: number | null,
  fixable: boolean,
  group: GateGroup,
  due: string | undefined,
  reason: string,
  suppression?: GateDecision['suppression'],
): GateDecision {
  const d: GateDecision = due === undefined ? { firstSeen, firstSeenSource, graceDays, fixable, group, reason } : { firstSeen, firstSeenSource, graceDays, fixable, group, due, reason };
  if (suppression !== undefined) d.suppression = suppression;
  return d;
}

/** Merges, applies VEX and exceptions, and puts every finding in one of the four groups. Pure. */
export function evaluateGate(reads: ReportRead[], options: EvaluateOptions): GateResult {
  const { settings, asOf } = options;
  const notes: string[] = reads.flatMap((r) => r.notes);
  const vex = reads.flatMap((r) => r.vex);
  const merged = mergeFindings(reads.flatMap((r) => r.findings));
  // The state store after this run: the entries read, in their order, then the new ones. Built as the
  // object it ends up as (a copy of the one read), not through a Map converted at the end.
  const entries: Record<string, { firstSeen: string; lastSeen: string }> = { ...options.state?.entries };
  const expiredSeen = new Set<string>();
  const globs: GlobCache = new Map();
  // Strings that only depend on a few values are built once per value, not once per finding.
  const reasons = new Map<string, string>();
  const reasonFor = (k: string, make: () => string): string => {
    let r = reasons.get(k);
    if (r === undefined) {
      r = make();
      reasons.set(k, r);
    }
    return r;
  };
  const failsOnStatus = new Map<VendorStatus, boolean>();
  const gates: GateDecision[] = new Array(merged.length);
  const sortKeys = new Float64Array(merged.length);
  for (let i = 0; i < merged.length; i++) {
    const f = merged[i] as NormalizedFinding;
    let firstSeen = asOf;
    let firstSeenSource: GateDecision['firstSeenSource'] = 'as-of';
    if (options.state) {
      // A state key always has a '|': it cannot name anything objects inherit, so one plain lookup will do.
      const key = stateKey(f);
      const known = entries[key];
      if (known) {
        firstSeen = known.firstSeen;
        firstSeenSource = 'state';
      } else if (f.dates.fixAvailableSince && f.dates.fixAvailableSince <= asOf) {
        firstSeen = f.dates.fixAvailableSince;
        firstSeenSource = 'report';
      }
      entries[key] = { firstSeen, lastSeen: asOf };
    }
    const fixable = f.vendorStatus !== 'not_affected' && (f.vendorStatus === 'fixed' || f.fixedVersions.length > 0);
    const graceDays = settings.graceDays[f.severity];
    const gate = decide(f, firstSeen, firstSeenSource, graceDays, fixable);
    gates[i] = gate;
    // Fix now first, then by due date, severity, id and package: one precomputed key per finding.
    sortKeys[i] = GROUP_ORDER[gate.group] * 1e10 + (gate.due ? dueNumber(gate.due) : 99_999_999) * 10 + (9 - RANK[f.severity]);
  }

  function decide(f: NormalizedFinding, firstSeen: string, firstSeenSource: GateDecision['firstSeenSource'], graceDays: number | null, fixable: boolean): GateDecision {
    // VEX: the last matching statement wins; not_affected and fixed suppress.
    let statement: VexStatement | undefined;
    if (vex.length > 0) {
      const ids = upperIds(f);
      for (const st of vex) if (vexMatches(st, f, ids)) statement = st;
    }
    const vexStatus = statement?.status ?? f.vex?.status;
    if (vexStatus === 'not_affected' || vexStatus === 'fixed') {
      const origin = statement?.origin ?? f.vex?.origin ?? '';
      const justification = statement?.justification ?? f.vex?.justification ?? `VEX: ${vexStatus}`;
      return decision(firstSeen, firstSeenSource, graceDays, fixable, 'suppressed', undefined, `VEX ${vexStatus}: ${justification}`, { kind: 'vex', justification, origin });
    }
    if (f.vendorStatus === 'not_affected') {
      return decision(firstSeen, firstSeenSource, graceDays, fixable, 'suppressed', undefined, 'vendor: not affected', {
        kind: 'vendor',
        justification: 'vendor status not_affected',
        origin: f.reports[0] ?? '',
      });
    }
    for (const e of settings.exceptions) {
      if (!exceptionMatches(e, f, globs)) continue;
      if (e.expires !== undefined && e.expires < asOf) {
        if (!expiredSeen.has(e.origin)) notes.push(`exception ${e.origin} expired on ${e.expires}${e.owner ? ` (owner ${e.owner})` : ''}: no longer applied`);
        expiredSeen.add(e.origin);
        continue;
      }
      const suppression: NonNullable<GateDecision['suppression']> = { kind: 'exception', justification: e.justification, origin: e.origin };
      if (e.owner !== undefined) suppression.owner = e.owner;
      if (e.expires !== undefined) suppression.expires = e.expires;
      return decision(firstSeen, firstSeenSource, graceDays, fixable, 'suppressed', undefined, reasonFor(`x${e.justification}`, () => `exception: ${e.justification}`), suppression);
    }
    let failsWithoutFix = failsOnStatus.get(f.vendorStatus);
    if (failsWithoutFix === undefined) {
      failsWithoutFix = settings.failOnNoFix || settings.failOnStatuses.includes(f.vendorStatus);
      failsOnStatus.set(f.vendorStatus, failsWithoutFix);
    }
    if (!fixable && !failsWithoutFix) {
      const status = f.vendorStatus;
      return decision(firstSeen, firstSeenSource, graceDays, fixable, 'secops-backlog', undefined, reasonFor(`b${status}`, () => `no vendor fix (${status})`));
    }
    const sev = f.severity;
    if (graceDays === null) {
      return decision(firstSeen, firstSeenSource, graceDays, fixable, 'in-grace', undefined, reasonFor(`n${sev}`, () => `${sev}: no grace limit`));
    }
    const due = dueDate(firstSeen, graceDays);
    if (graceDays === 0) {
      return decision(firstSeen, firstSeenSource, graceDays, fixable, 'fix-now', due, reasonFor(`z${sev}`, () => `${sev}: no grace period`));
    }
    if (asOf > due) {
      return decision(firstSeen, firstSeenSource, graceDays, fixable, 'fix-now', due, reasonFor(`e${graceDays} ${due}`, () => `grace period of ${graceDays} days ended ${due}`));
    }
    return decision(firstSeen, firstSeenSource, graceDays, fixable, 'in-grace', due, reasonFor(`d${due}`, () => `fix by ${due}`));
  }

  // Then by id, package and version: a number made of each id's first characters decides most comparisons.
  const idKey = idKeys(merged);
  const order = Array.from(merged.keys());
  order.sort((a, b) => {
    const d = (sortKeys[a] as number) - (sortKeys[b] as number) || (idKey[a] as number) - (idKey[b] as number);
    if (d !== 0) return d;
    const fa = merged[a] as NormalizedFinding;
    const fb = merged[b] as NormalizedFinding;
    return cmp(fa.id, fb.id) || cmp(fa.pkg.name, fb.pkg.name) || cmp(fa.pkg.version ?? '', fb.pkg.version ?? '');
  });
  // The gated findings are made in their final order: whoever reads them next (summary, outputs) walks
  // memory in order instead of jumping around a large heap.
  const sorted: GatedFinding[] = new Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    sorted[j] = gated(merged[i] as NormalizedFinding, gates[i] as GateDecision);
  }
  return { asOf, findings: sorted, notes, state: { version: 1, entries } };
}

/** The members of a Trivy finding with every field, in the order the reader makes them. */
const FULL_TRIVY_FINDING = ['source', 'reports', 'id', 'aliases', 'pkg', 'fixedVersions', 'severity', 'vendorStatus', 'artifact', 'dates', 'title', 'url', 'image', 'layer'] as const;

/** { ...f, gate }: for the usual shape of finding, one object literal with the same members in the same order (cheaper than the spread). */
function gated(f: NormalizedFinding, gate: GateDecision): GatedFinding {
  if (Object.getPrototypeOf(f) === Object.prototype && hasKeys(f, FULL_TRIVY_FINDING) && Object.getOwnPropertySymbols(f).length === 0) {
    return {
      source: f.source,
      reports: f.reports,
      id: f.id,
      aliases: f.aliases,
      pkg: f.pkg,
      fixedVersions: f.fixedVersions,
      severity: f.severity,
      vendorStatus: f.vendorStatus,
      artifact: f.artifact,
      dates: f.dates,
      title: f.title as string,
      url: f.url as string,
      image: f.image as ImageInfo,
      layer: f.layer as LayerInfo,
      gate,
    };
  }
  return { ...f, gate };
}

/**
 * For each finding, a number that orders the ids as cmp does, as far as their first characters after the
 * prefix they all share tell (e.g. "10-1045" of CVE-2010-10450): seven characters, each one more than its
 * code (no character: 0). A character from 127 up ends the number (it stands for all of them); equal
 * numbers leave the order to cmp. So a < b implies key(a) <= key(b), and key(a) < key(b) implies a < b.
 * All zero when an id is not a string.
 */
function idKeys(merged: NormalizedFinding[]): Float64Array {
  const keys = new Float64Array(merged.length);
  const first = merged[0]?.id;
  if (typeof first !== 'string') return keys;
  let shared = first.length;
  for (const f of merged) {
    const id: unknown = f.id;
    if (typeof id !== 'string') return keys;
    const m = Math.min(shared, id.length);
    let i = 0;
    while (i < m && id.charCodeAt(i) === first.charCodeAt(i)) i++;
    shared = i;
  }
  for (let j = 0; j < merged.length; j++) {
    const id = (merged[j] as NormalizedFinding).id;
    let k = 0;
    let stop = false;
    for (let i = shared; i < shared + 7; i++) {
      let digit = 0;
      if (!stop && i < id.length) {
        const c = id.charCodeAt(i);
        if (c >= 127) {
          digit = 128;
          stop = true;
        } else digit = c + 1;
      }
      k = k * 129 + digit;
    }
    keys[j] = k;
  }
  return keys;
}

const dueNumbers = new Map<string, number>();
/** 2026-11-29 → 20261129, cached (a large report has few distinct due dates). */
function dueNumber(due: string): number {
  let n = dueNumbers.get(due);
  if (n === undefined) {
    if (dueNumbers.size > 10_000) dueNumbers.clear();
    n = Number(due.replace(/-/g, ''));
    dueNumbers.set(due, n);
  }
  return n;
}

export interface GateSummary {
  total: number;
  groups: Record<GateGroup, number>;
  bySeverity: Record<GateGroup, Record<VulnSeverity, number>>;
  origin: { base: number; application: number; undecided: number };
}

export function summarize(findings: GatedFinding[]): GateSummary {
  const s = emptySummary(findings.length);
  for (const f of findings) countInSummary(s, f);
  return s;
}

/** A summary of `total` findings with nothing counted yet (countInSummary counts them one by one). */
export function emptySummary(total: number): GateSummary {
  const sev = (): Record<VulnSeverity, number> => ({ critical: 0, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 });
  return {
    total,
    groups: { 'fix-now': 0, 'in-grace': 0, 'secops-backlog': 0, suppressed: 0 },
    bySeverity: { 'fix-now': sev(), 'in-grace': sev(), 'secops-backlog': sev(), suppressed: sev() },
    origin: { base: 0, application: 0, undecided: 0 },
  };
}

export function countInSummary(s: GateSummary, f: GatedFinding): void {
  s.groups[f.gate.group]++;
  s.bySeverity[f.gate.group][f.severity]++;
  s.origin[f.layer?.origin ?? 'undecided']++;
}
