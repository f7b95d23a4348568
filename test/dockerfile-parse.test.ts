import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInput, isDockerfileName } from '../src/detect/index.js';
import { subjectsFromText } from '../src/engine/pipeline.js';
import type { DockerInstruction, ImageBuildSubject } from '../src/model/types.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { listInputs } from '../src/sources/files.js';
import { scan } from '../src/scan.js';

function parse(text: string, file = 'Dockerfile'): ImageBuildSubject {
  const r = parseDockerfile(text, file);
  expect(r.errors).toEqual([]);
  expect(r.subject).toBeDefined();
  return r.subject as ImageBuildSubject;
}

function ins(s: ImageBuildSubject, stage: number, i: number): DockerInstruction {
  const x = s.stages[stage]?.instructions[i];
  expect(x, `/stages/${stage}/instructions/${i}`).toBeDefined();
  return x as DockerInstruction;
}

describe('stages', () => {
  const text = [
    'ARG REGISTRY=mcr.microsoft.com', // 1
    'ARG NODE_TAG=20-slim', // 2
    'ARG IMAGE=${REGISTRY}/node:${NODE_TAG}', // 3
    'ARG UNSET', // 4
    '', // 5
    'FROM --platform=$BUILDPLATFORM ${IMAGE} AS Build', // 6
    'WORKDIR /src', // 7
    'RUN make', // 8
    '', // 9
    'FROM $REGISTRY/dotnet/runtime:${UNSET} as runtime', // 10
    'COPY --from=build /src/out /app', // 11
    '', // 12
    'FROM build AS test', // 13
    'FROM scratch', // 14
    'COPY --from=runtime /app /app', // 15
    '',
  ].join('\n');

  it('reads stages with names, platform, base images and ARG defaults substituted', () => {
    const s = parse(text);
    expect(s.type).toBe('image.build');
    expect(s.resource).toEqual({ kind: 'Dockerfile', name: 'Dockerfile' });
    expect(s.globalArgs).toEqual([
      { name: 'REGISTRY', default: 'mcr.microsoft.com' },
      { name: 'NODE_TAG', default: '20-slim' },
      { name: 'IMAGE', default: 'mcr.microsoft.com/node:20-slim' },
      { name: 'UNSET' },
    ]);
    expect(s.stages).toHaveLength(4);
    const [build, runtime, test, last] = s.stages;
    expect(build).toMatchObject({ index: 0, name: 'Build', platform: '$BUILDPLATFORM', baseImageRaw: '${IMAGE}', baseImage: 'mcr.microsoft.com/node:20-slim', pointer: '/stages/0' });
    expect(build?.fromStage).toBeUndefined();
    // A variable without a known default stays as written.
    expect(runtime).toMatchObject({ name: 'runtime', baseImageRaw: '$REGISTRY/dotnet/runtime:${UNSET}', baseImage: 'mcr.microsoft.com/dotnet/runtime:${UNSET}' });
    expect(runtime?.fromStage).toBeUndefined();
    // Stage names match case-insensitively, as BuildKit lower-cases them.
    expect(test).toMatchObject({ name: 'test', baseImage: 'build', fromStage: 'Build' });
    expect(last).toMatchObject({ baseImage: 'scratch', fromStage: 'scratch' });
    expect(last?.name).toBeUndefined();
    expect(s.finalStage).toBe(last);
    expect(s.escape).toBe('\\');
  });

  it('puts FROM first in its stage and numbers instructions with pointers, lines and columns', () => {
    const s = parse(text);
    expect(ins(s, 0, 0)).toMatchObject({ keyword: 'FROM', args: '${IMAGE} AS Build', flags: { platform: '$BUILDPLATFORM' }, line: 6, column: 1, endLine: 6, pointer: '/stages/0/instructions/0' });
    expect(ins(s, 0, 2)).toMatchObject({ keyword: 'RUN', args: 'make', line: 8, pointer: '/stages/0/instructions/2' });
    expect(ins(s, 1, 1)).toMatchObject({ keyword: 'COPY', args: '/src/out /app', flags: { from: 'build' }, line: 11, column: 1 });
    expect(ins(s, 3, 1)).toMatchObject({ keyword: 'COPY', flags: { from: 'runtime' }, line: 15, pointer: '/stages/3/instructions/1' });
    expect(s.stages[2]?.instructions).toHaveLength(1);
  });

  it('maps pointers back to lines and columns', () => {
    const s = parse(text);
    const p = s.source;
    expect(p).toMatchObject({ file: 'Dockerfile', documentIndex: 0, basePointer: '' });
    expect(p.positions.locate('')).toEqual({ line: 1, column: 1 });
    expect(p.positions.locate('/stages/1')).toEqual({ line: 10, column: 1 });
    expect(p.positions.locate('/stages/1/instructions/1')).toEqual({ line: 11, column: 1 });
    // Deeper pointers fall back to their instruction.
    expect(p.positions.locate('/stages/1/instructions/1/flags/from')).toEqual({ line: 11, column: 1 });
    expect(p.positions.locate('/stages/0/instructions/99')).toEqual({ line: 6, column: 1 });
    expect(p.positions.locate('/stages/9')).toBeUndefined();
  });
});

