import { isAscii } from 'node:buffer';
import type { ImageInfo, LayerInfo, NormalizedFinding, ReportRead, VendorStatus } from './types.js';
import { scratchBuffer } from './scratch.js';
import { arr, canonical, day, layerResolver, severity, splitVersions, str, vendorStatus, type Json } from './util.js';

/** The fields of one Trivy vulnerability entry the gate reads, as they are in the report (anything, not only strings). */
export interface TrivyVulnFields {
  id: unknown;
  pkgName: unknown;
  vendorIds: unknown;
  fixedVersion: unknown;
  status: unknown;
  severity: unknown;
  /** PkgIdentifier.PURL */
  purl: unknown;
  installedVersion: unknown;
  title: unknown;
  primaryUrl: unknown;
  /** Layer.DiffID */
  layerDiffId: unknown;
  /** Layer.Digest */
  layerDigest: unknown;
  published: unknown;
}

interface TrivyContext {
  file: string;
  artifact: string;
  image: ImageInfo | undefined;
  resolve: (diffId: string | undefined, digest: string | undefined) => LayerInfo | undefined;
  scanAt: string | undefined;
}

function trivyContext(doc: Json, file: string): TrivyContext {
  const meta = doc.Metadata ?? {};
  const artifact = str(doc.ArtifactName) ?? file;
  let image: ImageInfo | undefined;
  if (doc.ArtifactType === 'container_image' || meta.ImageID || meta.RepoTags) {
    const name = str(arr(meta.RepoTags)[0]) ?? str(meta.Reference) ?? artifact;
    image = { name };
    const repoDigest = str(arr(meta.RepoDigests)[0]);
    const digest = repoDigest?.includes('@') ? repoDigest.split('@')[1] : str(meta.ImageID);
    if (digest) image.digest = digest;
  }
  return { file, artifact, image, resolve: layerResolver(meta.ImageConfig, arr(meta.DiffIDs)), scanAt: day(doc.CreatedAt) };
}

const NO_IDS: string[] = [];

function trivyFinding(ctx: TrivyContext, type: string | undefined, v: TrivyVulnFields): NormalizedFinding | undefined {
  const rawId = str(v.id);
  const pkgName = str(v.pkgName);
  if (!rawId || !pkgName) return undefined;
  const { id, aliases } = canonical(rawId, Array.isArray(v.vendorIds) ? v.vendorIds.filter((x: unknown) => typeof x === 'string') : NO_IDS);
  const fixedVersions = splitVersions(v.fixedVersion);
  const rawStatus = str(v.status);
  const vendor: VendorStatus = (rawStatus && vendorStatus(rawStatus)) || (fixedVersions.length > 0 ? 'fixed' : 'affected');
  const sev = severity(v.severity);
  const purl = str(v.purl);
  const version = str(v.installedVersion);
  const title = str(v.title);
  const url = str(v.primaryUrl);
  const layer = ctx.resolve(str(v.layerDiffId), str(v.layerDigest));
  const published = day(v.published);
  const image = ctx.image;
  const scanAt = ctx.scanAt;
  // The usual entry has every field: made in one go, with the members in the same order as below.
  if (type && purl && version && title && url && image && layer && published && scanAt) {
    return {
      source: 'trivy',
      reports: [ctx.file],
      id,
      aliases,
      pkg: { name: pkgName, type, purl, version },
      fixedVersions,
      severity: sev,
      vendorStatus: vendor,
      artifact: ctx.artifact,
      dates: { published, scanAt },
      title,
      url,
      image,
      layer,
    };
  }
  const f: NormalizedFinding = {
    source: 'trivy',
    reports: [ctx.file],
    id,
    aliases,
    pkg: { name: pkgName },
    fixedVersions,
    severity: sev,
    vendorStatus: vendor,
    artifact: ctx.artifact,
    dates: {},
  };
  if (type) f.pkg.type = type;
  if (purl) f.pkg.purl = purl;
  if (version) f.pkg.version = version;
  if (title) f.title = title;
  if (url) f.url = url;
  if (image) f.image = image;
  if (layer) f.layer = layer;
  if (published) f.dates.published = published;
  if (scanAt) f.dates.scanAt = scanAt;
  return f;
}

