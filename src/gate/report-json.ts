import { VERSION } from '../version.js';
import { summarize, type GateDecision, type GatedFinding, type GateSummary } from './evaluate.js';
import type { GateRun } from './io.js';
import { keepScratch, scratchBuffer } from './scratch.js';
import { hasKeys } from './util.js';

/** Bumped on any breaking change of the gate's JSON output. */
export const GATE_JSON_VERSION = 1;

/** 2 when no report was usable, 1 when something must be fixed now, 0 otherwise. */
export function gateExitCode(run: Pick<GateRun, 'reads' | 'findings'>): 0 | 1 | 2 {
  if (run.reads.length === 0) return 2;
  return run.findings.some((f) => f.gate.group === 'fix-now') ? 1 : 0;
}

export interface GateJsonFinding {
  id: string;
  aliases: string[];
  severity: string;
  vendorStatus: string;
  package: GatedFinding['pkg'];
  installedVersion?: string;
  fixedVersions: string[];
  image?: GatedFinding['image'];
  artifact: string;
  layer?: GatedFinding['layer'];
  title?: string;
  url?: string;
  dates: GatedFinding['dates'];
  source: string;
  reports: string[];
  gate: GatedFinding['gate'];
}

export interface GateJsonReport {
  schemaVersion: number;
  kind: 'palisade.gate.vulnerabilities';
  tool: { name: 'palisade'; version: string };
  asOf: string;
  exitCode: number;
  summary: GateSummary;
  reports: { file: string; format: string; findings: number }[];
  inputErrors: { file: string; message: string }[];
  notes: string[];
  stateWritten: boolean;
  findings: GateJsonFinding[];
}

/** Everything but the findings, in the order the JSON report has them (summary: when already counted). */
function reportHead(run: GateRun, summary = summarize(run.findings)): Omit<GateJsonReport, 'findings'> {
  return {
    schemaVersion: GATE_JSON_VERSION,
    kind: 'palisade.gate.vulnerabilities',
    tool: { name: 'palisade', version: VERSION },
    asOf: run.asOf,
    // gateExitCode(run), from the counts: something is to be fixed now when the fix-now group is not empty.
    exitCode: run.reads.length === 0 ? 2 : summary.groups['fix-now'] > 0 ? 1 : 0,
    summary,
    reports: run.reads.map((r) => ({ file: r.file, format: r.format, findings: r.findings.length })),
    inputErrors: run.inputErrors,
    notes: run.notes,
    stateWritten: run.stateWritten,
  };
}

export function toGateJson(run: GateRun): GateJsonReport {
  return {
    ...reportHead(run),
    findings: run.findings.map((f) => {
      const o: GateJsonFinding = {
        id: f.id,
        aliases: f.aliases,
        severity: f.severity,
        vendorStatus: f.vendorStatus,
        package: f.pkg,
        fixedVersions: f.fixedVersions,
        artifact: f.artifact,
        dates: f.dates,
        source: f.source,
        reports: f.reports,
        gate: f.gate,
      };
      if (f.pkg.version !== undefined) o.installedVersion = f.pkg.version;
      if (f.image) o.image = f.image;
      if (f.layer) o.layer = f.layer;
      if (f.title !== undefined) o.title = f.title;
      if (f.url !== undefined) o.url = f.url;
      return o;
    }),
  };
}

/*
 * The JSON text is written directly, as bytes, instead of building the GateJsonReport tree and
 * pretty-printing it: for a large report (tens of thousands of findings) that tree and JSON.stringify's
 * walk over it were the slowest part of the gate. The text is byte for byte what
 * `JSON.stringify(toGateJson(run), null, 2)` gives, or `JSON.stringify(toGateJson(run))` above
 * GATE_JSON_COMPACT_OVER findings (test/gate-json.test.ts checks both): same members in the same order,
 * the same indentation, undefined members left out, and any string that needs escaping (or is not ASCII)
 * escaped by JSON.stringify itself.
 *
 * What makes it fast on large reports: a finding's package, dates and decision have the same members in
 * the same order every time, and most of their values repeat from finding to finding (severity, status,
 * dates, reasons…), so the bytes of `"member": "value"` are kept per value and copied; the members' names
 * and indentation are constant bytes; image and layer records are written once. An object of another shape
 * is written member by member, as JSON.stringify would.
 */

