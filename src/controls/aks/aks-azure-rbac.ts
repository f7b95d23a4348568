import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-106',
    name: 'aks-azure-rbac',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The AKS cluster uses Azure RBAC for Kubernetes authorization.',
      rationale:
        'With Azure RBAC for Kubernetes authorization (aadProfile.enableAzureRBAC), who may do what in the cluster is granted ' +
        'with Azure role assignments at cluster or namespace scope, managed, reviewed and audited with the rest of the Azure ' +
        'estate; access to a kubeconfig alone then gives nothing, and a test team can be kept out of production by Azure scope. ' +
        'Without it, every cluster keeps its own RoleBindings to Entra users and groups. There is no built-in Azure Policy for ' +
        'this setting (PSRule Azure.AKS.AzureRBAC checks it). It requires AKS-managed Entra ID integration (CLU-105).',
      remediation:
        '`az aks update --enable-aad --enable-azure-rbac` (ARM: `properties.aadProfile.enableAzureRBAC: true`), then grant ' +
        '"Azure Kubernetes Service RBAC Reader/Writer/Admin/Cluster Admin" roles at cluster or namespace scope.',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-006', seed: seedFromDesign(['C1', 'D8', 'C11']), mcsb: ['PA-7', 'IM-1'] }),
    messages: {
      off:
        'Azure RBAC for Kubernetes authorization is off (aadProfile.enableAzureRBAC is not true): cluster permissions are not ' +
        'governed by Azure role assignments, so a kubeconfig is not scoped by Azure RBAC.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('aadProfile.enableAzureRBAC');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'off', pointer: flag.pointer });
  },
});
