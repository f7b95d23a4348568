import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-egress-controlled.js';

const fqdn = { enabled: true, security: { enabled: true, advancedNetworkPolicies: 'FQDN' }, observability: { enabled: true } };

testControl(control, {
  valid: [
    { name: 'ARM: user-defined routing through a firewall', file: 'aks.json', yaml: aksArm({ networkProfile: { outboundType: 'userDefinedRouting' } }) },
    { name: 'az: network-isolated cluster (outboundType none)', file: 'aks.json', yaml: aksAz({ networkProfile: { outboundType: 'none' } }) },
    {
      name: 'NAT gateway with ACNS FQDN policies',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { outboundType: 'managedNATGateway', networkDataplane: 'cilium', advancedNetworking: fqdn } }),
    },
    {
      name: 'az: NAT gateway with ACNS security on (advancedNetworkPolicies defaults to FQDN)',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { outboundType: 'userAssignedNATGateway', advancedNetworking: { enabled: true, security: { enabled: true } } } }),
    },
    {
      name: 'option: loadBalancer allowed by policy',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { outboundType: 'loadBalancer' } }),
      options: { allowedOutboundTypes: ['loadBalancer', 'userDefinedRouting'] },
    },
  ],
  invalid: [
    {
      name: 'ARM: loadBalancer (the 2022 recordings)',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { outboundType: 'loadBalancer' } }),
      errors: [{ messageId: 'open', pointer: '/properties/networkProfile/outboundType', severity: 'medium', data: { outboundType: "'loadBalancer'" } }],
    },
    {
      name: 'absent outboundType defaults to loadBalancer',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'azure' } }),
      errors: [{ messageId: 'open', pointer: '/properties/networkProfile', data: { outboundType: 'not set, so loadBalancer' } }],
    },
    {
      name: 'ARM: managed NAT gateway without FQDN policies (the AKS Automatic recording) warns',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { outboundType: 'managedNATGateway', networkPolicy: 'cilium' } }),
      errors: [{ messageId: 'natGateway', pointer: '/properties/networkProfile/outboundType', severity: 'medium', data: { outboundType: 'managedNATGateway' } }],
    },
    {
      name: 'az: NAT gateway with ACNS advancedNetworkPolicies None',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { outboundType: 'userAssignedNATGateway', advancedNetworking: { enabled: true, security: { enabled: true, advancedNetworkPolicies: 'None' } } } }),
      errors: [{ messageId: 'natGateway', pointer: '/networkProfile/outboundType' }],
    },
    {
      name: 'option: only userDefinedRouting allowed, so a network-isolated cluster fails',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { outboundType: 'none' } }),
      options: { allowedOutboundTypes: ['userDefinedRouting'] },
      errors: [{ messageId: 'open', pointer: '/networkProfile/outboundType', data: { outboundType: "'none'" } }],
    },
  ],
});
