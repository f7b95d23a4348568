import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-customer-managed-key.js';

const KEY = 'https://contoso.vault.azure.net/keys/acr';

testControl(control, {
  valid: [
    {
      name: 'ARM: CMK enabled',
      file: 'acr.json',
      yaml: acrArm({ encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: KEY, identity: '33b5bfe1', keyRotationEnabled: true } } }),
    },
    {
      name: 'az shape: Enabled, other case',
      file: 'acr.json',
      yaml: acrAz({ encryption: { status: 'Enabled', keyVaultProperties: { keyIdentifier: KEY } } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: disabled',
      file: 'acr.json',
      yaml: acrArm({ encryption: { status: 'disabled' } }),
      errors: [{ messageId: 'noCmk', pointer: '/properties/encryption/status', data: { status: "'disabled'" }, severity: 'low' }],
    },
    {
      name: 'az shape: encryption absent',
      file: 'acr.json',
      yaml: acrAz({ encryption: null }),
      errors: [{ messageId: 'noCmk', pointer: '', data: { status: 'not set, default disabled' }, severity: 'low' }],
    },
    {
      name: 'not required by the policy: an info note',
      file: 'acr.json',
      options: { required: false },
      yaml: acrArm({ encryption: { status: 'disabled' } }),
      errors: [{ messageId: 'noCmk', pointer: '/properties/encryption/status', severity: 'info' }],
    },
  ],
});
