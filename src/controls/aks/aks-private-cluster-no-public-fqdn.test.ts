import { testControl } from '../../../test/control-tester.js';
import control from './aks-private-cluster-no-public-fqdn.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    {
      name: 'ARM: private cluster with the public FQDN disabled and the system DNS zone',
      file: 'aks.json',
      yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false, privateDNSZone: 'system' } }),
    },
    {
      name: 'az: private cluster, public FQDN disabled (az case enablePrivateClusterPublicFqdn)',
      file: 'aks.json',
      yaml: az({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFqdn: false, privateDnsZone: null } }),
    },
    { name: 'public cluster: not applicable (CLU-102 reports it)', file: 'aks.json', yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: false } }) },
    { name: 'no apiServerAccessProfile at all: not private, not applicable', file: 'aks.json', yaml: az({ dnsPrefix: 'aks1' }) },
  ],
  invalid: [
    {
      name: 'ARM: private cluster, public FQDN explicitly on (the 2022 recording)',
      file: 'aks.json',
      yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: 'system', enablePrivateClusterPublicFQDN: true } }),
      errors: [{ messageId: 'publicFqdn', pointer: '/properties/apiServerAccessProfile/enablePrivateClusterPublicFQDN' }],
    },
    {
      name: 'az: private cluster, public FQDN absent (defaults to true)',
      file: 'aks.json',
      yaml: az({ apiServerAccessProfile: { enablePrivateCluster: true, privateDnsZone: 'system' } }),
      errors: [{ messageId: 'publicFqdn', pointer: '/apiServerAccessProfile' }],
    },
    {
      name: "ARM: public FQDN disabled but privateDNSZone 'none', which needs the public name",
      file: 'aks.json',
      yaml: arm({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false, privateDNSZone: 'None' } }),
      errors: [{ messageId: 'dnsNone', pointer: '/properties/apiServerAccessProfile/privateDNSZone' }],
    },
  ],
});
