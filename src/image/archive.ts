/**
 * Image archives and layouts as a scan source (reference §3.4): `docker save` tarballs (legacy, with
 * `manifest.json` and `<id>/layer.tar`, and Docker ≥ 25, an OCI layout plus `manifest.json`), OCI image
 * layout folders (`oci-layout`, `index.json`, `blobs/sha256/…`) and OCI archives (the same as a tar,
 * possibly gzip- or zstd-compressed as a whole). Nothing is unpacked to disk: a tarball is streamed twice — once to keep its
 * small JSON members (manifests, index, configs), once to stream every layer through the layer scanner —
 * so memory stays bounded whatever the archive's size. A corrupt or truncated archive or layer is an
 * input error naming the archive and the layer; the other layers and the image's configuration are
 * still checked.
 */
import { closeSync, createReadStream, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { InputError, JsonObject } from '../model/types.js';
import { imageSubject, isImageConfig } from './config.js';
import type { ImageSubject, LayerFileFact } from './facts.js';
import { compressionOf, deletedBy, scanLayer, type LayerScan } from './layers.js';
import { createZstdDecompress } from './zstd-stream.js';

/** Small JSON members (manifests, configs) are kept; anything larger is not JSON we need. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** `.tar`, `.tar.gz`, `.tgz`, `.tar.zst`, `.tzst`, `.oci`: an image archive by its name. */
export function isImageArchiveName(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return /\.(?:tar|tar\.gz|tgz|tar\.zst|tzst|oci)$/.test(base);
}

/** A folder holding an `oci-layout` file is an OCI image layout: an image, not a folder of manifests. */
export function isOciLayoutDir(dir: string): boolean {
  try {
    return statSync(path.join(dir, 'oci-layout')).isFile();
  } catch {
    return false;
  }
}

export interface ImageReadResult {
  subjects: ImageSubject[];
  errors: InputError[];
  /** Bytes of layer data read (uncompressed). */
  layerBytes: number;
}

interface Store {
  json(member: string): Buffer | undefined;
  /** Streams each wanted layer member through the scanner; a failed layer gets its Error. */
  scanLayers(members: Set<string>): Promise<{ results: Map<string, LayerScan | Error>; error?: Error }>;
}

const memberName = (name: string): string => path.posix.normalize(name.replace(/^\.?\/+/, ''));

/** How a tarball is compressed, told by its first bytes (`docker save | gzip` or `| zstd`, or nothing). */
function compressionOfFile(file: string): 'gzip' | 'zstd' | undefined {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  return compressionOf(head.subarray(0, n));
}

/** A readable over the file, decompressed when it starts with the gzip or zstd magic. */
function openDecompressed(file: string): Readable {
  const src = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const compression = compressionOfFile(file);
  if (compression === undefined) return src;
  const inflate = compression === 'gzip' ? createGunzip() : createZstdDecompress();
  src.on('error', (e) => inflate.destroy(e));
  return src.pipe(inflate);
}

/**
 * A tar entry (a streamx stream, which must never be destroyed: that would end the whole archive) as a
 * Node stream, with backpressure. `detach` stops feeding it and drains the entry, so the archive goes on.
 */
function entryAsNode(entry: NodeJS.ReadableStream & { on(ev: string, fn: (...a: unknown[]) => void): unknown }): { stream: PassThrough; detach(): void } {
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  out.on('error', () => undefined);
  let attached = true;
  entry.on('data', (c: unknown) => {
    if (!attached || out.destroyed) return;
    if (!out.write(c as Buffer)) {
      entry.pause();
      out.once('drain', () => entry.resume());
    }
  });
  entry.on('end', () => {
    if (attached) out.end();
  });
  return {
    stream: out,
    detach() {
      attached = false;
      entry.resume();
    },
  };
}

class TarStore implements Store {
  private readonly small = new Map<string, Buffer>();
  private constructor(private readonly file: string) {}

  /** First pass: keeps the small JSON members. Rejects on a corrupt or truncated archive. */
  static async open(file: string): Promise<TarStore> {
    const store = new TarStore(file);
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      // A corrupt archive errors the entry too: the extraction's own error is what is reported.
      stream.on('error', () => undefined);
      const name = memberName(header.name);
      const size = header.size ?? 0;
      if (header.type !== 'file' || size > MAX_JSON_BYTES || size === 0) {
        stream.on('end', () => next());
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let keep = true;
      stream.on('data', (c: unknown) => {
        const b = c as Buffer;
        if (chunks.length === 0 && keep) {
          const first = b.toString('latin1', 0, Math.min(b.length, 16)).trimStart()[0];
          if (first !== '{' && first !== '[') keep = false;
        }
        if (keep) chunks.push(b);
      });
      stream.on('end', () => {
        if (keep) store.small.set(name, Buffer.concat(chunks));
        next();
      });
    });
    await pipeline(openDecompressed(file), extract);
    return store;
  }

  json(member: string): Buffer | undefined {
    return this.small.get(memberName(member));
  }

  async scanLayers(members: Set<string>): Promise<{ results: Map<string, LayerScan | Error>; error?: Error }> {
    const results = new Map<string, LayerScan | Error>();
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      // A corrupt archive errors the entry too: the extraction's own error is what is reported.
      stream.on('error', () => undefined);
      const name = memberName(header.name);
      if (header.type !== 'file' || !members.has(name) || results.has(name)) {
        stream.on('end', () => next());
        stream.resume();
        return;
      }
      const node = entryAsNode(stream as unknown as Parameters<typeof entryAsNode>[0]);
      let ended = false;
      let settled = false;
      const finish = () => {
        if (ended && settled) next();
      };
      stream.on('end', () => {
        ended = true;
        finish();
      });
      scanLayer(node.stream).then(
        (r) => {
          results.set(name, r);
          settled = true;
          finish();
        },
        (e: unknown) => {
          results.set(name, e as Error);
          node.detach();
          settled = true;
          finish();
        },
      );
    });
    try {
      await pipeline(openDecompressed(this.file), extract);
      return { results };
    } catch (e) {
      return { results, error: e as Error };
    }
  }
}

