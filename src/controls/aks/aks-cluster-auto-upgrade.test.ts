import { testControl } from '../../../test/control-tester.js';
import control from './aks-cluster-auto-upgrade.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: stable (the AKS Automatic recording)', file: 'aks.json', yaml: arm({ autoUpgradeProfile: { upgradeChannel: 'stable', nodeOSUpgradeChannel: 'NodeImage' } }) },
    { name: 'az: patch, case-insensitive', file: 'aks.json', yaml: az({ autoUpgradeProfile: { upgradeChannel: 'Patch' } }) },
    { name: 'option: node-image allowed by policy', file: 'aks.json', yaml: arm({ autoUpgradeProfile: { upgradeChannel: 'node-image' } }), options: { allowedClusterAutoUpgradeChannels: ['patch', 'node-image'] } },
  ],
  invalid: [
    { name: 'ARM: no autoUpgradeProfile (the 2022 recordings)', file: 'aks.json', yaml: arm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'none', pointer: '/properties', data: { channel: 'absent' } }] },
    {
      name: 'az: explicit none',
      file: 'aks.json',
      yaml: az({ autoUpgradeProfile: { upgradeChannel: 'none', nodeOsUpgradeChannel: 'NodeImage' } }),
      errors: [{ messageId: 'none', pointer: '/autoUpgradeProfile/upgradeChannel', data: { channel: "'none'" } }],
    },
    {
      name: 'legacy node-image channel warns',
      file: 'aks.json',
      yaml: arm({ autoUpgradeProfile: { upgradeChannel: 'node-image' } }),
      errors: [{ messageId: 'nodeImage', pointer: '/properties/autoUpgradeProfile/upgradeChannel', severity: 'medium' }],
    },
    {
      name: 'option: rapid is not allowed by this policy',
      file: 'aks.json',
      yaml: arm({ autoUpgradeProfile: { upgradeChannel: 'rapid' } }),
      options: { allowedClusterAutoUpgradeChannels: ['patch', 'stable'] },
      errors: [{ messageId: 'notAllowed', pointer: '/properties/autoUpgradeProfile/upgradeChannel', data: { channel: 'rapid', allowed: 'patch, stable' } }],
    },
  ],
});
