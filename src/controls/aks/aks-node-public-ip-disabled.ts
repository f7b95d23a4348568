import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-122',
    name: 'aks-node-public-ip-disabled',
    surface: 'node',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'No AKS node pool gives its nodes public IP addresses.',
      rationale:
        'With enableNodePublicIP every node gets its own Internet-facing address, so the kubelet, SSH and any hostPort or ' +
        'hostNetwork pod are one network hop from the Internet, bypassing the load balancer and any egress/ingress ' +
        'firewall. Nodes should only be reachable inside the virtual network. The setting is off by default and has no ' +
        'built-in Azure Policy.',
      remediation:
        'Create a replacement pool without `--enable-node-public-ip` (ARM: `agentPoolProfiles[].enableNodePublicIP: false`), ' +
        'move workloads, and delete the old pool; expose services through a load balancer or ingress instead.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-022',
      seed: seedFromDesign(['N1', 'N4', 'B2']),
      mcsb: ['NS-1'],
    }),
    messages: {
      publicIp: "Node pool '{{nodePool}}' gives every node a public IP: the kubelet, SSH and host ports are exposed to the Internet.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    for (const pool of cluster.pools) {
      const setting = pool.view.get('enableNodePublicIP');
      if (setting.bool() === true) ctx.report({ messageId: 'publicIp', pointer: setting.pointer, data: { nodePool: pool.name } });
    }
  },
});
