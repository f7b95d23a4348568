import type { AnyControl } from '../controls/define.js';
import { PROFILES, PROFILE_DOCS, profileIncludes } from '../policy/profiles.js';
import { CIS_DOCKER_NOT_CHECKED, CIS_DOCKER_SECTION_4, SEED_IDS, SEED_TITLES, UNCOVERED_SEEDS } from './seed-coverage.js';

/** Pure renderers of the control catalog, shared by `palisade controls` and the README generator. */

function frameworksLine(c: AnyControl): string {
  return Object.entries(c.meta.frameworks)
    .filter(([, ids]) => ids && ids.length > 0)
    .map(([k, ids]) => `${k}: ${(ids ?? []).join(', ')}`)
    .join('; ');
}

function profilesOf(c: AnyControl): string[] {
  return PROFILES.filter((p) => p !== 'all' && profileIncludes(p, c));
}

export function renderControlTable(controls: readonly AnyControl[]): string {
  const rows = controls.map((c) => {
    const m = c.meta;
    return `${m.id.padEnd(8)} ${m.severity.padEnd(8)} ${m.surface.padEnd(11)} ${m.name.padEnd(36)} ${m.frameworks.seed.join(',')}`;
  });
  return [`${'ID'.padEnd(8)} ${'SEVERITY'.padEnd(8)} ${'SURFACE'.padEnd(11)} ${'NAME'.padEnd(36)} SEED`, ...rows].join('\n') + '\n';
}

export function renderControlListJson(controls: readonly AnyControl[]): string {
  return JSON.stringify(
    controls.map((c) => ({ ...c.meta, profiles: profilesOf(c) })),
    null,
    2,
  ) + '\n';
}

export function renderExplain(c: AnyControl): string {
  const m = c.meta;
  const lines = [
    `${m.id} ${m.name}`,
    '',
    `  ${m.docs.summary}`,
    '',
    `  Surface:    ${m.surface}`,
    `  Severity:   ${m.severity}`,
    `  Applies to: ${m.appliesTo.join(', ')}`,
    `  Stages:     ${m.stages.join(', ')}`,
    `  Profiles:   ${profilesOf(c).join(', ') || '(none: enable it in palisade.yaml)'}`,
    `  Frameworks: ${frameworksLine(c)}`,
  ];
  if (m.pss) lines.push(`  Pod Security Standards: ${m.pss.level} check '${m.pss.checkId}', from policy v1.${m.pss.since}`);
  lines.push('', 'Why it matters', `  ${m.docs.rationale}`, '', 'How to fix', `  ${m.docs.remediation}`);
  const opts = Object.entries(m.options ?? {});
  if (opts.length > 0) {
    lines.push('', 'Options (palisade.yaml: controls.' + m.id + '.options)');
    for (const [k, o] of opts) lines.push(`  ${k} (${o.type}, default ${JSON.stringify(o.default)}): ${o.description}`);
  }
  lines.push('', 'Messages');
  for (const [id, text] of Object.entries(m.messages)) lines.push(`  ${id}: ${text}`);
  return lines.join('\n') + '\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderCatalogMarkdown(controls: readonly AnyControl[]): string {
  const out = ['| ID | Name | Surface | Severity | Profiles | Seed | Other frameworks | Summary |', '|---|---|---|---|---|---|---|---|'];
  for (const c of controls) {
    const m = c.meta;
    const other = Object.entries(m.frameworks)
      .filter(([k, ids]) => k !== 'seed' && ids && ids.length > 0)
      .map(([k, ids]) => `${k}: ${(ids ?? []).join(', ')}`)
      .join('<br>');
    out.push(
      `| ${m.id} | \`${m.name}\` | ${m.surface} | ${m.severity} | ${profilesOf(c).join(', ')} | ${m.frameworks.seed.join(', ')} | ${mdCell(other)} | ${mdCell(m.docs.summary)} |`,
    );
  }
  return out.join('\n') + '\n';
}

/** Which controls implement each seed id; which are organisational or planned, and why. */
export function seedCoverage(controls: readonly AnyControl[]): { id: string; title: string; controls: string[]; note?: string; status: string }[] {
  return SEED_IDS.map((id) => {
    // A control that only says which input it would need does not implement the countermeasure.
    const implementing = controls.filter((c) => c.meta.frameworks.seed.includes(id) && !c.meta.awaitsInput).map((c) => c.meta.id);
    const uncovered = UNCOVERED_SEEDS[id];
    const status = implementing.length > 0 ? 'implemented' : uncovered ? uncovered.status : 'missing';
    const row: { id: string; title: string; controls: string[]; note?: string; status: string } = {
      id,
      title: SEED_TITLES[id] ?? '',
      controls: implementing,
      status,
    };
    if (implementing.length === 0 && uncovered) row.note = uncovered.reason;
    return row;
  });
}

export function renderSeedCoverageMarkdown(controls: readonly AnyControl[]): string {
  const out = ['| Seed | Countermeasure | Status | Controls / reason |', '|---|---|---|---|'];
  for (const r of seedCoverage(controls)) {
    out.push(`| ${r.id} | ${mdCell(r.title)} | ${r.status} | ${r.controls.length > 0 ? r.controls.join(', ') : mdCell(r.note ?? '')} |`);
  }
  return out.join('\n') + '\n';
}

export function renderProfilesMarkdown(): string {
  return PROFILES.map((p) => `- \`${p}\`: ${PROFILE_DOCS[p]}`).join('\n') + '\n';
}

/** CIS Docker Benchmark section 4: which controls check each item, or why none does. */
export function renderCisDockerMarkdown(controls: readonly AnyControl[]): string {
  const out = ['| CIS Docker | Recommendation | Controls / reason |', '|---|---|---|'];
  for (const [item, title] of Object.entries(CIS_DOCKER_SECTION_4)) {
    const ids = controls.filter((c) => c.meta.frameworks['cis-docker']?.includes(item)).map((c) => c.meta.id);
    out.push(`| ${item} | ${mdCell(title)} | ${ids.length > 0 ? ids.join(', ') : `not checked: ${mdCell(CIS_DOCKER_NOT_CHECKED[item] ?? '')}`} |`);
  }
  return out.join('\n') + '\n';
}
