import { testControl } from '../../../test/control-tester.js';
import control from './aks-egress-controlled.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

const fqdn = { enabled: true, security: { enabled: true, advancedNetworkPolicies: 'FQDN' }, observability: { enabled: true } };

testControl(control, {
  valid: [
    { name: 'ARM: user-defined routing through a firewall', file: 'aks.json', yaml: arm({ networkProfile: { outboundType: 'userDefinedRouting' } }) },
    { name: 'az: network-isolated cluster (outboundType none)', file: 'aks.json', yaml: az({ networkProfile: { outboundType: 'none' } }) },
    {
      name: 'NAT gateway with ACNS FQDN policies',
      file: 'aks.json',
      yaml: arm({ networkProfile: { outboundType: 'managedNATGateway', networkDataplane: 'cilium', advancedNetworking: fqdn } }),
    },
    {
      name: 'az: NAT gateway with ACNS security on (advancedNetworkPolicies defaults to FQDN)',
      file: 'aks.json',
      yaml: az({ networkProfile: { outboundType: 'userAssignedNATGateway', advancedNetworking: { enabled: true, security: { enabled: true } } } }),
    },
    {
      name: 'option: loadBalancer allowed by policy',
      file: 'aks.json',
      yaml: arm({ networkProfile: { outboundType: 'loadBalancer' } }),
      options: { allowedOutboundTypes: ['loadBalancer', 'userDefinedRouting'] },
    },
  ],
  invalid: [
    {
      name: 'ARM: loadBalancer (the 2022 recordings)',
      file: 'aks.json',
      yaml: arm({ networkProfile: { outboundType: 'loadBalancer' } }),
      errors: [{ messageId: 'open', pointer: '/properties/networkProfile/outboundType', severity: 'medium', data: { outboundType: "'loadBalancer'" } }],
    },
    {
      name: 'absent outboundType defaults to loadBalancer',
      file: 'aks.json',
      yaml: arm({ networkProfile: { networkPlugin: 'azure' } }),
      errors: [{ messageId: 'open', pointer: '/properties/networkProfile', data: { outboundType: 'not set, so loadBalancer' } }],
    },
    {
      name: 'ARM: managed NAT gateway without FQDN policies (the AKS Automatic recording) warns',
      file: 'aks.json',
      yaml: arm({ networkProfile: { outboundType: 'managedNATGateway', networkPolicy: 'cilium' } }),
      errors: [{ messageId: 'natGateway', pointer: '/properties/networkProfile/outboundType', severity: 'medium', data: { outboundType: 'managedNATGateway' } }],
    },
    {
      name: 'az: NAT gateway with ACNS advancedNetworkPolicies None',
      file: 'aks.json',
      yaml: az({ networkProfile: { outboundType: 'userAssignedNATGateway', advancedNetworking: { enabled: true, security: { enabled: true, advancedNetworkPolicies: 'None' } } } }),
      errors: [{ messageId: 'natGateway', pointer: '/networkProfile/outboundType' }],
    },
    {
      name: 'option: only userDefinedRouting allowed, so a network-isolated cluster fails',
      file: 'aks.json',
      yaml: az({ networkProfile: { outboundType: 'none' } }),
      options: { allowedOutboundTypes: ['userDefinedRouting'] },
      errors: [{ messageId: 'open', pointer: '/networkProfile/outboundType', data: { outboundType: "'none'" } }],
    },
  ],
});
