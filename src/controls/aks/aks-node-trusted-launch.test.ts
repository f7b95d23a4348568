import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-trusted-launch.js';

testControl(control, {
  valid: [
    { name: 'ARM: Secure Boot and vTPM', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'system', securityProfile: { enableSecureBoot: true, enableVTPM: true } }] }) },
    { name: 'az: enableVtpm (az acronym case)', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'system', securityProfile: { enableSecureBoot: true, enableVtpm: true, sshAccess: 'Disabled' } }] }) },
  ],
  invalid: [
    {
      name: 'ARM: both off (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', securityProfile: { enableVTPM: false, enableSecureBoot: false } }] }),
      errors: [{ messageId: 'notTrusted', pointer: '/properties/agentPoolProfiles/0/securityProfile/enableSecureBoot', data: { nodePool: 'nodepool1', missing: 'Secure Boot and vTPM' } }],
    },
    {
      name: 'absent securityProfile',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1' }] }),
      errors: [{ messageId: 'notTrusted', pointer: '/properties/agentPoolProfiles/0', data: { nodePool: 'nodepool1', missing: 'Secure Boot and vTPM' } }],
    },
    {
      name: 'az: Secure Boot without vTPM',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'system', securityProfile: { enableSecureBoot: true, enableVtpm: null } }] }),
      errors: [{ messageId: 'notTrusted', pointer: '/agentPoolProfiles/0/securityProfile', data: { nodePool: 'system', missing: 'vTPM' } }],
    },
  ],
});
