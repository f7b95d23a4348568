import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-107',
    name: 'aks-local-accounts-disabled',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Local (certificate) accounts are disabled on the AKS cluster, so every user authenticates with Entra ID.',
      rationale:
        'While local accounts are enabled, anyone allowed to call `az aks get-credentials --admin` (listClusterAdminCredential) ' +
        'receives a cluster-admin certificate that is not tied to a person, cannot be revoked short of rotating the cluster ' +
        'certificates, and bypasses Entra ID, MFA and conditional access. Azure Policy "AKS Clusters should have local ' +
        'authentication methods disabled" (993c2fcd) fails when disableLocalAccounts is not true; absent means false. With ' +
        'Entra integration, members of adminGroupObjectIDs still get admin through Entra; without Entra integration and with ' +
        'local accounts disabled nobody can authenticate, so enable CLU-105 first.',
      remediation:
        '`az aks update --disable-local-accounts` (ARM: `properties.disableLocalAccounts: true`) on a cluster with AKS-managed ' +
        'Entra ID integration; then rotate the cluster certificates (`az aks rotate-certs`) to invalidate issued admin credentials.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-007',
      seed: ['C2', 'C1', 'C12'],
      azurePolicy: ['993c2fcd-2b29-49d2-9eb0-df2c3a730c32'],
      mcsb: ['IM-1', 'PA-7'],
    }),
    messages: {
      enabled:
        'Local accounts are enabled (disableLocalAccounts is not true): a cluster-admin certificate can be obtained that ' +
        'bypasses Entra ID and cannot be traced to a person.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('disableLocalAccounts');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'enabled', pointer: flag.pointer });
  },
});
