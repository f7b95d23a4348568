import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-109',
    name: 'acr-premium-sku',
    surface: 'registry',
    severity: 'medium',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The registry is Premium, the only SKU that supports network isolation (Private Link, firewall rules).',
      rationale:
        'Private endpoints, IP firewall rules, disabling public access, dedicated data endpoints, export policy and ' +
        'retention are Premium-only. A Basic or Standard registry is therefore always reachable from the Internet, and ' +
        'the controls that need those features (REG-108, REG-111, REG-115) cannot be met. Azure Policy bd560fc0 flags ' +
        'sku.name != Premium. This control carries the SKU finding for the Premium-only features.',
      remediation: '`az acr update -n <registry> --sku Premium` (in place, no downtime; ARM: `sku.name: Premium`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-009',
      seed: seedFromDesign(['D15', 'D4']),
      azurePolicy: ['bd560fc0-3c69-498a-ae9f-aa8eb7de0e13'],
      mcsb: ['NS-2'],
    }),
    messages: {
      notPremium: 'The registry SKU is {{sku}}: without Premium it cannot use private endpoints or firewall rules, so it stays reachable from the Internet.',
    },
  },
  check(registry, ctx) {
    const name = registry.view.get('sku.name');
    const tier = registry.view.get('sku.tier');
    const sku = name.exists ? name : tier;
    const value = sku.str();
    if (value === undefined) {
      ctx.notEvaluated(`the registry body has no sku.name: az acr show -n ${registry.azure.name} -o json`);
      return;
    }
    if (sku.is('Premium')) return;
    ctx.report({ messageId: 'notPremium', pointer: sku.pointer, data: { sku: value } });
  },
});