describe('instructions', () => {
  it('joins continuations, drops comment and empty lines between them, and keeps exact positions', () => {
    const s = parse(
      [
        'FROM alpine:3.20', // 1
        '  # indented comment', // 2
        '    RUN apk add --no-cache \\', // 3
        '        curl \\', // 4
        '        # a comment between continuation lines', // 5
        '', // 6
        '        jq', // 7
        'ENV A=1 \\', // 8
        '    B="two words"', // 9
        'user app', // 10
        'HEALTHCHECK --interval=30s --timeout=3s CMD wget -q -O- http://localhost/ || exit 1', // 11
        'HEALTHCHECK CMD ["/bin/check", "--quiet"]', // 12
      ].join('\n'),
    );
    expect(ins(s, 0, 1)).toMatchObject({ keyword: 'RUN', args: 'apk add --no-cache curl jq', flags: {}, line: 3, column: 5, endLine: 7 });
    expect(ins(s, 0, 1).json).toBeUndefined();
    expect(ins(s, 0, 2)).toMatchObject({ keyword: 'ENV', args: 'A=1 B="two words"', line: 8, endLine: 9 });
    // Keywords are upper-cased.
    expect(ins(s, 0, 3)).toMatchObject({ keyword: 'USER', args: 'app', line: 10 });
    expect(ins(s, 0, 4)).toMatchObject({ keyword: 'HEALTHCHECK', args: 'CMD wget -q -O- http://localhost/ || exit 1', flags: { interval: '30s', timeout: '3s' } });
    expect(ins(s, 0, 5)).toMatchObject({ keyword: 'HEALTHCHECK', json: ['/bin/check', '--quiet'] });
  });

  it('reads ARG, ENV and LABEL pairs with their own lines, and locates them', () => {
    const s = parse(
      [
        'FROM alpine', // 1
        'ENV LEGACY value with spaces', // 2
        'ENV A=1 B="two words" \\', // 3
        '    # between', // 4
        '    API_TOKEN=abc', // 5
        'ARG NPM_TOKEN', // 6
        'LABEL "org.opencontainers.image.source"="https://example.com/r"', // 7
      ].join('\n'),
    );
    expect(ins(s, 0, 1).properties).toEqual([{ name: 'LEGACY', value: 'value with spaces', line: 2, column: 5 }]);
    expect(ins(s, 0, 2).properties).toEqual([
      { name: 'A', value: '1', line: 3, column: 5 },
      { name: 'B', value: 'two words', line: 3, column: 9 },
      { name: 'API_TOKEN', value: 'abc', line: 5, column: 5 },
    ]);
    expect(ins(s, 0, 3).properties).toEqual([{ name: 'NPM_TOKEN', line: 6, column: 5 }]);
    expect(ins(s, 0, 4).properties).toMatchObject([{ name: 'org.opencontainers.image.source', value: 'https://example.com/r' }]);
    expect(ins(s, 0, 0).properties).toBeUndefined();
    expect(s.source.positions.locate('/stages/0/instructions/2/properties/2')).toEqual({ line: 5, column: 5 });
    expect(s.source.positions.locate('/stages/0/instructions/2/properties/9')).toEqual({ line: 3, column: 1 });
  });

  it('reads the exec (JSON) form and the shell form', () => {
    const s = parse(
      [
        'FROM alpine',
        'RUN ["/bin/sh", "-c", "echo \\"hi\\""]',
        'RUN [ -f /etc/os-release ] && cat /etc/os-release',
        'CMD ["node", "server.js"]',
        'ENTRYPOINT exec node server.js',
        'SHELL ["powershell", "-Command"]',
        'VOLUME ["/data"]',
        'COPY ["a file.txt", "/app/"]',
      ].join('\n'),
    );
    expect(ins(s, 0, 1).json).toEqual(['/bin/sh', '-c', 'echo "hi"']);
    expect(ins(s, 0, 2).json).toBeUndefined();
    expect(ins(s, 0, 2).args).toBe('[ -f /etc/os-release ] && cat /etc/os-release');
    expect(ins(s, 0, 3)).toMatchObject({ args: '["node", "server.js"]', json: ['node', 'server.js'] });
    expect(ins(s, 0, 4).json).toBeUndefined();
    expect(ins(s, 0, 5).json).toEqual(['powershell', '-Command']);
    expect(ins(s, 0, 6).json).toEqual(['/data']);
    expect(ins(s, 0, 7).json).toEqual(['a file.txt', '/app/']);
  });

  it('reads flags: --chown, --chmod, --link, --mount (repeated), --platform', () => {
    const s = parse(
      [
        'FROM --platform=linux/arm64 debian:12 AS base',
        'COPY --chown=app:app --chmod=0755 --link entrypoint.sh /usr/local/bin/',
        'ADD --checksum=sha256:abc https://example.com/x.tar.gz /tmp/',
        'RUN --mount=type=cache,target=/var/cache/apt --mount=type=secret,id=npmrc,target=/root/.npmrc apt-get update',
        'RUN --network=none ["make", "test"]',
      ].join('\n'),
    );
    expect(s.stages[0]?.platform).toBe('linux/arm64');
    expect(ins(s, 0, 0)).toMatchObject({ args: 'debian:12 AS base', flags: { platform: 'linux/arm64' } });
    expect(ins(s, 0, 1)).toMatchObject({ args: 'entrypoint.sh /usr/local/bin/', flags: { chown: 'app:app', chmod: '0755', link: '' } });
    expect(ins(s, 0, 2)).toMatchObject({ keyword: 'ADD', args: 'https://example.com/x.tar.gz /tmp/', flags: { checksum: 'sha256:abc' } });
    expect(ins(s, 0, 3)).toMatchObject({
      args: 'apt-get update',
      flags: { mount: 'type=cache,target=/var/cache/apt type=secret,id=npmrc,target=/root/.npmrc' },
    });
    expect(ins(s, 0, 4)).toMatchObject({ args: '["make", "test"]', json: ['make', 'test'], flags: { network: 'none' } });
  });

  it('reads here-documents, with <<- tab stripping, quoted names and several per instruction', () => {
    const s = parse(
      [
        '# syntax=docker/dockerfile:1', // 1
        'FROM debian:12', // 2
        'RUN <<EOF', // 3
        'set -eux', // 4
        'apt-get update', // 5
        'EOF', // 6
        'RUN python3 <<-"PY" && <<SH sh', // 7
        '\tprint("hi")', // 8
        '\tPY', // 9
        'echo done', // 10
        'SH', // 11
        'COPY --chmod=644 <<conf.ini /etc/app/', // 12
        'key = value', // 13
        'conf.ini', // 14
        'USER nobody', // 15
      ].join('\n'),
    );
    expect(ins(s, 0, 1)).toMatchObject({ keyword: 'RUN', args: '<<EOF', line: 3, endLine: 6, heredocs: [{ name: 'EOF', body: 'set -eux\napt-get update\n' }] });
    expect(ins(s, 0, 2)).toMatchObject({
      args: 'python3 <<-"PY" && <<SH sh',
      line: 7,
      endLine: 11,
      heredocs: [
        { name: 'PY', body: 'print("hi")\n' },
        { name: 'SH', body: 'echo done\n' },
      ],
    });
    expect(ins(s, 0, 3)).toMatchObject({ keyword: 'COPY', args: '<<conf.ini /etc/app/', flags: { chmod: '644' }, heredocs: [{ name: 'conf.ini', body: 'key = value\n' }] });
    expect(ins(s, 0, 4)).toMatchObject({ keyword: 'USER', line: 15 });
    expect(ins(s, 0, 4).heredocs).toBeUndefined();
  });

  it('honours the escape directive (backtick, Windows style)', () => {
    const s = parse(
      [
        '# escape=`', // 1
        '', // 2
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022', // 3
        'WORKDIR C:\\app', // 4
        'RUN powershell -Command `', // 5
        '    $ErrorActionPreference = \'Stop\'; `', // 6
        '    Invoke-WebRequest https://example.com/x.zip -OutFile C:\\x.zip', // 7
        'COPY app\\ C:\\app\\', // 8
      ].join('\r\n'),
    );
    expect(s.escape).toBe('`');
    expect(ins(s, 0, 1)).toMatchObject({ keyword: 'WORKDIR', args: 'C:\\app', line: 4 });
    expect(ins(s, 0, 2)).toMatchObject({
      args: "powershell -Command $ErrorActionPreference = 'Stop'; Invoke-WebRequest https://example.com/x.zip -OutFile C:\\x.zip",
      line: 5,
      endLine: 7,
    });
    // With a backtick escape, a trailing backslash is a path, not a continuation.
    expect(ins(s, 0, 3)).toMatchObject({ keyword: 'COPY', args: 'app\\ C:\\app\\', line: 8, endLine: 8 });
  });

  it('reads a CRLF file and a BOM', () => {
    const s = parse('\ufeffFROM alpine\r\nRUN echo a \\\r\n  b\r\nUSER 1000\r\n');
    expect(ins(s, 0, 1)).toMatchObject({ args: 'echo a b', line: 2, endLine: 3 });
    expect(ins(s, 0, 2)).toMatchObject({ args: '1000', line: 4 });
  });
});

