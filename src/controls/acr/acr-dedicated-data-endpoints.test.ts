import { testControl } from '../../../test/control-tester.js';
import control from './acr-dedicated-data-endpoints.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku, tier: sku }, properties: props });
const az = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku, tier: sku }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    {
      name: 'ARM: private-only Premium with data endpoints',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Disabled', dataEndpointEnabled: true, dataEndpointHostNames: ['contoso.westeurope.data.azurecr.io'] }),
    },
    {
      name: 'ARM: Basic, restricted settings written but Premium-only (N/A)',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Disabled', dataEndpointEnabled: false }, 'Basic'),
    },
    {
      name: 'az shape: Premium open to every network (N/A)',
      file: 'acr.json',
      yaml: az({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow' }, dataEndpointEnabled: false }),
    },
    {
      name: 'az shape: firewall deny, data endpoints on',
      file: 'acr.json',
      yaml: az({ networkRuleSet: { defaultAction: 'Deny' }, dataEndpointEnabled: 'true' }),
    },
  ],
  invalid: [
    {
      name: 'ARM: private-only Premium without data endpoints (the public-access-disabled recording)',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Deny' }, dataEndpointEnabled: false, dataEndpointHostNames: [] }),
      errors: [{ messageId: 'sharedDataEndpoint', pointer: '/properties/dataEndpointEnabled', severity: 'low' }],
    },
    {
      name: 'az shape: firewall deny, data endpoints absent',
      file: 'acr.json',
      yaml: az({ networkRuleSet: { defaultAction: 'deny' }, dataEndpointEnabled: null }),
      errors: [{ messageId: 'sharedDataEndpoint', pointer: '' }],
    },
  ],
});
