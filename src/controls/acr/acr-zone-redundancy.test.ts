import { testControl } from '../../../test/control-tester.js';
import control from './acr-zone-redundancy.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    { name: 'ARM: Enabled', file: 'acr.json', yaml: arm({ zoneRedundancy: 'Enabled' }) },
    { name: 'az shape: enabled in lower case', file: 'acr.json', yaml: az({ zoneRedundancy: 'enabled' }) },
  ],
  invalid: [
    {
      name: 'ARM: Disabled is information only',
      file: 'acr.json',
      yaml: arm({ zoneRedundancy: 'Disabled' }),
      errors: [{ messageId: 'zoneFlagDisabled', pointer: '/properties/zoneRedundancy', data: { value: 'Disabled' }, severity: 'info' }],
    },
    {
      name: 'az shape: absent',
      file: 'acr.json',
      yaml: az({ zoneRedundancy: null }),
      errors: [{ messageId: 'zoneFlagDisabled', pointer: '', data: { value: 'not set (Disabled)' }, severity: 'info' }],
    },
  ],
});