/**
 * Where the text has newlines and indentation: JSON.stringify's with two spaces (pretty), or none at all
 * (compact, JSON.stringify's without a gap argument).
 */
class Layout {
  private readonly newlines: string[] = [];
  /** `{<newline>"key": ` and `,<newline>"key": `, per level and key. */
  private readonly prefixes: Map<string, [string, string]>[] = [];
  readonly colon: string;

  constructor(readonly gap: 0 | 2) {
    this.colon = gap === 0 ? ':' : ': ';
    this.c = this.constants();
  }

  /** Before a member or element at this depth (and before the closing bracket one level up). */
  nl(level: number): string {
    let n = this.newlines[level];
    if (n === undefined) {
      n = this.gap === 0 ? '' : `\n${' '.repeat(level * this.gap)}`;
      this.newlines[level] = n;
    }
    return n;
  }

  memberPrefix(key: string, level: number, first: boolean): string {
    let byKey = this.prefixes[level];
    if (byKey === undefined) {
      byKey = new Map();
      this.prefixes[level] = byKey;
    }
    let p = byKey.get(key);
    if (p === undefined) {
      const tail = `${this.nl(level)}${JSON.stringify(key)}${this.colon}`;
      p = [`{${tail}`, `,${tail}`];
      byKey.set(key, p);
    }
    return first ? p[0] : p[1];
  }

  /** A member name with what comes before it. */
  mText(key: string, level = 3, lead = ','): string {
    return `${lead}${this.nl(level)}"${key}"${this.colon}`;
  }

  /** The same, as bytes. */
  m(key: string, level = 3, lead = ','): Uint8Array {
    return ascii(this.mText(key, level, lead));
  }

  /** JSON.stringify(o, null, gap) nested `level` deep. */
  stringify(o: unknown, level: number): string {
    return this.gap === 0 ? (JSON.stringify(o) as string) : (JSON.stringify(o, null, this.gap) as string).replaceAll('\n', this.nl(level));
  }

  /** Constant bytes of a finding (level 2) and of its package, dates and decision (level 3). */
  readonly c: ReturnType<Layout['constants']>;

  private constants() {
    const m = (key: string, level = 3, lead = ','): string => this.mText(key, level, lead);
    return {
      open: ascii(m('id', 3, '{')),
      aliases: ascii(m('aliases')),
      noAliases: ascii(`${m('aliases')}[]`),
      package: ascii(m('package')),
      fixedVersions: ascii(m('fixedVersions')),
      noFixedVersions: ascii(`${m('fixedVersions')}[]`),
      dates: ascii(m('dates')),
      reports: ascii(m('reports')),
      gate: ascii(m('gate')),
      installedVersion: ascii(m('installedVersion')),
      image: ascii(m('image')),
      layer: ascii(m('layer')),
      title: ascii(m('title')),
      url: ascii(m('url')),
      close: ascii(`${this.nl(2)}}`),
      openArray4: ascii(`[${this.nl(4)}`),
      closeArray3: ascii(`${this.nl(3)}]`),
      pkgName: ascii(m('name', 4, '{')),
      pkgPurl: ascii(m('purl', 4)),
      pkgVersion: ascii(m('version', 4)),
      close3: ascii(`${this.nl(3)}}`),
      fixableTrue: ascii(`${m('fixable', 4)}true`),
      fixableFalse: ascii(`${m('fixable', 4)}false`),
    };
  }
}

const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const PRETTY = new Layout(2);
const COMPACT = new Layout(0);

