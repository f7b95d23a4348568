import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInput } from '../src/detect/index.js';
import { baseBoundary, layerRoles, parseImageConfigText } from '../src/image/config.js';
import { instructionLines } from '../src/image/history.js';
import { scan } from '../src/scan.js';
import { fakeStorageKey } from './image-fixtures.js';

const now = new Date('2026-11-29T00:00:00Z');
const token = () => 'ghp_' + 'Ab3dE'.repeat(7) + 'x';
const diff = (c: string) => 'sha256:' + c.repeat(64);

/** A legacy-builder config (docker build without BuildKit), shaped like `docker image inspect`'s config blob. */
function legacyConfig(): Record<string, unknown> {
  return {
    architecture: 'amd64',
    os: 'linux',
    created: '2026-11-25T08:00:00.123456789Z',
    config: {
      Env: ['PATH=/usr/local/bin:/usr/bin:/bin', `STORAGE_KEY=${fakeStorageKey()}`],
      Cmd: ['node', 'server.js'],
      ExposedPorts: { '22/tcp': {}, '8080/tcp': {} },
      Labels: { 'org.opencontainers.image.source': 'https://github.com/contoso/web' },
      User: '',
    },
    rootfs: { type: 'layers', diff_ids: [diff('1'), diff('2'), diff('3')] },
    history: [
      { created: '2026-10-01T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:9a8b7c6d5e4f in / ' },
      { created: '2026-10-01T00:00:00Z', created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
      { created_by: `|1 NPM_TOKEN=${token()} /bin/sh -c npm ci && rm -rf /root/.npm` },
      { created_by: '/bin/sh -c #(nop) COPY dir:0f1e2d3c4b5a in /app ' },
      { created_by: '/bin/sh -c #(nop)  EXPOSE 22/tcp 8080/tcp', empty_layer: true },
      { created_by: `/bin/sh -c #(nop)  ENV STORAGE_KEY=${fakeStorageKey()}`, empty_layer: true },
      { created_by: '/bin/sh -c #(nop)  CMD ["node" "server.js"]', empty_layer: true },
    ],
  };
}

describe('created_by dialects into instructions', () => {
  it('reads legacy, BuildKit and Buildah forms', () => {
    expect(instructionLines('/bin/sh -c #(nop)  CMD ["/bin/sh"]')).toEqual(['CMD ["/bin/sh"]']);
    expect(instructionLines('/bin/sh -c #(nop) ADD file:abc123 in / ')).toEqual(['ADD file:abc123 /']);
    expect(instructionLines('/bin/sh -c #(nop) COPY dir:abc123 in /app ')).toEqual(['COPY dir:abc123 /app']);
    expect(instructionLines('/bin/sh -c apt-get update')).toEqual(['RUN apt-get update']);
    expect(instructionLines('|2 A=1 B=two /bin/sh -c make')).toEqual(['ARG A=1 B=two', 'RUN make']);
    expect(instructionLines('RUN /bin/sh -c apk add curl # buildkit')).toEqual(['RUN apk add curl']);
    expect(instructionLines('RUN |1 pkg=curl /bin/sh -c apk add $pkg # buildkit')).toEqual(['ARG pkg=curl', 'RUN apk add $pkg']);
    expect(instructionLines('COPY ./x /y # buildkit')).toEqual(['COPY ./x /y']);
    expect(instructionLines('USER app')).toEqual(['USER app']);
    expect(instructionLines('EXPOSE map[22/tcp:{} 80/tcp:{}]')).toEqual(['EXPOSE 22/tcp 80/tcp']);
    expect(instructionLines('CMD ["node" "server.js"]')).toEqual(['CMD ["node","server.js"]']);
    expect(instructionLines('HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/"] "5m0s" "3s" "0s" "0s" \'\\x03\'}')).toEqual(['HEALTHCHECK CMD curl -f http://localhost/']);
    expect(instructionLines('HEALTHCHECK NONE')).toEqual(['HEALTHCHECK NONE']);
    expect(instructionLines('/bin/sh -c #(nop)  LABEL a=b |inheritLabels=false')).toEqual(['LABEL a=b']);
    expect(instructionLines('WORKDIR /app')).toEqual(['WORKDIR /app']);
    expect(instructionLines('')).toEqual([]);
  });

  it('finds the end of the base image in history, and which layers are base or application', () => {
    const h = legacyConfig().history as { created_by: string; empty_layer?: boolean }[];
    expect(baseBoundary(h)).toBe(1);
    expect(layerRoles(h, 3).roles).toEqual(['base', 'application', 'application']);
    expect(layerRoles(h, 4).roles).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(layerRoles([{ created_by: 'COPY a /a' }], 1).roles).toEqual(['unknown']);
  });
});

describe('image config input', () => {
  it('detects a config JSON and docker inspect output, not Kubernetes JSON', () => {
    expect(detectInput('config.json', JSON.stringify(legacyConfig()))).toBe('image.config');
    expect(detectInput('inspect.json', JSON.stringify([{ Id: 'x', Config: {}, RootFS: { Layers: [] } }]))).toBe('image.config');
    expect(detectInput('pod.json', '{"apiVersion":"v1","kind":"Pod"}')).toBe('k8s.json');
  });

  it('runs the Dockerfile controls on the history, located on the config lines, without printing secrets', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-img-'));
    const file = path.join(dir, 'config.json');
    const text = JSON.stringify(legacyConfig(), null, 2);
    writeFileSync(file, text);
    const r = await scan({ paths: [file], noConfig: true, now });
    expect(r.inputErrors).toEqual([]);
    const ids = r.findings.map((f) => `${f.controlId} ${f.location.pointer}`);
    // No USER in the history after the base, and none in the config: root.
    expect(ids).toContain('BLD-001 /history/1');
    expect(ids).toContain('BLD-002 /history/4');
    const root = r.findings.find((f) => f.controlId === 'BLD-001');
    expect(root?.frameworks.seed).toContain('B1');
    expect(root?.frameworks['cis-docker']).toEqual(['4.1']);
    expect(root?.resource).toEqual({ kind: 'Image', name: file });
    expect(root?.location.line).toBe(text.split('\n').findIndex((l) => l.includes('CMD [\\"/bin/sh\\"]')) + 1);
    // Build args persisted in history and ENV secrets (CIS 4.10).
    const secrets = r.findings.filter((f) => f.controlId === 'BLD-005').map((f) => f.location.pointer);
    expect(secrets.some((p) => p.startsWith('/history/2'))).toBe(true);
    expect(secrets.some((p) => p.startsWith('/history/5'))).toBe(true);
    // The source label is there; the image is recent.
    expect(r.findings.some((f) => f.controlId === 'BLD-101' || f.controlId === 'BLD-102')).toBe(false);
    const json = JSON.stringify(r);
    expect(json).not.toContain(token());
    expect(json).not.toContain(fakeStorageKey());
  });

  it('the configuration wins over history: a USER set in the config, an old image', () => {
    const c = legacyConfig();
    (c.config as Record<string, unknown>).User = '10001';
    c.created = '2025-01-01T00:00:00Z';
    const { subjects, errors } = parseImageConfigText(JSON.stringify(c, null, 2), 'config.json');
    expect(errors).toEqual([]);
    const s = subjects[0];
    const users = s?.finalStage.instructions.filter((i) => i.keyword === 'USER');
    expect(users?.map((u) => [u.args, u.pointer])).toEqual([['10001', '/config/User']]);
    expect(s?.image.layers.map((l) => l.role)).toEqual(['base', 'application', 'application']);
  });

  it('reads docker inspect output: effective root user, SSH port, secrets in Env', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-img-'));
    const file = path.join(dir, 'inspect.json');
    const inspect = [
      {
        Id: 'sha256:' + 'e'.repeat(64),
        RepoTags: ['contoso/api:2.3'],
        RepoDigests: [],
        Created: '2026-01-02T03:04:05Z',
        Config: { User: 'root', ExposedPorts: { '22/tcp': {} }, Env: ['PATH=/usr/bin', `AZURE_STORAGE_KEY=${fakeStorageKey()}`], Labels: null, Healthcheck: { Test: ['CMD', '/healthz'] } },
        RootFS: { Type: 'layers', Layers: [diff('a'), diff('b')] },
      },
    ];
    writeFileSync(file, JSON.stringify(inspect, null, 2));
    const r = await scan({ paths: [file], noConfig: true, now });
    expect(r.inputErrors).toEqual([]);
    const ids = r.findings.map((f) => `${f.controlId} ${f.location.pointer}`).sort();
    expect(ids).toContain('BLD-001 /0/Config/User');
    expect(ids).toContain('BLD-002 /0/Config/ExposedPorts');
    expect(ids.some((i) => i.startsWith('BLD-005 /0/Config/Env/1'))).toBe(true);
    expect(ids).toContain('BLD-101 /0/Config/Labels');
    expect(ids).toContain('BLD-102 /Created'.replace('/Created', '/0/Created'));
    expect(ids.some((i) => i.startsWith('BLD-010'))).toBe(false);
    expect(r.findings.every((f) => f.resource.name === 'contoso/api:2.3' && (f.location.line ?? 0) > 0)).toBe(true);
    expect(JSON.stringify(r)).not.toContain(fakeStorageKey());
  });

  it('adds what the configuration sets beyond the history (ports, environment), and skips the base root filesystem ADD', async () => {
    const c = {
      architecture: 'amd64',
      os: 'linux',
      created: '2026-11-25T00:00:00Z',
      config: { ExposedPorts: { '22/tcp': {} }, Env: [`AZURE_STORAGE_KEY=${fakeStorageKey()}`] },
      rootfs: { type: 'layers', diff_ids: [diff('1')] },
      history: [{ created_by: '/bin/sh -c #(nop) ADD file:9a8b7c6d5e4f in / ' }],
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-img-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(c, null, 2));
    const r = await scan({ paths: [file], noConfig: true, now });
    const ids = r.findings.map((f) => `${f.controlId} ${f.location.pointer}`);
    expect(ids).toContain('BLD-002 /config/ExposedPorts');
    expect(ids.some((i) => i.startsWith('BLD-005 /config/Env/0'))).toBe(true);
    expect(ids.some((i) => i.startsWith('BLD-006'))).toBe(false);
    expect(JSON.stringify(r)).not.toContain(fakeStorageKey());
  });

  it('says which element of an array is not an image', () => {
    const { subjects, errors } = parseImageConfigText('[{"Id":"x","Config":{},"RootFS":{"Layers":[]}}, {"kind":"Pod"}]', 'inspect.json');
    expect(subjects).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['not-image']);
  });
});
