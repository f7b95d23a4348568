import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-136',
    name: 'aks-no-unsafe-sysctls',
    surface: 'node',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'No node pool lets pods set unsafe sysctls.',
      rationale:
        'Kubernetes only lets pods set namespaced "safe" sysctls. kubeletConfig.allowedUnsafeSysctls (such as ' +
        '`kernel.shm*`, `kernel.msg*`, `net.*`) lets any pod scheduled there change kernel parameters that are not ' +
        'isolated per pod or that affect the whole node, which can break other workloads or weaken network and memory ' +
        'protections. Pod Security baseline forbids unsafe sysctls, so a pool that allows them is only useful to pods ' +
        'that break the baseline.',
      remediation:
        'Recreate the pool without `allowedUnsafeSysctls` in its `--kubelet-config`; if a workload truly needs one, give it ' +
        'a dedicated, tainted pool and an explicit exemption.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-036',
      seed: seedFromDesign(['B3', 'C9']),
      mcsb: ['PV-2'],
    }),
    messages: {
      unsafe: "Node pool '{{nodePool}}' lets pods set unsafe sysctls ({{sysctls}}): they can change kernel settings shared by the whole node.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    for (const pool of cluster.pools) {
      const list = pool.view.get('kubeletConfig.allowedUnsafeSysctls');
      // An expression in place of the list is not evaluated.
      list.str();
      const sysctls = list.strings();
      if (sysctls.length > 0) ctx.report({ messageId: 'unsafe', pointer: list.pointer, data: { nodePool: pool.name, sysctls: sysctls.join(', ') } });
    }
  },
});