function isPlainData(o: object): boolean {
  const proto: unknown = Object.getPrototypeOf(o);
  return (proto === Object.prototype || proto === null) && typeof (o as { toJSON?: unknown }).toJSON !== 'function';
}

const PKG_KEYS = ['name', 'type', 'purl', 'version'] as const;
const DATES_KEYS = ['published', 'scanAt'] as const;
const SCAN_DATE_KEYS = ['scanAt'] as const;
const GATE_KEYS = ['firstSeen', 'firstSeenSource', 'graceDays', 'fixable', 'group', 'reason'] as const;
const GATE_KEYS_DUE = ['firstSeen', 'firstSeenSource', 'graceDays', 'fixable', 'group', 'due', 'reason'] as const;

/** The bytes of `<prefix><value as JSON>` for values seen before: the last few compared first, then a map. */
class PairCache {
  private readonly keys: string[] = [];
  private readonly values: Uint8Array[] = [];
  private next = 0;
  private readonly more = new Map<string, Uint8Array>();

  constructor(readonly prefix: Uint8Array) {}

  get(v: string): Uint8Array | undefined {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === v) return this.values[i];
    const hit = this.more.get(v);
    if (hit !== undefined) this.recent(v, hit);
    return hit;
  }

  set(v: string, bytes: Uint8Array): void {
    this.recent(v, bytes);
    if (this.more.size < 20_000) this.more.set(v, bytes);
  }

  private recent(v: string, bytes: Uint8Array): void {
    if (this.keys.length < 8) {
      this.keys.push(v);
      this.values.push(bytes);
    } else {
      const i = this.next++ & 7;
      this.keys[i] = v;
      this.values[i] = bytes;
    }
  }
}

/** Writes UTF-8 into a growing buffer; notes whether every byte was ASCII (then latin1 decoding is exact and cheap). */
class JsonWriter {
  private buf: Buffer;
  private pos = 0;
  /** Chunks handed to the sink so far. */
  private flushes = 0;
  private ascii = true;
  /** Records shared by many findings (image, layer), written once and then copied as bytes. */
  private readonly shared = new Map<object, Uint8Array>();
  private readonly c: Layout['c'];
  private readonly severity: PairCache;
  private readonly vendorStatus: PairCache;
  private readonly artifact: PairCache;
  private readonly source: PairCache;
  private readonly report: PairCache;
  private readonly pkgType: PairCache;
  private readonly published: PairCache;
  private readonly scanAt: PairCache;
  private readonly scanAtOnly: PairCache;
  private readonly firstSeen: PairCache;
  private readonly firstSeenSource: PairCache;
  private readonly group: PairCache;
  private readonly due: PairCache;
  private readonly reason: PairCache;
  private readonly graceDays = new Map<number | null, Uint8Array>();

  /**
   * fast: plain objects' keys are listed with for…in and the usual shapes are recognised (nothing
   * enumerable is inherited). With a sink, the text is handed over chunk by chunk as the buffer fills (the
   * sink returns whether it is done with the chunk, so the buffer can be filled again); without one the
   * buffer grows to hold it all.
   */
  constructor(
    expected: number,
    private readonly fast: boolean,
    private readonly layout: Layout,
    private readonly sink?: ChunkSink,
  ) {
    // A chunk is taken from the scratch buffer, whose memory the report's reader has already touched.
    this.buf = sink ? scratchBuffer(expected).subarray(0, expected) : scratchBuffer(expected);
    const l = layout;
    this.c = l.c;
    this.severity = new PairCache(l.m('severity'));
    this.vendorStatus = new PairCache(l.m('vendorStatus'));
    this.artifact = new PairCache(l.m('artifact'));
    this.source = new PairCache(l.m('source'));
    this.report = new PairCache(l.c.openArray4);
    this.pkgType = new PairCache(l.m('type', 4));
    this.published = new PairCache(l.m('published', 4, '{'));
    this.scanAt = new PairCache(l.m('scanAt', 4));
    this.scanAtOnly = new PairCache(l.m('scanAt', 4, '{'));
    this.firstSeen = new PairCache(l.m('firstSeen', 4, '{'));
    this.firstSeenSource = new PairCache(l.m('firstSeenSource', 4));
    this.group = new PairCache(l.m('group', 4));
    this.due = new PairCache(l.m('due', 4));
    this.reason = new PairCache(l.m('reason', 4));
  }