/** Trivy JSON, SchemaVersion 2 (reference §4.1), from the parsed document. */
export function readTrivy(doc: Json, file: string): ReportRead {
  const ctx = trivyContext(doc, file);
  const findings: NormalizedFinding[] = [];
  for (const result of arr(doc.Results)) {
    const type = str(result?.Type);
    for (const v of arr(result?.Vulnerabilities)) {
      if (v === null || typeof v !== 'object') continue;
      const f = trivyFinding(ctx, type, {
        id: v.VulnerabilityID,
        pkgName: v.PkgName,
        vendorIds: v.VendorIDs,
        fixedVersion: v.FixedVersion,
        status: v.Status,
        severity: v.Severity,
        purl: v.PkgIdentifier?.PURL,
        installedVersion: v.InstalledVersion,
        title: v.Title,
        primaryUrl: v.PrimaryURL,
        layerDiffId: v.Layer?.DiffID,
        layerDigest: v.Layer?.Digest,
        published: v.PublishedDate,
      });
      if (f) findings.push(f);
    }
  }
  return { file, format: 'trivy', findings, vex: [], notes: [] };
}

// ---------------------------------------------------------------------------------------------
// Reading a Trivy report straight from its text.
//
// JSON.parse of a large Trivy report builds every field of every entry (descriptions, CVSS vectors,
// references, …) only for the gate to keep a dozen strings per finding; on large reports that object
// tree, and the garbage collector moving it, cost more than everything else. scanTrivyText checks the
// whole text against the JSON grammar (it accepts exactly what JSON.parse accepts) and keeps only the
// fields readTrivy reads, with JSON.parse's meaning (a repeated key: the last one counts; escapes decoded
// by JSON.parse itself). The top-level members other than Results are small and given to JSON.parse.
// Anything it does not handle (not an object with a Results array, broken JSON, a member named
// __proto__, another format's members) makes it answer undefined, and the caller reads the report the
// ordinary way, so errors and other formats behave as before.
// ---------------------------------------------------------------------------------------------

/*
 * The scan works on the text's UTF-8 bytes (in a buffer kept from one report to the next; comparing bytes
 * is about twice as fast as reading characters from a string). Multi-byte characters only ever occur
 * inside strings and never look like JSON punctuation. When the text is ASCII, byte i is character i and
 * values are slices of the text (the findings then keep the text in memory as long as they live, instead
 * of copies of their strings); otherwise they are decoded from the bytes. A report read from a file is
 * scanned in the bytes read (scanTrivyBytes), never decoded as a whole: its values are copied out of them.
 */
let T = '';
const NO_BYTES = Buffer.alloc(0);
let BUF: Buffer = NO_BYTES;
/** The text's length in bytes; the buffer has zero bytes after it (a zero is never valid JSON: scanning stops there). */
let LEN = 0;
let ALIGNED = true;

function text(a: number, b: number): string {
  if (!ALIGNED) return BUF.toString('utf8', a, b);
  return T !== '' ? T.slice(a, b) : BUF.toString('latin1', a, b);
}

const bytesOf = (s: string): Uint8Array => Buffer.from(s, 'utf8');
/** Member names and literals, as bytes. */
const K = {
  VulnerabilityID: bytesOf('VulnerabilityID'),
  PkgName: bytesOf('PkgName'),
  VendorIDs: bytesOf('VendorIDs'),
  FixedVersion: bytesOf('FixedVersion'),
  Status: bytesOf('Status'),
  Severity: bytesOf('Severity'),
  PkgIdentifier: bytesOf('PkgIdentifier'),
  PublishedDate: bytesOf('PublishedDate'),
  InstalledVersion: bytesOf('InstalledVersion'),
  Title: bytesOf('Title'),
  Layer: bytesOf('Layer'),
  PrimaryURL: bytesOf('PrimaryURL'),
  PURL: bytesOf('PURL'),
  DiffID: bytesOf('DiffID'),
  Digest: bytesOf('Digest'),
  Type: bytesOf('Type'),
  Vulnerabilities: bytesOf('Vulnerabilities'),
  true: bytesOf('true'),
  false: bytesOf('false'),
  null: bytesOf('null'),
};

function bytesAt(t: Uint8Array, p: number, name: Uint8Array): boolean {
  for (let i = 0; i < name.length; i++) if (t[p + i] !== name[i]) return false;
  return true;
}

