import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-resource-group-locked.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: ReadOnly (the AKS Automatic recording)', file: 'aks.json', yaml: arm({ nodeResourceGroupProfile: { restrictionLevel: 'ReadOnly' } }) },
    { name: 'az: case-insensitive', file: 'aks.json', yaml: az({ nodeResourceGroupProfile: { restrictionLevel: 'readonly' } }) },
  ],
  invalid: [
    { name: 'ARM: absent means Unrestricted', file: 'aks.json', yaml: arm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'unrestricted', pointer: '/properties', data: { level: 'absent, so Unrestricted' } }] },
    {
      name: 'az: explicit Unrestricted',
      file: 'aks.json',
      yaml: az({ nodeResourceGroupProfile: { restrictionLevel: 'Unrestricted' } }),
      errors: [{ messageId: 'unrestricted', pointer: '/nodeResourceGroupProfile/restrictionLevel', data: { level: "'Unrestricted'" } }],
    },
  ],
});
