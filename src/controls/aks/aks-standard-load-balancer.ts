import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-146',
    name: 'aks-standard-load-balancer',
    surface: 'cluster',
    severity: 'info',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The AKS cluster uses the Standard load balancer SKU, not the retired Basic SKU.',
      rationale:
        'The Basic load balancer was retired on 2025-09-30: it gets no support or fixes, has no SLA, cannot use availability ' +
        'zones, and AKS features such as authorized IP ranges, multiple node pools and managed outbound IPs need Standard. ' +
        'A retired component is a supportability problem rather than a direct exposure, which is why the catalog rates it ' +
        'info. networkProfile.loadBalancerSku absent means Standard, the default of every current API version.',
      remediation:
        'Migrate with `az aks update --load-balancer-sku standard` where supported, or create a new cluster (ARM: ' +
        '`properties.networkProfile.loadBalancerSku: "standard"`) and move the workloads.',
    },
    // The catalog gives no seed item (supportability); a retired platform component is C10's "supported platform" concern.
    frameworks: azureFrameworks({ catalog: 'AKS-046', seed: ['C10'] }),
    messages: {
      basic:
        "The cluster uses the '{{sku}}' load balancer SKU, retired on 2025-09-30: it has no support, fixes or SLA; migrate to " +
        'Standard.',
    },
  },
  check(cluster, ctx) {
    const sku = cluster.view.get('networkProfile.loadBalancerSku');
    if (!sku.exists || sku.is('standard')) return;
    ctx.report({ messageId: 'basic', pointer: sku.pointer, data: { sku: sku.str() ?? '' } });
  },
});
