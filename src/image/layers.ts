/**
 * Streams one layer (a tar: plain, gzip- or zstd-compressed) without unpacking it and gathers the facts
 * the layer controls judge: files with secrets (only small files whose names or extensions make them
 * likely carriers are read, at most MAX_INSPECT_BYTES each, and only rule ids and line numbers are kept,
 * never contents), setuid/setgid files, world-writable entries under system paths, and whiteouts
 * (reference §3.7) so a later layer's deletion can be applied. Memory is bounded by one inspected file
 * (and, for zstd, the frame's window), whatever the layer's size. The compression is told by the layer's
 * first bytes, never by its media type, which may be missing or wrong.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { scanText } from '../secrets/patterns.js';
import { createZstdDecompress } from './zstd-stream.js';

export const MAX_INSPECT_BYTES = 1024 * 1024;

export interface LayerHit {
  kind: 'secret' | 'setuid' | 'setgid' | 'world-writable';
  /** Path with a leading slash. */
  path: string;
  rule?: string;
  title?: string;
  line?: number;
  mode?: string;
}

export interface LayerScan {
  hits: LayerHit[];
  /** Paths deleted from lower layers by `.wh.<name>` entries. */
  whiteouts: string[];
  /** Directories whose lower-layer children are hidden by `.wh..wh..opq`. */
  opaqueDirs: string[];
  /** Uncompressed bytes read. */
  bytes: number;
  entries: number;
}

export class LayerFormatError extends Error {}

/** Names that carry credentials by convention (Dockle CIS-DI-0010 and common additions, reference §6.2). */
const SECRET_NAMES = new Set([
  'credentials.json', 'credential.json', 'credentials', 'credential', 'password.txt', 'id_rsa', 'id_dsa', 'id_ecdsa',
  'id_ed25519', 'secret_token.rb', 'database.yml', 'credentials.xml', '.npmrc', '.pypirc', '.netrc', '.git-credentials',
  '.htpasswd', 'config.json', 'config', 'secrets.json', 'secrets.yaml', 'secrets.yml', 'appsettings.json', 'application.properties',
]);
/** Extensions of text files small enough to read for key material and credential shapes. */
const TEXT_EXTENSIONS = new Set(['.pem', '.key', '.crt', '.env', '.json', '.yaml', '.yml', '.conf', '.cfg', '.ini', '.properties', '.toml', '.xml', '.txt', '.sh', '.tfstate']);
/** Trees where example keys and test fixtures live (reference §6.3): generic files there are not read. */
const ALLOWED_TREES = /(?:^|\/)(?:usr\/share|usr\/include|usr\/lib\/python[^/]*|usr\/local\/lib\/python[^/]*|usr\/local\/go|usr\/lib\/gems|node_modules|vendor|tests?|testdata|doc|docs|examples?|locales?|[^/]+\.dist-info)\//;
const SYSTEM_TREES = /^\/(?:etc|usr|bin|sbin|lib|lib32|lib64|libx32|boot)(?:\/|$)/;

/** Whether a file's contents are read, and whether hits based on a setting's name (not the value's shape) count. */
function inspection(p: string, size: number): 'all' | 'value' | undefined {
  if (size === 0 || size > MAX_INSPECT_BYTES) return undefined;
  const base = path.posix.basename(p).toLowerCase();
  const rel = p.slice(1);
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'all';
  if (SECRET_NAMES.has(base)) {
    if (base === 'config') return /\/\.(?:kube|aws|docker)\/config$/.test(p) ? 'all' : undefined;
    if (base === 'config.json') return /\/\.docker\/config\.json$/.test(p) ? 'all' : undefined;
    return ALLOWED_TREES.test(rel) ? 'value' : 'all';
  }
  if (ALLOWED_TREES.test(rel)) return undefined;
  if (TEXT_EXTENSIONS.has(path.posix.extname(base))) return 'value';
  return undefined;
}

/** Normalises a tar entry name to an absolute image path. */
function imagePath(name: string): string {
  const clean = path.posix.normalize('/' + name.replace(/^\.?\/+/, '')).replace(/\/+$/, '');
  return clean === '' ? '/' : clean;
}

/** A zstd frame's magic number, or a skippable frame's (0x184D2A50–5F), which may open a zstd stream too. */
const isZstdMagic = (m: number): boolean => m === 0xfd2fb528 || (m & 0xfffffff0) >>> 0 === 0x184d2a50;

/** The compression told by a stream's first bytes (a layer's, or a whole archive's); undefined when neither. */
export function compressionOf(head: Buffer): 'gzip' | 'zstd' | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && isZstdMagic(head.readUInt32LE(0))) return 'zstd';
  return undefined;
}

