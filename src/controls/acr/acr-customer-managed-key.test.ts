import { testControl } from '../../../test/control-tester.js';
import control from './acr-customer-managed-key.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const KEY = 'https://contoso.vault.azure.net/keys/acr';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    {
      name: 'ARM: CMK enabled',
      file: 'acr.json',
      yaml: arm({ encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: KEY, identity: '33b5bfe1', keyRotationEnabled: true } } }),
    },
    {
      name: 'az shape: Enabled, other case',
      file: 'acr.json',
      yaml: az({ encryption: { status: 'Enabled', keyVaultProperties: { keyIdentifier: KEY } } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: disabled',
      file: 'acr.json',
      yaml: arm({ encryption: { status: 'disabled' } }),
      errors: [{ messageId: 'noCmk', pointer: '/properties/encryption/status', data: { status: "'disabled'" }, severity: 'low' }],
    },
    {
      name: 'az shape: encryption absent',
      file: 'acr.json',
      yaml: az({ encryption: null }),
      errors: [{ messageId: 'noCmk', pointer: '', data: { status: 'not set, default disabled' }, severity: 'low' }],
    },
    {
      name: 'not required by the policy: an info note',
      file: 'acr.json',
      options: { required: false },
      yaml: arm({ encryption: { status: 'disabled' } }),
      errors: [{ messageId: 'noCmk', pointer: '/properties/encryption/status', severity: 'info' }],
    },
  ],
});
