import { testControl } from '../../../test/control-tester.js';
import control from './aks-private-cluster.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: private cluster', file: 'aks.json', yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: true } }) },
    { name: 'az: private cluster', file: 'aks.json', yaml: az({ apiServerAccessProfile: { enablePrivateCluster: true, privateDnsZone: 'system' } }) },
  ],
  invalid: [
    {
      name: 'ARM: public API server limited to authorized IP ranges is still not private',
      file: 'aks.json',
      yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['203.0.113.0/24'] } }),
      errors: [{ messageId: 'notPrivate', pointer: '/properties/apiServerAccessProfile/enablePrivateCluster' }],
    },
    {
      name: 'ARM: no apiServerAccessProfile (public by default)',
      file: 'aks.json',
      yaml: arm({ dnsPrefix: 'aks1' }),
      errors: [{ messageId: 'notPrivate', pointer: '/properties' }],
    },
    {
      name: 'az: flag absent, az prints unset values as null',
      file: 'aks.json',
      yaml: az({ apiServerAccessProfile: { enablePrivateCluster: null, authorizedIpRanges: null } }),
      errors: [{ messageId: 'notPrivate', pointer: '/apiServerAccessProfile' }],
    },
    {
      name: 'az: string "false"',
      file: 'aks.json',
      yaml: az({ apiServerAccessProfile: { enablePrivateCluster: 'false' } }),
      errors: [{ messageId: 'notPrivate', pointer: '/apiServerAccessProfile/enablePrivateCluster' }],
    },
  ],
});
