import { testControl } from '../../../test/control-tester.js';
import control from './acr-admin-user-disabled.js';

const arm = (props: Record<string, unknown>) =>
  JSON.stringify({
    id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso',
    name: 'contoso',
    type: 'Microsoft.ContainerRegistry/registries',
    sku: { name: 'Premium', tier: 'Premium' },
    properties: props,
  });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso', name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic', tier: 'Basic' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    { name: 'ARM: admin user disabled', file: 'acr.json', yaml: arm({ adminUserEnabled: false }) },
    { name: 'ARM: absent means disabled', file: 'acr.json', yaml: arm({ loginServer: 'contoso.azurecr.io' }) },
    { name: 'az: null means absent (disabled)', file: 'acr.json', yaml: az({ adminUserEnabled: null }) },
    { name: 'az: the string "false"', file: 'acr.json', yaml: az({ adminUserEnabled: 'false' }) },
  ],
  invalid: [
    {
      name: 'ARM: admin user enabled',
      file: 'acr.json',
      yaml: arm({ adminUserEnabled: true }),
      errors: [{ messageId: 'adminEnabled', pointer: '/properties/adminUserEnabled', severity: 'high' }],
    },
    {
      name: 'az shape: admin user enabled, key case differs',
      file: 'acr.json',
      yaml: az({ AdminUserEnabled: true }),
      errors: [{ messageId: 'adminEnabled', pointer: '/AdminUserEnabled' }],
    },
  ],
});