  /** Room for n more bytes: with a sink, by handing over what was written (callers send larger writes direct). */
  private room(n: number): void {
    if (this.buf.length - this.pos >= n) return;
    if (this.sink) {
      this.flush();
      if (this.buf.length >= n) return;
    }
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** With a sink, whether n bytes are more than a chunk holds: they then go to the sink as a chunk of their own. */
  private oversized(n: number): boolean {
    return this.sink !== undefined && n > this.buf.length;
  }

  /** Bytes nobody writes over (new, or kept for copying) handed to the sink after what was written before them. */
  private direct(b: Uint8Array): void {
    this.flush();
    (this.sink as ChunkSink)(b);
    this.flushes++;
  }

  private bytes(b: Uint8Array): void {
    if (this.oversized(b.length)) {
      this.direct(b);
      return;
    }
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Text that is already JSON (constants, numbers, JSON.stringify results). */
  raw(s: string): void {
    const n = s.length;
    if (this.oversized(n)) {
      this.utf8(s);
      return;
    }
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        this.pos = p;
        this.utf8(s.slice(i));
        return;
      }
      b[p++] = c;
    }
    this.pos = p;
  }

  /** Text with characters beyond ASCII (or too long for a chunk), encoded as UTF-8. */
  private utf8(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    if (n !== s.length) this.ascii = false;
    if (this.oversized(n)) {
      this.direct(Buffer.from(s, 'utf8'));
      return;
    }
    this.room(n);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /**
   * A string value, quoted; escaped by JSON.stringify when it has anything but plain printable ASCII.
   * True when it was plain (its bytes are its characters).
   */
  string(s: string): boolean {
    const n = s.length;
    if (this.oversized(n + 2)) {
      this.raw(JSON.stringify(s));
      return false;
    }
    this.room(n + 2);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    b[p++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) {
        this.pos = start;
        this.raw(JSON.stringify(s));
        return false;
      }
      b[p++] = c;
    }
    b[p++] = 0x22;
    this.pos = p;
    return true;
  }

  /** `<prefix>"<v>"` through a cache of the values seen before. */
  private pair(cache: PairCache, v: string): void {
    const hit = cache.get(v);
    if (hit !== undefined) {
      this.bytes(hit);
      return;
    }
    const start = this.pos;
    const flushes = this.flushes;
    this.bytes(cache.prefix);
    // Kept only when the bytes are all in the buffer still (no chunk was handed over meanwhile).
    if (this.string(v) && this.flushes === flushes) cache.set(v, new Uint8Array(this.buf.subarray(start, this.pos)));
  }

  /** JSON.stringify(v, null, 2) of a value nested `level` deep; false (nothing written) where JSON.stringify leaves a member out. */
  value(v: unknown, level: number): boolean {
    switch (typeof v) {
      case 'string':
        this.string(v);
        return true;
      case 'number':
        this.raw(Number.isFinite(v) ? String(v) : 'null');
        return true;
      case 'boolean':
        this.raw(v ? 'true' : 'false');
        return true;
      case 'object':
        if (v === null) this.raw('null');
        else this.composite(v, level);
        return true;
      case 'bigint':
        JSON.stringify(v); // throws, as JSON.stringify of the whole report would
        return false;
      default:
        return false; // undefined, functions, symbols
    }
  }

