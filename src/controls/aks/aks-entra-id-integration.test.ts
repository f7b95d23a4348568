import { testControl } from '../../../test/control-tester.js';
import control from './aks-entra-id-integration.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: AKS-managed Entra ID', file: 'aks.json', yaml: arm({ aadProfile: { managed: true, enableAzureRBAC: true, tenantID: '72f988bf-86f1-41af-91ab-2d7cd011db47' } }) },
    { name: 'az: AKS-managed Entra ID (az case)', file: 'aks.json', yaml: az({ aadProfile: { managed: true, enableAzureRbac: false, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', adminGroupObjectIDs: null } }) },
  ],
  invalid: [
    { name: 'ARM: no aadProfile', file: 'aks.json', yaml: arm({ enableRBAC: true }), errors: [{ messageId: 'missing', pointer: '/properties' }] },
    { name: 'az: aadProfile null', file: 'aks.json', yaml: az({ enableRbac: true, aadProfile: null }), errors: [{ messageId: 'missing', pointer: '' }] },
    {
      name: 'ARM: legacy AAD v1 with client and server app registrations',
      file: 'aks.json',
      yaml: arm({ aadProfile: { clientAppID: '11111111-1111-1111-1111-111111111111', serverAppID: '22222222-2222-2222-2222-222222222222', tenantID: '33333333-3333-3333-3333-333333333333' } }),
      errors: [{ messageId: 'legacy', pointer: '/properties/aadProfile/clientAppID' }],
    },
    {
      name: 'az: legacy AAD v1, managed false, az case serverAppId only',
      file: 'aks.json',
      yaml: az({ aadProfile: { managed: false, clientAppId: null, serverAppId: '22222222-2222-2222-2222-222222222222' } }),
      errors: [{ messageId: 'legacy', pointer: '/aadProfile/serverAppId' }],
    },
    {
      name: 'ARM: aadProfile without managed and without app registrations',
      file: 'aks.json',
      yaml: arm({ aadProfile: { tenantID: '33333333-3333-3333-3333-333333333333' } }),
      errors: [{ messageId: 'notManaged', pointer: '/properties/aadProfile' }],
    },
  ],
});
