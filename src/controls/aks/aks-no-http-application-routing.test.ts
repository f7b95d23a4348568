import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-http-application-routing.js';

testControl(control, {
  valid: [
    { name: 'ARM: no such add-on', file: 'aks.json', yaml: aksArm({ addonProfiles: { azurepolicy: { enabled: true } } }) },
    { name: 'az: add-on disabled (lower-case key)', file: 'aks.json', yaml: aksAz({ addonProfiles: { httpapplicationrouting: { enabled: false, config: null } } }) },
    { name: 'ARM: the supported application routing add-on is fine', file: 'aks.json', yaml: aksArm({ ingressProfile: { webAppRouting: { enabled: true } } }) },
  ],
  invalid: [
    {
      name: 'ARM: retired add-on enabled',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { httpApplicationRouting: { enabled: true, config: { HTTPApplicationRoutingZoneName: 'abc.westeurope.aksapp.io' } } } }),
      errors: [{ messageId: 'enabled', pointer: '/properties/addonProfiles/httpApplicationRouting/enabled' }],
    },
    {
      name: 'az: retired add-on enabled, key in lower case',
      file: 'aks.json',
      yaml: aksAz({ addonProfiles: { httpapplicationrouting: { enabled: true } } }),
      errors: [{ messageId: 'enabled', pointer: '/addonProfiles/httpapplicationrouting/enabled' }],
    },
  ],
});
