import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-resource-group-locked.js';

testControl(control, {
  valid: [
    { name: 'ARM: ReadOnly (the AKS Automatic recording)', file: 'aks.json', yaml: aksArm({ nodeResourceGroupProfile: { restrictionLevel: 'ReadOnly' } }) },
    { name: 'az: case-insensitive', file: 'aks.json', yaml: aksAz({ nodeResourceGroupProfile: { restrictionLevel: 'readonly' } }) },
  ],
  invalid: [
    { name: 'ARM: absent means Unrestricted', file: 'aks.json', yaml: aksArm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'unrestricted', pointer: '/properties', data: { level: 'absent, so Unrestricted' } }] },
    {
      name: 'az: explicit Unrestricted',
      file: 'aks.json',
      yaml: aksAz({ nodeResourceGroupProfile: { restrictionLevel: 'Unrestricted' } }),
      errors: [{ messageId: 'unrestricted', pointer: '/nodeResourceGroupProfile/restrictionLevel', data: { level: "'Unrestricted'" } }],
    },
  ],
});