/**
 * An uncompressed tarball, indexed by walking its headers and seeking over the contents (no data is read
 * but the small JSON members): each layer is then streamed straight from its byte range of the file.
 */
class IndexedTarStore implements Store {
  private readonly small = new Map<string, Buffer>();
  private readonly members = new Map<string, { offset: number; size: number }>();
  private constructor(private readonly file: string) {}

  /** Rejects with the reason when the archive is corrupt (bad header checksum) or truncated. */
  static open(file: string): IndexedTarStore {
    const store = new IndexedTarStore(file);
    const fd = openSync(file, 'r');
    try {
      const total = fstatSync(fd).size;
      const header = Buffer.alloc(512);
      let pos = 0;
      let longName: string | undefined;
      let paxPath: string | undefined;
      for (;;) {
        if (pos + 512 > total) throw new Error(pos === total ? 'unexpected end of archive (no end-of-archive marker)' : 'unexpected end of data in a header');
        readSync(fd, header, 0, 512, pos);
        if (header.every((b) => b === 0)) break;
        const sum = octal(header, 148, 8);
        let computed = 0;
        for (let i = 0; i < 512; i++) computed += i >= 148 && i < 156 ? 32 : (header[i] as number);
        if (sum !== computed) throw new Error(`invalid tar header at byte ${pos}`);
        const size = octal(header, 124, 12);
        const type = String.fromCharCode(header[156] ?? 48);
        const dataAt = pos + 512;
        if (dataAt + size > total) throw new Error(`unexpected end of data: the archive is truncated at byte ${total}`);
        const next = dataAt + Math.ceil(size / 512) * 512;
        if (type === 'L' || type === 'x') {
          const buf = Buffer.alloc(Math.min(size, 1024 * 1024));
          readSync(fd, buf, 0, buf.length, dataAt);
          if (type === 'L') longName = buf.toString('utf8').replace(/\0.*$/s, '');
          else paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(buf.toString('utf8'))?.[1];
          pos = next;
          continue;
        }
        const prefix = cstr(header, 345, 155);
        const rawName = paxPath ?? longName ?? (prefix ? `${prefix}/${cstr(header, 0, 100)}` : cstr(header, 0, 100));
        longName = undefined;
        paxPath = undefined;
        if (type === '0' || type === '\0' || type === '7') {
          const name = memberName(rawName);
          store.members.set(name, { offset: dataAt, size });
          if (size > 0 && size <= MAX_JSON_BYTES) {
            const first = Buffer.alloc(1);
            readSync(fd, first, 0, 1, dataAt);
            if (first[0] === 0x7b || first[0] === 0x5b) {
              const buf = Buffer.alloc(size);
              readSync(fd, buf, 0, size, dataAt);
              store.small.set(name, buf);
            }
          }
        }
        pos = next;
      }
    } finally {
      closeSync(fd);
    }
    return store;
  }

