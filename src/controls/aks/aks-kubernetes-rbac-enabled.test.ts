import { testControl } from '../../../test/control-tester.js';
import control from './aks-kubernetes-rbac-enabled.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);
/** An ARM template declaring the cluster, for settings given as parameters. */
const template = (parameters: object, properties: object): string =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters,
      resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-10-01', name: 'aks1', location: 'westeurope', identity: { type: 'SystemAssigned' }, properties }],
    },
    null,
    2,
  );

testControl(control, {
  valid: [
    { name: 'ARM: RBAC on', file: 'aks.json', yaml: arm({ enableRBAC: true }) },
    { name: 'az: RBAC on (az case enableRbac)', file: 'aks.json', yaml: az({ enableRbac: true }) },
    { name: 'ARM: absent means RBAC on', file: 'aks.json', yaml: arm({ dnsPrefix: 'aks1' }) },
    { name: 'az: null means absent, RBAC on', file: 'aks.json', yaml: az({ enableRbac: null }) },
    {
      name: 'template: an unresolvable parameter is not evaluated, not passed',
      file: 'azuredeploy.json',
      yaml: template({ rbac: { type: 'bool' } }, { enableRBAC: "[parameters('rbac')]" }),
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'ARM: explicitly false (the legacy-insecure example)',
      file: 'aks.json',
      yaml: arm({ enableRBAC: false }),
      errors: [{ messageId: 'disabled', pointer: '/properties/enableRBAC', severity: 'critical' }],
    },
    { name: 'az: explicitly false', file: 'aks.json', yaml: az({ enableRbac: false }), errors: [{ messageId: 'disabled', pointer: '/enableRbac' }] },
    {
      name: 'template: parameter defaulting to false',
      file: 'azuredeploy.json',
      yaml: template({ rbac: { type: 'bool', defaultValue: false } }, { enableRBAC: "[parameters('rbac')]" }),
      errors: [{ messageId: 'disabled', pointer: '/resources/0/properties/enableRBAC' }],
    },
  ],
});
