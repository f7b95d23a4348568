import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-139',
    name: 'aks-ephemeral-os-disk',
    surface: 'node',
    severity: 'info',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Node pools use ephemeral OS disks.',
      rationale:
        'An ephemeral OS disk lives on the VM host cache or temp disk and is discarded on reimage or deallocation: nothing ' +
        'an attacker or a workload wrote to the node OS disk survives a node image upgrade, and no persistent copy of ' +
        'node data is left in storage. It is also faster. When osDiskType is not set AKS picks Ephemeral only if the VM ' +
        "size's cache or temp disk can hold the OS disk, which only the deployed cluster shows.",
      remediation:
        '`az aks nodepool add … --node-osdisk-type Ephemeral` with a VM size whose cache or temp disk fits the OS disk ' +
        'size; ARM: `agentPoolProfiles[].osDiskType: "Ephemeral"`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-039',
      seed: seedFromDesign(['C6', 'C8']),
    }),
    messages: {
      managed: "Node pool '{{nodePool}}' uses {{osDiskType}} OS disks: node OS state persists in storage across reimages.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    const unset: string[] = [];
    for (const pool of cluster.pools) {
      const type = pool.view.get('osDiskType');
      const value = type.str();
      if (value === undefined) unset.push(`'${pool.name}'`);
      else if (!type.is('Ephemeral')) ctx.report({ messageId: 'managed', pointer: type.pointer, data: { nodePool: pool.name, osDiskType: value } });
    }
    if (unset.length > 0) {
      ctx.notEvaluated(
        `osDiskType is not set for node pool(s) ${unset.join(', ')}: AKS chooses Ephemeral only when the VM size allows it; needs the deployed cluster (\`az aks show -o json\`)`,
      );
    }
  },
});
