import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-fips-nodes.js';

testControl(control, {
  valid: [
    { name: 'ARM: every pool FIPS', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'system', enableFIPS: true }, { name: 'win', osType: 'Windows', enableFIPS: true }] }) },
    { name: 'az: enableFips (az acronym case)', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'system', enableFips: true }] }) },
  ],
  invalid: [
    {
      name: 'ARM: enableFIPS false (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', enableFIPS: false }] }),
      errors: [{ messageId: 'notFips', pointer: '/properties/agentPoolProfiles/0/enableFIPS', severity: 'info', data: { nodePool: 'nodepool1' } }],
    },
    {
      name: 'az: absent on one pool',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'system', enableFips: true }, { name: 'user' }] }),
      errors: [{ messageId: 'notFips', pointer: '/agentPoolProfiles/1', data: { nodePool: 'user' } }],
    },
  ],
});
