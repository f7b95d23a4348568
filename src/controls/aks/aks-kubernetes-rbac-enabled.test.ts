import { aksArm, aksAz, aksTemplate } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-kubernetes-rbac-enabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: RBAC on', file: 'aks.json', yaml: aksArm({ enableRBAC: true }) },
    { name: 'az: RBAC on (az case enableRbac)', file: 'aks.json', yaml: aksAz({ enableRbac: true }) },
    { name: 'ARM: absent means RBAC on', file: 'aks.json', yaml: aksArm({ dnsPrefix: 'aks1' }) },
    { name: 'az: null means absent, RBAC on', file: 'aks.json', yaml: aksAz({ enableRbac: null }) },
    {
      name: 'template: an unresolvable parameter is not evaluated, not passed',
      file: 'azuredeploy.json',
      yaml: aksTemplate({ rbac: { type: 'bool' } }, { enableRBAC: "[parameters('rbac')]" }),
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'ARM: explicitly false (the legacy-insecure example)',
      file: 'aks.json',
      yaml: aksArm({ enableRBAC: false }),
      errors: [{ messageId: 'disabled', pointer: '/properties/enableRBAC', severity: 'critical' }],
    },
    { name: 'az: explicitly false', file: 'aks.json', yaml: aksAz({ enableRbac: false }), errors: [{ messageId: 'disabled', pointer: '/enableRbac' }] },
    {
      name: 'template: parameter defaulting to false',
      file: 'azuredeploy.json',
      yaml: aksTemplate({ rbac: { type: 'bool', defaultValue: false } }, { enableRBAC: "[parameters('rbac')]" }),
      errors: [{ messageId: 'disabled', pointer: '/resources/0/properties/enableRBAC' }],
    },
  ],
});
