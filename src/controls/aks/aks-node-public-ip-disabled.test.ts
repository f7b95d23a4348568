import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-public-ip-disabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: explicitly false', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', enableNodePublicIP: false }] }) },
    { name: 'ARM: absent means false (the legacy REST example)', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', vmSize: 'Standard_DS1_v2' }] }) },
    { name: 'az: enableNodePublicIp null', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'nodepool1', enableNodePublicIp: null }] }) },
  ],
  invalid: [
    {
      name: 'ARM: the security-profile REST example has node public IPs',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', enableNodePublicIP: true }] }),
      errors: [{ messageId: 'publicIp', pointer: '/properties/agentPoolProfiles/0/enableNodePublicIP', data: { nodePool: 'nodepool1' } }],
    },
    {
      name: 'az: enableNodePublicIp on the second pool only',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'system', enableNodePublicIp: false }, { name: 'edge', enableNodePublicIp: 'true' }] }),
      errors: [{ messageId: 'publicIp', pointer: '/agentPoolProfiles/1/enableNodePublicIp', data: { nodePool: 'edge' } }],
    },
  ],
});
