import { testControl } from '../../../test/control-tester.js';
import control from './aks-azure-policy-add-on.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: key as real responses spell it (azurepolicy)', file: 'aks.json', yaml: arm({ addonProfiles: { azurepolicy: { enabled: true, config: null } } }) },
    { name: 'az: key as the policy aliases spell it (azurePolicy)', file: 'aks.json', yaml: az({ addonProfiles: { azurePolicy: { enabled: true, config: { version: 'v2' } } } }) },
  ],
  invalid: [
    {
      name: 'ARM: add-on disabled',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { azurepolicy: { enabled: false } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/addonProfiles/azurepolicy/enabled' }],
    },
    {
      name: 'az: add-on absent among others',
      file: 'aks.json',
      yaml: az({ addonProfiles: { omsagent: { enabled: true } } }),
      errors: [{ messageId: 'disabled', pointer: '/addonProfiles' }],
    },
    { name: 'ARM: no addonProfiles', file: 'aks.json', yaml: arm({ enableRBAC: true }), errors: [{ messageId: 'disabled', pointer: '/properties' }] },
  ],
});
