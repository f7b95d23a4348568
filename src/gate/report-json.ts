import { VERSION } from '../version.js';
import { summarize, type GatedFinding, type GateSummary } from './evaluate.js';
import type { GateRun } from './io.js';

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

/** Everything but the findings, in the order the JSON report has them. */
function reportHead(run: GateRun): Omit<GateJsonReport, 'findings'> {
  return {
    schemaVersion: GATE_JSON_VERSION,
    kind: 'palisade.gate.vulnerabilities',
    tool: { name: 'palisade', version: VERSION },
    asOf: run.asOf,
    exitCode: gateExitCode(run),
    summary: summarize(run.findings),
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
 * The JSON text is written directly, byte by byte, instead of building the GateJsonReport tree and
 * pretty-printing it: for a large report (tens of thousands of findings) that tree, JSON.stringify's walk
 * over it and its intermediate strings were the slowest part of the gate. The text is byte for byte what
 * `JSON.stringify(toGateJson(run), null, 2)` gives (test/gate-json.test.ts checks that): same members in
 * the same order, two-space indentation, undefined members left out, and any string that needs escaping
 * (or is not ASCII) escaped by JSON.stringify itself.
 */

/** The output buffer is kept from one call to the next (up to this size): a large output then costs no fresh memory. */
const KEEP_SCRATCH_BYTES = 64 * 1024 * 1024;
let scratch: Buffer | undefined;

const PADS: string[] = [];
function pad(level: number): string {
  let p = PADS[level];
  if (p === undefined) {
    p = ' '.repeat(level * 2);
    PADS[level] = p;
  }
  return p;
}

/** `{\n<indent>"key": ` and `,\n<indent>"key": `, per level and key. */
const MEMBER_PREFIX: Map<string, [string, string]>[] = [];
function memberPrefix(key: string, level: number, first: boolean): string {
  let byKey = MEMBER_PREFIX[level];
  if (byKey === undefined) {
    byKey = new Map();
    MEMBER_PREFIX[level] = byKey;
  }
  let p = byKey.get(key);
  if (p === undefined) {
    const tail = `\n${pad(level)}${JSON.stringify(key)}: `;
    p = [`{${tail}`, `,${tail}`];
    byKey.set(key, p);
  }
  return first ? p[0] : p[1];
}

function isPlainData(o: object): boolean {
  const proto: unknown = Object.getPrototypeOf(o);
  return (proto === Object.prototype || proto === null) && typeof (o as { toJSON?: unknown }).toJSON !== 'function';
}

/** Writes UTF-8 into a growing buffer; notes whether every byte was ASCII (then latin1 decoding is exact and cheap). */
class JsonWriter {
  private buf: Buffer;
  pos = 0;
  private ascii = true;
  /** Records shared by many findings (image, layer), written once and then copied as bytes. */
  private readonly shared = new Map<object, Uint8Array>();

  /** Whether the current finding has no member written yet. */
  first = true;

  /** ownKeysOnly: objects' keys are listed with Object.keys (something enumerable is inherited). */
  constructor(
    expected: number,
    private readonly ownKeysOnly: boolean,
  ) {
    this.buf = scratch !== undefined && scratch.length >= expected ? scratch : Buffer.allocUnsafe(expected);
  }

  /** A member of the current finding (level 3), left out when JSON.stringify would leave it out. */
  member(key: string, v: unknown, shared = false): void {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return;
    this.raw(memberPrefix(key, 3, this.first));
    this.first = false;
    if (shared && typeof v === 'object' && v !== null) this.sharedComposite(v, 3);
    else this.value(v, 3);
  }

  private room(n: number): void {
    if (this.buf.length - this.pos >= n) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Text that is already JSON (constants, numbers, JSON.stringify results). */
  raw(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        this.pos = p + b.write(s.slice(i), p, 'utf8');
        this.ascii = false;
        return;
      }
      b[p++] = c;
    }
    this.pos = p;
  }

  /** A string value, quoted; escaped by JSON.stringify when it has anything but plain printable ASCII. */
  string(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    b[p++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7f) {
        this.pos = start;
        this.raw(JSON.stringify(s));
        return;
      }
      b[p++] = c;
    }
    b[p++] = 0x22;
    this.pos = p;
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
      const inner = pad(level + 1);
      for (let i = 0; i < o.length; i++) {
        this.raw(i === 0 ? '[\n' : ',\n');
        this.raw(inner);
        if (!this.value(o[i], level + 1)) this.raw('null');
      }
      this.raw('\n');
      this.raw(pad(level));
      this.raw(']');
      return;
    }
    if (!isPlainData(o)) {
      // Not plain data (a Date, a boxed value, …): JSON.stringify itself, indented to this depth.
      this.raw((JSON.stringify(o, null, 2) as string).replaceAll('\n', `\n${pad(level)}`));
      return;
    }
    let first = true;
    if (this.ownKeysOnly) {
      for (const k of Object.keys(o)) {
        const v = (o as Record<string, unknown>)[k];
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        this.raw(memberPrefix(k, level + 1, first));
        this.value(v, level + 1);
        first = false;
      }
    } else {
      // for…in lists the same keys as Object.keys here (nothing enumerable is inherited), without an array per object.
      for (const k in o) {
        const v = (o as Record<string, unknown>)[k];
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        this.raw(memberPrefix(k, level + 1, first));
        this.value(v, level + 1);
        first = false;
      }
    }
    if (first) this.raw('{}');
    else {
      this.raw('\n');
      this.raw(pad(level));
      this.raw('}');
    }
  }

  /** A composite shared by many findings: written once, then its bytes are copied. */
  sharedComposite(o: object, level: number): void {
    const bytes = this.shared.get(o);
    if (bytes !== undefined) {
      this.room(bytes.length);
      this.buf.set(bytes, this.pos);
      this.pos += bytes.length;
      return;
    }
    const start = this.pos;
    this.composite(o, level);
    this.shared.set(o, Uint8Array.prototype.slice.call(this.buf, start, this.pos));
  }

  /** The text written; the buffer is kept for the next call when it is not too large. */
  text(): string {
    const s = this.buf.toString(this.ascii ? 'latin1' : 'utf8', 0, this.pos);
    scratch = this.buf.length <= KEEP_SCRATCH_BYTES ? this.buf : undefined;
    return s;
  }
}

