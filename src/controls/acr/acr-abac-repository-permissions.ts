import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-105',
    name: 'acr-abac-repository-permissions',
    surface: 'registry',
    severity: 'info',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The registry uses repository-level Entra ID permissions (role assignment mode AbacRepositoryPermissions).',
      rationale:
        'In the legacy mode (LegacyRegistryPermissions, also when roleAssignmentMode is absent) AcrPull and AcrPush apply ' +
        'to the whole registry: a team that may push its own images may overwrite everyone else\'s. In ABAC mode the ' +
        '"Container Registry Repository Reader/Writer/Contributor" roles apply instead, with optional conditions per ' +
        'repository, which is how "developers push only to their repositories" is enforced. Legacy AcrPull/AcrPush/AcrDelete ' +
        'are no longer honoured in ABAC mode, so migrating needs new role assignments first. Microsoft recommends the ' +
        'migration and says ABAC will become the default; this control is advisory.',
      remediation:
        'Grant the repository roles (with repository conditions) to every puller and pusher, then `az acr update -n ' +
        '<registry> --role-assignment-mode rbac-abac` (ARM: `properties.roleAssignmentMode: AbacRepositoryPermissions`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-005',
      seed: seedFromDesign(['R8', 'C1']),
      mcsb: ['PA-7'],
    }),
    messages: {
      legacyPermissions:
        'Role assignment mode is {{mode}}: AcrPull/AcrPush apply to every repository, so permissions cannot be limited per repository.',
    },
  },
  check(registry, ctx) {
    const mode = registry.view.get('roleAssignmentMode');
    if (mode.is('AbacRepositoryPermissions')) return;
    const value = mode.str();
    ctx.report({
      messageId: 'legacyPermissions',
      pointer: mode.pointer,
      data: { mode: value === undefined ? 'not set (LegacyRegistryPermissions)' : `'${value}'` },
      severity: 'info',
    });
  },
});
