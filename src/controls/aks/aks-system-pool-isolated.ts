import type { AksNodePool } from '../../model/azure.js';
import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** `CriticalAddonsOnly=true:NoSchedule` (NoExecute isolates as well). */
function isCriticalAddonsOnly(taint: string): boolean {
  return /^CriticalAddonsOnly(=true)?:(NoSchedule|NoExecute)$/.test(taint.trim());
}

export default defineControl({
  meta: {
    id: 'NOD-137',
    name: 'aks-system-pool-isolated',
    surface: 'node',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'System node pools are tainted CriticalAddonsOnly=true:NoSchedule and workloads run on separate user pools.',
      rationale:
        'System pools run CoreDNS, konnectivity, metrics-server and the security add-ons (Azure Policy, Defender). If ' +
        'application pods share those nodes, a compromised or runaway workload can starve or attack cluster-critical ' +
        'components. The CriticalAddonsOnly=true:NoSchedule taint keeps ordinary pods off system pools (AKS Automatic ' +
        'sets it; the deployment safeguard e16d171b reserves the taint to system pools), and at least one User pool, or ' +
        'node auto-provisioning (nodeProvisioningProfile.mode Auto), must exist for them to go to. A pool list without ' +
        'any mode is a legacy cluster whose first pool is the system pool.',
      remediation:
        '`az aks nodepool update -g <rg> --cluster-name <cluster> -n <systempool> --node-taints CriticalAddonsOnly=true:NoSchedule` ' +
        'and `az aks nodepool add … --mode User` for workloads (or enable node auto-provisioning).',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-037',
      seed: seedFromDesign(['C5', 'A7']),
    }),
    messages: {
      untainted:
        "System node pool '{{nodePool}}' has no CriticalAddonsOnly=true:NoSchedule taint: application pods can land next to cluster-critical add-ons.",
      noUserPool: 'The cluster has no User node pool and no node auto-provisioning: application pods run on the system pool with cluster-critical add-ons.',
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    const pools = cluster.pools;
    if (pools.length === 0) return;
    const anyMode = pools.some((p) => p.view.get('mode').exists);
    const isSystem = (p: AksNodePool, i: number) => (anyMode ? p.view.get('mode').is('System') : i === 0);
    pools.forEach((pool, i) => {
      if (!isSystem(pool, i)) return;
      const taints = pool.view.get('nodeTaints');
      taints.str();
      if (!taints.strings().some(isCriticalAddonsOnly)) ctx.report({ messageId: 'untainted', pointer: taints.pointer, data: { nodePool: pool.name } });
    });
    const userPool = pools.some((p, i) => !isSystem(p, i) && !p.view.get('mode').is('Gateway'));
    const autoProvisioning = cluster.view.get('nodeProvisioningProfile.mode').is('Auto');
    if (!userPool && !autoProvisioning) ctx.report({ messageId: 'noUserPool', pointer: cluster.view.get('agentPoolProfiles').pointer });
  },
});
