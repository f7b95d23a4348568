import { testControl } from '../../../test/control-tester.js';
import control from './aks-system-pool-isolated.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

const TAINT = 'CriticalAddonsOnly=true:NoSchedule';

testControl(control, {
  valid: [
    {
      name: 'ARM: tainted system pool and a user pool',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'system', mode: 'System', nodeTaints: [TAINT] }, { name: 'apps', mode: 'User' }] }),
    },
    {
      name: 'az: AKS Automatic — tainted system pool and node auto-provisioning instead of user pools',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'nodepool1', mode: 'System', nodeTaints: [TAINT] }], nodeProvisioningProfile: { mode: 'Auto' } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: a single untainted system pool (the 2022 recordings)',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'nodepool1', mode: 'System' }] }),
      errors: [
        { messageId: 'untainted', pointer: '/properties/agentPoolProfiles/0', data: { nodePool: 'nodepool1' } },
        { messageId: 'noUserPool', pointer: '/properties/agentPoolProfiles' },
      ],
    },
    {
      name: 'az: system pool with another taint, user pool present',
      file: 'aks.json',
      yaml: az({ agentPoolProfiles: [{ name: 'system', mode: 'System', nodeTaints: ['dedicated=infra:NoSchedule'] }, { name: 'apps', mode: 'User' }] }),
      errors: [{ messageId: 'untainted', pointer: '/agentPoolProfiles/0/nodeTaints', data: { nodePool: 'system' } }],
    },
    {
      name: 'legacy pools without any mode: the first one is the system pool',
      file: 'aks.json',
      yaml: arm({ agentPoolProfiles: [{ name: 'first', nodeTaints: [TAINT] }] }),
      errors: [{ messageId: 'noUserPool', pointer: '/properties/agentPoolProfiles' }],
    },
  ],
});
