import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-112',
    name: 'acr-export-disabled',
    surface: 'registry',
    severity: 'medium',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Exporting artifacts out of the registry is disabled (exportPolicy disabled, public network access disabled).',
      rationale:
        'With export enabled (the default), anyone with pull rights can copy the registry\'s images to another registry ' +
        'with `az acr import` or a transfer export pipeline, outside the network restrictions, which both leaks content ' +
        'and lets images travel between environments without the promotion path. Azure Policy 524b0254 is ' +
        'non-compliant when policies.exportPolicy.status != disabled or publicNetworkAccess != Disabled: the export ' +
        'policy can only be disabled on a Premium registry whose public access is disabled and which has no export ' +
        'pipelines. Absent means enabled; statuses are compared case-insensitively.',
      remediation:
        'On Premium, with public access disabled and export pipelines removed: `az acr update -n <registry> ' +
        '--allow-exports false --public-network-enabled false` (ARM: `properties.policies.exportPolicy.status: disabled`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-012',
      seed: seedFromDesign(['R1', 'R10']),
      azurePolicy: ['524b0254-c285-4903-bee6-bb8126cde579'],
      mcsb: ['DP-2'],
    }),
    messages: {
      exportEnabled:
        'Export is {{status}}: images can be copied out of the registry with az acr import or export pipelines, bypassing its network restrictions.',
      publicAccess:
        'Export is disabled but public network access is {{access}}: the policy requires both, as export can only stay off on a private-only registry.',
    },
  },
  check(registry, ctx) {
    const v = registry.view;
    const status = v.get('policies.exportPolicy.status');
    if (!status.is('disabled')) {
      const value = status.str();
      ctx.report({ messageId: 'exportEnabled', pointer: status.pointer, data: { status: value === undefined ? 'not set (enabled)' : `'${value}'` } });
      return;
    }
    const pna = v.get('publicNetworkAccess');
    if (!pna.is('Disabled')) ctx.report({ messageId: 'publicAccess', pointer: pna.pointer, data: { access: pna.str() ?? 'not set (Enabled)' } });
  },
});
