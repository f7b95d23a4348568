import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-os-upgrade-channel.js';

testControl(control, {
  valid: [
    { name: 'ARM: NodeImage (the AKS Automatic recording)', file: 'aks.json', yaml: aksArm({ autoUpgradeProfile: { upgradeChannel: 'stable', nodeOSUpgradeChannel: 'NodeImage' } }) },
    { name: 'az: nodeOsUpgradeChannel SecurityPatch, case-insensitive', file: 'aks.json', yaml: aksAz({ autoUpgradeProfile: { nodeOsUpgradeChannel: 'securitypatch' } }) },
    { name: 'legacy cluster channel node-image pins NodeImage (Azure Policy 04408ca5 passes it)', file: 'aks.json', yaml: aksArm({ autoUpgradeProfile: { upgradeChannel: 'node-image' } }) },
  ],
  invalid: [
    {
      name: 'ARM: absent (the 2022 recordings) is unknown: warn',
      file: 'aks.json',
      yaml: aksArm({ dnsPrefix: 'aks1' }),
      errors: [{ messageId: 'unknown', pointer: '/properties', severity: 'medium' }],
    },
    {
      name: 'az: absent with the patch cluster channel',
      file: 'aks.json',
      yaml: aksAz({ autoUpgradeProfile: { upgradeChannel: 'patch', nodeOsUpgradeChannel: null } }),
      errors: [{ messageId: 'unknown', pointer: '/autoUpgradeProfile', severity: 'medium' }],
    },
    {
      name: 'Unmanaged warns (reboots need kured)',
      file: 'aks.json',
      yaml: aksArm({ autoUpgradeProfile: { nodeOSUpgradeChannel: 'Unmanaged' }, agentPoolProfiles: [{ name: 'system', osType: 'Linux' }] }),
      errors: [{ messageId: 'unmanaged', pointer: '/properties/autoUpgradeProfile/nodeOSUpgradeChannel', severity: 'medium' }],
    },
    {
      name: 'Unmanaged with a Windows pool: Windows gets no patches at all',
      file: 'aks.json',
      yaml: aksAz({ autoUpgradeProfile: { nodeOsUpgradeChannel: 'Unmanaged' }, agentPoolProfiles: [{ name: 'system' }, { name: 'win', osType: 'Windows' }] }),
      errors: [
        { messageId: 'unmanaged', pointer: '/autoUpgradeProfile/nodeOsUpgradeChannel', severity: 'medium' },
        { messageId: 'unmanagedWindows', pointer: '/agentPoolProfiles/1/osType', severity: 'high', data: { nodePool: 'win' } },
      ],
    },
    { name: 'None fails', file: 'aks.json', yaml: aksArm({ autoUpgradeProfile: { nodeOSUpgradeChannel: 'None' } }), errors: [{ messageId: 'none', pointer: '/properties/autoUpgradeProfile/nodeOSUpgradeChannel', severity: 'high' }] },
    {
      name: 'option: only SecurityPatch allowed',
      file: 'aks.json',
      yaml: aksArm({ autoUpgradeProfile: { nodeOSUpgradeChannel: 'NodeImage' } }),
      options: { allowedNodeOsUpgradeChannels: ['SecurityPatch'] },
      errors: [{ messageId: 'notAllowed', pointer: '/properties/autoUpgradeProfile/nodeOSUpgradeChannel', data: { channel: 'NodeImage', allowed: 'SecurityPatch' } }],
    },
  ],
});
