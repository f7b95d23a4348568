import { testControl } from '../../../test/control-tester.js';
import control from './acr-anonymous-pull-disabled.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Standard' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Standard' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    { name: 'ARM: anonymous pull disabled', file: 'acr.json', yaml: arm({ anonymousPullEnabled: false }) },
    { name: 'ARM: absent means disabled (older API versions omit it)', file: 'acr.json', yaml: arm({ adminUserEnabled: false }) },
    { name: 'az: null', file: 'acr.json', yaml: az({ anonymousPullEnabled: null }) },
    {
      name: 'template: a parameter cannot be resolved offline, so not evaluated',
      file: 'main.json',
      notEvaluated: true,
      yaml: JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { anonymous: { type: 'bool' } },
        resources: [
          {
            type: 'Microsoft.ContainerRegistry/registries',
            apiVersion: '2025-04-01',
            name: 'contoso',
            location: 'westeurope',
            sku: { name: 'Premium' },
            properties: { anonymousPullEnabled: "[parameters('anonymous')]" },
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'ARM: anonymous pull enabled',
      file: 'acr.json',
      yaml: arm({ anonymousPullEnabled: true }),
      errors: [{ messageId: 'anonymousPull', pointer: '/properties/anonymousPullEnabled', severity: 'high' }],
    },
    {
      name: 'az shape: anonymous pull enabled as a string',
      file: 'acr.json',
      yaml: az({ anonymousPullEnabled: 'True' }),
      errors: [{ messageId: 'anonymousPull', pointer: '/anonymousPullEnabled' }],
    },
  ],
});
