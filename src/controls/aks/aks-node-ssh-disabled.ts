import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-123',
    name: 'aks-node-ssh-disabled',
    surface: 'node',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'SSH to AKS nodes is disabled (or limited to Microsoft Entra ID sign-in) on every node pool.',
      rationale:
        'Node pools accept SSH with the cluster\'s local admin key unless securityProfile.sshAccess says otherwise: an ' +
        'absent value means LocalUser. A leaked or shared key gives root on the node, outside Kubernetes RBAC and audit ' +
        'logs. Azure Policy 28257686 counts pools whose sshAccess is absent or LocalUser. "Disabled" turns SSH off; ' +
        '"EntraId" (preview) requires Entra sign-in and is compliant too. Use `kubectl debug node/…` for troubleshooting.',
      remediation:
        '`az aks nodepool update -g <rg> --cluster-name <cluster> -n <pool> --ssh-access disabled` (or `--ssh-access entraid`); ' +
        'ARM: `agentPoolProfiles[].securityProfile.sshAccess: "Disabled"`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-023',
      seed: seedFromDesign(['N1', 'N4']),
      azurePolicy: ['28257686-e9db-403e-b9e2-a5eecbe03da9'],
      mcsb: ['PA-7'],
    }),
    messages: {
      localUser:
        "Node pool '{{nodePool}}' allows SSH with the local admin key (sshAccess {{sshAccess}}): a leaked key gives root on its nodes outside Kubernetes RBAC.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    for (const pool of cluster.pools) {
      const access = pool.view.get('securityProfile.sshAccess');
      if (access.is('Disabled', 'EntraId')) continue;
      const value = access.str();
      ctx.report({
        messageId: 'localUser',
        pointer: access.pointer,
        data: { nodePool: pool.name, sshAccess: value === undefined ? 'absent, so LocalUser' : `'${value}'` },
      });
    }
  },
});
