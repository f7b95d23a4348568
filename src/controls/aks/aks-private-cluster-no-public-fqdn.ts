import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-103',
    name: 'aks-private-cluster-no-public-fqdn',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'A private AKS cluster publishes no public DNS name for its API server.',
      rationale:
        'A private cluster keeps its API server off the Internet, but by default (enablePrivateClusterPublicFQDN absent = ' +
        'true) AKS still registers a public FQDN that resolves to the private address. It discloses that the cluster exists ' +
        'and its private IP, and is only needed when clients cannot use the private DNS zone. The stricter setup disables ' +
        'it; that is not possible with `privateDNSZone: none`, which relies on the public name. Only private clusters are ' +
        'checked: for a public cluster CLU-102 (AKS-002) carries the finding.',
      remediation:
        '`az aks update --disable-public-fqdn` (ARM: `properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN: ' +
        'false`), with `privateDNSZone` set to `system` or your own private DNS zone, linked to the networks that reach the cluster.',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-003', seed: ['C4'], mcsb: ['NS-2'] }),
    messages: {
      publicFqdn:
        'The private cluster still publishes a public FQDN for its API server (enablePrivateClusterPublicFQDN is true or ' +
        'absent, which defaults to true), disclosing its private address on public DNS.',
      dnsNone:
        "privateDNSZone is 'none', which works only through the public FQDN: the API server name stays on public DNS; use " +
        "'system' or your own private DNS zone.",
    },
  },
  check(cluster, ctx) {
    const access = cluster.view.get('apiServerAccessProfile');
    if (access.get('enablePrivateCluster').bool() !== true) return;
    const publicFqdn = access.get('enablePrivateClusterPublicFQDN');
    const dnsZone = access.get('privateDNSZone');
    if (publicFqdn.bool() === false) {
      if (dnsZone.is('none')) ctx.report({ messageId: 'dnsNone', pointer: dnsZone.pointer });
      return;
    }
    ctx.report({ messageId: 'publicFqdn', pointer: publicFqdn.pointer });
  },
});