  composite(o: object, level: number): void {
    if (Array.isArray(o)) {
      if (o.length === 0) {
        this.raw('[]');
        return;
      }
      const inner = this.layout.nl(level + 1);
      for (let i = 0; i < o.length; i++) {
        this.raw(i === 0 ? '[' : ',');
        this.raw(inner);
        if (!this.value(o[i], level + 1)) this.raw('null');
      }
      this.raw(this.layout.nl(level));
      this.raw(']');
      return;
    }
    if (!isPlainData(o)) {
      // Not plain data (a Date, a boxed value, …): JSON.stringify itself, indented to this depth.
      this.raw(this.layout.stringify(o, level));
      return;
    }
    let first = true;
    const member = (k: string): void => {
      const v = (o as Record<string, unknown>)[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return;
      this.raw(this.layout.memberPrefix(k, level + 1, first));
      this.value(v, level + 1);
      first = false;
    };
    if (this.fast) {
      // for…in lists the same keys as Object.keys here (nothing enumerable is inherited), without an array per object.
      for (const k in o) member(k);
    } else {
      for (const k of Object.keys(o)) member(k);
    }
    if (first) this.raw('{}');
    else {
      this.raw(this.layout.nl(level));
      this.raw('}');
    }
  }

  /** A composite shared by many findings: written once, then its bytes are copied. */
  private sharedComposite(o: object, level: number): void {
    const bytes = this.shared.get(o);
    if (bytes !== undefined) {
      this.bytes(bytes);
      return;
    }
    const start = this.pos;
    const flushes = this.flushes;
    this.composite(o, level);
    if (this.flushes === flushes) this.shared.set(o, new Uint8Array(this.buf.subarray(start, this.pos)));
  }

  /** A member that toGateJson sets only when present: `<prefix><value>`, or nothing where JSON.stringify leaves it out. */
  private optional(prefix: Uint8Array, v: unknown, shared = false): void {
    if (typeof v === 'string') {
      this.bytes(prefix);
      this.string(v);
    } else if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') {
      this.bytes(prefix);
      if (shared && typeof v === 'object' && v !== null) this.sharedComposite(v, 3);
      else this.value(v, 3);
    }
  }

  /** One finding, as toGateJson maps it, at the depth of the findings array's elements (level 2). */
  finding(f: GatedFinding): void {
    const { id, aliases, severity, vendorStatus, pkg, fixedVersions, artifact, dates, source, reports, gate } = f;
    if (
      !this.fast ||
      typeof id !== 'string' ||
      !Array.isArray(aliases) ||
      typeof severity !== 'string' ||
      typeof vendorStatus !== 'string' ||
      typeof pkg !== 'object' ||
      pkg === null ||
      !Array.isArray(fixedVersions) ||
      typeof artifact !== 'string' ||
      typeof dates !== 'object' ||
      dates === null ||
      typeof source !== 'string' ||
      !Array.isArray(reports) ||
      typeof gate !== 'object' ||
      gate === null
    ) {
      this.anyFinding(f);
      return;
    }
    this.bytes(this.c.open);
    this.string(id);
    if (aliases.length === 0) this.bytes(this.c.noAliases);
    else {
      this.bytes(this.c.aliases);
      this.composite(aliases, 3);
    }
    this.pair(this.severity, severity);
    this.pair(this.vendorStatus, vendorStatus);
    this.bytes(this.c.package);
    this.pkg(pkg);
    if (fixedVersions.length === 0) this.bytes(this.c.noFixedVersions);
    else if (fixedVersions.length === 1 && typeof fixedVersions[0] === 'string') {
      this.bytes(this.c.fixedVersions);
      this.bytes(this.c.openArray4);
      this.string(fixedVersions[0]);
      this.bytes(this.c.closeArray3);
    } else {
      this.bytes(this.c.fixedVersions);
      this.composite(fixedVersions, 3);
    }
    this.pair(this.artifact, artifact);
    this.bytes(this.c.dates);
    this.dates(dates);
    this.pair(this.source, source);
    this.bytes(this.c.reports);
    if (reports.length === 1 && typeof reports[0] === 'string') {
      this.pair(this.report, reports[0]);
      this.bytes(this.c.closeArray3);
    } else this.composite(reports, 3);
    this.bytes(this.c.gate);
    this.gate(gate);
    if (pkg.version !== undefined) this.optional(this.c.installedVersion, pkg.version);
    if (f.image) this.optional(this.c.image, f.image, true);
    if (f.layer) this.optional(this.c.layer, f.layer, true);
    if (f.title !== undefined) this.optional(this.c.title, f.title);
    if (f.url !== undefined) this.optional(this.c.url, f.url);
    this.bytes(this.c.close);
  }

