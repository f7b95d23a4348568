import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-zone-redundancy.js';

testControl(control, {
  valid: [
    { name: 'ARM: Enabled', file: 'acr.json', yaml: acrArm({ zoneRedundancy: 'Enabled' }) },
    { name: 'az shape: enabled in lower case', file: 'acr.json', yaml: acrAz({ zoneRedundancy: 'enabled' }) },
  ],
  invalid: [
    {
      name: 'ARM: Disabled is information only',
      file: 'acr.json',
      yaml: acrArm({ zoneRedundancy: 'Disabled' }),
      errors: [{ messageId: 'zoneFlagDisabled', pointer: '/properties/zoneRedundancy', data: { value: 'Disabled' }, severity: 'info' }],
    },
    {
      name: 'az shape: absent',
      file: 'acr.json',
      yaml: acrAz({ zoneRedundancy: null }),
      errors: [{ messageId: 'zoneFlagDisabled', pointer: '', data: { value: 'not set (Disabled)' }, severity: 'info' }],
    },
  ],
});
