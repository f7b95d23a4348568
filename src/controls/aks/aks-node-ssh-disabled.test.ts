import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-ssh-disabled.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: SSH disabled on every pool',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'system', securityProfile: { sshAccess: 'Disabled' } }, { name: 'user', securityProfile: { sshAccess: 'Disabled' } }] }),
    },
    {
      name: 'az: EntraId (docs print EntraID) is compliant: pass with no finding',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'system', securityProfile: { sshAccess: 'EntraID', enableVtpm: true } }, { name: 'user', securityProfile: { sshAccess: 'disabled' } }] }),
    },
  ],
  invalid: [
    {
      name: 'ARM: no sshAccess field (the AKS Automatic recording) means LocalUser',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', securityProfile: { enableVTPM: false, enableSecureBoot: false } }] }),
      errors: [{ messageId: 'localUser', pointer: '/properties/agentPoolProfiles/0/securityProfile', data: { nodePool: 'nodepool1', sshAccess: 'absent, so LocalUser' } }],
    },
    {
      name: 'ARM: no securityProfile at all',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1' }] }),
      errors: [{ messageId: 'localUser', pointer: '/properties/agentPoolProfiles/0' }],
    },
    {
      name: 'az: explicit LocalUser on one pool of two',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'system', securityProfile: { sshAccess: 'Disabled' } }, { name: 'debug', securityProfile: { sshAccess: 'localuser' } }] }),
      errors: [{ messageId: 'localUser', pointer: '/agentPoolProfiles/1/securityProfile/sshAccess', data: { nodePool: 'debug', sshAccess: "'localuser'" } }],
    },
  ],
});
