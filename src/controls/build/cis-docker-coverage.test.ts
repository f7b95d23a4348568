import { describe, expect, it } from 'vitest';
import { CIS_DOCKER_NOT_CHECKED, CIS_DOCKER_SECTION_4 } from '../../docs/seed-coverage.js';
import { catalog } from '../index.js';

describe('CIS Docker Benchmark section 4 coverage', () => {
  const checked = new Set(catalog.flatMap((c) => c.meta.frameworks['cis-docker'] ?? []));

  it('maps only real section 4 items', () => {
    for (const id of checked) expect(Object.keys(CIS_DOCKER_SECTION_4), `cis-docker ${id}`).toContain(id);
  });

  it('checks every item or says why not, never both', () => {
    for (const id of Object.keys(CIS_DOCKER_SECTION_4)) {
      const explained = id in CIS_DOCKER_NOT_CHECKED;
      expect(checked.has(id) !== explained, `CIS Docker ${id}: ${checked.has(id) ? 'checked and explained' : 'neither checked nor explained'}`).toBe(true);
    }
  });

  it('puts every Dockerfile control that maps a CIS item on seed B9', () => {
    for (const c of catalog) {
      if ((c.meta.frameworks['cis-docker'] ?? []).length > 0) expect(c.meta.frameworks.seed, c.meta.id).toContain('B9');
    }
  });
});
