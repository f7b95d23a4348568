import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-cluster-auto-upgrade.js';

testControl(control, {
  valid: [
    { name: 'ARM: stable (the AKS Automatic recording)', file: 'aks.json', yaml: aksArm({ autoUpgradeProfile: { upgradeChannel: 'stable', nodeOSUpgradeChannel: 'NodeImage' } }) },
    { name: 'az: patch, case-insensitive', file: 'aks.json', yaml: aksAz({ autoUpgradeProfile: { upgradeChannel: 'Patch' } }) },
    { name: 'option: node-image allowed by policy', file: 'aks.json', yaml: aksArm({ autoUpgradeProfile: { upgradeChannel: 'node-image' } }), options: { allowedClusterAutoUpgradeChannels: ['patch', 'node-image'] } },
  ],
  invalid: [
    { name: 'ARM: no autoUpgradeProfile (the 2022 recordings)', file: 'aks.json', yaml: aksArm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'none', pointer: '/properties', data: { channel: 'absent' } }] },
    {
      name: 'az: explicit none',
      file: 'aks.json',
      yaml: aksAz({ autoUpgradeProfile: { upgradeChannel: 'none', nodeOsUpgradeChannel: 'NodeImage' } }),
      errors: [{ messageId: 'none', pointer: '/autoUpgradeProfile/upgradeChannel', data: { channel: "'none'" } }],
    },
    {
      name: 'legacy node-image channel warns',
      file: 'aks.json',
      yaml: aksArm({ autoUpgradeProfile: { upgradeChannel: 'node-image' } }),
      errors: [{ messageId: 'nodeImage', pointer: '/properties/autoUpgradeProfile/upgradeChannel', severity: 'medium' }],
    },
    {
      name: 'option: rapid is not allowed by this policy',
      file: 'aks.json',
      yaml: aksArm({ autoUpgradeProfile: { upgradeChannel: 'rapid' } }),
      options: { allowedClusterAutoUpgradeChannels: ['patch', 'stable'] },
      errors: [{ messageId: 'notAllowed', pointer: '/properties/autoUpgradeProfile/upgradeChannel', data: { channel: 'rapid', allowed: 'patch, stable' } }],
    },
  ],
});
