import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-ephemeral-os-disk.js';

testControl(control, {
  valid: [
    { name: 'ARM: Ephemeral (the AKS Automatic recording)', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', osDiskType: 'Ephemeral' }] }) },
    { name: 'az: case-insensitive', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'nodepool1', osDiskType: 'ephemeral' }] }) },
    { name: 'not set: AKS decides by VM size, so not evaluated', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', vmSize: 'Standard_D4s_v5' }] }), notEvaluated: true },
  ],
  invalid: [
    {
      name: 'ARM: Managed OS disk (the 2022 recordings)',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', osDiskType: 'Managed' }] }),
      errors: [{ messageId: 'managed', pointer: '/properties/agentPoolProfiles/0/osDiskType', severity: 'info', data: { nodePool: 'nodepool1', osDiskType: 'Managed' } }],
    },
    {
      name: 'az: one managed pool next to an ephemeral one',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'system', osDiskType: 'Ephemeral' }, { name: 'data', osDiskType: 'Managed' }] }),
      errors: [{ messageId: 'managed', pointer: '/agentPoolProfiles/1/osDiskType', data: { nodePool: 'data', osDiskType: 'Managed' } }],
    },
  ],
});