  json(member: string): Buffer | undefined {
    return this.small.get(memberName(member));
  }

  async scanLayers(members: Set<string>): Promise<{ results: Map<string, LayerScan | Error> }> {
    return scanEach(members, (m) => {
      const at = this.members.get(m);
      if (!at) return undefined;
      if (at.size === 0) return 'empty';
      return createReadStream(this.file, { start: at.offset, end: at.offset + at.size - 1, highWaterMark: 1024 * 1024 });
    });
  }
}

/**
 * Scans layer members one after the other, whatever store they come from: `open` gives the member's
 * bytes as a stream, 'empty' for a zero-length layer, or undefined when the member is missing. A layer
 * that fails to read is kept as its Error, so the other layers still run.
 */
async function scanEach(
  members: Set<string>,
  open: (member: string) => ReturnType<typeof createReadStream> | 'empty' | undefined,
): Promise<{ results: Map<string, LayerScan | Error> }> {
  const results = new Map<string, LayerScan | Error>();
  for (const m of members) {
    const src = open(m);
    if (src === undefined) continue;
    if (src === 'empty') {
      results.set(m, { hits: [], whiteouts: [], opaqueDirs: [], bytes: 0, entries: 0 });
      continue;
    }
    try {
      results.set(m, await scanLayer(src));
    } catch (e) {
      results.set(m, e as Error);
    } finally {
      src.destroy();
    }
  }
  return { results };
}

function octal(buf: Buffer, at: number, len: number): number {
  // GNU base-256 for large sizes.
  if (((buf[at] ?? 0) & 0x80) !== 0) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + (buf[i] ?? 0);
    return v;
  }
  const text = buf.toString('latin1', at, at + len).replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function cstr(buf: Buffer, at: number, len: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('utf8', at, end === -1 || end > at + len ? at + len : end);
}

class DirStore implements Store {
  constructor(private readonly dir: string) {}
  json(member: string): Buffer | undefined {
    const p = path.join(this.dir, memberName(member));
    try {
      const info = statSync(p);
      if (!info.isFile() || info.size > MAX_JSON_BYTES) return undefined;
      return readFileSync(p);
    } catch {
      return undefined;
    }
  }
  async scanLayers(members: Set<string>): Promise<{ results: Map<string, LayerScan | Error> }> {
    return scanEach(members, (m) => {
      const p = path.join(this.dir, m);
      return existsSync(p) ? createReadStream(p, { highWaterMark: 1024 * 1024 }) : undefined;
    });
  }
}

