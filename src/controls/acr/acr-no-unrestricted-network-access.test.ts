import { testControl } from '../../../test/control-tester.js';
import control from './acr-no-unrestricted-network-access.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const arm = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku }, properties: props });
const az = (props: Record<string, unknown>, sku = 'Premium') =>
  JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: sku }, resourceGroup: 'rg', ...props });

testControl(control, {
  valid: [
    {
      name: 'ARM: public, but the firewall denies by default and allows one range',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '203.0.113.0/24' }] } }),
    },
    {
      name: 'ARM: public access disabled, default action Allow (the rules no longer apply)',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Allow', ipRules: [] } }),
    },
    {
      name: 'az shape: public access disabled, no rule set',
      file: 'acr.json',
      yaml: az({ publicNetworkAccess: 'disabled', networkRuleSet: null }),
    },
    {
      name: 'az shape: default action deny in lower case, public access absent',
      file: 'acr.json',
      yaml: az({ networkRuleSet: { defaultAction: 'deny', ipRules: [{ value: '198.51.100.7' }] } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: public and default action Allow (the REST example)',
      file: 'acr.json',
      yaml: arm({ publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Allow', ipRules: [] } }, 'Standard'),
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
      yaml: arm({ publicNetworkAccess: 'Enabled' }, 'Basic'),
      errors: [{ messageId: 'unrestricted', pointer: '/properties/publicNetworkAccess', data: { access: 'Enabled', action: 'Allow (no network rule set)' } }],
    },
    {
      name: 'az shape: both absent',
      file: 'acr.json',
      yaml: az({ adminUserEnabled: false }, 'Basic'),
      errors: [{ messageId: 'unrestricted', pointer: '', data: { access: 'not set (Enabled)', action: 'Allow (no network rule set)' } }],
    },
    {
      name: 'ARM: deny by default but a 0.0.0.0/0 rule',
      file: 'acr.json',
      yaml: arm({
        publicNetworkAccess: 'Enabled',
        networkRuleSet: { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '203.0.113.0/24' }, { action: 'Allow', value: '0.0.0.0/0' }] },
      }),
      errors: [{ messageId: 'wildcardRule', pointer: '/properties/networkRuleSet/ipRules/1/value', data: { rule: '0.0.0.0/0' } }],
    },
    {
      name: 'az shape: public access disabled, a 0.0.0.0/0 rule left behind',
      file: 'acr.json',
      yaml: az({ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Deny', ipRules: [{ value: '0.0.0.0/0' }] } }),
      errors: [{ messageId: 'wildcardRule', pointer: '/networkRuleSet/ipRules/0/value' }],
    },
  ],
});
