import { testControl } from '../../../test/control-tester.js';
import control from './aks-ephemeral-os-disk.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: Ephemeral (the AKS Automatic recording)', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', osDiskType: 'Ephemeral' }] }) },
    { name: 'az: case-insensitive', file: 'aks.json', yaml: az({ agentPoolProfiles: [{ name: 'nodepool1', osDiskType: 'ephemeral' }] }) },
    { name: 'not set: AKS decides by VM size, so not evaluated', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', vmSize: 'Standard_D4s_v5' }] }), notEvaluated: true },
  ],
  invalid: [
    {
      name: 'ARM: Managed OS disk (the 2022 recordings)',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', osDiskType: 'Managed' }] }),
      errors: [{ messageId: 'managed', pointer: '/properties/agentPoolProfiles/0/osDiskType', severity: 'info', data: { nodePool: 'nodepool1', osDiskType: 'Managed' } }],
    },
    {
      name: 'az: one managed pool next to an ephemeral one',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'system', osDiskType: 'Ephemeral' }, { name: 'data', osDiskType: 'Managed' }] }),
      errors: [{ messageId: 'managed', pointer: '/agentPoolProfiles/1/osDiskType', data: { nodePool: 'data', osDiskType: 'Managed' } }],
    },
  ],
});
