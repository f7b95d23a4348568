import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-unsafe-sysctls.js';

testControl(control, {
  valid: [
    { name: 'ARM: no kubelet config', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'system' }] }) },
    { name: 'az: empty list and null', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'a', kubeletConfig: { allowedUnsafeSysctls: [] } }, { name: 'b', kubeletConfig: { allowedUnsafeSysctls: null } }] }) },
  ],
  invalid: [
    {
      name: 'ARM: kernel.shm* and net.* allowed',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'system' }, { name: 'db', kubeletConfig: { allowedUnsafeSysctls: ['kernel.shm*', 'net.*'] } }] }),
      errors: [{ messageId: 'unsafe', pointer: '/properties/agentPoolProfiles/1/kubeletConfig/allowedUnsafeSysctls', data: { nodePool: 'db', sysctls: 'kernel.shm*, net.*' } }],
    },
    {
      name: 'az shape',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'mq', kubeletConfig: { allowedUnsafeSysctls: ['kernel.msg*'] } }] }),
      errors: [{ messageId: 'unsafe', pointer: '/agentPoolProfiles/0/kubeletConfig/allowedUnsafeSysctls', data: { nodePool: 'mq', sysctls: 'kernel.msg*' } }],
    },
  ],
});
