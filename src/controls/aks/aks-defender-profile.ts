import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-116',
    name: 'aks-defender-profile',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The Microsoft Defender for Containers sensor (Defender profile) is enabled on the AKS cluster.',
      rationale:
        'The Defender sensor collects the node and Kubernetes events Defender for Containers needs to detect run-time threats ' +
        '(crypto miners, reverse shells, privileged container escapes, suspicious API calls) and to map vulnerable images to ' +
        'running pods. Azure Policy "AKS clusters should have Defender profile enabled" (a1840de2; DINE 64def556) and the ' +
        'Defender for Cloud recommendation of that name fail when securityProfile.defender.securityMonitoring.enabled is not ' +
        'true. The Defender plan itself is a subscription setting (Microsoft.Security/pricings/Containers, policy 1c988dd6), ' +
        'not visible in the cluster resource; check it with `az security pricing show -n Containers`.',
      remediation:
        '`az aks update --enable-defender [--defender-config <file with logAnalyticsWorkspaceResourceId>]` (ARM: ' +
        '`properties.securityProfile.defender.securityMonitoring.enabled: true` and `logAnalyticsWorkspaceResourceId`), with ' +
        'the Defender for Containers plan on for the subscription.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-016',
      seed: seedFromDesign(['A11', 'D6', 'N6']),
      azurePolicy: ['a1840de2-8088-4ea8-b153-b4c723e9cb01', '64def556-fbad-4622-930e-72d1d5589bf5', '1c988dd6-ade4-430f-a608-2a3e5b0a6d38'],
      defender: ['56a83a6e-c417-42ec-b567-1e6fcb3d09a9'],
      mcsb: ['LT-1', 'LT-2'],
    }),
    messages: {
      disabled:
        'The Defender for Containers sensor is not enabled (securityProfile.defender.securityMonitoring.enabled is not true): ' +
        'run-time threats in the cluster go undetected.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('securityProfile.defender.securityMonitoring.enabled');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'disabled', pointer: flag.pointer });
  },
});
