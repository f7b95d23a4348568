import { testControl } from '../../../test/control-tester.js';
import control from './aks-kubelet-seccomp-default.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: RuntimeDefault', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'system', kubeletConfig: { seccompDefault: 'RuntimeDefault' } }] }) },
    {
      name: 'az: case-insensitive; Windows pools are out of scope',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'linux', kubeletConfig: { seccompDefault: 'runtimedefault' } }, { name: 'win', osType: 'Windows' }] }),
    },
  ],
  invalid: [
    {
      name: 'ARM: no kubelet config',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', osType: 'Linux' }] }),
      errors: [{ messageId: 'unconfined', pointer: '/properties/agentPoolProfiles/0', data: { nodePool: 'nodepool1', seccompDefault: 'seccompDefault not set, so Unconfined' } }],
    },
    {
      name: 'az: explicit Unconfined',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'nodepool1', kubeletConfig: { seccompDefault: 'Unconfined', cpuManagerPolicy: 'static' } }] }),
      errors: [{ messageId: 'unconfined', pointer: '/agentPoolProfiles/0/kubeletConfig/seccompDefault', data: { nodePool: 'nodepool1', seccompDefault: "seccompDefault 'Unconfined'" } }],
    },
  ],
});
