import { acrArm, acrAz, acrSku } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-dedicated-data-endpoints.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: private-only Premium with data endpoints',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', dataEndpointEnabled: true, dataEndpointHostNames: ['contoso.westeurope.data.azurecr.io'] }, { sku: acrSku('Premium') }),
    },
    {
      name: 'ARM: Basic, restricted settings written but Premium-only (N/A)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', dataEndpointEnabled: false }, { sku: acrSku('Basic') }),
    },
    {
      name: 'az shape: Premium open to every network (N/A)',
      file: 'acr.json',
      yaml: acrAz({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow' }, dataEndpointEnabled: false }, { sku: acrSku('Premium') }),
    },
    {
      name: 'az shape: firewall deny, data endpoints on',
      file: 'acr.json',
      yaml: acrAz({ networkRuleSet: { defaultAction: 'Deny' }, dataEndpointEnabled: 'true' }, { sku: acrSku('Premium') }),
    },
  ],
  invalid: [
    {
      name: 'ARM: private-only Premium without data endpoints (the public-access-disabled recording)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Deny' }, dataEndpointEnabled: false, dataEndpointHostNames: [] }, { sku: acrSku('Premium') }),
      errors: [{ messageId: 'sharedDataEndpoint', pointer: '/properties/dataEndpointEnabled', severity: 'low' }],
    },
    {
      name: 'az shape: firewall deny, data endpoints absent',
      file: 'acr.json',
      yaml: acrAz({ networkRuleSet: { defaultAction: 'deny' }, dataEndpointEnabled: null }, { sku: acrSku('Premium') }),
      errors: [{ messageId: 'sharedDataEndpoint', pointer: '' }],
    },
  ],
});
