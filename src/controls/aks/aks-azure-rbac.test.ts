import { testControl } from '../../../test/control-tester.js';
import control from './aks-azure-rbac.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: Azure RBAC on', file: 'aks.json', yaml: arm({ aadProfile: { managed: true, enableAzureRBAC: true } }) },
    { name: 'az: Azure RBAC on (az case enableAzureRbac)', file: 'aks.json', yaml: az({ aadProfile: { managed: true, enableAzureRbac: true } }) },
  ],
  invalid: [
    {
      name: 'ARM: managed Entra without Azure RBAC',
      file: 'aks.json',
      yaml: arm({ aadProfile: { managed: true, enableAzureRBAC: false } }),
      errors: [{ messageId: 'off', pointer: '/properties/aadProfile/enableAzureRBAC' }],
    },
    { name: 'az: no aadProfile', file: 'aks.json', yaml: az({ enableRbac: true }), errors: [{ messageId: 'off', pointer: '' }] },
    { name: 'az: enableAzureRbac absent', file: 'aks.json', yaml: az({ aadProfile: { managed: true } }), errors: [{ messageId: 'off', pointer: '/aadProfile' }] },
  ],
});
