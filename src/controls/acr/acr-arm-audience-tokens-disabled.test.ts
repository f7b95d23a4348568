import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-arm-audience-tokens-disabled.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: ARM-audience tokens disabled',
      file: 'acr.json',
      yaml: acrArm({ policies: { exportPolicy: { status: 'enabled' }, azureADAuthenticationAsArmPolicy: { status: 'disabled' } } }, { sku: 'Basic' }),
    },
    {
      name: 'az shape: acronym case changed, status in another case',
      file: 'acr.json',
      yaml: acrAz({ policies: { azureAdAuthenticationAsArmPolicy: { status: 'Disabled' } } }, { sku: 'Basic' }),
    },
  ],
  invalid: [
    {
      name: 'ARM: enabled',
      file: 'acr.json',
      yaml: acrArm({ policies: { azureADAuthenticationAsArmPolicy: { status: 'enabled' } } }, { sku: 'Basic' }),
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
      yaml: acrArm({ policies: { exportPolicy: { status: 'enabled' } } }, { sku: 'Basic' }),
      errors: [{ messageId: 'armTokensAccepted', pointer: '/properties/policies', data: { status: 'status absent, which means enabled' } }],
    },
    {
      name: 'ARM: no policies at all',
      file: 'acr.json',
      yaml: acrArm({ adminUserEnabled: false }, { sku: 'Basic' }),
      errors: [{ messageId: 'armTokensAccepted', pointer: '/properties' }],
    },
    {
      name: 'az shape: the policy without a status',
      file: 'acr.json',
      yaml: acrAz({ policies: { azureAdAuthenticationAsArmPolicy: {} } }, { sku: 'Basic' }),
      errors: [{ messageId: 'armTokensAccepted', pointer: '/policies/azureAdAuthenticationAsArmPolicy' }],
    },
  ],
});
