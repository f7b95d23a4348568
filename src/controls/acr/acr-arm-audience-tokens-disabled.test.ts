import { testControl } from '../../../test/control-tester.js';
import control from './acr-arm-audience-tokens-disabled.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic' }, properties: props });
const az = (props: Record<string, unknown>) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Basic' }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    {
      name: 'ARM: ARM-audience tokens disabled',
      file: 'acr.json',
      yaml: arm({ policies: { exportPolicy: { status: 'enabled' }, azureADAuthenticationAsArmPolicy: { status: 'disabled' } } }),
    },
    {
      name: 'az shape: acronym case changed, status in another case',
      file: 'acr.json',
      yaml: az({ policies: { azureAdAuthenticationAsArmPolicy: { status: 'Disabled' } } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: enabled',
      file: 'acr.json',
      yaml: arm({ policies: { azureADAuthenticationAsArmPolicy: { status: 'enabled' } } }),
      errors: [
        {
          messageId: 'armTokensAccepted',
          pointer: '/properties/policies/azureADAuthenticationAsArmPolicy/status',
          data: { status: "status 'enabled'" },
          severity: 'low',
        },
      ],
    },
    {
      name: 'ARM: the policy is absent (older API version), which means enabled',
      file: 'acr.json',
      yaml: arm({ policies: { exportPolicy: { status: 'enabled' } } }),
      errors: [{ messageId: 'armTokensAccepted', pointer: '/properties/policies', data: { status: 'status absent, which means enabled' } }],
    },
    {
      name: 'ARM: no policies at all',
      file: 'acr.json',
      yaml: arm({ adminUserEnabled: false }),
      errors: [{ messageId: 'armTokensAccepted', pointer: '/properties' }],
    },
    {
      name: 'az shape: the policy without a status',
      file: 'acr.json',
      yaml: az({ policies: { azureAdAuthenticationAsArmPolicy: {} } }),
      errors: [{ messageId: 'armTokensAccepted', pointer: '/policies/azureAdAuthenticationAsArmPolicy' }],
    },
  ],
});
