import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-pod-managed-identity.js';

testControl(control, {
  valid: [
    { name: 'ARM: no podIdentityProfile', file: 'aks.json', yaml: aksArm({ securityProfile: { workloadIdentity: { enabled: true } } }) },
    { name: 'az: pod identity disabled', file: 'aks.json', yaml: aksAz({ podIdentityProfile: { enabled: false, userAssignedIdentities: null } }) },
  ],
  invalid: [
    {
      name: 'ARM: pod-managed identity enabled',
      file: 'aks.json',
      yaml: aksArm({ podIdentityProfile: { enabled: true, allowNetworkPluginKubenet: false } }),
      errors: [{ messageId: 'enabled', pointer: '/properties/podIdentityProfile/enabled' }],
    },
    {
      name: 'az: pod-managed identity enabled as the string "true"',
      file: 'aks.json',
      yaml: aksAz({ podIdentityProfile: { enabled: 'true' } }),
      errors: [{ messageId: 'enabled', pointer: '/podIdentityProfile/enabled' }],
    },
  ],
});
