import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-azure-rbac.js';

testControl(control, {
  valid: [
    { name: 'ARM: Azure RBAC on', file: 'aks.json', yaml: aksArm({ aadProfile: { managed: true, enableAzureRBAC: true } }) },
    { name: 'az: Azure RBAC on (az case enableAzureRbac)', file: 'aks.json', yaml: aksAz({ aadProfile: { managed: true, enableAzureRbac: true } }) },
  ],
  invalid: [
    {
      name: 'ARM: managed Entra without Azure RBAC',
      file: 'aks.json',
      yaml: aksArm({ aadProfile: { managed: true, enableAzureRBAC: false } }),
      errors: [{ messageId: 'off', pointer: '/properties/aadProfile/enableAzureRBAC' }],
    },
    { name: 'az: no aadProfile', file: 'aks.json', yaml: aksAz({ enableRbac: true }), errors: [{ messageId: 'off', pointer: '' }] },
    { name: 'az: enableAzureRbac absent', file: 'aks.json', yaml: aksAz({ aadProfile: { managed: true } }), errors: [{ messageId: 'off', pointer: '/aadProfile' }] },
  ],
});
