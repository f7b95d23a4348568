import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-private-cluster.js';

testControl(control, {
  valid: [
    { name: 'ARM: private cluster', file: 'aks.json', yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: true } }) },
    { name: 'az: private cluster', file: 'aks.json', yaml: aksAz({ apiServerAccessProfile: { enablePrivateCluster: true, privateDnsZone: 'system' } }) },
  ],
  invalid: [
    {
      name: 'ARM: public API server limited to authorized IP ranges is still not private',
      file: 'aks.json',
      yaml: aksArm({ apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['203.0.113.0/24'] } }),
      errors: [{ messageId: 'notPrivate', pointer: '/properties/apiServerAccessProfile/enablePrivateCluster' }],
    },
    {
      name: 'ARM: no apiServerAccessProfile (public by default)',
      file: 'aks.json',
      yaml: aksArm({ dnsPrefix: 'aks1' }),
      errors: [{ messageId: 'notPrivate', pointer: '/properties' }],
    },
    {
      name: 'az: flag absent, az prints unset values as null',
      file: 'aks.json',
      yaml: aksAz({ apiServerAccessProfile: { enablePrivateCluster: null, authorizedIpRanges: null } }),
      errors: [{ messageId: 'notPrivate', pointer: '/apiServerAccessProfile' }],
    },
    {
      name: 'az: string "false"',
      file: 'aks.json',
      yaml: aksAz({ apiServerAccessProfile: { enablePrivateCluster: 'false' } }),
      errors: [{ messageId: 'notPrivate', pointer: '/apiServerAccessProfile/enablePrivateCluster' }],
    },
  ],
});
