import { testControl } from '../../../test/control-tester.js';
import control from './aks-advanced-container-networking.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    {
      name: 'ARM: security and observability on, WireGuard transit encryption',
      file: 'aks.json',
      yaml: arm({
        networkProfile: {
          networkDataplane: 'cilium',
          advancedNetworking: { enabled: true, observability: { enabled: true }, security: { enabled: true, advancedNetworkPolicies: 'L7', transitEncryption: { type: 'WireGuard' } } },
        },
      }),
    },
    { name: 'az: top-level enabled flag omitted', file: 'aks.json', yaml: az({ networkProfile: { advancedNetworking: { observability: { enabled: true }, security: { enabled: 'true' } } } }) },
  ],
  invalid: [
    { name: 'ARM: not configured', file: 'aks.json', yaml: arm({ networkProfile: { networkPolicy: 'cilium' } }), errors: [{ messageId: 'off', pointer: '/properties/networkProfile', severity: 'info' }] },
    {
      name: 'az: switched off at the top level',
      file: 'aks.json',
      yaml: az({ networkProfile: { advancedNetworking: { enabled: false, observability: { enabled: true }, security: { enabled: true } } } }),
      errors: [{ messageId: 'off', pointer: '/networkProfile/advancedNetworking' }],
    },
    {
      name: 'observability only',
      file: 'aks.json',
      yaml: arm({ networkProfile: { advancedNetworking: { enabled: true, observability: { enabled: true } } } }),
      errors: [{ messageId: 'securityOff', pointer: '/properties/networkProfile/advancedNetworking' }],
    },
    {
      name: 'security only',
      file: 'aks.json',
      yaml: az({ networkProfile: { advancedNetworking: { enabled: true, observability: { enabled: false }, security: { enabled: true } } } }),
      errors: [{ messageId: 'observabilityOff', pointer: '/networkProfile/advancedNetworking/observability/enabled' }],
    },
  ],
});
