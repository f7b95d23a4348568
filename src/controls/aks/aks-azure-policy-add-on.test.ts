import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-azure-policy-add-on.js';

testControl(control, {
  valid: [
    { name: 'ARM: key as real responses spell it (azurepolicy)', file: 'aks.json', yaml: aksArm({ addonProfiles: { azurepolicy: { enabled: true, config: null } } }) },
    { name: 'az: key as the policy aliases spell it (azurePolicy)', file: 'aks.json', yaml: aksAz({ addonProfiles: { azurePolicy: { enabled: true, config: { version: 'v2' } } } }) },
  ],
  invalid: [
    {
      name: 'ARM: add-on disabled',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { azurepolicy: { enabled: false } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/addonProfiles/azurepolicy/enabled' }],
    },
    {
      name: 'az: add-on absent among others',
      file: 'aks.json',
      yaml: aksAz({ addonProfiles: { omsagent: { enabled: true } } }),
      errors: [{ messageId: 'disabled', pointer: '/addonProfiles' }],
    },
    { name: 'ARM: no addonProfiles', file: 'aks.json', yaml: aksArm({ enableRBAC: true }), errors: [{ messageId: 'disabled', pointer: '/properties' }] },
  ],
});
