import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-104',
    name: 'aks-run-command-disabled',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Run command (`az aks command invoke`) is disabled on the AKS cluster.',
      rationale:
        '`az aks command invoke` lets any ARM caller with the right Azure role run kubectl and arbitrary commands inside the ' +
        'cluster through a pod AKS creates for them. It bypasses the private-network restriction of a private cluster and the ' +
        'network paths to the API server, which is the reason Azure Policy "AKS Clusters should disable Command Invoke" ' +
        '(89f2d532) gives; its remediation policy 1b708b0a deploys the setting. The setting is disableRunCommand; absent means ' +
        'run command is enabled.',
      remediation:
        '`az aks update --disable-run-command` (ARM: `properties.apiServerAccessProfile.disableRunCommand: true`); give ' +
        'operators a jump host or VPN path instead.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-004',
      seed: ['N4', 'C12'],
      azurePolicy: ['89f2d532-c53c-4f8f-9afa-4927b1114a0d', '1b708b0a-3380-40e9-8b79-821f9fa224cc'],
      mcsb: ['PA-7'],
    }),
    messages: {
      enabled:
        'Run command is enabled (disableRunCommand is not true): Azure callers can run commands inside the cluster through ' +
        'ARM, bypassing private-network access to the API server.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('apiServerAccessProfile.disableRunCommand');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'enabled', pointer: flag.pointer });
  },
});
