import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readImage } from '../src/image/archive.js';
import { scan } from '../src/scan.js';
import { dockerSaveTar, fakePrivateKey, fakeStorageKey, layerBlob, ociLayoutEntries, recompressed, sampleImage, sha256, tarBuffer, writeOciLayout, type BuiltLayer } from './image-fixtures.js';
import { skippableFrame, zstdCompress, zstdDecompress } from './zstd-tool.js';

const now = new Date('2026-11-29T00:00:00Z');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'palisade-archive-'));
const LAYER_CONTROLS = ['BLD-110', 'BLD-111', 'BLD-112'];

async function layerFindings(paths: string[]) {
  const r = await scan({ paths, noConfig: true, now });
  const layer = r.findings
    .filter((f) => LAYER_CONTROLS.includes(f.controlId))
    .map((f) => ({ id: f.controlId, path: f.data.path, layer: f.data.layer, role: f.data.role, deleted: f.data.deleted }));
  return { r, layer };
}

describe('image archives: layers streamed and judged', () => {
  it('docker save (Docker ≥ 25 layout): secrets, setuid, world-writable, whiteouts, base vs application', async () => {
    const spec = await sampleImage();
    const file = path.join(tmp(), 'web.tar');
    writeFileSync(file, await dockerSaveTar(spec));
    const { r, layer } = await layerFindings([file]);
    expect(r.inputErrors).toEqual([]);
    const [base, app] = spec.digests;
    expect(layer).toEqual(
      expect.arrayContaining([
        { id: 'BLD-110', path: '/app/.env', layer: app, role: 'application', deleted: 'no' },
        { id: 'BLD-110', path: '/root/.ssh/id_rsa', layer: app, role: 'application', deleted: 'yes' },
        { id: 'BLD-111', path: '/bin/su', layer: base, role: 'base', deleted: 'no' },
        { id: 'BLD-111', path: '/usr/local/bin/helper', layer: app, role: 'application', deleted: 'no' },
        { id: 'BLD-112', path: '/etc/app.conf', layer: app, role: 'application', deleted: 'no' },
      ]),
    );
    // The example key under /usr/share/doc is documentation, not a secret.
    expect(layer).toHaveLength(5);
    const f = r.findings.find((x) => x.data.path === '/root/.ssh/id_rsa');
    expect(f?.location.file).toBe(file);
    expect(f?.location.pointer).toMatch(/^\/blobs~1sha256~1[0-9a-f]{64}\/rootfs\/diff_ids\/1$/);
    expect(f?.resource).toEqual({ kind: 'Image', name: 'contoso/web:1.0' });
    expect(f?.frameworks.seed).toContain('A4');
    expect(f?.frameworks['cis-docker']).toEqual(['4.10']);
    // History into instructions: no USER anywhere, so the Dockerfile control fires on the image.
    expect(r.findings.some((x) => x.controlId === 'BLD-001')).toBe(true);
    const json = JSON.stringify(r);
    expect(json).not.toContain(fakeStorageKey());
    expect(json).not.toContain(fakePrivateKey().split('\n')[1] as string);
  });

  it('legacy docker save (<id>/layer.tar, <hex>.json) gives the same layer findings', async () => {
    const spec = await sampleImage();
    const file = path.join(tmp(), 'legacy.tar');
    writeFileSync(file, await dockerSaveTar(spec, { legacy: true }));
    const { r, layer } = await layerFindings([file]);
    expect(r.inputErrors).toEqual([]);
    expect(layer.map((l) => `${l.id} ${l.path} ${l.role} ${l.deleted}`).sort()).toEqual([
      'BLD-110 /app/.env application no',
      'BLD-110 /root/.ssh/id_rsa application yes',
      'BLD-111 /bin/su base no',
      'BLD-111 /usr/local/bin/helper application no',
      'BLD-112 /etc/app.conf application no',
    ]);
  });

  it('OCI layout folder (given, or found in a folder walk) and gzip-compressed OCI archive', async () => {
    const spec = await sampleImage();
    const root = tmp();
    const layout = path.join(root, 'images', 'web-oci');
    writeOciLayout(layout, spec);
    const direct = await layerFindings([layout]);
    expect(direct.r.inputErrors).toEqual([]);
    expect(direct.layer).toHaveLength(5);
    expect(direct.r.summary.files).toBe(1);
    // The layout's index.json and blobs are not read as Kubernetes manifests.
    const walked = await layerFindings([root]);
    expect(walked.r.inputErrors).toEqual([]);
    expect(walked.layer).toHaveLength(5);
    const oci = path.join(root, 'web.oci.tar.gz');
    writeFileSync(oci, gzipSync(await tarBuffer(ociLayoutEntries(spec))));
    const archived = await layerFindings([oci]);
    expect(archived.r.inputErrors).toEqual([]);
    expect(archived.layer.map((l) => l.layer)).toContain(spec.digests[1]);
  });

  it('a truncated archive is an input error naming it; the other inputs still scan', async () => {
    const spec = await sampleImage();
    const dir = tmp();
    const whole = await dockerSaveTar(spec);
    const file = path.join(dir, 'cut.tar');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2) + 100));
    const df = path.join(dir, 'Dockerfile');
    writeFileSync(df, 'FROM alpine:3.20\n');
    const r = await scan({ paths: [file, df], noConfig: true, now });
    expect(r.inputErrors.map((e) => [e.file, e.code])).toEqual([[file, 'corrupt-archive']]);
    expect(r.inputErrors[0]?.message).toMatch(/truncated/);
    expect(r.findings.some((f) => f.location.file === df && f.controlId === 'BLD-001')).toBe(true);
    // The same archive compressed whole with zstd, cut short: the zstd stream says so, naming the archive.
    const zst = path.join(dir, 'cut.tar.zst');
    const packed = zstdCompress(whole, ['-3']);
    writeFileSync(zst, packed.subarray(0, Math.floor(packed.length / 2)));
    const z = await scan({ paths: [zst, df], noConfig: true, now });
    expect(z.inputErrors.map((e) => [e.file, e.code])).toEqual([[zst, 'corrupt-archive']]);
    expect(z.inputErrors[0]?.message).toMatch(/corrupt or truncated image archive: .*(truncated|unexpected end)/);
    expect(z.findings.some((f) => f.location.file === df && f.controlId === 'BLD-001')).toBe(true);
  });

  it('a layer that is neither gzip, zstd nor tar is an error naming the archive and the layer; the rest still runs', async () => {
    const spec = await sampleImage();
    const junk = { tar: Buffer.from('this is not a tar file, nor gzip: just text that pretends to be a layer\n'.repeat(20)) };
    const layers = [spec.layers[0], junk, spec.layers[2]] as typeof spec.layers;
    const file = path.join(tmp(), 'bad-layer.tar');
    writeFileSync(file, await dockerSaveTar({ ...spec, layers }));
    const out = await readImage(file);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]?.file).toBe(file);
    expect(out.errors[0]?.code).toBe('layer-error');
    expect(out.errors[0]?.message).toContain(`layer 2 of 3 (${sha256(junk.tar)}`);
    expect(out.errors[0]?.message).toContain('not a gzip- or zstd-compressed or plain tar layer');
    // The base layer was still scanned, and the config controls still run.
    expect(out.subjects[0]?.image.layerFiles.map((f) => f.path)).toEqual(['/bin/su']);
    const r = await scan({ paths: [file], noConfig: true, now });
    expect(r.findings.some((f) => f.controlId === 'BLD-001')).toBe(true);
    expect(r.inputErrors.map((e) => e.code)).toEqual(['layer-error']);
  });

  it('a corrupt gzip layer is reported; a tarball in a folder that is no image is skipped', async () => {
    const spec = await sampleImage();
    const dir = tmp();
    const broken = gzipSync(spec.layers[1]?.tar ?? Buffer.alloc(0)).subarray(0, 200);
    const entries = [
      { name: 'blobs/sha256/' + sha256(broken).slice(7), data: broken },
      { name: 'blobs/sha256/cfg', data: JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [sha256('x')] }, history: [] }) },
      { name: 'manifest.json', data: JSON.stringify([{ Config: 'blobs/sha256/cfg', RepoTags: ['x:1'], Layers: ['blobs/sha256/' + sha256(broken).slice(7)] }]) },
    ];
    writeFileSync(path.join(dir, 'broken.tar'), await tarBuffer(entries));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'fonts.tar'), await tarBuffer([{ name: 'a.ttf', data: 'font' }]));
    const r = await scan({ paths: [dir], noConfig: true, now });
    expect(r.inputErrors.map((e) => [path.basename(e.file), e.code])).toEqual([['broken.tar', 'layer-error']]);
    expect(r.notices.some((n) => n.message.includes('fonts.tar'))).toBe(true);
  });
});

