import { aksArm, aksAz, aksTemplate } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-local-accounts-disabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: local accounts disabled', file: 'aks.json', yaml: aksArm({ disableLocalAccounts: true, aadProfile: { managed: true } }) },
    { name: 'az: local accounts disabled', file: 'aks.json', yaml: aksAz({ disableLocalAccounts: true }) },
    {
      name: 'template: parameter with a default of true',
      file: 'azuredeploy.json',
      yaml: aksTemplate({ disableLocal: { type: 'bool', defaultValue: true } }, { disableLocalAccounts: "[parameters('disableLocal')]" }),
    },
    {
      name: 'template: parameter without a default cannot be decided',
      file: 'azuredeploy.json',
      yaml: aksTemplate({ disableLocal: { type: 'bool' } }, { disableLocalAccounts: "[parameters('disableLocal')]" }),
      notEvaluated: true,
    },
  ],
  invalid: [
    { name: 'ARM: absent means false', file: 'aks.json', yaml: aksArm({ enableRBAC: true }), errors: [{ messageId: 'enabled', pointer: '/properties' }] },
    { name: 'az: explicitly false', file: 'aks.json', yaml: aksAz({ disableLocalAccounts: false }), errors: [{ messageId: 'enabled', pointer: '/disableLocalAccounts' }] },
  ],
});
