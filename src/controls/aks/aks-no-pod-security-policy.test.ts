import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-pod-security-policy.js';

testControl(control, {
  valid: [
    { name: 'ARM: absent', file: 'aks.json', yaml: aksArm({ enableRBAC: true }) },
    { name: 'az: false', file: 'aks.json', yaml: aksAz({ enablePodSecurityPolicy: false }) },
    { name: 'az: null (az prints unset values)', file: 'aks.json', yaml: aksAz({ enablePodSecurityPolicy: null, enableRbac: true }) },
  ],
  invalid: [
    {
      name: 'ARM: legacy PodSecurityPolicy enabled: information',
      file: 'aks.json',
      yaml: aksArm({ enablePodSecurityPolicy: true }),
      errors: [{ messageId: 'enabled', pointer: '/properties/enablePodSecurityPolicy', severity: 'info' }],
    },
    { name: 'az: enabled', file: 'aks.json', yaml: aksAz({ enablePodSecurityPolicy: true }), errors: [{ messageId: 'enabled', pointer: '/enablePodSecurityPolicy', severity: 'info' }] },
  ],
});
