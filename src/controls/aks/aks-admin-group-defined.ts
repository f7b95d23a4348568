import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-109',
    name: 'aks-admin-group-defined',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'A cluster with AKS-managed Entra ID integration names its cluster-admin Entra group(s).',
      rationale:
        'aadProfile.adminGroupObjectIDs lists the Entra groups whose members are cluster-admin. Naming a dedicated, ' +
        'tightly-controlled (and PIM-managed) group keeps cluster administration deliberate and gives a break-glass path that ' +
        'still works when local accounts are disabled. Azure Policy 36a27de4 (DeployIfNotExists) configures the required admin ' +
        'group on Entra-integrated clusters. Only clusters with AKS-managed Entra integration are checked; CLU-105 covers the rest.',
      remediation:
        '`az aks update --aad-admin-group-object-ids <group-object-id>` (ARM: `properties.aadProfile.adminGroupObjectIDs: ' +
        '["<group-object-id>"]`).',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-009',
      seed: ['C1'],
      azurePolicy: ['36a27de4-199b-40fb-b336-945a8475d6c5'],
      mcsb: ['PA-1'],
    }),
    messages: {
      noAdminGroup:
        'No cluster-admin Entra group is defined (aadProfile.adminGroupObjectIDs is empty): cluster administration is not ' +
        'bound to a controlled break-glass group.',
    },
  },
  check(cluster, ctx) {
    const aad = cluster.view.get('aadProfile');
    if (aad.get('managed').bool() !== true) return;
    const groups = aad.get('adminGroupObjectIDs');
    // A whole-list template expression must not read as an empty list.
    if (typeof groups.value === 'string') groups.str();
    if (groups.strings().some((g) => g.trim() !== '')) return;
    ctx.report({ messageId: 'noAdminGroup', pointer: groups.pointer });
  },
});
