import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-105',
    name: 'aks-entra-id-integration',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The AKS cluster uses AKS-managed Microsoft Entra ID integration for user authentication.',
      rationale:
        'Without Entra ID integration the only user credentials are the cluster certificates handed out by `az aks get-' +
        'credentials --admin`: long-lived, shared, not tied to a person, and outside conditional access and MFA. AKS-managed ' +
        'Entra integration (aadProfile.managed: true) authenticates every kubectl user with Entra ID. Azure Policy "AKS Clusters ' +
        'should enable Microsoft Entra ID integration" (450d2877) fails when aadProfile is absent. The legacy Entra integration ' +
        '(AAD v1: aadProfile with clientAppID/serverAppID and managed not true) relies on app registrations and a server app ' +
        'secret that you must rotate; Microsoft documents the migration to the managed integration, so it fails too.',
      remediation:
        '`az aks update --enable-aad --aad-admin-group-object-ids <group-id>` (also migrates a legacy AAD v1 cluster); ARM: ' +
        '`properties.aadProfile: { managed: true, adminGroupObjectIDs: [...] }`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-005',
      seed: ['C2'],
      azurePolicy: ['450d2877-ebea-41e8-b00c-e286317d21bf'],
      mcsb: ['IM-1'],
    }),
    messages: {
      missing:
        'The cluster has no Entra ID integration (aadProfile absent): users authenticate with shared cluster certificates ' +
        'that bypass Entra ID, MFA and conditional access.',
      legacy:
        'The cluster uses the legacy Entra ID integration (AAD v1 with client and server app registrations), which depends on ' +
        'an app secret you must rotate: migrate to AKS-managed Entra ID integration.',
      notManaged:
        'aadProfile.managed is not true: the cluster does not use AKS-managed Entra ID integration for user authentication.',
    },
  },
  check(cluster, ctx) {
    const aad = cluster.view.get('aadProfile');
    if (!aad.exists) {
      ctx.report({ messageId: 'missing', pointer: aad.pointer });
      return;
    }
    const managed = aad.get('managed');
    if (managed.bool() === true) return;
    const legacy = ['clientAppID', 'serverAppID'].map((k) => aad.get(k)).find((n) => n.str() !== undefined && n.str() !== '');
    if (legacy) ctx.report({ messageId: 'legacy', pointer: legacy.pointer });
    else ctx.report({ messageId: 'notManaged', pointer: managed.pointer });
  },
});