/** Whether the last string scanned had an escape (then its value is decoded by JSON.parse). */
let lastEscaped = false;
/** The value of the last string field read by stringField (undefined when the value was not a string). */
let lastValue: string | undefined;

function ws(t: Uint8Array, p: number): number {
  for (;;) {
    const c = t[p] as number;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
    else return p;
  }
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** A string starting at p (its quote); the position after its closing quote, or -1 when it is not valid JSON. */
function skipString(t: Uint8Array, p: number): number {
  let escaped = false;
  p++;
  for (;;) {
    const c = t[p] as number;
    if (c === 0x22) {
      lastEscaped = escaped;
      return p + 1;
    }
    if (c === 0x5c) {
      escaped = true;
      const e = t[p + 1] as number;
      if (e === 0x75) {
        if (!isHex(t[p + 2] as number) || !isHex(t[p + 3] as number) || !isHex(t[p + 4] as number) || !isHex(t[p + 5] as number)) return -1;
        p += 6;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        p += 2;
      } else {
        return -1;
      }
      continue;
    }
    // A control character, or the end of the text (the zero bytes after it).
    if (c < 0x20) return -1;
    p++;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function skipNumber(t: Uint8Array, p: number): number {
  let c = t[p] as number;
  if (c === 0x2d) c = t[++p] as number;
  if (c === 0x30) c = t[++p] as number;
  else if (c >= 0x31 && c <= 0x39) {
    do c = t[++p] as number;
    while (isDigit(c));
  } else return -1;
  if (c === 0x2e) {
    c = t[++p] as number;
    if (!isDigit(c)) return -1;
    do c = t[++p] as number;
    while (isDigit(c));
  }
  if (c === 0x65 || c === 0x45) {
    c = t[++p] as number;
    if (c === 0x2b || c === 0x2d) c = t[++p] as number;
    if (!isDigit(c)) return -1;
    do c = t[++p] as number;
    while (isDigit(c));
  }
  return p;
}

/** Any value starting at p (no whitespace before it); the position after it, or -1. */
function skipValue(t: Uint8Array, p: number): number {
  const c = t[p] as number;
  if (c === 0x22) return skipString(t, p);
  if (c === 0x7b) return skipObject(t, p);
  if (c === 0x5b) return skipArray(t, p);
  if (c === 0x74) return bytesAt(t, p, K.true) ? p + 4 : -1;
  if (c === 0x66) return bytesAt(t, p, K.false) ? p + 5 : -1;
  if (c === 0x6e) return bytesAt(t, p, K.null) ? p + 4 : -1;
  return skipNumber(t, p);
}

function skipObject(t: Uint8Array, p: number): number {
  p = ws(t, p + 1);
  if (t[p] === 0x7d) return p + 1;
  for (;;) {
    if (t[p] !== 0x22) return -1;
    p = skipString(t, p);
    if (p < 0) return -1;
    p = ws(t, p);
    if (t[p] !== 0x3a) return -1;
    p = skipValue(t, ws(t, p + 1));
    if (p < 0) return -1;
    p = ws(t, p);
    const c = t[p] as number;
    if (c === 0x2c) p = ws(t, p + 1);
    else return c === 0x7d ? p + 1 : -1;
  }
}

function skipArray(t: Uint8Array, p: number): number {
  p = ws(t, p + 1);
  if (t[p] === 0x5d) return p + 1;
  for (;;) {
    p = skipValue(t, p);
    if (p < 0) return -1;
    p = ws(t, p);
    const c = t[p] as number;
    if (c === 0x2c) p = ws(t, p + 1);
    else return c === 0x5d ? p + 1 : -1;
  }
}

/** A string value starting at p into lastValue (undefined, and skipped, when the value is not a string). */
function stringField(t: Uint8Array, p: number, recent?: Recent): number {
  if (t[p] !== 0x22) {
    lastValue = undefined;
    return skipValue(t, p);
  }
  const end = skipString(t, p);
  if (end < 0) return -1;
  lastValue = lastEscaped ? (JSON.parse(text(p, end)) as string) : recent ? recentString(t, p + 1, end - 1, recent) : text(p + 1, end - 1);
  return end;
}

/**
 * Fields that take a few values over and over (severity, status, layer, dates): the text is compared with
 * the values seen lately and an equal one is reused, so a large report has one string per value instead of
 * one per entry (and lookups keyed by it hash it once).
 */
const RECENT_MAX = 16;
class Recent {
  readonly values: string[] = [];
  readonly bytes: Uint8Array[] = [];
}
function recentString(t: Uint8Array, start: number, end: number, recent: Recent): string {
  const len = end - start;
  const bytes = recent.bytes;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as Uint8Array;
    if (b.length === len && bytesAt(t, start, b)) return recent.values[i] as string;
  }
  // Copies, not slices of this report's text: these outlive the report.
  const v = BUF.toString(ALIGNED ? 'latin1' : 'utf8', start, end);
  const b = new Uint8Array(t.subarray(start, end));
  if (bytes.length < RECENT_MAX) {
    recent.values.push(v);
    bytes.push(b);
  } else {
    const i = recentNext++ % RECENT_MAX;
    recent.values[i] = v;
    bytes[i] = b;
  }
  return v;
}
let recentNext = 0;
const recentSeverity = new Recent();
const recentStatus = new Recent();
const recentDiffId = new Recent();
const recentDigest = new Recent();
const recentPublished = new Recent();
const recentType = new Recent();

/**
 * Walks the members of the object starting at p, calling member(keyStart, keyEnd, key, valueStart) for each:
 * key is the decoded key when it had escapes (else undefined: compare the text between keyStart and keyEnd).
 * member returns the position after the value (or -1). The position after the object, or -1.
 */
function eachMember(t: Uint8Array, p: number, member: (ks: number, ke: number, key: string | undefined, vs: number) => number): number {
  p = ws(t, p + 1);
  if (t[p] === 0x7d) return p + 1;
  for (;;) {
    if (t[p] !== 0x22) return -1;
    const ks = p;
    p = skipString(t, p);
    if (p < 0) return -1;
    const key = lastEscaped ? (JSON.parse(text(ks, p)) as string) : undefined;
    const ke = p - 1;
    p = ws(t, p);
    if (t[p] !== 0x3a) return -1;
    p = member(ks + 1, ke, key, ws(t, p + 1));
    if (p < 0) return -1;
    p = ws(t, p);
    const c = t[p] as number;
    if (c === 0x2c) p = ws(t, p + 1);
    else return c === 0x7d ? p + 1 : -1;
  }
}

/** Walks the elements of the array starting at p; element(valueStart) returns the position after it (or -1). */
function eachElement(t: Uint8Array, p: number, element: (vs: number) => number): number {
  p = ws(t, p + 1);
  if (t[p] === 0x5d) return p + 1;
  for (;;) {
    p = element(p);
    if (p < 0) return -1;
    p = ws(t, p);
    const c = t[p] as number;
    if (c === 0x2c) p = ws(t, p + 1);
    else return c === 0x5d ? p + 1 : -1;
  }
}

/** Whether the key between ks and ke (or key, decoded, when it had escapes) is name. */
function keyIs(t: Uint8Array, ks: number, ke: number, key: string | undefined, name: Uint8Array): boolean {
  return key === undefined ? ke - ks === name.length && bytesAt(t, ks, name) : Buffer.from(key, 'utf8').equals(name);
}

const enum VulnKey {
  Other,
  Id,
  PkgName,
  VendorIds,
  FixedVersion,
  Status,
  Severity,
  PkgIdentifier,
  InstalledVersion,
  Title,
  PrimaryUrl,
  Layer,
  Published,
}

function vulnKey(t: Uint8Array, ks: number, len: number): VulnKey {
  switch (len) {
    case 15:
      return bytesAt(t, ks, K.VulnerabilityID) ? VulnKey.Id : VulnKey.Other;
    case 7:
      return bytesAt(t, ks, K.PkgName) ? VulnKey.PkgName : VulnKey.Other;
    case 9:
      return bytesAt(t, ks, K.VendorIDs) ? VulnKey.VendorIds : VulnKey.Other;
    case 12:
      return bytesAt(t, ks, K.FixedVersion) ? VulnKey.FixedVersion : VulnKey.Other;
    case 6:
      return bytesAt(t, ks, K.Status) ? VulnKey.Status : VulnKey.Other;
    case 8:
      return bytesAt(t, ks, K.Severity) ? VulnKey.Severity : VulnKey.Other;
    case 13:
      return bytesAt(t, ks, K.PkgIdentifier) ? VulnKey.PkgIdentifier : bytesAt(t, ks, K.PublishedDate) ? VulnKey.Published : VulnKey.Other;
    case 16:
      return bytesAt(t, ks, K.InstalledVersion) ? VulnKey.InstalledVersion : VulnKey.Other;
    case 5:
      return bytesAt(t, ks, K.Title) ? VulnKey.Title : bytesAt(t, ks, K.Layer) ? VulnKey.Layer : VulnKey.Other;
    case 10:
      return bytesAt(t, ks, K.PrimaryURL) ? VulnKey.PrimaryUrl : VulnKey.Other;
    default:
      return VulnKey.Other;
  }
}

function vulnKeyOf(key: string): VulnKey {
  const b = bytesOf(key);
  return vulnKey(b, 0, b.length);
}

/*
 * The member walk of a vulnerability entry (20,000 of them in a large report) without callbacks:
 * firstMember / nextMember give the position of the next key's quote, END when the object closed (its end
 * in objectEnd) or -1; readKey reads the key at p into keyStart/keyEnd (keyText when it had escapes) and
 * gives the position of its value.
 */
const END = -2;
let objectEnd = 0;
let keyStart = 0;
let keyEnd = 0;
let keyText: string | undefined;

function firstMember(t: Uint8Array, p: number): number {
  p = ws(t, p + 1);
  const c = t[p] as number;
  if (c === 0x22) return p;
  if (c === 0x7d) {
    objectEnd = p + 1;
    return END;
  }
  return -1;
}

function nextMember(t: Uint8Array, p: number): number {
  p = ws(t, p);
  const c = t[p] as number;
  if (c === 0x2c) {
    p = ws(t, p + 1);
    return t[p] === 0x22 ? p : -1;
  }
  if (c === 0x7d) {
    objectEnd = p + 1;
    return END;
  }
  return -1;
}

function readKey(t: Uint8Array, p: number): number {
  const end = skipString(t, p);
  if (end < 0) return -1;
  keyStart = p + 1;
  keyEnd = end - 1;
  keyText = lastEscaped ? (JSON.parse(text(p, end)) as string) : undefined;
  p = ws(t, end);
  if (t[p] !== 0x3a) return -1;
  return ws(t, p + 1);
}

function keyIsNow(t: Uint8Array, name: Uint8Array): boolean {
  return keyIs(t, keyStart, keyEnd, keyText, name);
}

/** PkgIdentifier: its PURL. */
function scanPkgIdentifier(t: Uint8Array, p: number, v: TrivyVulnFields): number {
  for (p = firstMember(t, p); p >= 0; ) {
    const vs = readKey(t, p);
    if (vs < 0) return -1;
    let e: number;
    if (keyIsNow(t, K.PURL)) {
      e = stringField(t, vs);
      v.purl = lastValue;
    } else e = skipValue(t, vs);
    if (e < 0) return -1;
    p = nextMember(t, e);
  }
  return p === END ? objectEnd : -1;
}

/** Layer: its DiffID and Digest. */
function scanLayer(t: Uint8Array, p: number, v: TrivyVulnFields): number {
  for (p = firstMember(t, p); p >= 0; ) {
    const vs = readKey(t, p);
    if (vs < 0) return -1;
    let e: number;
    if (keyIsNow(t, K.DiffID)) {
      e = stringField(t, vs, recentDiffId);
      v.layerDiffId = lastValue;
    } else if (keyIsNow(t, K.Digest)) {
      e = stringField(t, vs, recentDigest);
      v.layerDigest = lastValue;
    } else e = skipValue(t, vs);
    if (e < 0) return -1;
    p = nextMember(t, e);
  }
  return p === END ? objectEnd : -1;
}

function scanVendorIds(t: Uint8Array, p: number, v: TrivyVulnFields): number {
  const ids: string[] = [];
  v.vendorIds = ids;
  return eachElement(t, p, (es) => {
    const e = stringField(t, es);
    if (lastValue !== undefined) ids.push(lastValue);
    return e;
  });
}

/** The entry being read (one record, reused: only the finding made from it is kept). */
const entry: TrivyVulnFields = {
  id: undefined,
  pkgName: undefined,
  vendorIds: undefined,
  fixedVersion: undefined,
  status: undefined,
  severity: undefined,
  purl: undefined,
  installedVersion: undefined,
  title: undefined,
  primaryUrl: undefined,
  layerDiffId: undefined,
  layerDigest: undefined,
  published: undefined,
};

/** One vulnerability entry: the finding readTrivy would make of it goes to out. */
function scanVuln(t: Uint8Array, p: number, ctx: TrivyContext, type: string | undefined, out: NormalizedFinding[]): number {
  const v = entry;
  v.id = undefined;
  v.pkgName = undefined;
  v.vendorIds = undefined;
  v.fixedVersion = undefined;
  v.status = undefined;
  v.severity = undefined;
  v.purl = undefined;
  v.installedVersion = undefined;
  v.title = undefined;
  v.primaryUrl = undefined;
  v.layerDiffId = undefined;
  v.layerDigest = undefined;
  v.published = undefined;
  for (p = firstMember(t, p); p >= 0; ) {
    const vs = readKey(t, p);
    if (vs < 0) return -1;
    const k = keyText === undefined ? vulnKey(t, keyStart, keyEnd - keyStart) : vulnKeyOf(keyText);
    let e: number;
    switch (k) {
      case VulnKey.Other:
        e = skipValue(t, vs);
        break;
      case VulnKey.PkgIdentifier:
        v.purl = undefined;
        e = t[vs] === 0x7b ? scanPkgIdentifier(t, vs, v) : skipValue(t, vs);
        break;
      case VulnKey.Layer:
        v.layerDiffId = undefined;
        v.layerDigest = undefined;
        e = t[vs] === 0x7b ? scanLayer(t, vs, v) : skipValue(t, vs);
        break;
      case VulnKey.VendorIds:
        v.vendorIds = undefined;
        e = t[vs] === 0x5b ? scanVendorIds(t, vs, v) : skipValue(t, vs);
        break;
      default:
        e = stringField(t, vs, k === VulnKey.Severity ? recentSeverity : k === VulnKey.Status ? recentStatus : k === VulnKey.Published ? recentPublished : undefined);
        switch (k) {
          case VulnKey.Id:
            v.id = lastValue;
            break;
          case VulnKey.PkgName:
            v.pkgName = lastValue;
            break;
          case VulnKey.FixedVersion:
            v.fixedVersion = lastValue;
            break;
          case VulnKey.Status:
            v.status = lastValue;
            break;
          case VulnKey.Severity:
            v.severity = lastValue;
            break;
          case VulnKey.InstalledVersion:
            v.installedVersion = lastValue;
            break;
          case VulnKey.Title:
            v.title = lastValue;
            break;
          case VulnKey.PrimaryUrl:
            v.primaryUrl = lastValue;
            break;
          case VulnKey.Published:
            v.published = lastValue;
            break;
        }
    }
    if (e < 0) return -1;
    p = nextMember(t, e);
  }
  if (p !== END) return -1;
  const f = trivyFinding(ctx, type, v);
  if (f) out.push(f);
  return objectEnd;
}

/** Set when the text is valid so far but laid out in a way the direct reading does not follow (the ordinary reader then decides). */
let unsupported = false;

/**
 * One entry of Results: its Type, then the findings of its Vulnerabilities (one list per result; a repeated
 * Vulnerabilities member replaces the list, as JSON.parse would). A Type after the Vulnerabilities is left
 * to the ordinary reader (Trivy writes it first).
 */
function scanResult(t: Uint8Array, p: number, ctx: TrivyContext, out: NormalizedFinding[][]): number {
  let type: string | undefined;
  let list: NormalizedFinding[] = [];
  let vulnsSeen = false;
  const end = eachMember(t, p, (ks, ke, key, vs) => {
    if (keyIs(t, ks, ke, key, K.Type)) {
      if (vulnsSeen) {
        unsupported = true;
        return -1;
      }
      const e = stringField(t, vs, recentType);
      type = str(lastValue);
      return e;
    }
    if (keyIs(t, ks, ke, key, K.Vulnerabilities)) {
      vulnsSeen = true;
      const found: NormalizedFinding[] = [];
      list = found;
      if (t[vs] !== 0x5b) return skipValue(t, vs);
      return eachElement(t, vs, (es) => (t[es] === 0x7b ? scanVuln(t, es, ctx, type, found) : skipValue(t, es)));
    }
    return skipValue(t, vs);
  });
  if (end >= 0) out.push(list);
  return end;
}

/** Top-level members that belong to the other report formats: not a Trivy report, read it the ordinary way. */
const OTHER_FORMATS = new Set(['matches', 'descriptor', 'bomFormat', '@context', 'statements', 'runs', '$schema']);
/** Top-level members the findings depend on (image, artifact, layers, scan date): Trivy writes them before Results. */
const CONTEXT_MEMBERS = new Set(['Metadata', 'ArtifactName', 'ArtifactType', 'CreatedAt']);

/**
 * Reads a Trivy JSON report's text: the top-level members other than Results (parsed by JSON.parse), and
 * the findings readTrivy would make of Results. Undefined when the text is not a JSON object with a Results
 * array, is not valid JSON, or has anything this reader leaves to JSON.parse; the caller checks that doc is
 * a Trivy report of SchemaVersion 2 before using read.
 */
export function scanTrivyText(t: string, file: string): TrivyScan | undefined {
  const len = Buffer.byteLength(t, 'utf8');
  // Not ASCII: values are decoded from the bytes, which would not give back a lone surrogate as JSON.parse does.
  if (len !== t.length && /[\ud800-\udfff]/.test(t)) return undefined;
  const buf = scratchBuffer(len + 8);
  buf.write(t, 0, 'utf8');
  buf.fill(0, len, len + 8);
  return scanWith(t, buf, len, len === t.length, file);
}

/**
 * The same from a report's UTF-8 bytes: buf[0, len) is the report and the eight bytes after it are zeros
 * (see readPadded). The values are copied out of the bytes; the findings keep no reference to buf.
 */
export function scanTrivyBytes(buf: Buffer, len: number, file: string): TrivyScan | undefined {
  return scanWith('', buf, len, isAscii(buf.subarray(0, len)), file);
}

export type TrivyScan = { doc: Record<string, unknown>; read: ReportRead };

function scanWith(t: string, buf: Buffer, len: number, ascii: boolean, file: string): TrivyScan | undefined {
  unsupported = false;
  T = t;
  LEN = len;
  ALIGNED = ascii;
  BUF = buf;
  try {
    return scan(BUF, file);
  } catch {
    // Nesting too deep for the recursion, or anything unforeseen: the ordinary reader decides.
    return undefined;
  } finally {
    T = '';
    BUF = NO_BYTES;
  }
}

function scan(t: Uint8Array, file: string): TrivyScan | undefined {
  let p = ws(t, 0);
  if (t[p] !== 0x7b) return undefined;
  const doc: Record<string, unknown> = {};
  // Member values are parsed when Results is reached (the findings need them) and at the end, not before:
  // a text that turns out not to be a Trivy report has not been parsed for nothing.
  const spans: [string, number, number][] = [];
  const parseSpans = (): void => {
    for (const [name, start, end] of spans) doc[name] = start < 0 ? [] : JSON.parse(text(start, end));
    spans.length = 0;
  };
  let lists: NormalizedFinding[][] | undefined;
  let bail = false;
  p = eachMember(t, p, (ks, ke, key, vs) => {
    const name = key ?? text(ks, ke);
    if (name === '__proto__' || OTHER_FORMATS.has(name) || (lists !== undefined && CONTEXT_MEMBERS.has(name))) {
      bail = true;
      return -1;
    }
    if (name === 'Results' && t[vs] === 0x5b) {
      parseSpans();
      const ctx = trivyContext(doc, file);
      const found: NormalizedFinding[][] = [];
      lists = found;
      spans.push([name, -1, -1]);
      return eachElement(t, vs, (es) => (t[es] === 0x7b ? scanResult(t, es, ctx, found) : skipValue(t, es)));
    }
    if (name === 'Results') lists = undefined;
    const end = skipValue(t, vs);
    spans.push([name, vs, end]);
    return end;
  });
  if (bail || unsupported || p < 0 || ws(t, p) !== LEN || lists === undefined) return undefined;
  parseSpans();
  return { doc, read: { file, format: 'trivy', findings: lists.flat(), vex: [], notes: [] } };
}
