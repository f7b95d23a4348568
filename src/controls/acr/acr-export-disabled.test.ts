import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-export-disabled.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: export disabled, public access disabled',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', policies: { exportPolicy: { status: 'disabled' } } }),
    },
    {
      name: 'az shape: statuses in other cases',
      file: 'acr.json',
      yaml: acrAz({ publicNetworkAccess: 'disabled', policies: { exportPolicy: { status: 'Disabled' } } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: export enabled on a private-only registry (the public-access-disabled recording)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', policies: { exportPolicy: { status: 'enabled' } } }),
      errors: [{ messageId: 'exportEnabled', pointer: '/properties/policies/exportPolicy/status', data: { status: "'enabled'" }, severity: 'medium' }],
    },
    {
      name: 'ARM: Basic, no policies (absent = enabled)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Enabled' }, { sku: 'Basic' }),
      errors: [{ messageId: 'exportEnabled', pointer: '/properties', data: { status: 'not set (enabled)' } }],
    },
    {
      name: 'az shape: export disabled, public access absent (Enabled)',
      file: 'acr.json',
      yaml: acrAz({ policies: { exportPolicy: { status: 'disabled' } } }),
      errors: [{ messageId: 'publicAccess', pointer: '', data: { access: 'not set (Enabled)' } }],
    },
  ],
});
