import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-kubelet-seccomp-default.js';

testControl(control, {
  valid: [
    { name: 'ARM: RuntimeDefault', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'system', kubeletConfig: { seccompDefault: 'RuntimeDefault' } }] }) },
    {
      name: 'az: case-insensitive; Windows pools are out of scope',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'linux', kubeletConfig: { seccompDefault: 'runtimedefault' } }, { name: 'win', osType: 'Windows' }] }),
    },
  ],
  invalid: [
    {
      name: 'ARM: no kubelet config',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', osType: 'Linux' }] }),
      errors: [{ messageId: 'unconfined', pointer: '/properties/agentPoolProfiles/0', data: { nodePool: 'nodepool1', seccompDefault: 'seccompDefault not set, so Unconfined' } }],
    },
    {
      name: 'az: explicit Unconfined',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'nodepool1', kubeletConfig: { seccompDefault: 'Unconfined', cpuManagerPolicy: 'static' } }] }),
      errors: [{ messageId: 'unconfined', pointer: '/agentPoolProfiles/0/kubeletConfig/seccompDefault', data: { nodePool: 'nodepool1', seccompDefault: "seccompDefault 'Unconfined'" } }],
    },
  ],
});
