import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-advanced-container-networking.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: security and observability on, WireGuard transit encryption',
      file: 'aks.json',
      yaml: aksArm({
        networkProfile: {
          networkDataplane: 'cilium',
          advancedNetworking: { enabled: true, observability: { enabled: true }, security: { enabled: true, advancedNetworkPolicies: 'L7', transitEncryption: { type: 'WireGuard' } } },
        },
      }),
    },
    { name: 'az: top-level enabled flag omitted', file: 'aks.json', yaml: aksAz({ networkProfile: { advancedNetworking: { observability: { enabled: true }, security: { enabled: 'true' } } } }) },
  ],
  invalid: [
    { name: 'ARM: not configured', file: 'aks.json', yaml: aksArm({ networkProfile: { networkPolicy: 'cilium' } }), errors: [{ messageId: 'off', pointer: '/properties/networkProfile', severity: 'info' }] },
    {
      name: 'az: switched off at the top level',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { advancedNetworking: { enabled: false, observability: { enabled: true }, security: { enabled: true } } } }),
      errors: [{ messageId: 'off', pointer: '/networkProfile/advancedNetworking' }],
    },
    {
      name: 'observability only',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { advancedNetworking: { enabled: true, observability: { enabled: true } } } }),
      errors: [{ messageId: 'securityOff', pointer: '/properties/networkProfile/advancedNetworking' }],
    },
    {
      name: 'security only',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { advancedNetworking: { enabled: true, observability: { enabled: false }, security: { enabled: true } } } }),
      errors: [{ messageId: 'observabilityOff', pointer: '/networkProfile/advancedNetworking/observability/enabled' }],
    },
  ],
});