describe('zstd-compressed layers (built with the zstd tool)', () => {
  /** Layer findings without the layer digests (they differ with the compression): index, control, path, role, deleted. */
  const shape = (layer: { id: string; path: unknown; role: unknown; deleted: unknown; layer: unknown }[], digests: string[]) =>
    layer.map((l) => `${digests.indexOf(String(l.layer))} ${l.id} ${String(l.path)} ${String(l.role)} ${String(l.deleted)}`).sort();

  it('docker save, OCI layout folder, OCI archive and gzip-compressed OCI archive: the same findings as with gzip layers', async () => {
    const gz = recompressed(await sampleImage(), 'gzip');
    const zs = recompressed(await sampleImage(), 'zstd');
    expect(zs.layers.every((l) => layerBlob(l).readUInt32LE(0) === 0xfd2fb528)).toBe(true);
    const dir = tmp();
    const gzFile = path.join(dir, 'gzip.tar');
    writeFileSync(gzFile, await dockerSaveTar(gz));
    const want = await layerFindings([gzFile]);
    expect(want.r.inputErrors).toEqual([]);
    expect(want.layer).toHaveLength(5);
    const expected = shape(want.layer, gz.digests);

    const saved = path.join(dir, 'zstd.tar');
    writeFileSync(saved, await dockerSaveTar(zs));
    const layout = path.join(dir, 'zstd-oci');
    writeOciLayout(layout, zs);
    const ociTar = path.join(dir, 'zstd.oci.tar');
    writeFileSync(ociTar, await tarBuffer(ociLayoutEntries(zs)));
    const ociTgz = path.join(dir, 'zstd.oci.tar.gz');
    writeFileSync(ociTgz, gzipSync(await tarBuffer(ociLayoutEntries(zs))));
    // Whole archives compressed by the zstd tool (`docker save … | zstd`), found by name in a folder too.
    const savedZst = path.join(dir, 'zstd.tar.zst');
    writeFileSync(savedZst, zstdCompress(await dockerSaveTar(zs), ['-3']));
    const ociTzst = path.join(dir, 'zstd.oci.tzst');
    writeFileSync(ociTzst, zstdCompress(await tarBuffer(ociLayoutEntries(zs)), ['-3']));
    for (const input of [saved, layout, ociTar, ociTgz, savedZst, ociTzst]) {
      const got = await layerFindings([input]);
      expect({ input, errors: got.r.inputErrors }).toEqual({ input, errors: [] });
      expect({ input, findings: shape(got.layer, zs.digests) }).toEqual({ input, findings: expected });
    }
    // The OCI manifests declared the layers as tar+zstd.
    const manifest = ociLayoutEntries(zs).map((e) => String(e.data)).find((d) => d.includes('"layers":['));
    expect((JSON.parse(manifest ?? '{}') as { layers: { mediaType: string }[] }).layers.map((l) => l.mediaType)).toEqual(Array(3).fill('application/vnd.oci.image.layer.v1.tar+zstd'));
  });

  it('a layer of several zstd frames with skippable frames between them (as zstd:chunked writes)', async () => {
    const spec = await sampleImage();
    const app = spec.layers[1]?.tar as Buffer;
    const cuts = [0, 700, 2600, app.length];
    const frames: Buffer[] = [];
    cuts.slice(1).forEach((end, i) => {
      frames.push(zstdCompress(app.subarray(cuts[i], end), i === 1 ? ['-1', '--no-check'] : ['-5'], { fromFile: i === 2 }));
      frames.push(skippableFrame(Buffer.from(JSON.stringify({ chunk: i })), i));
    });
    const multi = Buffer.concat(frames);
    // The zstd tool reads it back to the layer tar: it is one valid zstd stream.
    expect(zstdDecompress(multi).equals(app)).toBe(true);
    const layers = [spec.layers[0], { tar: app, blob: multi, mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' }, spec.layers[2]] as BuiltLayer[];
    const layout = path.join(tmp(), 'multi-oci');
    writeOciLayout(layout, { ...spec, layers });
    const { r, layer } = await layerFindings([layout]);
    expect(r.inputErrors).toEqual([]);
    expect(layer.filter((l) => l.layer === sha256(multi)).map((l) => `${l.id} ${String(l.path)} ${String(l.deleted)}`).sort()).toEqual([
      'BLD-110 /app/.env no',
      'BLD-110 /root/.ssh/id_rsa yes',
      'BLD-111 /usr/local/bin/helper no',
      'BLD-112 /etc/app.conf no',
    ]);
  });

  it('compression is told by the bytes: zstd declared as gzip, plain tar declared as zstd', async () => {
    const spec = recompressed(await sampleImage(), 'zstd');
    const layers: BuiltLayer[] = spec.layers.map((l, i) =>
      i === 1 ? { tar: l.tar, mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' } : { ...l, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' },
    );
    const layout = path.join(tmp(), 'lying-oci');
    writeOciLayout(layout, { ...spec, layers });
    const { r, layer } = await layerFindings([layout]);
    expect(r.inputErrors).toEqual([]);
    expect(layer).toHaveLength(5);
  });

  for (const damage of ['corrupt', 'truncated'] as const) {
    it(`a ${damage} zstd layer is an error naming the archive and the layer; the other layers still scan`, async () => {
      const spec = recompressed(await sampleImage(), 'zstd');
      const good = layerBlob(spec.layers[1] as BuiltLayer);
      let bad: Buffer;
      if (damage === 'truncated') bad = good.subarray(0, Math.floor(good.length / 2));
      else {
        bad = Buffer.from(good);
        const mid = Math.floor(bad.length / 2);
        bad[mid] = (bad[mid] as number) ^ 0x55;
      }
      const layers = [spec.layers[0], { tar: spec.layers[1]?.tar, blob: bad }, spec.layers[2]] as BuiltLayer[];
      const dir = tmp();
      const saved = path.join(dir, `${damage}.tar`);
      writeFileSync(saved, await dockerSaveTar({ ...spec, layers }));
      const ociTgz = path.join(dir, `${damage}.oci.tar.gz`);
      writeFileSync(ociTgz, gzipSync(await tarBuffer(ociLayoutEntries({ ...spec, layers }))));
      const message = damage === 'truncated' ? /unexpected end of zstd data: truncated inside frame 1/ : /corrupt zstd data: .* \(frame 1, (near )?compressed byte \d+\)/;
      for (const file of [saved, ociTgz]) {
        const out = await readImage(file);
        expect(out.errors.map((e) => [e.file, e.code])).toEqual([[file, 'layer-error']]);
        expect(out.errors[0]?.message).toContain(`layer 2 of 3 (${sha256(bad)}, blobs/sha256/${sha256(bad).slice(7)}): `);
        expect(out.errors[0]?.message).toMatch(message);
        // The base layer and the last one (the whiteout) were still read; the config controls still run.
        expect(out.subjects[0]?.image.layerFiles.map((f) => f.path)).toEqual(['/bin/su']);
        const r = await scan({ paths: [file], noConfig: true, now });
        expect(r.inputErrors.map((e) => e.code)).toEqual(['layer-error']);
        expect(r.findings.some((f) => f.controlId === 'BLD-001')).toBe(true);
        expect(r.findings.some((f) => f.controlId === 'BLD-111' && f.data.path === '/bin/su')).toBe(true);
      }
    });
  }
});

describe('layer scanner details', () => {
  it('applies whiteouts and opaque folders of later layers only', async () => {
    const { deletedBy, scanLayer } = await import('../src/image/layers.js');
    const { Readable } = await import('node:stream');
    const later = await scanLayer(Readable.from([await tarBuffer([{ name: 'etc/.wh.secret.env', data: '' }, { name: 'opt/app/.wh..wh..opq', data: '' }, { name: 'opt/app/new.txt', data: 'x' }])]));
    expect(later.whiteouts).toEqual(['/etc/secret.env']);
    expect(later.opaqueDirs).toEqual(['/opt/app']);
    expect(deletedBy('/etc/secret.env', [later])).toBe(true);
    expect(deletedBy('/etc/secret.env.bak', [later])).toBe(false);
    expect(deletedBy('/opt/app/old/key.pem', [later])).toBe(true);
    expect(deletedBy('/opt/application/x', [later])).toBe(false);
    expect(deletedBy('/etc/secret.env', [])).toBe(false);
  });

  it('refuses broken zstd data and non-tar data with a clear message; reads an empty layer', async () => {
    const { scanLayer } = await import('../src/image/layers.js');
    const { Readable } = await import('node:stream');
    // The zstd magic and the start of a header, then nothing: read as zstd, and found truncated.
    await expect(scanLayer(Readable.from([Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 1, 2])]))).rejects.toThrow(/^unexpected end of zstd data/);
    await expect(scanLayer(Readable.from([Buffer.from('plain text, not a layer')]))).rejects.toThrow(/not a gzip- or zstd-compressed or plain tar layer/);
    const empty = await scanLayer(Readable.from([Buffer.alloc(1024)]));
    expect(empty.hits).toEqual([]);
  });

  it('skips documentation trees and needs content evidence for generic files', async () => {
    const { scanLayer } = await import('../src/image/layers.js');
    const { Readable } = await import('node:stream');
    const r = await scanLayer(
      Readable.from([
        await tarBuffer([
          { name: 'usr/share/doc/ssl/key.pem', data: fakePrivateKey() },
          { name: 'app/node_modules/x/test/fixture.pem', data: fakePrivateKey() },
          { name: 'app/.env', data: 'NODE_ENV=production\nPORT=8080\n' },
          { name: 'app/settings.json', data: '{"password": "changeme"}' },
          { name: 'srv/tls/server.key', data: fakePrivateKey() },
          { name: 'tmp/', type: 'directory', mode: 0o1777 },
          { name: 'usr/bin/tool', data: 'x', mode: 0o777 },
          { name: 'usr/lib/link', type: 'symlink', linkname: 'x', mode: 0o777 },
        ]),
      ]),
    );
    expect(r.hits.map((h) => `${h.kind} ${h.path}`)).toEqual(['secret /srv/tls/server.key', 'world-writable /usr/bin/tool']);
  });
});

