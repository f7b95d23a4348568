import { testControl } from '../../../test/control-tester.js';
import control from './aks-local-accounts-disabled.js';

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
    { name: 'ARM: local accounts disabled', file: 'aks.json', yaml: arm({ disableLocalAccounts: true, aadProfile: { managed: true } }) },
    { name: 'az: local accounts disabled', file: 'aks.json', yaml: az({ disableLocalAccounts: true }) },
    {
      name: 'template: parameter with a default of true',
      file: 'azuredeploy.json',
      yaml: template({ disableLocal: { type: 'bool', defaultValue: true } }, { disableLocalAccounts: "[parameters('disableLocal')]" }),
    },
    {
      name: 'template: parameter without a default cannot be decided',
      file: 'azuredeploy.json',
      yaml: template({ disableLocal: { type: 'bool' } }, { disableLocalAccounts: "[parameters('disableLocal')]" }),
      notEvaluated: true,
    },
  ],
  invalid: [
    { name: 'ARM: absent means false', file: 'aks.json', yaml: arm({ enableRBAC: true }), errors: [{ messageId: 'enabled', pointer: '/properties' }] },
    { name: 'az: explicitly false', file: 'aks.json', yaml: az({ disableLocalAccounts: false }), errors: [{ messageId: 'enabled', pointer: '/disableLocalAccounts' }] },
  ],
});