describe('syntax errors', () => {
  it('reports each bad line with its line number and reads the rest of the file', () => {
    const text = [
      'ARG BASE=alpine:3', // 1
      'RUN echo too early', // 2
      'FROM $BASE AS one', // 3
      'RUNN echo typo', // 4
      'CMD ["node", "app.js"', // 5
      'USER app', // 6
      'FROM', // 7
      'RUN lost with its broken stage', // 8
      'FROM alpine:3 AS two', // 9
      'SHELL /bin/bash -c', // 10
      'RUN <<EOF', // 11
      'echo never closed', // 12
    ].join('\n');
    const r = parseDockerfile(text, 'bad/Dockerfile');
    expect(r.errors.map((e) => ({ file: e.file, code: e.code, line: e.line }))).toEqual([
      { file: 'bad/Dockerfile', code: 'parse-error', line: 2 },
      { file: 'bad/Dockerfile', code: 'parse-error', line: 4 },
      { file: 'bad/Dockerfile', code: 'parse-error', line: 5 },
      { file: 'bad/Dockerfile', code: 'parse-error', line: 7 },
      { file: 'bad/Dockerfile', code: 'parse-error', line: 10 },
      { file: 'bad/Dockerfile', code: 'parse-error', line: 11 },
    ]);
    expect(r.errors[1]?.message).toMatch(/RUNN/);
    expect(r.errors[3]?.message).toMatch(/FROM without an image/);
    expect(r.errors[5]?.message).toMatch(/EOF/);
    const s = r.subject as ImageBuildSubject;
    expect(s.stages.map((st) => st.name)).toEqual(['one', 'two']);
    expect(s.stages[0]?.baseImage).toBe('alpine:3');
    expect(s.stages[0]?.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 3],
      ['USER', 6],
    ]);
    expect(s.stages[1]?.instructions.map((i) => i.pointer)).toEqual(['/stages/1/instructions/0']);
    expect(s.finalStage.name).toBe('two');
  });

  it('says an empty file or one without FROM is not a Dockerfile', () => {
    for (const text of ['', '\n  \n', '# just a comment\nARG X=1\n']) {
      const r = parseDockerfile(text, 'Dockerfile');
      expect(r.subject).toBeUndefined();
      expect(r.errors.map((e) => e.code)).toEqual(['not-dockerfile']);
    }
  });

  it('gives no subject when no FROM can be read, only the errors', () => {
    const r = parseDockerfile('FROM\nRUN x\n', 'Dockerfile');
    expect(r.subject).toBeUndefined();
    expect(r.errors).toMatchObject([{ code: 'parse-error', line: 1 }]);
  });
});

