import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareMinor, endOfPeriod, loadCalendar, minorOf, supportOf } from '../src/azure/calendar.js';
import { looksLikeAzure } from '../src/azure/normalize.js';
import { parseResourceId } from '../src/azure/resource-id.js';
import { AzNode, CannotEvaluate } from '../src/azure/view.js';
import { subjectsFromText } from '../src/engine/pipeline.js';
import type { AksClusterSubject, AzureSubject } from '../src/model/azure.js';
import { sharedDir } from './shared.js';

const examples = () => path.join(sharedDir(), 'data', 'azure', 'examples');
const azureSubjects = (file: string, text: string) => subjectsFromText(file, text).subjects as AzureSubject[];

describe('AzNode: one view over ARM and az shapes', () => {
  const arm = { id: '/x', properties: { enableRBAC: true, apiServerAccessProfile: { authorizedIPRanges: ['10.0.0.0/8'] }, addonProfiles: { azurepolicy: { enabled: true, config: { enableSecretRotation: 'true' } } } } };
  const az = { id: '/x', enableRbac: true, apiServerAccessProfile: { authorizedIpRanges: ['10.0.0.0/8'] }, disableLocalAccounts: null };

  it('matches keys case-insensitively and looks through properties', () => {
    const a = AzNode.root(arm);
    const b = AzNode.root(az);
    expect(a.get('enableRbac').bool()).toBe(true);
    expect(b.get('enableRBAC').bool()).toBe(true);
    expect(a.get('enableRbac').pointer).toBe('/properties/enableRBAC');
    expect(b.get('apiServerAccessProfile.authorizedIPRanges').strings()).toEqual(['10.0.0.0/8']);
    expect(a.get('addonProfiles.azurePolicy.enabled').bool()).toBe(true);
    expect(a.get('addonProfiles.azurepolicy.config.enableSecretRotation').bool()).toBe(true);
  });

  it('treats null as absent and points an absent value at its nearest parent', () => {
    const b = AzNode.root(az);
    expect(b.get('disableLocalAccounts').exists).toBe(false);
    expect(b.get('apiServerAccessProfile.disableRunCommand').pointer).toBe('/apiServerAccessProfile');
    expect(AzNode.root(arm).get('securityProfile.defender.securityMonitoring.enabled').pointer).toBe('/properties');
  });

  it('compares enums case-insensitively', () => {
    expect(AzNode.root({ sshAccess: 'EntraID' }).get('sshAccess').is('EntraId')).toBe(true);
  });

  it('refuses to read a template expression as a value', () => {
    const n = AzNode.root({ properties: { enableRBAC: "[parameters('rbac')]" } }).get('enableRBAC');
    expect(() => n.bool()).toThrow(CannotEvaluate);
    expect(() => n.bool()).toThrow(/enableRBAC is the template expression/);
    // Below an expression, nothing can be known: not even whether a setting exists.
    const below = AzNode.root({ properties: { securityProfile: "[variables('sp')]", ranges: "[parameters('r')]" } });
    expect(() => below.get('securityProfile.defender.securityMonitoring.enabled').exists).toThrow(/inside securityProfile/);
    expect(() => below.get('securityProfile.workloadIdentity').bool()).toThrow(CannotEvaluate);
    expect(() => below.get('ranges').items()).toThrow(CannotEvaluate);
    expect(() => below.get('ranges').strings()).toThrow(CannotEvaluate);
    // An escaped literal bracket is a value.
    expect(AzNode.root({ v: '[[not an expression]' }).get('v').str()).toBe('[[not an expression]');
  });
});

describe('resource ids', () => {
  it('parses subscription, group, type, names and the parent of a child resource', () => {
    const id = parseResourceId('/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/r1/tokens/t1');
    expect(id).toMatchObject({ subscriptionId: 's1', resourceGroup: 'rg1', type: 'Microsoft.ContainerRegistry/registries/tokens', name: 't1', names: ['r1', 't1'] });
    expect(id.parentId).toBe('/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/r1');
  });
});

