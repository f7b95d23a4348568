import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-116',
    name: 'acr-soft-delete',
    surface: 'registry',
    severity: 'info',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Advisory: whether deleted artifacts can be recovered (softDeletePolicy, preview).',
      rationale:
        'With soft delete (preview, all SKUs, 1–90 days, not for geo-replicated registries) a deleted or overwritten ' +
        'manifest can be restored, which protects released images against accidental or malicious deletion. It cannot be ' +
        'enabled together with the retention policy (REG-115), so this control is information only: it notes a registry ' +
        'where deleted artifacts are gone for good.',
      remediation:
        '`az acr config soft-delete update -r <registry> --status enabled --days 7` (after disabling retention); ARM: ' +
        '`properties.policies.softDeletePolicy: {status: enabled, retentionDays: 7}`.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-016',
      seed: seedFromDesign(['R11']),
    }),
    messages: {
      softDeleteOff: 'Soft delete is {{status}}: a deleted or overwritten image cannot be recovered.',
      retentionInstead:
        'Soft delete is off because untagged-manifest retention is enabled (the two cannot coexist): a deleted image cannot be recovered.',
    },
  },
  check(registry, ctx) {
    const v = registry.view;
    const status = v.get('policies.softDeletePolicy.status');
    if (status.is('enabled')) return;
    if (v.get('policies.retentionPolicy.status').is('enabled')) {
      ctx.report({ messageId: 'retentionInstead', pointer: status.pointer, severity: 'info' });
      return;
    }
    const value = status.str();
    ctx.report({
      messageId: 'softDeleteOff',
      pointer: status.pointer,
      data: { status: value === undefined ? 'not set (disabled)' : `'${value}'` },
      severity: 'info',
    });
  },
});
