import { testControl } from '../../../test/control-tester.js';
import control from './acr-soft-delete.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    { name: 'ARM: soft delete enabled', file: 'acr.json', yaml: arm({ policies: { softDeletePolicy: { retentionDays: 7, status: 'enabled' } } }) },
    { name: 'az shape: Enabled', file: 'acr.json', yaml: az({ policies: { softDeletePolicy: { retentionDays: 30, status: 'Enabled' } } }) },
  ],
  invalid: [
    {
      name: 'ARM: disabled (the basic-abac recording)',
      file: 'acr.json',
      yaml: arm({ policies: { softDeletePolicy: { retentionDays: 7, status: 'disabled' } } }),
      errors: [{ messageId: 'softDeleteOff', pointer: '/properties/policies/softDeletePolicy/status', data: { status: "'disabled'" }, severity: 'info' }],
    },
    {
      name: 'az shape: absent (older API)',
      file: 'acr.json',
      yaml: az({ policies: { exportPolicy: { status: 'enabled' } } }),
      errors: [{ messageId: 'softDeleteOff', pointer: '/policies', data: { status: 'not set (disabled)' }, severity: 'info' }],
    },
    {
      name: 'ARM: retention enabled instead',
      file: 'acr.json',
      yaml: arm({ policies: { retentionPolicy: { days: 7, status: 'enabled' } } }),
      errors: [{ messageId: 'retentionInstead', pointer: '/properties/policies', severity: 'info' }],
    },
  ],
});
