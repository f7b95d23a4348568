import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-quarantine-enabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: quarantine enabled', file: 'acr.json', yaml: acrArm({ policies: { quarantinePolicy: { status: 'enabled' } } }) },
    { name: 'az shape: Enabled, other case', file: 'acr.json', yaml: acrAz({ policies: { quarantinePolicy: { status: 'Enabled' } } }) },
  ],
  invalid: [
    {
      name: 'ARM: disabled (every recording)',
      file: 'acr.json',
      yaml: acrArm({ policies: { quarantinePolicy: { status: 'disabled' }, exportPolicy: { status: 'enabled' } } }),
      errors: [{ messageId: 'noQuarantine', pointer: '/properties/policies/quarantinePolicy/status', data: { status: "'disabled'" }, severity: 'medium' }],
    },
    {
      name: 'az shape: policies absent',
      file: 'acr.json',
      yaml: acrAz({ policies: null }),
      errors: [{ messageId: 'noQuarantine', pointer: '', data: { status: 'not set (disabled)' } }],
    },
  ],
});
