/**
 * Builds image archives for the image tests, in the tests: layer tars (tar-stream), optionally gzipped or
 * zstd-compressed (by the real zstd tool), assembled into a `docker save` tarball or an OCI image layout
 * (folder or tar). Secrets are assembled at
 * run time so that no credential-shaped literal sits in the repository.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import { zstdCompress } from './zstd-tool.js';

export interface TarEntry {
  name: string;
  data?: string | Buffer;
  mode?: number;
  type?: 'file' | 'directory' | 'symlink';
  linkname?: string;
}

export async function tarBuffer(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? 'file';
    const header = { name: e.name, type, mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644) } as Partial<Header> as Header;
    if (e.linkname !== undefined) header.linkname = e.linkname;
    if (type === 'file') pack.entry(header, typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0)));
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export const sha256 = (b: Buffer | string): string => 'sha256:' + createHash('sha256').update(b).digest('hex');

/** A PEM private key of the right shape (random body), assembled at run time. */
export function fakePrivateKey(): string {
  const body = Buffer.from(Array.from({ length: 96 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
  const kind = ['RSA', 'PRIVATE', 'KEY'];
  return `-----BEGIN ${kind.join(' ')}-----\n${body.slice(0, 64)}\n${body.slice(64)}\n-----END ${kind.join(' ')}-----\n`;
}

/** A fake Azure Storage connection string value (86 chars + "=="), assembled at run time. */
export function fakeStorageKey(): string {
  return 'Zk' + 'x9'.repeat(42) + '==';
}

export interface BuiltLayer {
  /** The layer tar, uncompressed. */
  tar: Buffer;
  gzip?: boolean;
  /** Compressed with `zstd -3` (one frame, checksum and content size, as `zstd file` writes it). */
  zstd?: boolean;
  /** The stored bytes as they are (a hand-made, corrupt or truncated blob), instead of compressing `tar`. */
  blob?: Buffer;
  /** The OCI media type to declare, instead of the one that matches the compression. */
  mediaType?: string;
}

export interface ImageSpec {
  layers: BuiltLayer[];
  history: { created_by: string; empty_layer?: boolean }[];
  config?: Record<string, unknown>;
  created?: string;
  repoTag?: string;
}

export function imageConfig(spec: ImageSpec): Record<string, unknown> {
  return {
    architecture: 'amd64',
    os: 'linux',
    created: spec.created ?? '2026-11-20T10:00:00Z',
    config: spec.config ?? { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['node', 'server.js'] },
    rootfs: { type: 'layers', diff_ids: spec.layers.map((l) => sha256(l.tar)) },
    history: spec.history,
  };
}

const zstdBlobs = new WeakMap<BuiltLayer, Buffer>();

/** The layer as stored in the archive. */
export function layerBlob(l: BuiltLayer): Buffer {
  if (l.blob) return l.blob;
  if (l.gzip) return gzipSync(l.tar);
  if (!l.zstd) return l.tar;
  // One run of the zstd tool per layer, so every use sees the same bytes.
  let z = zstdBlobs.get(l);
  if (!z) zstdBlobs.set(l, (z = zstdCompress(l.tar, ['-3'], { fromFile: true })));
  return z;
}

function layerMediaType(l: BuiltLayer): string {
  if (l.mediaType) return l.mediaType;
  if (l.zstd) return 'application/vnd.oci.image.layer.v1.tar+zstd';
  return l.gzip ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.oci.image.layer.v1.tar';
}

/** Docker ≥ 25 style `docker save`: manifest.json with blobs/sha256 paths (also an OCI layout inside). */
export async function dockerSaveTar(spec: ImageSpec, opts: { legacy?: boolean } = {}): Promise<Buffer> {
  const config = Buffer.from(JSON.stringify(imageConfig(spec)));
  const cfgHex = sha256(config).slice(7);
  const entries: TarEntry[] = [];
  const layerPaths: string[] = [];
  for (const l of spec.layers) {
    const b = layerBlob(l);
    const p = opts.legacy ? `${sha256(l.tar).slice(7, 71)}/layer.tar` : `blobs/sha256/${sha256(b).slice(7)}`;
    if (opts.legacy) entries.push({ name: p.replace('/layer.tar', '/VERSION'), data: '1.0' });
    entries.push({ name: p, data: b });
    layerPaths.push(p);
  }
  const cfgPath = opts.legacy ? `${cfgHex}.json` : `blobs/sha256/${cfgHex}`;
  entries.push({ name: cfgPath, data: config });
  entries.push({ name: 'manifest.json', data: JSON.stringify([{ Config: cfgPath, RepoTags: [spec.repoTag ?? 'contoso/web:1.0'], Layers: layerPaths }]) });
  return tarBuffer(entries);
}

/** OCI image layout entries: oci-layout, index.json, blobs (manifest, config, layers). */
export function ociLayoutEntries(spec: ImageSpec): TarEntry[] {
  const config = Buffer.from(JSON.stringify(imageConfig(spec)));
  const entries: TarEntry[] = [{ name: 'oci-layout', data: JSON.stringify({ imageLayoutVersion: '1.0.0' }) }];
  const layers = spec.layers.map((l) => {
    const b = layerBlob(l);
    entries.push({ name: `blobs/sha256/${sha256(b).slice(7)}`, data: b });
    return { mediaType: layerMediaType(l), digest: sha256(b), size: b.length };
  });
  entries.push({ name: `blobs/sha256/${sha256(config).slice(7)}`, data: config });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers,
    }),
  );
  entries.push({ name: `blobs/sha256/${sha256(manifest).slice(7)}`, data: manifest });
  entries.push({
    name: 'index.json',
    data: JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(manifest), size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': spec.repoTag ?? 'contoso/web:1.0' } }],
    }),
  });
  return entries;
}

