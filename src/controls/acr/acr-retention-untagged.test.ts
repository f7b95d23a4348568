import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-retention-untagged.js';

testControl(control, {
  valid: [
    { name: 'ARM: enabled, 7 days', file: 'acr.json', yaml: acrArm({ policies: { retentionPolicy: { days: 7, status: 'enabled' } } }) },
    { name: 'az shape: Enabled without days (default 7)', file: 'acr.json', yaml: acrAz({ policies: { retentionPolicy: { status: 'Enabled' } } }) },
    {
      name: 'ARM: Basic cannot have retention (N/A; REG-109 carries the SKU)',
      file: 'acr.json',
      yaml: acrArm({ policies: { retentionPolicy: { days: 7, status: 'disabled' } } }, { sku: 'Basic' }),
    },
    {
      name: 'ARM: 90 days allowed by the policy',
      file: 'acr.json',
      options: { maxDays: 90 },
      yaml: acrArm({ policies: { retentionPolicy: { days: 90, status: 'enabled' } } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: disabled (the Premium recordings)',
      file: 'acr.json',
      yaml: acrArm({ policies: { retentionPolicy: { days: 7, status: 'disabled' } } }),
      errors: [{ messageId: 'noRetention', pointer: '/properties/policies/retentionPolicy/status', data: { status: "'disabled'" }, severity: 'low' }],
    },
    {
      name: 'az shape: policies absent',
      file: 'acr.json',
      yaml: acrAz({ adminUserEnabled: false }),
      errors: [{ messageId: 'noRetention', pointer: '', data: { status: 'not set (disabled)' } }],
    },
    {
      name: 'ARM: 60 days is longer than 30',
      file: 'acr.json',
      yaml: acrArm({ policies: { retentionPolicy: { days: 60, status: 'enabled' } } }),
      errors: [{ messageId: 'tooLong', pointer: '/properties/policies/retentionPolicy/days', data: { days: 60, maxDays: 30 } }],
    },
    {
      name: 'ARM: soft delete chosen instead (info)',
      file: 'acr.json',
      yaml: acrArm({ policies: { retentionPolicy: { days: 7, status: 'disabled' }, softDeletePolicy: { retentionDays: 7, status: 'enabled' } } }),
      errors: [{ messageId: 'softDeleteInstead', pointer: '/properties/policies/retentionPolicy/status', severity: 'info' }],
    },
  ],
});
