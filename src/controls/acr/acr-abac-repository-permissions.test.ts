import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-abac-repository-permissions.js';

testControl(control, {
  valid: [
    { name: 'ARM: ABAC repository permissions', file: 'acr.json', yaml: acrArm({ roleAssignmentMode: 'AbacRepositoryPermissions' }, { sku: 'Basic' }) },
    { name: 'az shape: enum case differs', file: 'acr.json', yaml: acrAz({ roleAssignmentMode: 'abacRepositoryPermissions' }, { sku: 'Basic' }) },
  ],
  invalid: [
    {
      name: 'ARM: legacy mode',
      file: 'acr.json',
      yaml: acrArm({ roleAssignmentMode: 'LegacyRegistryPermissions' }, { sku: 'Basic' }),
      errors: [
        { messageId: 'legacyPermissions', pointer: '/properties/roleAssignmentMode', data: { mode: "'LegacyRegistryPermissions'" }, severity: 'info' },
      ],
    },
    {
      name: 'az shape: absent (older API), which is the legacy mode',
      file: 'acr.json',
      yaml: acrAz({ roleAssignmentMode: null, adminUserEnabled: false }, { sku: 'Basic' }),
      errors: [{ messageId: 'legacyPermissions', pointer: '', data: { mode: 'not set (LegacyRegistryPermissions)' }, severity: 'info' }],
    },
  ],
});
