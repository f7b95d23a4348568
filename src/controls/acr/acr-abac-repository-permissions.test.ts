import { testControl } from '../../../test/control-tester.js';
import control from './acr-abac-repository-permissions.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    { name: 'ARM: ABAC repository permissions', file: 'acr.json', yaml: arm({ roleAssignmentMode: 'AbacRepositoryPermissions' }) },
    { name: 'az shape: enum case differs', file: 'acr.json', yaml: az({ roleAssignmentMode: 'abacRepositoryPermissions' }) },
  ],
  invalid: [
    {
      name: 'ARM: legacy mode',
      file: 'acr.json',
      yaml: arm({ roleAssignmentMode: 'LegacyRegistryPermissions' }),
      errors: [
        { messageId: 'legacyPermissions', pointer: '/properties/roleAssignmentMode', data: { mode: "'LegacyRegistryPermissions'" }, severity: 'info' },
      ],
    },
    {
      name: 'az shape: absent (older API), which is the legacy mode',
      file: 'acr.json',
      yaml: az({ roleAssignmentMode: null, adminUserEnabled: false }),
      errors: [{ messageId: 'legacyPermissions', pointer: '', data: { mode: 'not set (LegacyRegistryPermissions)' }, severity: 'info' }],
    },
  ],
});
