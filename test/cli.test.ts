import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { catalog } from '../src/controls/index.js';

async function run(argv: string[], opts: { stdin?: string; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: Readable.from([Buffer.from(opts.stdin ?? '')]),
    isTTY: opts.tty ?? false,
    env: {},
  });
  return { code, stdout, stderr };
}

const INSECURE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.0
          securityContext:
            privileged: true
`;

const dir = mkdtempSync(path.join(tmpdir(), 'palisade-cli-'));
writeFileSync(path.join(dir, 'deploy.yaml'), INSECURE);

describe('palisade scan', () => {
  it('prints a text report and exits 1 on findings', async () => {
    const r = await run(['scan', dir, '--no-config']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Deployment shop/web');
    expect(r.stdout).toContain(`${path.join(dir, 'deploy.yaml')}:13`);
    expect(r.stdout.includes('\u001b[')).toBe(false);
  });

  it('colours only on a terminal', async () => {
    expect((await run(['scan', dir, '--no-config'], { tty: true })).stdout.includes('\u001b[')).toBe(true);
    expect((await run(['scan', dir, '--no-config', '--no-color'], { tty: true })).stdout.includes('\u001b[')).toBe(false);
  });

  it('prints the JSON contract', async () => {
    const r = await run(['scan', dir, '--no-config', '--format', 'json', '--profile', 'pss-baseline']);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const f = out.findings.find((x: { frameworks: { pss?: string[] } }) => x.frameworks.pss?.includes('privileged'));
    expect(f).toMatchObject({
      status: 'fail',
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      location: { file: path.join(dir, 'deploy.yaml'), line: 13, pointer: '/spec/template/spec/containers/0/securityContext/privileged' },
    });
    expect(f.frameworks.seed.length).toBeGreaterThan(0);
    // pss-baseline runs exactly the baseline Pod Security controls.
    const baseline = new Set(catalog.filter((c) => c.meta.pss?.level === 'baseline').map((c) => c.meta.id));
    for (const x of out.findings) expect(baseline.has(x.controlId)).toBe(true);
  });

  it('writes --output and honours --fail-on', async () => {
    const file = path.join(dir, 'out.sarif');
    const r = await run(['scan', path.join(dir, 'deploy.yaml'), '--no-config', '-f', 'sarif', '-o', file, '--fail-on', 'critical']);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
    // privileged is not critical by default only if the catalog says so; the exit code follows the threshold.
    const severities = JSON.parse((await run(['scan', dir, '--no-config', '-f', 'json'])).stdout).findings.map((f: { severity: string }) => f.severity);
    expect(r.code).toBe(severities.includes('critical') ? 1 : 0);
  });

  it('reads standard input', async () => {
    const r = await run(['scan', '-', '--no-config', '-f', 'junit'], { stdin: INSECURE });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuites');
  });

  it('exits 0 on a clean input', async () => {
    const r = await run(['scan', '-', '--no-config'], { stdin: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' });
    expect(r.code).toBe(0);
  });

  it.each([
    [['scan'], 'needs at least one path'],
    [['scan', dir, '--format', 'xml'], "unknown format 'xml'"],
    [['scan', dir, '--profile', 'paranoid'], "unknown profile 'paranoid'"],
    [['scan', dir, '--pss-version', 'v1.99'], 'unsupported Pod Security Standards version'],
    [['scan', dir, '--fail-on', 'urgent'], "unknown severity 'urgent'"],
    [['scan', dir, '--bogus'], 'bogus'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('exits 2 on an invalid configuration, naming file and path', async () => {
    const cfg = path.join(dir, 'bad.yaml');
    writeFileSync(cfg, 'controls:\n  APP-020: { severity: urgent }\n');
    const r = await run(['scan', dir, '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cfg} at /controls/APP-020/severity`);
  });
});

describe('palisade controls', () => {
  it('lists the catalog as text and JSON', async () => {
    const text = await run(['controls', 'list']);
    expect(text.code).toBe(0);
    for (const c of catalog) expect(text.stdout).toContain(c.meta.id);
    const json = JSON.parse((await run(['controls', 'list', '--format', 'json'])).stdout);
    expect(json).toHaveLength(catalog.length);
  });

  it('explains a control by id or name', async () => {
    const c = catalog[0]!;
    const byId = await run(['controls', 'explain', c.meta.id.toLowerCase()]);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain(c.meta.docs.remediation);
    expect((await run(['controls', 'explain', c.meta.name])).stdout).toBe(byId.stdout);
    expect((await run(['controls', 'explain', 'NOPE-1'])).code).toBe(2);
  });
});
