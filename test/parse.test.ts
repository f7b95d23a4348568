import { describe, expect, it } from 'vitest';
import { parseJson } from '../src/parse/json.js';
import { parseYaml, splitYamlDocuments } from '../src/parse/yaml.js';

const MULTI = `# leading comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: one   # trailing comment
data:
  a: "1"
---
# second document
apiVersion: apps/v1
kind: Deployment
metadata:
  name: two
  labels: {app: web, tier: "front"}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
          securityContext:
            privileged: true
        - &sidecar
          name: proxy
          image: envoy
      initContainers:
        - *sidecar
...
---
apiVersion: v1
kind: Service
metadata: {name: three}
`;

describe('YAML parsing with positions', () => {
  it('splits documents on markers and keeps absolute lines', () => {
    const out = parseYaml(MULTI, 'm.yaml');
    expect(out.errors).toEqual([]);
    expect(out.documents.map((d) => d.startLine)).toEqual([2, 10, 30]);
    const dep = out.documents[1]!;
    expect(dep.positions.locate('/spec/template/spec/containers/0/securityContext/privileged')).toEqual({ line: 22, column: 13 });
    expect(dep.positions.locate('/spec/template/spec/containers/1')).toEqual({ line: 23, column: 11 });
    expect(dep.positions.locate('/metadata/labels/tier')).toEqual({ line: 14, column: 22 });
    // A missing field resolves to its nearest existing ancestor.
    expect(dep.positions.locate('/spec/template/spec/containers/0/resources/limits')).toEqual({ line: 19, column: 11 });
    expect(dep.positions.locate('')).toEqual({ line: 10, column: 1 });
    expect(out.documents[2]!.positions.locate('/metadata/name')).toEqual({ line: 32, column: 12 });
  });

  it('resolves aliases and merge keys', () => {
    const text = `base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\nlist: [*b, *b]\n`;
    const out = parseYaml(text, 'a.yaml');
    expect(out.documents[0]!.value).toEqual({ base: { x: 1, y: 2 }, derived: { x: 1, y: 3 }, list: [{ x: 1, y: 2 }, { x: 1, y: 2 }] });
  });

  it('keeps dates and YAML 1.1 words as strings, as Kubernetes does for annotations', () => {
    const out = parseYaml('a: 2024-01-01\nb: "on"\n', 'd.yaml');
    expect(out.documents[0]!.value).toEqual({ a: '2024-01-01', b: 'on' });
  });

  it('reports a broken document with its line and keeps the others', () => {
    const text = 'kind: A\n---\nkind: B\n  bad: [\n---\nkind: C\n';
    const out = parseYaml(text, 'broken.yaml');
    expect(out.documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['A', 'C']);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ file: 'broken.yaml', code: 'parse-error', documentIndex: 1 });
    expect(out.errors[0]!.line).toBeGreaterThanOrEqual(3);
    expect(out.errors[0]!.line).toBeLessThanOrEqual(5);
  });

  it('refuses an alias bomb without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const out = parseYaml(levels.join('\n') + '\n', 'bomb.yaml');
    expect(out.documents).toEqual([]);
    expect(out.errors[0]).toMatchObject({ code: 'alias-bomb', line: 1 });
  });

  it('ignores comment-only and empty documents', () => {
    expect(splitYamlDocuments('---\n# nothing\n---\n\n')).toEqual([]);
    expect(splitYamlDocuments('--- {kind: A}\n')).toHaveLength(1);
    expect(splitYamlDocuments('%YAML 1.2\r\n---\r\n...\r\n')).toEqual([]);
    const out = parseYaml('---\n---\nkind: A\n', 'e.yaml');
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0]!.startLine).toBe(3);
  });

  it('reports duplicate keys, which the API server refuses too', () => {
    const out = parseYaml('kind: A\nkind: B\n', 'dup.yaml');
    expect(out.errors[0]).toMatchObject({ code: 'parse-error', line: 2 });
  });
});

describe('JSON parsing with lazy positions', () => {
  const text = JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { kind: 'Pod', metadata: { name: 'a/b' }, spec: { containers: [{ name: 'x', 'we/ird': 1 }] } },
        { kind: 'Pod', metadata: { name: 'c' }, spec: { containers: [{ name: 'y', image: 'q"uote' }, { name: 'z' }] } },
      ],
    },
    null,
    2,
  );
  const lines = text.split('\n');
  const lineOf = (needle: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;

  it('locates pointers, including escaped keys and later array items', () => {
    const doc = parseJson(text, 'l.json').documents[0]!;
    expect(doc.positions.locate('/items/1/spec/containers/1')!.line).toBe(lineOf('"name": "z"') - 1);
    expect(doc.positions.locate('/items/0/spec/containers/0/we~1ird')!.line).toBe(lineOf('we/ird'));
    expect(doc.positions.locate('/items/1/spec/containers/0/image')!.line).toBe(lineOf('q\\"uote'));
    // Asking again, in any order, gives the same answers (memoised offsets).
    expect(doc.positions.locate('/items/0/metadata/name')!.line).toBe(lineOf('"a/b"'));
    expect(doc.positions.locate('/items/1/metadata/name')!.line).toBe(lineOf('"name": "c"'));
    expect(doc.positions.locate('/items/7/spec')!.line).toBe(lineOf('"items"'));
  });

  it('reports syntax errors with a line', () => {
    const out = parseJson('{\n  "a": 1,\n  "b": \n}\n', 'bad.json');
    expect(out.documents).toEqual([]);
    expect(out.errors[0]).toMatchObject({ file: 'bad.json', code: 'parse-error' });
    expect(out.errors[0]!.line).toBe(4);
  });
});