export function writeOciLayout(dir: string, spec: ImageSpec): void {
  for (const e of ociLayoutEntries(spec)) {
    const p = path.join(dir, e.name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, e.data ?? '');
  }
}

/** The sample image: a base layer (setuid su, passwd), an app layer (.env with a secret, a private key, world-writable /etc file), a layer deleting the key. */
export async function sampleImage(): Promise<ImageSpec & { digests: string[] }> {
  const base = await tarBuffer([
    { name: 'bin/', type: 'directory' },
    { name: 'bin/su', data: 'ELF', mode: 0o4755 },
    { name: 'etc/', type: 'directory' },
    { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\n' },
    { name: 'usr/share/doc/openssl/example.pem', data: fakePrivateKey() },
  ]);
  const app = await tarBuffer([
    { name: 'app/', type: 'directory' },
    { name: 'app/server.js', data: 'console.log("hi")\n' },
    { name: 'app/.env', data: `NODE_ENV=production\nSTORAGE=DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${fakeStorageKey()};EndpointSuffix=core.windows.net\n` },
    { name: 'root/.ssh/id_rsa', data: fakePrivateKey(), mode: 0o600 },
    { name: 'etc/app.conf', data: 'level=debug\n', mode: 0o666 },
    { name: 'usr/local/bin/helper', data: 'ELF', mode: 0o2755 },
  ]);
  const cleanup = await tarBuffer([{ name: 'root/.ssh/.wh.id_rsa', data: '' }]);
  const layers = [{ tar: base, gzip: true }, { tar: app }, { tar: cleanup, gzip: true }];
  const history = [
    { created_by: '/bin/sh -c #(nop) ADD file:0123456789abcdef in / ' },
    { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
    { created_by: 'ENV NODE_ENV=production', empty_layer: true },
    { created_by: 'COPY . / # buildkit' },
    { created_by: 'RUN /bin/sh -c rm /root/.ssh/id_rsa # buildkit' },
    { created_by: 'CMD ["node" "/app/server.js"]', empty_layer: true },
  ];
  return { layers, history, digests: layers.map((l) => sha256(layerBlob(l))) };
}

/** The same image with every layer stored the given way (the digests follow). */
export function recompressed<T extends ImageSpec>(spec: T, how: 'gzip' | 'zstd' | 'none'): T & { digests: string[] } {
  const layers = spec.layers.map((l) => ({ tar: l.tar, gzip: how === 'gzip', zstd: how === 'zstd' }));
  return { ...spec, layers, digests: layers.map((l) => sha256(layerBlob(l))) };
}
