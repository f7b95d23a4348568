import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-111',
    name: 'acr-dedicated-data-endpoints',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'A network-restricted Premium registry serves its layers from dedicated data endpoints.',
      rationale:
        'Without dedicated data endpoints, image layers are served from a shared storage endpoint (*.blob.core.windows.net), ' +
        'so client firewalls must allow a wildcard storage domain that any Azure customer can also use to exfiltrate ' +
        'data. Dedicated data endpoints (<registry>.<region>.data.azurecr.io) let egress rules name exactly this ' +
        'registry. The setting matters when the registry and its clients are network-restricted, and exists only on ' +
        'Premium: on Basic/Standard (REG-109 carries that finding) or on a registry open to every network the control ' +
        'does not apply.',
      remediation:
        '`az acr update -n <registry> --data-endpoint-enabled true` (ARM: `properties.dataEndpointEnabled: true`), then ' +
        'allow `<registry>.<region>.data.azurecr.io` instead of the storage wildcard in client firewalls.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-011',
      seed: seedFromDesign(['R4', 'D4']),
      mcsb: ['NS-2'],
    }),
    messages: {
      sharedDataEndpoint:
        'The network-restricted registry has no dedicated data endpoints: clients must allow a shared storage domain to pull layers.',
    },
  },
  check(registry, ctx) {
    const v = registry.view;
    const sku = v.get('sku.name').exists ? v.get('sku.name') : v.get('sku.tier');
    if (sku.exists && !sku.is('Premium')) return;
    const restricted = v.get('publicNetworkAccess').is('Disabled') || v.get('networkRuleSet.defaultAction').is('Deny');
    if (!restricted) return;
    const enabled = v.get('dataEndpointEnabled');
    if (enabled.bool() === true) return;
    ctx.report({ messageId: 'sharedDataEndpoint', pointer: enabled.pointer });
  },
});
