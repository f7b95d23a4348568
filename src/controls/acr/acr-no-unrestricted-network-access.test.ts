import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-no-unrestricted-network-access.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: public, but the firewall denies by default and allows one range',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '203.0.113.0/24' }] } }),
    },
    {
      name: 'ARM: public access disabled, default action Allow (the rules no longer apply)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Allow', ipRules: [] } }),
    },
    {
      name: 'az shape: public access disabled, no rule set',
      file: 'acr.json',
      yaml: acrAz({ publicNetworkAccess: 'disabled', networkRuleSet: null }),
    },
    {
      name: 'az shape: default action deny in lower case, public access absent',
      file: 'acr.json',
      yaml: acrAz({ networkRuleSet: { defaultAction: 'deny', ipRules: [{ value: '198.51.100.7' }] } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: public and default action Allow (the REST example)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow', ipRules: [] } }, { sku: 'Standard' }),
      errors: [
        {
          messageId: 'unrestricted',
          pointer: '/properties/networkRuleSet/defaultAction',
          data: { access: 'Enabled', action: 'Allow' },
          severity: 'high',
        },
      ],
    },
    {
      name: 'ARM: Basic registry, no rule set at all (absent = Allow)',
      file: 'acr.json',
      yaml: acrArm({ publicNetworkAccess: 'Enabled' }, { sku: 'Basic' }),
      errors: [{ messageId: 'unrestricted', pointer: '/properties/publicNetworkAccess', data: { access: 'Enabled', action: 'Allow (no network rule set)' } }],
    },
    {
      name: 'az shape: both absent',
      file: 'acr.json',
      yaml: acrAz({ adminUserEnabled: false }, { sku: 'Basic' }),
      errors: [{ messageId: 'unrestricted', pointer: '', data: { access: 'not set (Enabled)', action: 'Allow (no network rule set)' } }],
    },
    {
      name: 'ARM: deny by default but a 0.0.0.0/0 rule',
      file: 'acr.json',
      yaml: acrArm({
        publicNetworkAccess: 'Enabled',
        networkRuleSet: { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '203.0.113.0/24' }, { action: 'Allow', value: '0.0.0.0/0' }] },
      }),
      errors: [{ messageId: 'wildcardRule', pointer: '/properties/networkRuleSet/ipRules/1/value', data: { rule: '0.0.0.0/0' } }],
    },
    {
      name: 'az shape: public access disabled, a 0.0.0.0/0 rule left behind',
      file: 'acr.json',
      yaml: acrAz({ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Deny', ipRules: [{ value: '0.0.0.0/0' }] } }),
      errors: [{ messageId: 'wildcardRule', pointer: '/networkRuleSet/ipRules/0/value' }],
    },
  ],
});
