import { pathToFileURL } from 'node:url';
import { artifactLocation, SARIF_SCHEMA } from '../report/sarif.js';
import { VERSION } from '../version.js';
import type { GatedFinding, GateGroup } from './evaluate.js';
import type { GateRun } from './io.js';
import type { VulnSeverity } from './types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF is built as plain JSON */
type Json = any;

const LEVEL: Record<GateGroup, 'error' | 'warning' | 'note'> = { 'fix-now': 'error', 'in-grace': 'warning', 'secops-backlog': 'note', suppressed: 'note' };
const SCORE: Record<VulnSeverity, string | undefined> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', negligible: '0.5', unknown: undefined };

function message(f: GatedFinding): string {
  const pkg = `${f.pkg.name}${f.pkg.version ? ` ${f.pkg.version}` : ''}`;
  const fix = f.fixedVersions.length > 0 ? `; fixed in ${f.fixedVersions.join(', ')}` : '; no fixed version';
  const img = f.image ? ` in ${f.image.name}` : ` in ${f.artifact}`;
  const origin = f.layer?.origin === 'base' ? ' (base-image layer: rebuild on a newer base)' : f.layer?.origin === 'application' ? ' (application layer)' : '';
  const g = f.gate;
  const what =
    g.group === 'fix-now' ? `fix now (grace ended ${g.due ?? 'at once'})`
    : g.group === 'in-grace' ? (g.due ? `fix by ${g.due}` : 'fix available, no deadline for this severity')
    : g.group === 'secops-backlog' ? `SecOps backlog: no vendor fix (${f.vendorStatus})`
    : `suppressed: ${g.suppression?.justification ?? g.reason}`;
  return `${f.id} (${f.severity}) in ${pkg}${img}${origin}${fix}. Gate: ${what}.`;
}

/** SARIF 2.1.0: one rule per vulnerability id; suppressed findings carry SARIF suppressions. */
export function formatGateSarif(run: GateRun, options: { srcRoot?: string } = {}): string {
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Json[] = [];
  // Every finding of a report has the same file: its artifact location is made once per file.
  const locations = new Map<string, Json>();
  for (const f of run.findings) {
    let idx = ruleIndex.get(f.id);
    if (idx === undefined) {
      idx = rules.length;
      ruleIndex.set(f.id, idx);
      const rule: Json = {
        id: f.id,
        shortDescription: { text: f.title ?? f.id },
        properties: { tags: ['vulnerability', 'security', f.severity], ...(SCORE[f.severity] ? { 'security-severity': SCORE[f.severity] } : {}) },
      };
      if (f.url && URL.canParse(f.url)) rule.helpUri = f.url;
      rules.push(rule);
    }
    const file = f.reports[0] ?? f.artifact;
    let location = locations.get(file);
    if (location === undefined) {
      location = artifactLocation(file, options.srcRoot);
      locations.set(file, location);
    }
    const result: Json = {
      ruleId: f.id,
      ruleIndex: idx,
      level: LEVEL[f.gate.group],
      message: { text: message(f) },
      locations: [
        {
          physicalLocation: { artifactLocation: location, region: { startLine: 1 } },
          logicalLocations: [{ name: f.pkg.name, fullyQualifiedName: `${f.image?.name ?? f.artifact}/${f.pkg.name}@${f.pkg.version ?? ''}`, kind: 'module' }],
        },
      ],
      partialFingerprints: { 'palisade-gate/v1': `${f.image?.name ?? f.artifact}|${f.id}|${f.pkg.name}|${f.pkg.version ?? ''}` },
      properties: {
        gate: f.gate,
        vendorStatus: f.vendorStatus,
        fixedVersions: f.fixedVersions,
        ...(f.pkg.purl ? { purl: f.pkg.purl } : {}),
        ...(f.layer ? { layer: f.layer } : {}),
      },
    };
    if (f.gate.group === 'suppressed' && f.gate.suppression) {
      result.suppressions = [{ kind: 'external', status: 'accepted', justification: `${f.gate.suppression.kind}: ${f.gate.suppression.justification}` }];
    }
    results.push(result);
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'palisade-gate', version: VERSION, informationUri: 'https://www.npmjs.com/package/palisade', rules } },
        ...(options.srcRoot !== undefined ? { originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.srcRoot).href.replace(/\/*$/, '/') } } } : {}),
        invocations: [
          {
            executionSuccessful: run.reads.length > 0,
            toolExecutionNotifications: run.inputErrors.map((e) => ({ level: 'error', message: { text: e.message } })),
          },
        ],
        results,
        properties: { asOf: run.asOf },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
