import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-112',
    name: 'aks-no-pod-managed-identity',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The deprecated Entra pod-managed identity add-on is not enabled.',
      rationale:
        'Pod-managed identity (podIdentityProfile) was deprecated on 2022-10-24; its open-source project was archived in ' +
        'September 2023 and the AKS add-on was patched and supported only through September 2025. It intercepts IMDS traffic ' +
        'with a node-level NMI daemon that needs privileged host networking, and known weaknesses let pods obtain other pods\' ' +
        'tokens. Workload identity (CLU-111) replaces it.',
      remediation:
        'Migrate each AzureIdentity to workload identity (federated credentials on the same managed identity), then `az aks ' +
        'update --disable-pod-identity` (aks-preview extension; ARM: `properties.podIdentityProfile.enabled: false`).',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-012', seed: ['A8', 'C7'], mcsb: ['IM-3'] }),
    messages: {
      enabled:
        'The deprecated pod-managed identity add-on is enabled (podIdentityProfile.enabled): it is out of support since ' +
        'September 2025 and relies on a privileged node daemon; migrate to workload identity.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('podIdentityProfile.enabled');
    if (flag.bool() === true) ctx.report({ messageId: 'enabled', pointer: flag.pointer });
  },
});
