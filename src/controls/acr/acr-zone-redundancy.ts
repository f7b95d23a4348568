import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-118',
    name: 'acr-zone-redundancy',
    surface: 'registry',
    severity: 'info',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Advisory: the registry\'s zoneRedundancy flag is Enabled.',
      rationale:
        'A zone-redundant registry keeps serving pulls when one availability zone fails, so clusters can still scale out ' +
        'and recover. Azure now makes registries zone-redundant by default in regions with availability zones, for all ' +
        'SKUs, and documents that "the zoneRedundancy property might still show as false even though zone redundancy is ' +
        'active". A Disabled (or absent) flag is therefore only information to verify; [Preview] Azure Policy 9d2b0a20 ' +
        'checks the same flag.',
      remediation:
        'Check the region supports availability zones; for older registries in such regions, zone redundancy is set at ' +
        'creation (`az acr create … --zone-redundancy enabled`) or per replica (`az acr replication create … --zone-redundancy enabled`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-018',
      // The catalog gives no seed item: zone redundancy is availability, not one of the mission's countermeasures.
      seed: [],
      azurePolicy: ['9d2b0a20-57d6-474c-9d12-44a4a20999c6'],
    }),
    messages: {
      zoneFlagDisabled:
        'The zoneRedundancy flag is {{value}}: verify whether the region makes the registry zone-redundant by default, as the flag can lag.',
    },
  },
  check(registry, ctx) {
    const zone = registry.view.get('zoneRedundancy');
    if (zone.is('Enabled')) return;
    ctx.report({ messageId: 'zoneFlagDisabled', pointer: zone.pointer, data: { value: zone.str() ?? 'not set (Disabled)' }, severity: 'info' });
  },
});
