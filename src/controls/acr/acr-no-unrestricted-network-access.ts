import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** An IP rule that admits every address: 0.0.0.0/0 (any /0 prefix). */
function isWildcard(value: string): boolean {
  return /\/0$/.test(value.trim());
}

export default defineControl({
  meta: {
    id: 'REG-107',
    name: 'acr-no-unrestricted-network-access',
    surface: 'registry',
    severity: 'high',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The registry does not accept traffic from any network: public access is disabled or the firewall denies by default.',
      rationale:
        'Azure Policy d0793b48 (v2.0.0) is non-compliant when public network access is Enabled (or absent) and the ' +
        'network rule set\'s default action is Allow (or absent, as on Basic and Standard, which have no firewall). Such ' +
        'a registry accepts connections from every address on the Internet. Restricting it, by disabling public access ' +
        'or by denying by default and allowing only known IP ranges, removes the registry from Internet-wide scanning ' +
        'and credential stuffing. An IP rule of 0.0.0.0/0 undoes the restriction and is reported even when public access ' +
        'is currently off, since it takes effect as soon as access is re-enabled.',
      remediation:
        'Premium: `az acr update -n <registry> --default-action Deny` and `az acr network-rule add -n <registry> --ip-address ' +
        '<cidr>` for your egress ranges, or `--public-network-enabled false` with private endpoints. Remove 0.0.0.0/0 rules ' +
        '(`az acr network-rule remove`). Basic/Standard: move to Premium (REG-109) to restrict network access at all.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-007',
      seed: seedFromDesign(['D4', 'R4']),
      azurePolicy: ['d0793b48-0edc-4296-a390-4c75d1bdfd71'],
      defender: ['9b828565-a0ed-61c2-6bf3-1afc99a9b2ca'],
      mcsb: ['NS-2'],
    }),
    messages: {
      unrestricted:
        'The registry accepts traffic from any network: public access is {{access}} and the firewall default action is {{action}}.',
      wildcardRule: "IP rule '{{rule}}' admits every address: the firewall restricts nothing.",
    },
  },
  check(registry, ctx) {
    const v = registry.view;
    const pna = v.get('publicNetworkAccess');
    const ruleSet = v.get('networkRuleSet');
    const action = ruleSet.get('defaultAction');
    const publicOn = !pna.exists || pna.is('Enabled');
    const allowAll = !action.exists || action.is('Allow');
    if (publicOn && allowAll) {
      ctx.report({
        messageId: 'unrestricted',
        pointer: action.exists ? action.pointer : pna.pointer,
        data: {
          access: pna.str() ?? 'not set (Enabled)',
          action: action.str() ?? (ruleSet.exists ? 'not set (Allow)' : 'Allow (no network rule set)'),
        },
      });
      return;
    }
    for (const rule of ruleSet.get('ipRules').items()) {
      const value = rule.get('value');
      const cidr = value.str();
      if (cidr !== undefined && isWildcard(cidr)) ctx.report({ messageId: 'wildcardRule', pointer: value.pointer, data: { rule: cidr } });
    }
  },
});
