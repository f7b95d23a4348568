import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-public-network-access-disabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: disabled', file: 'acr.json', yaml: acrArm({ publicNetworkAccess: 'Disabled' }) },
    { name: 'az shape: disabled, lower case', file: 'acr.json', yaml: acrAz({ publicNetworkAccess: 'disabled' }) },
  ],
  invalid: [
    {
      name: 'ARM: enabled',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Enabled' }),
      errors: [{ messageId: 'publicAccess', pointer: '/properties/publicNetworkAccess', data: { value: "'Enabled'" }, severity: 'high' }],
    },
    {
      name: 'ARM: absent means Enabled',
      file: 'acr.json',
      yaml: acrArm({ adminUserEnabled: false }),
      errors: [{ messageId: 'publicAccess', pointer: '/properties', data: { value: 'not set (Enabled)' } }],
    },
    {
      name: 'az shape: null means absent, so Enabled',
      file: 'acr.json',
      yaml: acrAz({ publicNetworkAccess: null }),
      errors: [{ messageId: 'publicAccess', pointer: '' }],
    },
  ],
});
