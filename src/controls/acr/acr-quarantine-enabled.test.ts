import { testControl } from '../../../test/control-tester.js';
import control from './acr-quarantine-enabled.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Premium' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    { name: 'ARM: quarantine enabled', file: 'acr.json', yaml: arm({ policies: { quarantinePolicy: { status: 'enabled' } } }) },
    { name: 'az shape: Enabled, other case', file: 'acr.json', yaml: az({ policies: { quarantinePolicy: { status: 'Enabled' } } }) },
  ],
  invalid: [
    {
      name: 'ARM: disabled (every recording)',
      file: 'acr.json',
      yaml: arm({ policies: { quarantinePolicy: { status: 'disabled' }, exportPolicy: { status: 'enabled' } } }),
      errors: [{ messageId: 'noQuarantine', pointer: '/properties/policies/quarantinePolicy/status', data: { status: "'disabled'" }, severity: 'medium' }],
    },
    {
      name: 'az shape: policies absent',
      file: 'acr.json',
      yaml: az({ policies: null }),
      errors: [{ messageId: 'noQuarantine', pointer: '', data: { status: 'not set (disabled)' } }],
    },
  ],
});