  private pkg(p: GatedFinding['pkg']): void {
    if (!isPlainData(p) || !hasKeys(p, PKG_KEYS) || typeof p.name !== 'string' || typeof p.type !== 'string' || typeof p.purl !== 'string' || typeof p.version !== 'string') {
      this.composite(p, 3);
      return;
    }
    this.bytes(this.c.pkgName);
    this.string(p.name);
    this.pair(this.pkgType, p.type);
    this.bytes(this.c.pkgPurl);
    this.string(p.purl);
    this.bytes(this.c.pkgVersion);
    this.string(p.version);
    this.bytes(this.c.close3);
  }

  private dates(d: GatedFinding['dates']): void {
    if (isPlainData(d)) {
      if (hasKeys(d, DATES_KEYS) && typeof d.published === 'string' && typeof d.scanAt === 'string') {
        this.pair(this.published, d.published);
        this.pair(this.scanAt, d.scanAt);
        this.bytes(this.c.close3);
        return;
      }
      if (hasKeys(d, SCAN_DATE_KEYS) && typeof d.scanAt === 'string') {
        this.pair(this.scanAtOnly, d.scanAt);
        this.bytes(this.c.close3);
        return;
      }
    }
    this.composite(d, 3);
  }

  private gate(g: GateDecision): void {
    const graceDays = g.graceDays;
    if (
      !isPlainData(g) ||
      !(g.due === undefined ? hasKeys(g, GATE_KEYS) : hasKeys(g, GATE_KEYS_DUE) && typeof g.due === 'string') ||
      typeof g.firstSeen !== 'string' ||
      typeof g.firstSeenSource !== 'string' ||
      !(graceDays === null || (typeof graceDays === 'number' && Number.isFinite(graceDays))) ||
      typeof g.fixable !== 'boolean' ||
      typeof g.group !== 'string' ||
      typeof g.reason !== 'string'
    ) {
      this.composite(g, 3);
      return;
    }
    this.pair(this.firstSeen, g.firstSeen);
    this.pair(this.firstSeenSource, g.firstSeenSource);
    let days = this.graceDays.get(graceDays);
    if (days === undefined) {
      days = ascii(`${this.layout.mText('graceDays', 4)}${graceDays === null ? 'null' : String(graceDays)}`);
      this.graceDays.set(graceDays, days);
    }
    this.bytes(days);
    this.bytes(g.fixable ? this.c.fixableTrue : this.c.fixableFalse);
    this.pair(this.group, g.group);
    if (g.due !== undefined) this.pair(this.due, g.due);
    this.pair(this.reason, g.reason);
    this.bytes(this.c.close3);
  }

  /** A finding of any shape: every member through value(), in toGateJson's order. */
  private anyFinding(f: GatedFinding): void {
    let first = true;
    const member = (key: string, v: unknown, shared = false): void => {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return;
      this.raw(this.layout.memberPrefix(key, 3, first));
      first = false;
      if (shared && typeof v === 'object' && v !== null) this.sharedComposite(v, 3);
      else this.value(v, 3);
    };
    member('id', f.id);
    member('aliases', f.aliases);
    member('severity', f.severity);
    member('vendorStatus', f.vendorStatus);
    member('package', f.pkg);
    member('fixedVersions', f.fixedVersions);
    member('artifact', f.artifact);
    member('dates', f.dates);
    member('source', f.source);
    member('reports', f.reports);
    member('gate', f.gate);
    if (f.pkg.version !== undefined) member('installedVersion', f.pkg.version);
    if (f.image) member('image', f.image, true);
    if (f.layer) member('layer', f.layer, true);
    if (f.title !== undefined) member('title', f.title);
    if (f.url !== undefined) member('url', f.url);
    if (first) this.raw('{}');
    else this.bytes(this.c.close);
  }