/** One finding, as toGateJson maps it, at the depth of the findings array's elements (level 2). */
function writeFinding(w: JsonWriter, f: GatedFinding): void {
  w.first = true;
  w.member('id', f.id);
  w.member('aliases', f.aliases);
  w.member('severity', f.severity);
  w.member('vendorStatus', f.vendorStatus);
  w.member('package', f.pkg);
  w.member('fixedVersions', f.fixedVersions);
  w.member('artifact', f.artifact);
  w.member('dates', f.dates);
  w.member('source', f.source);
  w.member('reports', f.reports);
  w.member('gate', f.gate);
  if (f.pkg.version !== undefined) w.member('installedVersion', f.pkg.version);
  if (f.image) w.member('image', f.image, true);
  if (f.layer) w.member('layer', f.layer, true);
  if (f.title !== undefined) w.member('title', f.title);
  if (f.url !== undefined) w.member('url', f.url);
  if (w.first) w.raw('{}');
  else {
    w.raw('\n');
    w.raw(pad(2));
    w.raw('}');
  }
}

/** Whether anything enumerable is inherited by plain objects (for…in would then list more than JSON.stringify). */
function inheritsEnumerables(): boolean {
  for (const _ in {}) return true;
  return false;
}

export function formatGateJson(run: GateRun): string {
  const head = reportHead(run);
  if (run.findings.length === 0) return `${JSON.stringify({ ...head, findings: [] }, null, 2)}\n`;
  // Everything but the findings is small: JSON.stringify writes it; the findings array is appended as the last member.
  const top = JSON.stringify(head, null, 2);
  const w = new JsonWriter(top.length + run.findings.length * 2048, inheritsEnumerables());
  w.raw(top.slice(0, -2));
  w.raw(`,\n${pad(1)}"findings": [`);
  const first = `\n${pad(2)}`;
  const sep = `,\n${pad(2)}`;
  for (let i = 0; i < run.findings.length; i++) {
    w.raw(i === 0 ? first : sep);
    writeFinding(w, run.findings[i] as GatedFinding);
  }
  w.raw(`\n${pad(1)}]\n}\n`);
  return w.text();
}
