import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

const KUBENET_RETIREMENT = '2028-03-31';

export default defineControl({
  meta: {
    id: 'CLU-125',
    name: 'aks-azure-cni',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The cluster uses Azure CNI (overlay or VNet), not kubenet.',
      rationale:
        'kubenet gives pods addresses behind node NAT with user-defined routes, supports no Azure network policy engine ' +
        'beyond Calico, no Cilium dataplane and none of the newer network security features, and it retires on ' +
        '2028-03-31. Azure CNI (networkPlugin "azure", VNet or overlay mode) is the supported plugin. Azure Policy 46238e2f ' +
        'flags any networkPlugin other than "azure", bring-your-own CNI ("none") included.',
      remediation:
        'Migrate in place: `az aks update -g <rg> -n <cluster> --network-plugin azure --network-plugin-mode overlay` ' +
        '(kubenet to Azure CNI Overlay), then consider `--network-dataplane cilium`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-025',
      seed: seedFromDesign(['C4']),
      azurePolicy: ['46238e2f-3f6f-4589-9f3f-77bed4116e67'],
      mcsb: ['NS-1'],
    }),
    messages: {
      kubenet: 'The cluster uses kubenet, which {{when}} on {{retires}} and lacks the Azure CNI network security features: migrate to Azure CNI Overlay.',
      other: "networkPlugin is '{{networkPlugin}}', not Azure CNI: the cluster's pod networking is outside what AKS supports and secures.",
      unset: 'networkPlugin is not set, and older API versions then create kubenet clusters: set networkPlugin "azure" (overlay) explicitly.',
    },
  },
  check(cluster, ctx) {
    const plugin = cluster.view.get('networkProfile.networkPlugin');
    if (plugin.is('azure')) return;
    if (plugin.is('kubenet')) {
      const when = ctx.now.toISOString().slice(0, 10) > KUBENET_RETIREMENT ? 'retired' : 'retires';
      ctx.report({ messageId: 'kubenet', pointer: plugin.pointer, data: { when, retires: KUBENET_RETIREMENT } });
      return;
    }
    const value = plugin.str();
    if (value === undefined) ctx.report({ messageId: 'unset', pointer: plugin.pointer });
    else ctx.report({ messageId: 'other', pointer: plugin.pointer, data: { networkPlugin: value } });
  },
});