describe('OCI image index with several platforms', () => {
  it('reads each platform as its own image and skips attestation manifests', async () => {
    const spec = await sampleImage();
    const entries = ociLayoutEntries(spec);
    const indexEntry = entries.find((e) => e.name === 'index.json');
    const top = JSON.parse(String(indexEntry?.data)) as { manifests: { digest: string; size: number; mediaType: string }[] };
    const m = top.manifests[0] as { digest: string; size: number; mediaType: string };
    const nested = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          { ...m, platform: { os: 'linux', architecture: 'amd64' } },
          { ...m, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
          { ...m, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
        ],
      }),
    );
    entries.push({ name: `blobs/sha256/${sha256(nested).slice(7)}`, data: nested });
    if (indexEntry) {
      indexEntry.data = JSON.stringify({
        schemaVersion: 2,
        manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256(nested), size: nested.length, annotations: { 'org.opencontainers.image.ref.name': 'contoso/web:1.0' } }],
      });
    }
    const file = path.join(tmp(), 'multi.tar');
    writeFileSync(file, await tarBuffer(entries));
    const out = await readImage(file);
    expect(out.errors).toEqual([]);
    expect(out.subjects.map((s) => s.image.name)).toEqual(['contoso/web:1.0 (linux/amd64)', 'contoso/web:1.0 (linux/arm64/v8)']);
    expect(out.subjects.every((s) => s.image.layerFiles.length === 5)).toBe(true);
  });
});
