import { type AcrSku, acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-premium-sku.js';

/** The same registry in each case; only its sku (null: none) varies. */
const arm = (sku: AcrSku | null) => acrArm({ adminUserEnabled: false }, { sku });
const az = (sku: AcrSku) => acrAz({ adminUserEnabled: false }, { sku });

testControl(control, {
  valid: [
    { name: 'ARM: Premium', file: 'acr.json', yaml: arm({ name: 'Premium', tier: 'Premium' }) },
    { name: 'az shape: premium in lower case', file: 'acr.json', yaml: az({ name: 'premium' }) },
    { name: 'a body without sku is not evaluated', file: 'acr.json', notEvaluated: true, yaml: arm(null) },
  ],
  invalid: [
    {
      name: 'ARM: Basic',
      file: 'acr.json',
      yaml: arm({ name: 'Basic', tier: 'Basic' }),
      errors: [{ messageId: 'notPremium', pointer: '/sku/name', data: { sku: 'Basic' }, severity: 'medium' }],
    },
    {
      name: 'az shape: Standard, tier only',
      file: 'acr.json',
      yaml: az({ tier: 'Standard' }),
      errors: [{ messageId: 'notPremium', pointer: '/sku/tier', data: { sku: 'Standard' } }],
    },
  ],
});
