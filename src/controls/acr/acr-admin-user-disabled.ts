import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-101',
    name: 'acr-admin-user-disabled',
    surface: 'registry',
    severity: 'high',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: "The registry's local admin user is disabled.",
      rationale:
        'The admin user is one shared user name with two long-lived passwords that grant push and pull on every ' +
        'repository. It is tied to no person or workload, cannot be scoped, is not covered by Entra ID conditional access, ' +
        'and tends to end up in pipelines and kubeconfigs. Azure Policy dc921057 flags adminUserEnabled == true; with it ' +
        'disabled the registry relies on Entra ID identities (managed identities, workload identity) only. Absent means false.',
      remediation:
        '`az acr update -n <registry> --admin-enabled false` (ARM: `properties.adminUserEnabled: false`), after moving ' +
        'pushers and pullers to Entra ID identities with AcrPush/AcrPull or the repository-scoped ABAC roles.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-001',
      seed: seedFromDesign(['R8']),
      azurePolicy: ['dc921057-6b28-4fbe-9b83-f7bec05db6c2', '79fdfe03-ffcb-4e55-b4d0-b925b8241759'],
      mcsb: ['IM-1'],
    }),
    messages: {
      adminEnabled:
        'The admin user is enabled: a shared, unscoped password grants push and pull on every repository outside Entra ID.',
    },
  },
  check(registry, ctx) {
    const admin = registry.view.get('adminUserEnabled');
    if (admin.bool() === true) ctx.report({ messageId: 'adminEnabled', pointer: admin.pointer });
  },
});
