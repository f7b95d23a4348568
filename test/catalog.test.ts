import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/controls/index.js';
import { renderCatalogMarkdown, renderCisDockerMarkdown, renderProfilesMarkdown, renderSeedCoverageMarkdown, seedCoverage } from '../src/docs/catalog.js';
import { SEED_IDS, UNCOVERED_SEEDS } from '../src/docs/seed-coverage.js';
import { SEVERITIES, STAGES } from '../src/model/types.js';
import { sharedDir } from './shared.js';

const root = path.resolve(import.meta.dirname, '..');
const PREFIX: Record<string, string> = { BLD: 'build', REG: 'registry', CLU: 'cluster', NOD: 'node', APP: 'application' };

/** Every module under src/controls/<folder>/ whose default export is a control. */
async function controlFiles(): Promise<{ file: string; id: string; name: string }[]> {
  const out: { file: string; id: string; name: string }[] = [];
  const base = path.join(root, 'src', 'controls');
  for (const folder of readdirSync(base, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const f of readdirSync(path.join(base, folder.name))) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts') || f === 'index.ts') continue;
      const mod = (await import(path.join(base, folder.name, f))) as { default?: { meta?: { id: string; name: string } } };
      if (mod.default?.meta?.id) out.push({ file: path.join(base, folder.name, f), id: mod.default.meta.id, name: mod.default.meta.name });
    }
  }
  return out;
}

describe('the control catalog', () => {
  it('has unique, well-formed ids and names', () => {
    const ids = catalog.map((c) => c.meta.id);
    const names = catalog.map((c) => c.meta.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    for (const c of catalog) {
      expect(c.meta.id).toMatch(/^(BLD|REG|CLU|NOD|APP)-\d{3}$/);
      expect(PREFIX[c.meta.id.slice(0, 3)], `${c.meta.id} surface`).toBe(c.meta.surface);
      expect(c.meta.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect([...ids]).toEqual([...ids].sort());
  });

  it('lists every control module in the index, each named after its file and tested', async () => {
    const files = await controlFiles();
    expect(files.length).toBeGreaterThan(0);
    const inCatalog = new Set(catalog.map((c) => c.meta.id));
    for (const f of files) {
      expect(inCatalog.has(f.id), `${f.id} (${f.file}) missing from the index`).toBe(true);
      expect(path.basename(f.file, '.ts'), `${f.id} file name`).toBe(f.name);
      expect(existsSync(f.file.replace(/\.ts$/, '.test.ts')), `${f.id} has no test file`).toBe(true);
    }
    expect(files.length).toBe(catalog.length);
  });

  it('has complete metadata for every control', () => {
    for (const c of catalog) {
      const m = c.meta;
      const where = `${m.id} ${m.name}`;
      expect(SEVERITIES, where).toContain(m.severity);
      expect(m.appliesTo.length, where).toBeGreaterThan(0);
      expect(m.stages.length, where).toBeGreaterThan(0);
      for (const s of m.stages) expect(STAGES, where).toContain(s);
      for (const k of ['summary', 'rationale', 'remediation'] as const) expect(m.docs[k].trim().length, `${where} docs.${k}`).toBeGreaterThan(10);
      expect(Object.keys(m.messages).length, where).toBeGreaterThan(0);
      for (const t of Object.values(m.messages)) expect(t.trim().length, where).toBeGreaterThan(0);
      // Every control serves a countermeasure, except the few Azure catalog rows whose Seed column is empty
      // (availability and supportability items such as zone redundancy), which keep their catalog id instead.
      if (!m.frameworks.catalog) expect(m.frameworks.seed.length, `${where} frameworks.seed`).toBeGreaterThan(0);
      for (const s of m.frameworks.seed) expect(SEED_IDS as readonly string[], where).toContain(s);
      if (m.pss) expect(m.frameworks.pss, where).toEqual([m.pss.checkId]);
      else expect(m.frameworks.pss ?? [], where).toEqual([]);
      for (const [k, o] of Object.entries(m.options ?? {})) expect(o.description.length, `${where} option ${k}`).toBeGreaterThan(0);
    }
  });

  it('maps Azure Policy ids that exist among the built-in definitions', () => {
    const dir = sharedDir();
    const csv = readFileSync(path.join(dir, 'data', 'azure', 'k8s-policy-builtins.csv'), 'utf8');
    const arm = readFileSync(path.join(dir, 'data', 'azure', 'policy-builtins-arm.json'), 'utf8');
    for (const c of catalog) {
      for (const guid of c.meta.frameworks['azure-policy'] ?? []) {
        expect(csv.includes(guid) || arm.includes(guid), `${c.meta.id}: Azure Policy ${guid} is not a known built-in`).toBe(true);
      }
    }
  });

  it('covers every seed countermeasure, or says why not', () => {
    for (const row of seedCoverage(catalog)) {
      expect(row.status, `${row.id} is neither implemented nor explained`).not.toBe('missing');
    }
    // An explanation for an id that a control now implements is stale.
    const stale = Object.keys(UNCOVERED_SEEDS).filter((id) => catalog.some((c) => c.meta.frameworks.seed.includes(id) && !c.meta.awaitsInput));
    expect(stale, 'seed ids marked uncovered although a control implements them').toEqual([]);
  });

  it('is documented in the README as generated from the metadata (npm run docs)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = (name: string) => {
      const m = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme);
      return m?.[1];
    };
    expect(section('catalog'), 'README catalog is stale: run npm run docs').toBe(renderCatalogMarkdown(catalog));
    expect(section('coverage'), 'README coverage is stale: run npm run docs').toBe(renderSeedCoverageMarkdown(catalog));
    expect(section('profiles'), 'README profiles are stale: run npm run docs').toBe(renderProfilesMarkdown());
    expect(section('cis-docker'), 'README CIS Docker coverage is stale: run npm run docs').toBe(renderCisDockerMarkdown(catalog));
  });
});
