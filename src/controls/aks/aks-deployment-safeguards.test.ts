import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-deployment-safeguards.js';

testControl(control, {
  valid: [
    { name: 'ARM (old preview): Enforcement', file: 'aks.json', yaml: aksArm({ safeguardsProfile: { level: 'Enforcement', version: 'v1.0.0', excludedNamespaces: ['ns1'] } }) },
    { name: 'az: Enforce with Restricted pod security', file: 'aks.json', yaml: aksAz({ safeguardsProfile: { level: 'enforce', pssLevel: 'Restricted' } }) },
    {
      name: 'ARM: no safeguardsProfile: the side input is needed, not evaluated',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { azurepolicy: { enabled: true } } }),
      notEvaluated: true,
    },
    { name: 'az: an unknown level is not evaluated, not passed', file: 'aks.json', yaml: aksAz({ safeguardsProfile: { level: 'Audit' } }), notEvaluated: true },
  ],
  invalid: [
    {
      name: 'ARM: Off',
      file: 'aks.json',
      yaml: aksArm({ safeguardsProfile: { level: 'Off' } }),
      errors: [{ messageId: 'off', pointer: '/properties/safeguardsProfile/level', data: { level: 'Off' }, severity: 'medium' }],
    },
    {
      name: 'az: Warning (old preview spelling): a warning',
      file: 'aks.json',
      yaml: aksAz({ safeguardsProfile: { level: 'Warning', excludedNamespaces: null } }),
      errors: [{ messageId: 'warn', pointer: '/safeguardsProfile/level', data: { level: 'Warning' }, severity: 'medium' }],
    },
    {
      name: 'ARM: Enforce with the Privileged pod security level',
      file: 'aks.json',
      yaml: aksArm({ safeguardsProfile: { level: 'Enforce', podSecurityStandardsLevel: 'Privileged' } }),
      errors: [{ messageId: 'privilegedPss', pointer: '/properties/safeguardsProfile/podSecurityStandardsLevel', data: { pssLevel: 'Privileged' } }],
    },
  ],
});
