import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-111',
    name: 'aks-workload-identity',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Microsoft Entra Workload ID is enabled, together with the OIDC issuer it needs.',
      rationale:
        'Workload identity lets pods obtain Entra tokens for their own managed identity through federated service account ' +
        'tokens, so applications reach Key Vault, storage or databases without secrets in manifests or images and without ' +
        'sharing the node\'s identity. It needs both halves: securityProfile.workloadIdentity.enabled (the webhook that ' +
        'projects the token; Azure Policy "AKS Clusters should enable workload identity", 2cc2e023, checks only this half) ' +
        'and oidcIssuerProfile.enabled (the issuer Entra trusts). Either half alone does not work.',
      remediation:
        '`az aks update --enable-oidc-issuer --enable-workload-identity` (ARM: `properties.oidcIssuerProfile.enabled: true` ' +
        'and `properties.securityProfile.workloadIdentity.enabled: true`), then federate each workload\'s managed identity ' +
        'with its service account.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-011',
      seed: seedFromDesign(['A8', 'D10', 'R9']),
      azurePolicy: ['2cc2e023-0dac-4046-875b-178f683929d5'],
      mcsb: ['IM-3'],
    }),
    messages: {
      workloadIdentityOff:
        'Workload identity is not enabled (securityProfile.workloadIdentity.enabled is not true): pods cannot use federated ' +
        'Entra identities and fall back to secrets or the node identity.',
      oidcIssuerOff:
        'The OIDC issuer is not enabled (oidcIssuerProfile.enabled is not true): without it Entra cannot trust the cluster\'s ' +
        'service account tokens, so workload identity cannot work.',
    },
  },
  check(cluster, ctx) {
    const wi = cluster.view.get('securityProfile.workloadIdentity.enabled');
    const oidc = cluster.view.get('oidcIssuerProfile.enabled');
    if (wi.bool() !== true) ctx.report({ messageId: 'workloadIdentityOff', pointer: wi.pointer });
    if (oidc.bool() !== true) ctx.report({ messageId: 'oidcIssuerOff', pointer: oidc.pointer });
  },
});
