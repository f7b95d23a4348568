import { testControl } from '../../../test/control-tester.js';
import control from './aks-admin-group-defined.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: managed Entra with an admin group', file: 'aks.json', yaml: arm({ aadProfile: { managed: true, adminGroupObjectIDs: ['44444444-4444-4444-4444-444444444444'] } }) },
    { name: 'az: managed Entra with an admin group', file: 'aks.json', yaml: az({ aadProfile: { managed: true, adminGroupObjectIDs: ['44444444-4444-4444-4444-444444444444'], adminUsers: null } }) },
    { name: 'no Entra integration: not applicable (CLU-105 reports it)', file: 'aks.json', yaml: arm({ enableRBAC: true }) },
    { name: 'legacy AAD v1: not applicable', file: 'aks.json', yaml: az({ aadProfile: { managed: false, serverAppId: '22222222-2222-2222-2222-222222222222' } }) },
  ],
  invalid: [
    {
      name: 'ARM: managed Entra, adminGroupObjectIDs null (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: arm({ aadProfile: { managed: true, adminGroupObjectIDs: null, enableAzureRBAC: true } }),
      errors: [{ messageId: 'noAdminGroup', pointer: '/properties/aadProfile' }],
    },
    {
      name: 'az: managed Entra, empty list',
      file: 'aks.json',
      yaml: az({ aadProfile: { managed: true, adminGroupObjectIDs: [] } }),
      errors: [{ messageId: 'noAdminGroup', pointer: '/aadProfile/adminGroupObjectIDs' }],
    },
  ],
});
