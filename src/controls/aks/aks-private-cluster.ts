import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-102',
    name: 'aks-private-cluster',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The AKS cluster is a private cluster: its API server has no public endpoint (strict profile).',
      rationale:
        'A private cluster exposes the API server only on a private endpoint in the virtual network, so it cannot be reached ' +
        'from the Internet at all, whatever the authorized IP ranges say. This is the strict form of CLU-101 (AKS-001), which ' +
        'also accepts a public endpoint limited to authorized IP ranges. Azure Policy "Azure Kubernetes Service Private ' +
        'Clusters should be enabled" (040732e8, Audit) is non-compliant whenever enablePrivateCluster is not true. The catalog ' +
        'rates this medium and makes it a profile choice: lower or disable it in the policy where authorized IP ranges are ' +
        'the accepted design. Private mode can only be chosen when the cluster is created.',
      remediation:
        'Create the cluster with `az aks create --enable-private-cluster` (ARM: `properties.apiServerAccessProfile.' +
        'enablePrivateCluster: true`), or migrate workloads to a new private cluster; reach it through a jump host, VPN, ' +
        'ExpressRoute or `az aks command invoke`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-002',
      seed: seedFromDesign(['D1', 'C4']),
      azurePolicy: ['040732e8-d947-40b8-95d6-854c95024bf8'],
      mcsb: ['NS-2'],
    }),
    messages: {
      notPrivate: 'The cluster is not a private cluster: its API server has a public endpoint reachable from the Internet.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('apiServerAccessProfile.enablePrivateCluster');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'notPrivate', pointer: flag.pointer });
  },
});