describe('detection of Azure inputs', () => {
  it('recognises every example file as Azure and yields one subject of the right type each', () => {
    const want: Record<string, string> = { aks: 'azure.aks', acr: 'azure.acr', 'acr-token': 'azure.acr-token', 'aks-get-versions': 'azure.aks-versions' };
    for (const f of readdirSync(examples()).filter((x) => x.endsWith('.json'))) {
      const text = readFileSync(path.join(examples(), f), 'utf8');
      expect(looksLikeAzure(JSON.parse(text)), f).toBe(true);
      const { subjects, errors } = subjectsFromText(f, text);
      expect(errors, f).toEqual([]);
      const prefix = Object.keys(want).filter((k) => f.startsWith(k + '-')).sort((a, b) => b.length - a.length)[0] as string;
      expect(subjects.map((s) => s.type), f).toEqual([want[prefix]]);
    }
  });

  it('leaves Kubernetes objects alone', () => {
    expect(looksLikeAzure({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toBe(false);
    expect(looksLikeAzure({ apiVersion: 'v1', kind: 'List', items: [] })).toBe(false);
  });

  it('reads az list output (a JSON array) and ARM list bodies ({ value: [...] })', () => {
    const aks = { id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/a', name: 'a', type: 'Microsoft.ContainerService/ManagedClusters', properties: {} };
    const acr = { id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r', name: 'r', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic' } };
    const list = azureSubjects('list.json', JSON.stringify([aks, acr]));
    expect(list.map((s) => [s.type, s.azure.name, s.source.basePointer + s.view.pointer])).toEqual([
      ['azure.aks', 'a', '/0'],
      ['azure.acr', 'r', '/1'],
    ]);
    const paged = azureSubjects('page.json', JSON.stringify({ value: [aks], nextLink: null }));
    expect(paged.map((s) => [s.type, s.view.pointer])).toEqual([['azure.aks', '/value/0']]);
    expect(list[0]?.azure).toMatchObject({ subscriptionId: 's', resourceGroup: 'g', shape: 'arm' });
    expect(list[1]?.azure.shape).toBe('az');
  });

  it('reports an Azure input with nothing Palisade checks, with its position', () => {
    const { subjects, errors } = subjectsFromText('vnet.json', JSON.stringify({ id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v', type: 'Microsoft.Network/virtualNetworks' }));
    expect(subjects).toEqual([]);
    expect(errors).toMatchObject([{ file: 'vnet.json', line: 1, code: 'not-kubernetes' }]);
  });
});

describe('ARM templates', () => {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { name: { type: 'string', defaultValue: 'aks1' }, rbac: { type: 'bool', defaultValue: false }, noDefault: { type: 'bool' } },
    variables: { channel: 'stable', alias: "[variables('channel')]" },
    resources: [
      {
        type: 'Microsoft.ContainerService/managedClusters',
        apiVersion: '2025-09-01',
        name: "[parameters('name')]",
        properties: {
          enableRBAC: "[parameters('rbac')]",
          disableLocalAccounts: "[parameters('noDefault')]",
          autoUpgradeProfile: { upgradeChannel: "[variables('alias')]" },
          agentPoolProfiles: [{ name: 'sys', mode: 'System' }],
        },
        resources: [{ type: 'agentPools', apiVersion: '2025-09-01', name: 'user1', properties: { mode: 'User' } }],
      },
      { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', properties: {} },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'nested',
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: { acrName: { value: 'cr1' } },
          template: {
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            contentVersion: '1.0.0.0',
            parameters: { acrName: { type: 'string' } },
            resources: [{ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2025-04-01', name: "[parameters('acrName')]", sku: { name: 'Premium' }, properties: {} }],
          },
        },
      },
    ],
  };

  it('resolves parameters and variables, nests child pools into their cluster and walks nested deployments', () => {
    const subjects = azureSubjects('main.json', JSON.stringify(template, null, 2));
    expect(subjects.map((s) => [s.type, s.azure.name, s.view.pointer])).toEqual([
      ['azure.aks', 'aks1', '/resources/0'],
      ['azure.acr', 'cr1', '/resources/2/properties/template/resources/0'],
    ]);
    const aks = subjects[0] as AksClusterSubject;
    expect(aks.azure.shape).toBe('template');
    expect(aks.view.get('enableRBAC').bool()).toBe(false);
    expect(aks.view.get('autoUpgradeProfile.upgradeChannel').str()).toBe('stable');
    expect(() => aks.view.get('disableLocalAccounts').bool()).toThrow(CannotEvaluate);
    expect(aks.pools.map((p) => [p.name, p.view.pointer])).toEqual([
      ['sys', '/resources/0/properties/agentPoolProfiles/0'],
      ['user1', '/resources/0/resources/0'],
    ]);
    // The template itself is not changed by resolution.
    expect(template.resources[0]?.properties?.enableRBAC).toBe("[parameters('rbac')]");
  });

  it("resolves the format() and concat() names Bicep emits, attaching a child pool to its cluster", () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { cluster: { type: 'string', defaultValue: 'aks9' }, env: { type: 'string', defaultValue: 'prod' } },
      resources: [
        { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-09-01', name: "[concat('aks-', parameters('env'))]", properties: {} },
        { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-09-01', name: "[parameters('cluster')]", properties: {} },
        { type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2025-09-01', name: "[format('{0}/{1}', parameters('cluster'), 'it''s')]", properties: { mode: 'User' } },
      ],
    };
    const subjects = azureSubjects('main.json', JSON.stringify(t));
    expect(subjects.map((s) => s.azure.name)).toEqual(['aks-prod', 'aks9']);
    expect((subjects[1] as AksClusterSubject).pools.map((p) => [p.name, p.view.pointer])).toEqual([["it's", '/resources/2']]);
    expect((subjects[0] as AksClusterSubject).pools).toEqual([]);
  });

  it('reads languageVersion 2.0 templates whose resources are symbolic names', () => {
    const symbolic = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: { aks: { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-09-01', name: 'aks2', properties: {} } },
    };
    const subjects = azureSubjects('main.json', JSON.stringify(symbolic));
    expect(subjects.map((s) => [s.type, s.azure.name, s.view.pointer])).toEqual([['azure.aks', 'aks2', '/resources/aks']]);
  });
});

describe('AKS version calendar', () => {
  const calendar = loadCalendar();
  const at = (d: string) => new Date(`${d}T00:00:00Z`);

  it('loads the bundled calendar with month-only dates expanded to the month end', () => {
    expect(calendar.versions.length).toBeGreaterThan(10);
    expect(endOfPeriod('2026-02')).toBe('2026-02-28');
    expect(minorOf('1.32.6')).toBe('1.32');
    expect(minorOf('v1.9')).toBe('1.9');
    expect(compareMinor('1.9', '1.10')).toBeLessThan(0);
  });

  it('follows the catalog: N-3 is platform support, older is unsupported, 60 days before the end warns', () => {
    expect(supportOf('1.34', false, at('2026-11-29'), calendar, 60)).toMatchObject({ status: 'ending', daysLeft: 1 });
    expect(supportOf('1.35', false, at('2026-11-29'), calendar, 60).status).toBe('supported');
    // 2026-11-29: newest GA minor is 1.37, so 1.34 would be N-3 once past its end; 1.33 (N-4) is unsupported.
    expect(supportOf('1.34', false, at('2026-12-05'), calendar, 60).status).toBe('platform-support');
    expect(supportOf('1.33', false, at('2026-11-29'), calendar, 60).status).toBe('unsupported');
    expect(supportOf('1.33', true, at('2026-11-29'), calendar, 60).status).toBe('supported');
    expect(supportOf('1.9', false, at('2026-11-29'), calendar, 60).status).toBe('unsupported');
    expect(supportOf('1.40', false, at('2026-11-29'), calendar, 60).status).toBe('newer-than-calendar');
  });
});

describe('the estate', () => {
  const registry = {
    id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/cr1',
    name: 'cr1',
    type: 'Microsoft.ContainerRegistry/registries',
    sku: { name: 'Premium' },
  };
  const token = { id: `${registry.id}/tokens/t1`, name: 't1', type: 'Microsoft.ContainerRegistry/registries/tokens', status: 'enabled' };

  it("knows a registry's tokens, and tells 'no token list given' from 'read, and empty'", async () => {
    const { AzureEstate } = await import('../src/azure/estate.js');
    const cal = loadCalendar();
    const [acr] = azureSubjects('acr.json', JSON.stringify(registry));
    const [tok] = azureSubjects('tokens.json', JSON.stringify([token]));
    expect(new AzureEstate([acr!, tok!], cal).tokensOf(acr as never)?.map((t) => t.azure.name)).toEqual(['t1']);
    expect(new AzureEstate([acr!], cal).tokensOf(acr as never)).toBeUndefined();
    expect(new AzureEstate([acr!], cal, { tokenListsRead: [registry.id.toUpperCase()] }).tokensOf(acr as never)).toEqual([]);
  });
});
