import { acrArm, acrAz, acrSku } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-admin-user-disabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: admin user disabled', file: 'acr.json', yaml: acrArm({ adminUserEnabled: false }, { sku: acrSku('Premium') }) },
    { name: 'ARM: absent means disabled', file: 'acr.json', yaml: acrArm({ loginServer: 'contoso.azurecr.io' }, { sku: acrSku('Premium') }) },
    { name: 'az: null means absent (disabled)', file: 'acr.json', yaml: acrAz({ adminUserEnabled: null }, { sku: acrSku('Basic') }) },
    { name: 'az: the string "false"', file: 'acr.json', yaml: acrAz({ adminUserEnabled: 'false' }, { sku: acrSku('Basic') }) },
  ],
  invalid: [
    {
      name: 'ARM: admin user enabled',
      file: 'acr.json',
      yaml: acrArm({ adminUserEnabled: true }, { sku: acrSku('Premium') }),
      errors: [{ messageId: 'adminEnabled', pointer: '/properties/adminUserEnabled', severity: 'high' }],
    },
    {
      name: 'az shape: admin user enabled, key case differs',
      file: 'acr.json',
      yaml: acrAz({ AdminUserEnabled: true }, { sku: acrSku('Basic') }),
      errors: [{ messageId: 'adminEnabled', pointer: '/AdminUserEnabled' }],
    },
  ],
});