interface ImageRef {
  configMember: string;
  name?: string;
  layers: { member: string; digest?: string }[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseMember(store: Store, member: string): unknown {
  const buf = store.json(member);
  if (!buf) return undefined;
  try {
    return JSON.parse(buf.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function blobMember(digest: unknown): string | undefined {
  if (typeof digest !== 'string') return undefined;
  const m = /^([a-z0-9+._-]+):([a-f0-9]+)$/i.exec(digest);
  return m ? `blobs/${m[1] as string}/${m[2] as string}` : undefined;
}

function digestOfMember(member: string): string | undefined {
  const m = /^blobs\/([^/]+)\/([a-f0-9]+)$/.exec(member);
  return m ? `${m[1] as string}:${m[2] as string}` : undefined;
}

/** The images an archive or layout holds: `manifest.json` first (docker save), else `index.json` (OCI). */
function findImages(store: Store, file: string, errors: InputError[]): ImageRef[] {
  const manifest = parseMember(store, 'manifest.json');
  if (Array.isArray(manifest)) {
    const out: ImageRef[] = [];
    for (const e of manifest) {
      if (!isObject(e) || typeof e.Config !== 'string' || !Array.isArray(e.Layers)) continue;
      const ref: ImageRef = {
        configMember: memberName(e.Config),
        layers: (e.Layers as unknown[]).map((l) => {
          const member = memberName(String(l));
          const digest = digestOfMember(member);
          return digest ? { member, digest } : { member };
        }),
      };
      const tag = Array.isArray(e.RepoTags) ? e.RepoTags[0] : undefined;
      if (typeof tag === 'string') ref.name = tag;
      out.push(ref);
    }
    if (out.length > 0) return out;
  }
  const index = parseMember(store, 'index.json');
  if (!isObject(index) || !Array.isArray(index.manifests)) {
    errors.push({ file, code: 'not-image', message: 'not an image archive: neither manifest.json (docker save) nor index.json (OCI layout) was found' });
    return [];
  }
  const out: ImageRef[] = [];
  const attestation = (d: unknown) => isObject(d) && isObject(d.annotations) && d.annotations['vnd.docker.reference.type'] === 'attestation-manifest';
  const visit = (descs: unknown[], inheritedName: string | undefined, depth: number) => {
    // Several platforms of one image: each is its own image, named with its platform.
    const multi = descs.filter((d) => isObject(d) && !attestation(d)).length > 1;
    for (const d of descs) {
      if (!isObject(d) || attestation(d)) continue;
      const ann = isObject(d.annotations) ? d.annotations : {};
      let name = (typeof ann['io.containerd.image.name'] === 'string' ? ann['io.containerd.image.name'] : undefined)
        ?? (typeof ann['org.opencontainers.image.ref.name'] === 'string' ? ann['org.opencontainers.image.ref.name'] : undefined)
        ?? inheritedName;
      const pf = isObject(d.platform) ? d.platform : undefined;
      if (multi && pf && name !== undefined && depth > 0) {
        name = `${name} (${[pf.os, pf.architecture, pf.variant].filter((x) => typeof x === 'string').join('/')})`;
      }
      const member = blobMember(d.digest);
      if (!member) continue;
      const blob = parseMember(store, member);
      if (!isObject(blob)) {
        errors.push({ file, code: 'read-error', message: `${member} (${String(d.digest)}) is missing or is not JSON` });
        continue;
      }
      if (Array.isArray(blob.manifests)) {
        if (depth < 3) visit(blob.manifests as unknown[], name, depth + 1);
        continue;
      }
      const config = isObject(blob.config) ? blobMember(blob.config.digest) : undefined;
      if (!config || !Array.isArray(blob.layers)) continue;
      if (isObject(blob.config) && typeof blob.config.mediaType === 'string' && !/image\.config|container\.image/.test(blob.config.mediaType)) continue;
      const ref: ImageRef = {
        configMember: config,
        layers: (blob.layers as unknown[]).filter(isObject).map((l) => ({ member: blobMember(l.digest) ?? '', digest: String(l.digest) })),
      };
      ref.name = name ?? String(d.digest);
      out.push(ref);
    }
  };
  visit(index.manifests as unknown[], undefined, 0);
  if (out.length === 0) errors.push({ file, code: 'not-image', message: 'index.json lists no image manifest' });
  return out;
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Reads an image archive (file) or OCI layout (folder): its images' configurations and layers' facts. */
export async function readImage(input: string): Promise<ImageReadResult> {
  const errors: InputError[] = [];
  let store: Store;
  let isDir: boolean;
  try {
    isDir = statSync(input).isDirectory();
  } catch (e) {
    return { subjects: [], errors: [{ file: input, code: 'read-error', message: `cannot read: ${(e as Error).message}` }], layerBytes: 0 };
  }
  if (isDir) store = new DirStore(input);
  else {
    try {
      // A plain tarball (docker save writes one) is indexed and its layers read by byte range; a
      // compressed one (gzip or zstd) can only be streamed, twice.
      store = compressionOfFile(input) !== undefined ? await TarStore.open(input) : IndexedTarStore.open(input);
    } catch (e) {
      return { subjects: [], errors: [{ file: input, code: 'corrupt-archive', message: `corrupt or truncated image archive: ${(e as Error).message}` }], layerBytes: 0 };
    }
  }
  const images = findImages(store, input, errors);
  const wanted = new Set<string>();
  for (const img of images) for (const l of img.layers) if (l.member !== '') wanted.add(l.member);
  const scanned = images.length > 0 ? await store.scanLayers(wanted) : { results: new Map<string, LayerScan | Error>() };
  if ('error' in scanned && scanned.error) {
    errors.push({ file: input, code: 'corrupt-archive', message: `corrupt or truncated image archive: ${scanned.error.message}` });
  }
  let layerBytes = 0;
  for (const r of scanned.results.values()) if (!(r instanceof Error)) layerBytes += r.bytes;
  const reported = new Set<string>();

  const subjects: ImageSubject[] = [];
  for (const img of images) {
    const config = parseMember(store, img.configMember);
    if (!isImageConfig(config)) {
      errors.push({ file: input, code: 'not-image', message: `image config ${img.configMember} is missing, not JSON, or has no rootfs.diff_ids` });
      continue;
    }
    const layerDigests = img.layers.map((l) => l.digest);
    const diffIds = (config.rootfs as JsonObject).diff_ids as unknown[];
    const digests = layerDigests.map((d, i) => d ?? String(diffIds[i] ?? img.layers[i]?.member));
    const subject = imageSubject(config, {
      file: input,
      basePointer: '/' + escapePointer(img.configMember),
      ...(img.name !== undefined ? { name: img.name } : {}),
      layerDigests: digests,
      layersScanned: true,
    });
    const scans: (LayerScan | undefined)[] = img.layers.map((l, i) => {
      const r = scanned.results.get(l.member);
      const digest = digests[i] ?? l.member;
      const key = `${l.member}`;
      if (r instanceof Error) {
        if (!reported.has(key)) errors.push({ file: input, code: 'layer-error', message: `layer ${i + 1} of ${img.layers.length} (${digest}, ${l.member}): ${r.message}` });
        reported.add(key);
        return undefined;
      }
      if (!r) {
        if (!reported.has(key)) errors.push({ file: input, code: 'layer-error', message: `layer ${i + 1} of ${img.layers.length} (${digest}, ${l.member}) is missing from the archive` });
        reported.add(key);
      }
      return r;
    });
    const files: LayerFileFact[] = [];
    scans.forEach((scan, i) => {
      if (!scan) return;
      const later = scans.slice(i + 1).filter((s): s is LayerScan => s !== undefined);
      const layer = subject.image.layers[i];
      for (const hit of scan.hits) {
        const fact: LayerFileFact = {
          kind: hit.kind,
          layerIndex: i,
          digest: layer?.digest ?? digests[i] ?? img.layers[i]?.member ?? '',
          role: layer?.role ?? 'unknown',
          path: hit.path,
          deleted: deletedBy(hit.path, later),
        };
        if (hit.rule !== undefined) fact.rule = hit.rule;
        if (hit.title !== undefined) fact.title = hit.title;
        if (hit.line !== undefined) fact.line = hit.line;
        if (hit.mode !== undefined) fact.mode = hit.mode;
        files.push(fact);
      }
    });
    subject.image.layerFiles = files;
    subjects.push(subject);
  }
  return { subjects, errors, layerBytes };
}
