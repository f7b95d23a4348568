import { testControl } from '../../../test/control-tester.js';
import control from './acr-premium-sku.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (sku: unknown) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', ...(sku ? { sku } : {}), properties: { adminUserEnabled: false } });
const az = (sku: unknown) =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku, adminUserEnabled: false, resourceGroup: 'rg' });

testControl(control, {
  valid: [
    { name: 'ARM: Premium', file: 'acr.json', yaml: arm({ name: 'Premium', tier: 'Premium' }) },
    { name: 'az shape: premium in lower case', file: 'acr.json', yaml: az({ name: 'premium' }) },
    { name: 'a body without sku is not evaluated', file: 'acr.json', notEvaluated: true, yaml: arm(undefined) },
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
