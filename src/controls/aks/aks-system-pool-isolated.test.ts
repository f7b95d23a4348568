import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-system-pool-isolated.js';

const TAINT = 'CriticalAddonsOnly=true:NoSchedule';

testControl(control, {
  valid: [
    {
      name: 'ARM: tainted system pool and a user pool',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'system', mode: 'System', nodeTaints: [TAINT] }, { name: 'apps', mode: 'User' }] }),
    },
    {
      name: 'az: AKS Automatic — tainted system pool and node auto-provisioning instead of user pools',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'nodepool1', mode: 'System', nodeTaints: [TAINT] }], nodeProvisioningProfile: { mode: 'Auto' } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: a single untainted system pool (the 2022 recordings)',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', mode: 'System' }] }),
      errors: [
        { messageId: 'untainted', pointer: '/properties/agentPoolProfiles/0', data: { nodePool: 'nodepool1' } },
        { messageId: 'noUserPool', pointer: '/properties/agentPoolProfiles' },
      ],
    },
    {
      name: 'az: system pool with another taint, user pool present',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'system', mode: 'System', nodeTaints: ['dedicated=infra:NoSchedule'] }, { name: 'apps', mode: 'User' }] }),
      errors: [{ messageId: 'untainted', pointer: '/agentPoolProfiles/0/nodeTaints', data: { nodePool: 'system' } }],
    },
    {
      name: 'legacy pools without any mode: the first one is the system pool',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'first', nodeTaints: [TAINT] }] }),
      errors: [{ messageId: 'noUserPool', pointer: '/properties/agentPoolProfiles' }],
    },
  ],
});
