import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-113',
    name: 'acr-quarantine-enabled',
    surface: 'registry',
    severity: 'medium',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The registry quarantines new pushes until a scanner marks them verified (quarantinePolicy enabled, preview).',
      rationale:
        'Without quarantine, an image is pullable the moment it is pushed: a tainted or unscanned image can be deployed ' +
        'before any vulnerability or malware scan has looked at it. With the (preview) quarantine pattern, new pushes are ' +
        'held and invisible to normal pulls until a scanner, subscribed through the quarantine webhook, marks them ' +
        'verified. Absent means disabled; statuses are compared case-insensitively.',
      remediation:
        'There is no az acr flag: `az resource update --ids <registry id> --set properties.policies.quarantinePolicy.status=enabled`, ' +
        'and wire a scanner to the quarantine webhook that marks scanned images as verified.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-013',
      seed: seedFromDesign(['R2', 'B10']),
      mcsb: ['DS-6', 'PV-5'],
    }),
    messages: {
      noQuarantine: 'Quarantine is {{status}}: a pushed image can be pulled and deployed before any scanner has checked it.',
    },
  },
  check(registry, ctx) {
    const status = registry.view.get('policies.quarantinePolicy.status');
    if (status.is('enabled')) return;
    const value = status.str();
    ctx.report({ messageId: 'noQuarantine', pointer: status.pointer, data: { status: value === undefined ? 'not set (disabled)' : `'${value}'` } });
  },
});
