import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-110',
    name: 'aks-managed-identity',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The AKS cluster uses a managed identity, not a service principal with a secret.',
      rationale:
        'A cluster with a service principal holds its client secret on every node (azure.json) and in the control plane; the ' +
        'secret expires (one year by default, which breaks the cluster) and must be rotated by hand, and a leaked one works ' +
        'from anywhere. A managed identity has no secret to store or rotate. The decision reads identity.type first ' +
        '(SystemAssigned or UserAssigned pass); only without one does it look at servicePrincipalProfile.clientId, which ' +
        'managed-identity clusters report as "msi" (Azure Policy "AKS Clusters should use managed identities", da6e2401, ' +
        'fails when servicePrincipalProfile exists and clientId is not "msi"). Reading identity.type first keeps recordings ' +
        'whose clientId was scrubbed from failing wrongly.',
      remediation:
        '`az aks update --enable-managed-identity` (optionally `--assign-identity <user-assigned-id>`), then `az aks ' +
        'nodepool upgrade --node-image-only` on each pool; ARM: `identity: { type: "SystemAssigned" }`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-010',
      seed: ['C7', 'R9'],
      azurePolicy: ['da6e2401-19da-4532-9141-fb8fbde08431'],
      mcsb: ['IM-3'],
    }),
    messages: {
      servicePrincipal:
        'The cluster uses a service principal instead of a managed identity: its client secret sits on every node and must ' +
        'be rotated by hand before it expires.',
      noIdentity:
        'The cluster declares neither a managed identity (identity.type) nor a managed-identity service principal ' +
        '(clientId "msi"): it does not use a managed identity.',
    },
  },
  check(cluster, ctx) {
    const identity = cluster.view.get('identity');
    const type = identity.get('type');
    const kinds = (type.str() ?? '').split(',').map((s) => s.trim().toLowerCase());
    if (kinds.includes('systemassigned') || kinds.includes('userassigned')) return;
    const clientId = cluster.view.get('servicePrincipalProfile.clientId');
    if (clientId.is('msi')) return;
    if (clientId.exists) ctx.report({ messageId: 'servicePrincipal', pointer: clientId.pointer });
    // identity sits beside `properties`, not in it: an absent one is reported at the resource itself.
    else ctx.report({ messageId: 'noIdentity', pointer: identity.exists ? type.pointer : cluster.view.pointer });
  },
});
