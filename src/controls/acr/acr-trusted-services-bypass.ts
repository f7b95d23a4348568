import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-110',
    name: 'acr-trusted-services-bypass',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'A network-restricted registry does not let trusted Azure services bypass its network rules (networkRuleBypassOptions: None).',
      rationale:
        'networkRuleBypassOptions AzureServices (the default) lets a set of "trusted" Azure services, such as ACR Tasks, ' +
        'Defender for Cloud and Machine Learning, reach the registry past its firewall and private-only setting, from ' +
        'any tenant\'s instance of those services that holds a valid credential. None closes that path. Some of those ' +
        'services are usually wanted (Defender image scanning needs it), so the bypass on a network-restricted registry is ' +
        'reported as information to review, not a failure. On a registry that is not network-restricted (public access ' +
        'enabled with default action Allow) the bypass changes nothing and is not reported.',
      remediation:
        'If no trusted service needs to reach the registry: `az acr update -n <registry> --allow-trusted-services false` ' +
        '(ARM: `properties.networkRuleBypassOptions: None`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-010',
      seed: seedFromDesign(['D4']),
      mcsb: ['NS-2'],
    }),
    messages: {
      bypassAllowed:
        'Trusted Azure services may bypass the network restrictions (networkRuleBypassOptions: {{value}}): review which services need it, or set None.',
    },
  },
  check(registry, ctx) {
    const v = registry.view;
    const pna = v.get('publicNetworkAccess');
    const action = v.get('networkRuleSet.defaultAction');
    const restricted = pna.is('Disabled') || action.is('Deny');
    if (!restricted) return;
    const bypass = v.get('networkRuleBypassOptions');
    if (bypass.is('None')) return;
    ctx.report({
      messageId: 'bypassAllowed',
      pointer: bypass.pointer,
      data: { value: bypass.str() ?? 'not set, default AzureServices' },
      severity: 'info',
    });
  },
});
