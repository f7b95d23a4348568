import { testControl } from '../../../test/control-tester.js';
import control from './aks-pod-sandboxing.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    {
      name: 'ARM: a Kata VM isolation pool',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'system', mode: 'System' }, { name: 'sandbox', osSKU: 'AzureLinux', workloadRuntime: 'KataVmIsolation' }] }),
    },
    { name: 'az: the preview runtime name', file: 'aks.json', yaml: az({ agentPoolProfiles: [{ name: 'sandbox', workloadRuntime: 'KataMshvVmIsolation' }] }) },
  ],
  invalid: [
    {
      name: 'ARM: only OCI containers',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', workloadRuntime: 'OCIContainer' }] }),
      errors: [{ messageId: 'noSandbox', pointer: '/properties/agentPoolProfiles', severity: 'info' }],
    },
    { name: 'az: no workloadRuntime anywhere', file: 'aks.json', yaml: az({ agentPoolProfiles: [{ name: 'nodepool1' }] }), errors: [{ messageId: 'noSandbox', pointer: '/agentPoolProfiles' }] },
  ],
});
