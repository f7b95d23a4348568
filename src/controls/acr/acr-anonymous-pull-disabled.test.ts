import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-anonymous-pull-disabled.js';

testControl(control, {
  valid: [
    { name: 'ARM: anonymous pull disabled', file: 'acr.json', yaml: acrArm({ anonymousPullEnabled: false }, { sku: 'Standard' }) },
    { name: 'ARM: absent means disabled (older API versions omit it)', file: 'acr.json', yaml: acrArm({ adminUserEnabled: false }, { sku: 'Standard' }) },
    { name: 'az: null', file: 'acr.json', yaml: acrAz({ anonymousPullEnabled: null }, { sku: 'Standard' }) },
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
      yaml: acrArm({ anonymousPullEnabled: true }, { sku: 'Standard' }),
      errors: [{ messageId: 'anonymousPull', pointer: '/properties/anonymousPullEnabled', severity: 'high' }],
    },
    {
      name: 'az shape: anonymous pull enabled as a string',
      file: 'acr.json',
      yaml: acrAz({ anonymousPullEnabled: 'True' }, { sku: 'Standard' }),
      errors: [{ messageId: 'anonymousPull', pointer: '/anonymousPullEnabled' }],
    },
  ],
});
