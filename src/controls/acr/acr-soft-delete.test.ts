import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-soft-delete.js';

testControl(control, {
  valid: [
    { name: 'ARM: soft delete enabled', file: 'acr.json', yaml: acrArm({ policies: { softDeletePolicy: { retentionDays: 7, status: 'enabled' } } }, { sku: 'Basic' }) },
    { name: 'az shape: Enabled', file: 'acr.json', yaml: acrAz({ policies: { softDeletePolicy: { retentionDays: 30, status: 'Enabled' } } }, { sku: 'Basic' }) },
  ],
  invalid: [
    {
      name: 'ARM: disabled (the basic-abac recording)',
      file: 'acr.json',
      yaml: acrArm({ policies: { softDeletePolicy: { retentionDays: 7, status: 'disabled' } } }, { sku: 'Basic' }),
      errors: [{ messageId: 'softDeleteOff', pointer: '/properties/policies/softDeletePolicy/status', data: { status: "'disabled'" }, severity: 'info' }],
    },
    {
      name: 'az shape: absent (older API)',
      file: 'acr.json',
      yaml: acrAz({ policies: { exportPolicy: { status: 'enabled' } } }, { sku: 'Basic' }),
      errors: [{ messageId: 'softDeleteOff', pointer: '/policies', data: { status: 'not set (disabled)' }, severity: 'info' }],
    },
    {
      name: 'ARM: retention enabled instead',
      file: 'acr.json',
      yaml: acrArm({ policies: { retentionPolicy: { days: 7, status: 'enabled' } } }, { sku: 'Basic' }),
      errors: [{ messageId: 'retentionInstead', pointer: '/properties/policies', severity: 'info' }],
    },
  ],
});
