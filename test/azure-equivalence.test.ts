/**
 * One verdict whatever the shape: the ARM body, its `az … show` form, and an ARM template (or Bicep compiled
 * to ARM JSON) that declares the same resource must produce the same findings and the same "not evaluated"
 * notes. Only where they point differs (each points into its own file).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../src/engine/result.js';
import { scan } from '../src/scan.js';
import { sharedDir } from './shared.js';

const NOW = new Date('2026-11-29T00:00:00Z');
const examples = () => path.join(sharedDir(), 'data', 'azure', 'examples');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'palisade-azure-eq-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scanFile(file: string): Promise<ScanResult> {
  return scan({ paths: [file], noConfig: true, profile: 'all', now: NOW });
}

/** What must not depend on the input's shape. */
function verdicts(r: ScanResult) {
  return {
    findings: r.findings.map((f) => `${f.controlId} ${f.messageId} ${f.severity} ${JSON.stringify(f.data)}`).sort(),
    // A deployed resource has an id that a template does not: advice naming it uses a placeholder instead.
    notEvaluated: r.notEvaluated.map((n) => `${n.controlId} ${n.reason.replace(/\/subscriptions\/[^\s,;)]+|<[a-z ]*\bid>/g, '<id>')}`).sort(),
    inputErrors: r.inputErrors,
  };
}

type Dict = Record<string, unknown>;

/**
 * A template declaring the resource of an ARM GET body: read-only fields may stay (ARM ignores them), the
 * name and location become parameters, every top-level boolean setting becomes a parameter with that value
 * as its default, and one nested object becomes a variable, so resolution is exercised on real settings.
 */
function templateFor(body: Dict, form: 'classic' | 'symbolic' | 'nested'): Dict {
  const props = { ...(body.properties as Dict) };
  const parameters: Dict = {
    name: { type: 'string', defaultValue: body.name },
    location: { type: 'string', defaultValue: body.location ?? 'westeurope' },
  };
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'boolean') {
      parameters[`p_${k}`] = { type: 'bool', defaultValue: v };
      props[k] = `[parameters('p_${k}')]`;
    }
  }
  const variables: Dict = {};
  const firstObject = Object.keys(props).find((k) => typeof props[k] === 'object' && props[k] !== null && !Array.isArray(props[k]));
  if (firstObject) {
    variables[`v_${firstObject}`] = props[firstObject];
    props[firstObject] = `[variables('v_${firstObject}')]`;
  }
  const resource: Dict = {
    type: body.type,
    apiVersion: '2025-04-01',
    name: "[parameters('name')]",
    location: "[parameters('location')]",
    ...(body.sku ? { sku: body.sku } : {}),
    ...(body.identity ? { identity: body.identity } : {}),
    ...(body.kind ? { kind: body.kind } : {}),
    properties: props,
  };
  const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
  const inner = { $schema: schema, contentVersion: '1.0.0.0', parameters, variables, resources: [resource] };
  if (form === 'classic') return inner;
  if (form === 'symbolic') return { ...inner, languageVersion: '2.0', resources: { main: resource } };
  return {
    $schema: schema,
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'inner',
        properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, parameters: { name: { value: body.name } }, template: inner },
      },
    ],
  };
}

describe('ARM and az shapes give identical verdicts', () => {
  for (const [arm, az] of [
    ['aks-cli-recording-automatic-2025.json', 'aks-azcli-show-DERIVED-from-automatic-2025.json'],
    ['acr-cli-recording-premium-cmk-2022.json', 'acr-azcli-show-DERIVED-from-premium-cmk-2022.json'],
  ] as const) {
    it(`${arm} ≡ ${az}`, async () => {
      const a = verdicts(await scanFile(path.join(examples(), arm)));
      const b = verdicts(await scanFile(path.join(examples(), az)));
      expect(a.findings.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    });
  }
});

describe('an ARM template gives the findings of the deployed resource it describes', () => {
  const armExamples = [
    'aks-cli-recording-automatic-2025.json',
    'aks-cli-recording-entra-azurerbac-2022.json',
    'aks-cli-recording-private-cluster-2022.json',
    'aks-arm-rest-get-legacy-insecure.json',
    'aks-arm-rest-create-securityprofile.json',
    'acr-cli-recording-basic-abac-2025.json',
    'acr-cli-recording-premium-cmk-2022.json',
    'acr-cli-recording-premium-public-access-disabled-2022.json',
    'acr-arm-rest-get-standard-2025-04-01.json',
  ];
  for (const file of armExamples) {
    for (const form of ['classic', 'symbolic', 'nested'] as const) {
      it(`${file} as a ${form} template`, async () => {
        const body = JSON.parse(readFileSync(path.join(examples(), file), 'utf8')) as Dict;
        const templateFile = path.join(tmp, `${form}-${file}`);
        writeFileSync(templateFile, JSON.stringify(templateFor(body, form), null, 2));
        const deployed = verdicts(await scanFile(path.join(examples(), file)));
        const declared = verdicts(await scanFile(templateFile));
        expect(deployed.findings.length).toBeGreaterThan(0);
        expect(declared).toEqual(deployed);
      });
    }
  }
});