/**
 * Reads the first bytes of a stream, puts them back, and says what the stream holds.
 * Throws LayerFormatError when it is neither gzip, zstd nor tar.
 */
async function sniff(src: Readable): Promise<{ kind: 'gzip' | 'zstd' | 'tar' | 'empty'; stream: Readable }> {
  let stream = src;
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (ended: boolean) => {
      src.off('readable', onReadable);
      src.off('end', onEnd);
      src.off('error', reject);
      const buf = Buffer.concat(chunks);
      // A layer shorter than the sniffed bytes has ended: replay it from memory.
      if (ended) stream = Readable.from([buf]);
      else if (buf.length > 0) src.unshift(buf);
      resolve(buf);
    };
    const done = () => finish(false);
    const onEnd = () => finish(true);
    const onReadable = () => {
      for (let c = src.read() as Buffer | null; c !== null; c = src.read() as Buffer | null) {
        chunks.push(c);
        size += c.length;
        if (size >= 512) return done();
      }
    };
    src.on('readable', onReadable);
    src.on('end', onEnd);
    src.on('error', reject);
  });
  if (head.length === 0) return { kind: 'empty', stream };
  const compression = compressionOf(head);
  if (compression !== undefined) return { kind: compression, stream };
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return { kind: 'tar', stream };
  // An empty tar is its end-of-archive blocks: zeros.
  if (head.length >= 512 && head.subarray(0, 512).every((b) => b === 0)) return { kind: 'tar', stream };
  throw new LayerFormatError('not a gzip- or zstd-compressed or plain tar layer');
}

/** Streams a layer and returns its facts. Rejects (LayerFormatError or a tar/gzip/zstd error) on a corrupt layer. */
export async function scanLayer(src: Readable): Promise<LayerScan> {
  const result: LayerScan = { hits: [], whiteouts: [], opaqueDirs: [], bytes: 0, entries: 0 };
  const { kind, stream: input } = await sniff(src);
  if (kind === 'empty') {
    input.resume();
    return result;
  }
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
      // A corrupt archive errors the entry too: the extraction's own error is what is reported.
      stream.on('error', () => undefined);
    result.entries++;
    const p = imagePath(header.name);
    const size = header.size ?? 0;
    result.bytes += 512 + size;
    const base = path.posix.basename(p);
    if (base.startsWith('.wh.')) {
      const dir = path.posix.dirname(p);
      if (base === '.wh..wh..opq') result.opaqueDirs.push(dir);
      else if (base.length > 4) result.whiteouts.push(path.posix.join(dir, base.slice(4)));
      stream.on('end', () => next());
      stream.resume();
      return;
    }
    const mode = header.mode ?? 0;
    const type = header.type;
    if (type === 'file' || type === 'contiguous-file') {
      if (mode & 0o4000) result.hits.push({ kind: 'setuid', path: p, mode: (mode & 0o7777).toString(8) });
      if (mode & 0o2000) result.hits.push({ kind: 'setgid', path: p, mode: (mode & 0o7777).toString(8) });
    }
    if ((type === 'file' || type === 'directory') && mode & 0o002 && !(type === 'directory' && mode & 0o1000) && SYSTEM_TREES.test(p)) {
      result.hits.push({ kind: 'world-writable', path: p, mode: (mode & 0o7777).toString(8) });
    }
    const inspect = type === 'file' || type === 'contiguous-file' ? inspection(p, size) : undefined;
    if (!inspect) {
      stream.on('end', () => next());
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => chunks.push(c as Buffer));
    stream.on('end', () => {
      const buf = Buffer.concat(chunks);
      if (!buf.subarray(0, 8192).includes(0)) {
        for (const hit of scanText(buf.toString('utf8'))) {
          if (inspect === 'value' && hit.kind.evidence !== 'value') continue;
          result.hits.push({ kind: 'secret', path: p, rule: hit.kind.id, title: hit.kind.title, line: hit.line });
        }
      }
      next();
    });
  });
  if (kind === 'gzip') await pipeline(input, createGunzip(), extract);
  else if (kind === 'zstd') await pipeline(input, createZstdDecompress(), extract);
  else await pipeline(input, extract);
  return result;
}

/** True when `p` was deleted by a whiteout or hidden by an opaque directory of a later layer. */
export function deletedBy(p: string, later: readonly LayerScan[]): boolean {
  for (const l of later) {
    for (const w of l.whiteouts) if (p === w || p.startsWith(w + '/')) return true;
    for (const d of l.opaqueDirs) if (p.startsWith(d === '/' ? '/' : d + '/')) return true;
  }
  return false;
}
