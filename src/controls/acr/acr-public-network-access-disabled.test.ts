import { testControl } from '../../../test/control-tester.js';
import control from './acr-public-network-access-disabled.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    { name: 'ARM: disabled', file: 'acr.json', yaml: arm({ publicNetworkAccess: 'Disabled' }) },
    { name: 'az shape: disabled, lower case', file: 'acr.json', yaml: az({ publicNetworkAccess: 'disabled' }) },
  ],
  invalid: [
    {
      name: 'ARM: enabled',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Enabled' }),
      errors: [{ messageId: 'publicAccess', pointer: '/properties/publicNetworkAccess', data: { value: "'Enabled'" }, severity: 'high' }],
    },
    {
      name: 'ARM: absent means Enabled',
      file: 'acr.json',
      yaml: arm({ adminUserEnabled: false }),
      errors: [{ messageId: 'publicAccess', pointer: '/properties', data: { value: 'not set (Enabled)' } }],
    },
    {
      name: 'az shape: null means absent, so Enabled',
      file: 'acr.json',
      yaml: az({ publicNetworkAccess: null }),
      errors: [{ messageId: 'publicAccess', pointer: '' }],
    },
  ],
});
