import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-unsafe-sysctls.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: no kubelet config', file: 'aks.json', yaml: arm({ agentPoolProfiles: [{ name: 'system' }] }) },
    { name: 'az: empty list and null', file: 'aks.json', yaml: az({ agentPoolProfiles: [{ name: 'a', kubeletConfig: { allowedUnsafeSysctls: [] } }, { name: 'b', kubeletConfig: { allowedUnsafeSysctls: null } }] }) },
  ],
  invalid: [
    {
      name: 'ARM: kernel.shm* and net.* allowed',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'system' }, { name: 'db', kubeletConfig: { allowedUnsafeSysctls: ['kernel.shm*', 'net.*'] } }] }),
      errors: [{ messageId: 'unsafe', pointer: '/properties/agentPoolProfiles/1/kubeletConfig/allowedUnsafeSysctls', data: { nodePool: 'db', sysctls: 'kernel.shm*, net.*' } }],
    },
    {
      name: 'az shape',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'mq', kubeletConfig: { allowedUnsafeSysctls: ['kernel.msg*'] } }] }),
      errors: [{ messageId: 'unsafe', pointer: '/agentPoolProfiles/0/kubeletConfig/allowedUnsafeSysctls', data: { nodePool: 'mq', sysctls: 'kernel.msg*' } }],
    },
  ],
});
