import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** The service's default retention, when the policy is enabled without days. */
const DEFAULT_DAYS = 7;

export default defineControl({
  meta: {
    id: 'REG-115',
    name: 'acr-retention-untagged',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'A Premium registry deletes untagged manifests after a retention period (retentionPolicy enabled, days ≤ maxDays).',
      rationale:
        'Every push of a moving tag leaves the previous manifest untagged but still pullable by digest. Old, unpatched ' +
        'images pile up and remain deployable. The (preview, Premium-only) retention policy deletes untagged manifests ' +
        'after 0–365 days (default 7); it only affects manifests untagged after it was enabled. On Basic and Standard the ' +
        'control does not apply (REG-109 carries the SKU finding). Retention cannot be enabled together with soft delete ' +
        '(REG-116): a registry that chose soft delete is reported as information instead.',
      remediation:
        '`az acr config retention update -r <registry> --status enabled --days 7 --type UntaggedManifests` (ARM: ' +
        '`properties.policies.retentionPolicy: {status: enabled, days: 7}`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-015',
      seed: seedFromDesign(['R6']),
    }),
    options: {
      maxDays: { type: 'number', description: 'Longest acceptable retention of untagged manifests, in days.', default: 30 },
    },
    messages: {
      noRetention: 'Retention of untagged manifests is {{status}}: superseded, unpatched images stay pullable by digest forever.',
      tooLong: 'Untagged manifests are kept {{days}} days, longer than the allowed {{maxDays}}: superseded images stay pullable that long.',
      softDeleteInstead:
        'Retention is off because soft delete is enabled (the two cannot coexist): untagged manifests are never cleaned up.',
    },
  },
  check(registry, ctx) {
    const v = registry.view;
    const sku = v.get('sku.name').exists ? v.get('sku.name') : v.get('sku.tier');
    if (sku.exists && !sku.is('Premium')) return;
    const policy = v.get('policies.retentionPolicy');
    const status = policy.get('status');
    if (status.is('enabled')) {
      const daysNode = policy.get('days');
      const days = daysNode.num() ?? DEFAULT_DAYS;
      const maxDays = typeof ctx.options.maxDays === 'number' ? ctx.options.maxDays : 30;
      if (days > maxDays) ctx.report({ messageId: 'tooLong', pointer: daysNode.exists ? daysNode.pointer : status.pointer, data: { days, maxDays } });
      return;
    }
    if (v.get('policies.softDeletePolicy.status').is('enabled')) {
      ctx.report({ messageId: 'softDeleteInstead', pointer: status.pointer, severity: 'info' });
      return;
    }
    const value = status.str();
    ctx.report({ messageId: 'noRetention', pointer: status.pointer, data: { status: value === undefined ? 'not set (disabled)' : `'${value}'` } });
  },
});
