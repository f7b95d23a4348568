import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-private-cluster-no-public-fqdn.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: private cluster with the public FQDN disabled and the system DNS zone',
      file: 'aks.json',
      yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false, privateDNSZone: 'system' } }),
    },
    {
      name: 'az: private cluster, public FQDN disabled (az case enablePrivateClusterPublicFqdn)',
      file: 'aks.json',
      yaml: aksAz({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFqdn: false, privateDnsZone: null } }),
    },
    { name: 'public cluster: not applicable (CLU-102 reports it)', file: 'aks.json', yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: false } }) },
    { name: 'no apiServerAccessProfile at all: not private, not applicable', file: 'aks.json', yaml: aksAz({ dnsPrefix: 'aks1' }) },
  ],
  invalid: [
    {
      name: 'ARM: private cluster, public FQDN explicitly on (the 2022 recording)',
      file: 'aks.json',
      yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: 'system', enablePrivateClusterPublicFQDN: true } }),
      errors: [{ messageId: 'publicFqdn', pointer: '/properties/apiServerAccessProfile/enablePrivateClusterPublicFQDN' }],
    },
    {
      name: 'az: private cluster, public FQDN absent (defaults to true)',
      file: 'aks.json',
      yaml: aksAz({ apiServerAccessProfile: { enablePrivateCluster: true, privateDnsZone: 'system' } }),
      errors: [{ messageId: 'publicFqdn', pointer: '/apiServerAccessProfile' }],
    },
    {
      name: "ARM: public FQDN disabled but privateDNSZone 'none', which needs the public name",
      file: 'aks.json',
      yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false, privateDNSZone: 'None' } }),
      errors: [{ messageId: 'dnsNone', pointer: '/properties/apiServerAccessProfile/privateDNSZone' }],
    },
  ],
});
