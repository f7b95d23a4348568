import { readFileSync } from 'node:fs';

/**
 * The AKS Kubernetes version calendar: data, not code, so that a team can refresh it (new minors, moved
 * end-of-support dates) without a new Palisade release. The bundled copy is `data/aks-version-calendar.json`;
 * `--aks-calendar <file>` or `azure.versionCalendar` in palisade.yaml points at another.
 */
export interface CalendarEntry {
  minor: string;
  /** "YYYY-MM": the month AKS made the minor generally available. */
  aksGa: string;
  /** Community (standard) end of support, "YYYY-MM-DD" (month-only dates mean the last day of the month). */
  eol: string;
  /** End of long-term support, when the minor has LTS. */
  ltsEol?: string;
  /** GA still in the future when the calendar was written. */
  planned?: boolean;
}

export interface VersionCalendar {
  snapshotDate: string;
  versions: CalendarEntry[];
  /** Where the calendar was read from (shown in reports). */
  origin: string;
}

export class CalendarError extends Error {}

const BUNDLED = new URL('../../data/aks-version-calendar.json', import.meta.url);

/** Expands "YYYY-MM" to the last day of that month; keeps "YYYY-MM-DD". */
export function endOfPeriod(date: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  if (!m) return date;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0));
  return last.toISOString().slice(0, 10);
}

function validate(raw: unknown, origin: string): VersionCalendar {
  const fail = (msg: string): never => {
    throw new CalendarError(`${origin}: ${msg}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not a JSON object');
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.versions)) return fail('missing "versions" array');
  const date = /^\d{4}-\d{2}(-\d{2})?$/;
  const versions = r.versions.map((v, i): CalendarEntry => {
    const e = v as Record<string, unknown>;
    if (typeof e.minor !== 'string' || !/^\d+\.\d+$/.test(e.minor)) fail(`versions[${i}].minor must be "1.N"`);
    if (typeof e.eol !== 'string' || !date.test(e.eol)) fail(`versions[${i}].eol must be a date (YYYY-MM-DD or YYYY-MM)`);
    if (typeof e.aksGa !== 'string' || !date.test(e.aksGa)) fail(`versions[${i}].aksGa must be a date (YYYY-MM)`);
    if (e.ltsEol !== undefined && (typeof e.ltsEol !== 'string' || !date.test(e.ltsEol))) fail(`versions[${i}].ltsEol must be a date`);
    return {
      minor: e.minor as string,
      aksGa: e.aksGa as string,
      eol: endOfPeriod(e.eol as string),
      ...(typeof e.ltsEol === 'string' ? { ltsEol: endOfPeriod(e.ltsEol) } : {}),
      ...(e.planned === true ? { planned: true } : {}),
    };
  });
  versions.sort((a, b) => compareMinor(a.minor, b.minor));
  const snapshotDate = typeof r.snapshotDate === 'string' ? r.snapshotDate : '';
  return { snapshotDate, versions, origin };
}

export function loadCalendar(file?: string): VersionCalendar {
  const origin = file ?? 'bundled data/aks-version-calendar.json';
  let text: string;
  try {
    text = readFileSync(file ?? BUNDLED, 'utf8');
  } catch (e) {
    throw new CalendarError(`${origin}: cannot read the AKS version calendar: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CalendarError(`${origin}: not valid JSON: ${(e as Error).message}`);
  }
  return validate(raw, origin);
}

/** "1.32.6", "v1.32", "1.32" → "1.32"; undefined for anything else. */
export function minorOf(version: string | undefined): string | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version?.trim() ?? '');
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

export function compareMinor(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
}

/** Whole days from `from` to `to` (both UTC dates). */
export function daysBetween(from: Date, to: string): number {
  const t = Date.parse(`${to}T00:00:00Z`);
  const f = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return Math.round((t - f) / 86_400_000);
}

export type SupportVerdict =
  | { status: 'supported'; entry: CalendarEntry; endOfSupport: string; daysLeft: number; plan: 'standard' | 'lts' }
  | { status: 'ending'; entry: CalendarEntry; endOfSupport: string; daysLeft: number; plan: 'standard' | 'lts' }
  | { status: 'platform-support'; entry: CalendarEntry; endOfSupport: string; plan: 'standard' | 'lts' }
  | { status: 'unsupported'; entry?: CalendarEntry; endOfSupport?: string; plan: 'standard' | 'lts' }
  | { status: 'newer-than-calendar'; plan: 'standard' | 'lts' };

/**
 * The catalog's §4 algorithm for one minor at a date: past end of support is "platform-support" when the
 * minor is N-3 (N = newest minor whose AKS GA month has started at the date, planned ones included once
 * their month comes) and "unsupported" when older; within `warnDays` of its end it is "ending". The LTS
 * plan uses the LTS end date when the minor has one; a minor without LTS dates is judged on its community
 * dates (and the verdict says plan "standard").
 */
export function supportOf(minor: string, lts: boolean, asOf: Date, calendar: VersionCalendar, warnDays: number): SupportVerdict {
  const entry = calendar.versions.find((v) => v.minor === minor);
  if (!entry) {
    const plan = lts ? 'lts' : 'standard';
    const newest = calendar.versions[calendar.versions.length - 1];
    if (newest && compareMinor(minor, newest.minor) > 0) return { status: 'newer-than-calendar', plan };
    return { status: 'unsupported', plan };
  }
  const plan = lts && entry.ltsEol ? 'lts' : 'standard';
  const end = plan === 'lts' && entry.ltsEol ? entry.ltsEol : entry.eol;
  const daysLeft = daysBetween(asOf, end);
  if (daysLeft < 0) {
    const asOfMonth = asOf.toISOString().slice(0, 7);
    const ga = calendar.versions.filter((v) => v.aksGa.slice(0, 7) <= asOfMonth);
    const newest = ga[ga.length - 1];
    if (newest) {
      const [nm, nn] = newest.minor.split('.').map(Number) as [number, number];
      const [m, n] = minor.split('.').map(Number) as [number, number];
      // N-3 gets platform support. A minor past its end yet newer than N-3 only happens with an inconsistent
      // calendar; it is not "out of all support" either.
      if (m === nm && nn - n <= 3) return { status: 'platform-support', entry, endOfSupport: end, plan };
    }
    return { status: 'unsupported', entry, endOfSupport: end, plan };
  }
  if (daysLeft <= warnDays) return { status: 'ending', entry, endOfSupport: end, daysLeft, plan };
  return { status: 'supported', entry, endOfSupport: end, daysLeft, plan };
}
