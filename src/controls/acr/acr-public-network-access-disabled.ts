import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-106',
    name: 'acr-public-network-access-disabled',
    surface: 'registry',
    severity: 'high',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Public network access to the registry is disabled (publicNetworkAccess: Disabled).',
      rationale:
        'A registry reachable from the Internet can be probed, brute-forced with leaked tokens or admin passwords, and ' +
        'pulled from by any credential holder anywhere. With public access disabled the registry answers only through ' +
        'private endpoints in your virtual networks (and trusted Azure services, if allowed), which is the "VNet-only ' +
        'registry" design of the AKS landing zone. Azure Policy 0fdf0491 flags publicNetworkAccess != Disabled; absent ' +
        'means Enabled. Disabling it requires Premium and a private endpoint for every client.',
      remediation:
        'Create private endpoints for the registry, then `az acr update -n <registry> --public-network-enabled false` ' +
        '(ARM: `properties.publicNetworkAccess: Disabled`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-006',
      seed: seedFromDesign(['D4', 'D14', 'D15']),
      azurePolicy: ['0fdf0491-d080-4575-b627-ad0e843cba0f', 'a3701552-92ea-433e-9d17-33b7f1208fc9'],
      mcsb: ['NS-2'],
    }),
    messages: {
      publicAccess: 'Public network access is {{value}}: the registry endpoint is reachable from the Internet, not only through private endpoints.',
    },
  },
  check(registry, ctx) {
    const pna = registry.view.get('publicNetworkAccess');
    if (pna.is('Disabled')) return;
    const value = pna.str();
    ctx.report({ messageId: 'publicAccess', pointer: pna.pointer, data: { value: value === undefined ? 'not set (Enabled)' : `'${value}'` } });
  },
});
