import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { asAny } from '../src/controls/define.js';
import readOnly from '../src/controls/application/read-only-root-filesystem.js';
import { scan } from '../src/scan.js';

const catalog = [asAny(readOnly)];
const POD = (name: string, ns = 'team') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  containers:
    - name: app
      image: contoso.azurecr.io/app:1.0
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'palisade-inputs-'));
  writeFileSync(path.join(dir, 'good.yaml'), POD('good'));
  writeFileSync(path.join(dir, 'broken.yaml'), `${POD('first')}---\nkind: Pod\nmetadata: {name: x\n---\n${POD('third')}`);
  writeFileSync(path.join(dir, 'nokind.yaml'), 'metadata:\n  name: orphan\n');
  writeFileSync(path.join(dir, 'mixed.yaml'), `${POD('mixed')}---\nmetadata:\n  name: orphan\n`);
  writeFileSync(path.join(dir, 'palisade.yaml'), 'failOn: high\n');
  writeFileSync(path.join(dir, 'unknown.yaml'), 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: typo}\n');
  writeFileSync(path.join(dir, 'crd.yaml'), 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: tls}\n');
  const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < 8; i++) bomb.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
  writeFileSync(path.join(dir, 'bomb.yaml'), bomb.join('\n') + '\n');
  writeFileSync(path.join(dir, 'huge.yaml'), '');
  truncateSync(path.join(dir, 'huge.yaml'), 100 * 1024 * 1024);
  writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
  symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
  writeFileSync(path.join(dir, 'list.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'from-list', namespace: 'team' }, spec: { containers: [{ name: 'c', image: 'x' }] } }))] }, null, 2));
  writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest');
  for (const skipped of ['.git', 'node_modules']) {
    mkdirSync(path.join(dir, skipped));
    writeFileSync(path.join(dir, skipped, 'pod.yaml'), POD('skipped'));
  }
  mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(path.join(dir, 'nested', 'deeper', 'pod.yml'), POD('nested'));
});

describe('bad input is reported and the rest is scanned', () => {
  it('reports each bad input with its path and line, and scans everything else', async () => {
    const r = await scan({ paths: [dir], catalog, noConfig: true });
    const errors = r.inputErrors.map((e) => ({ file: path.basename(e.file), code: e.code, line: e.line }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: 'binary.yaml', code: 'binary', line: undefined },
        { file: 'bomb.yaml', code: 'alias-bomb', line: 1 },
        { file: 'broken.yaml', code: 'parse-error', line: expect.any(Number) },
        { file: 'huge.yaml', code: 'too-large', line: undefined },
        { file: 'loop.yaml', code: 'read-error', line: undefined },
        { file: 'mixed.yaml', code: 'not-kubernetes', line: 11 },
        { file: 'unknown.yaml', code: 'unknown-kind', line: 2 },
      ]),
    );
    expect(errors).toHaveLength(7);
    const broken = r.inputErrors.find((e) => e.file.endsWith('broken.yaml'))!;
    expect(broken.line).toBeGreaterThanOrEqual(11);
    expect(broken.line).toBeLessThanOrEqual(13);
    const names = r.findings.map((f) => f.resource.name).sort();
    expect(names).toEqual(['first', 'from-list', 'good', 'mixed', 'nested', 'third']);
    // A file in a folder with no Kubernetes object at all (Helm values, CI workflows) is skipped, and said so.
    expect(r.notices.map((n) => n.message).join('\n')).toMatch(/skipped 1 file with no Kubernetes objects: .*nokind\.yaml/);
    // The path as the user gave it, joined with the relative path inside the folder.
    const nested = r.findings.find((f) => f.resource.name === 'nested')!;
    expect(nested.location.file).toBe(path.join(dir, 'nested', 'deeper', 'pod.yml'));
    const third = r.findings.find((f) => f.resource.name === 'third')!;
    expect(third.location).toMatchObject({ line: 21, pointer: '/spec/containers/0' });
    const fromList = r.findings.find((f) => f.resource.name === 'from-list')!;
    expect(fromList.location.pointer).toBe('/items/0/spec/containers/0');
    expect(fromList.location.line).toBeGreaterThan(1);
    expect(r.summary.exitCode).toBe(1);
    // Certificate (a CRD) is a resource, not an error.
    expect(r.summary.resources).toBe(7);
  });

  it('reports a document without kind in a file named explicitly', async () => {
    const r = await scan({ paths: [path.join(dir, 'nokind.yaml')], catalog, noConfig: true });
    expect(r.inputErrors).toEqual([expect.objectContaining({ code: 'not-kubernetes', line: 1, message: expect.stringContaining('missing apiVersion and kind') })]);
    expect(r.summary.exitCode).toBe(2);
  });

  it('streams a JSON List item by item: a broken item loses only itself', async () => {
    const item = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'team' }, spec: { containers: [{ name: 'ctr', image: 'x' }] } }, null, 2);
    const text = `{\n"apiVersion": "v1",\n"items": [\n${item('a')},\n${item('b').replace('"spec"', '"spec" "oops"')},\n${item('c')}\n],\n"kind": "List",\n"metadata": {}\n}\n`;
    const file = path.join(dir, 'stream', 'list.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    const r = await scan({ paths: [file], catalog, noConfig: true });
    expect(r.findings.map((f) => [f.resource.name, f.location.pointer])).toEqual([
      ['a', '/items/0/spec/containers/0'],
      ['c', '/items/2/spec/containers/0'],
    ]);
    const lines = text.split('\n');
    const cName = lines.findIndex((l) => l.includes('"name": "c"'));
    const cContainers = lines.findIndex((l, i) => i > cName && l.includes('"containers"'));
    // The container object's opening brace, on the line after `"containers": [`.
    expect(r.findings[1]!.location.line).toBe(cContainers + 2);
    expect(r.inputErrors).toEqual([expect.objectContaining({ code: 'parse-error', line: lines.findIndex((l) => l.includes('"oops"')) + 1 })]);
    expect(r.inputErrors[0]!.message).toContain('items[1]');
  });

  it('exits 2 only when nothing could be scanned', async () => {
    const r = await scan({ paths: [path.join(dir, 'binary.yaml'), path.join(dir, 'missing.yaml')], catalog, noConfig: true });
    expect(r.inputErrors.map((e) => e.code)).toEqual(['binary', 'read-error']);
    expect(r.inputErrors[1]!.message).toContain('no such file');
    expect(r.summary.exitCode).toBe(2);
  });

  it('reads standard input (helm template | palisade scan -)', async () => {
    const stdin = Readable.from([Buffer.from(POD('piped'))]);
    const r = await scan({ paths: ['-'], stdin, catalog, noConfig: true });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.location).toMatchObject({ file: '-', line: 8 });
  });

  it('reads JSON from standard input', async () => {
    const stdin = Readable.from([JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'a', image: 'b' }] } })]);
    const r = await scan({ paths: ['-'], stdin, catalog, noConfig: true });
    expect(r.findings.map((f) => f.resource.name)).toEqual(['j']);
  });
});