  /** Hands what was written to the sink; a chunk the sink keeps is not written over (a fresh one is taken). */
  flush(): void {
    if (!this.sink || this.pos === 0) return;
    const done = this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
    this.flushes++;
    if (!done) this.buf = Buffer.allocUnsafe(this.buf.length);
  }

  /** The text written (without a sink); the buffer is handed back for the next use. */
  text(): string {
    const s = this.buf.toString(this.ascii ? 'latin1' : 'utf8', 0, this.pos);
    keepScratch(this.buf);
    return s;
  }
}

/** Whether anything enumerable is inherited by plain objects (for…in would then list more than JSON.stringify). */
function inheritsEnumerables(): boolean {
  for (const _ in {}) return true;
  return false;
}

/**
 * Reports with more findings than this are written without indentation (what JSON.stringify(report) gives
 * instead of JSON.stringify(report, null, 2)): the same JSON, a quarter smaller, and nobody reads tens of
 * thousands of findings by eye.
 */
export const GATE_JSON_COMPACT_OVER = 1000;

export function formatGateJson(run: GateRun): string {
  const findings = run.findings;
  if (findings.length === 0) return `${JSON.stringify({ ...reportHead(run), findings: [] }, null, 2)}\n`;
  const w = new JsonWriter(64 * 1024 + findings.length * 1024, !inheritsEnumerables(), layoutFor(findings.length));
  writeReport(w, run);
  return w.text();
}

/**
 * Receives the bytes of a report, a chunk at a time; returns true when it is done with the chunk (written
 * it out, or copied it) so that its memory can be filled again, false when it keeps a reference to it.
 */
export type ChunkSink = (chunk: Uint8Array) => boolean;

/** Bytes per chunk handed to a sink. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * The same text as formatGateJson, as UTF-8 bytes handed to sink a chunk at a time: a large report is
 * never held whole in memory, as a string or as bytes (on a machine where fresh memory is slow to come by,
 * making the tens of megabytes of a large report's text cost more than writing them).
 */
export function writeGateJson(run: GateRun, sink: ChunkSink, chunkBytes = CHUNK_BYTES): void {
  const findings = run.findings;
  if (findings.length === 0) {
    sink(Buffer.from(formatGateJson(run), 'utf8'));
    return;
  }
  const w = new JsonWriter(Math.max(1, chunkBytes), !inheritsEnumerables(), layoutFor(findings.length), sink);
  writeReport(w, run);
  w.flush();
}

function layoutFor(findings: number): Layout {
  return findings > GATE_JSON_COMPACT_OVER ? COMPACT : PRETTY;
}

/** Everything before the findings (with the summary, counted first), the findings, and the closing brackets. */
function writeReport(w: JsonWriter, run: GateRun): void {
  const findings = run.findings;
  const layout = layoutFor(findings.length);
  const top = layout.stringify(reportHead(run, summarize(findings)), 0);
  w.raw(`${top.slice(0, -1 - layout.nl(0).length)},${layout.nl(1)}"findings"${layout.colon}[${layout.nl(2)}`);
  const sep = `,${layout.nl(2)}`;
  for (let i = 0; i < findings.length; i++) {
    if (i > 0) w.raw(sep);
    w.finding(findings[i] as GatedFinding);
  }
  w.raw(`${layout.nl(1)}]${layout.nl(0)}}\n`);
}