describe('detection', () => {
  it('knows Dockerfiles by name, case-insensitively', () => {
    for (const name of ['Dockerfile', 'dockerfile', 'DOCKERFILE', 'Dockerfile.prod', 'docker/Dockerfile.dev', 'api.Dockerfile', 'web.dockerfile', 'Containerfile', 'Containerfile.ubi']) {
      expect(isDockerfileName(name), name).toBe(true);
      expect(detectInput(name, 'FROM alpine\n'), name).toBe('dockerfile');
    }
    for (const name of ['deploy.yaml', 'Dockerfile.dockerignore', 'api.Dockerfile.dockerignore', '.dockerignore', 'dockerfiles.yaml', 'notes.txt', '-']) {
      expect(isDockerfileName(name), name).toBe(false);
    }
    expect(detectInput('pod.yaml', 'kind: Pod\n')).toBe('k8s.yaml');
    expect(detectInput('-', '{"kind":"Pod"}')).toBe('k8s.json');
  });

  it('routes Dockerfiles through subjectsFromText', () => {
    const r = subjectsFromText('Containerfile.prod', 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nUSER 1001\n');
    expect(r.errors).toEqual([]);
    expect(r.documents).toBe(1);
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]).toMatchObject({ type: 'image.build', resource: { kind: 'Dockerfile', name: 'Containerfile.prod' } });
    const bad = subjectsFromText('Dockerfile', '');
    expect(bad).toMatchObject({ subjects: [], documents: 0, errors: [{ code: 'not-dockerfile', file: 'Dockerfile' }] });
  });

  it('a folder scan picks up Dockerfiles next to YAML, and not in .git or node_modules', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'palisade-dockerfile-'));
    writeFileSync(path.join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}]}\n');
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.20\nUSER 1000\n');
    mkdirSync(path.join(dir, 'svc'));
    writeFileSync(path.join(dir, 'svc', 'api.Dockerfile'), 'FROM alpine:3.20\nRUNN bad\nUSER 1000\n');
    writeFileSync(path.join(dir, 'svc', 'api.Dockerfile.dockerignore'), 'node_modules\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    for (const skipped of ['.git', 'node_modules']) {
      mkdirSync(path.join(dir, skipped));
      writeFileSync(path.join(dir, skipped, 'Dockerfile'), 'FROM alpine\n');
    }
    const listed: string[] = [];
    for await (const e of listInputs([dir])) if ('path' in e) listed.push(path.relative(dir, e.path));
    expect(listed).toEqual(['Dockerfile', 'pod.yaml', path.join('svc', 'api.Dockerfile')]);

    const r = await scan({ paths: [dir], catalog: [], noConfig: true });
    expect(r.summary.resources).toBe(3);
    expect(r.inputErrors.map((e) => ({ file: path.relative(dir, e.file), code: e.code, line: e.line }))).toEqual([
      { file: path.join('svc', 'api.Dockerfile'), code: 'parse-error', line: 2 },
    ]);
  });
});
