import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-trusted-services-bypass.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: private-only registry, no bypass',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', networkRuleBypassOptions: 'None' }),
    },
    {
      name: 'ARM: open registry, bypass irrelevant (N/A)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow' }, networkRuleBypassOptions: 'AzureServices' }),
    },
    { name: 'az shape: Basic registry, nothing set (N/A)', file: 'acr.json', yaml: acrAz({ adminUserEnabled: false }) },
    {
      name: 'az shape: firewall deny, bypass none in lower case',
      file: 'acr.json',
      yaml: acrAz({ networkRuleSet: { defaultAction: 'Deny' }, networkRuleBypassOptions: 'none' }),
    },
  ],
  invalid: [
    {
      name: 'ARM: public access disabled, AzureServices bypass',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Deny' }, networkRuleBypassOptions: 'AzureServices' }),
      errors: [{ messageId: 'bypassAllowed', pointer: '/properties/networkRuleBypassOptions', data: { value: 'AzureServices' }, severity: 'info' }],
    },
    {
      name: 'az shape: firewall deny, bypass absent (default AzureServices)',
      file: 'acr.json',
      yaml: acrAz({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Deny', ipRules: [] } }),
      errors: [{ messageId: 'bypassAllowed', pointer: '', data: { value: 'not set, default AzureServices' }, severity: 'info' }],
    },
  ],
});
