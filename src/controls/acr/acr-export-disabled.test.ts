import { testControl } from '../../../test/control-tester.js';
import control from './acr-export-disabled.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku }, properties: props });
const az = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    {
      name: 'ARM: export disabled, public access disabled',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Disabled', policies: { exportPolicy: { status: 'disabled' } } }),
    },
    {
      name: 'az shape: statuses in other cases',
      file: 'acr.json',
      yaml: az({ publicNetworkAccess: 'disabled', policies: { exportPolicy: { status: 'Disabled' } } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: export enabled on a private-only registry (the public-access-disabled recording)',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Disabled', policies: { exportPolicy: { status: 'enabled' } } }),
      errors: [{ messageId: 'exportEnabled', pointer: '/properties/policies/exportPolicy/status', data: { status: "'enabled'" }, severity: 'medium' }],
    },
    {
      name: 'ARM: Basic, no policies (absent = enabled)',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Enabled' }, 'Basic'),
      errors: [{ messageId: 'exportEnabled', pointer: '/properties', data: { status: 'not set (enabled)' } }],
    },
    {
      name: 'az shape: export disabled, public access absent (Enabled)',
      file: 'acr.json',
      yaml: az({ policies: { exportPolicy: { status: 'disabled' } } }),
      errors: [{ messageId: 'publicAccess', pointer: '', data: { access: 'not set (Enabled)' } }],
    },
  ],
});
