import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';
import { fqdnPoliciesEnabled } from './aks-advanced-container-networking.js';

const NAT_GATEWAY = ['managedNATGateway', 'userAssignedNATGateway'];

export default defineControl({
  meta: {
    id: 'CLU-126',
    name: 'aks-egress-controlled',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Cluster egress goes through a controlled path (user-defined routing to a firewall), not straight to the Internet.',
      rationale:
        'With outboundType loadBalancer (the default) every pod can open connections to any Internet address through the ' +
        "cluster's public outbound IPs: malware can download tools and exfiltrate data freely. A NAT gateway changes the " +
        'address, not the policy, so it is a warning unless FQDN network policies of Advanced Container Networking limit ' +
        'egress (AKS-027). userDefinedRouting sends egress through your firewall or NVA, where it can be filtered and ' +
        'logged; "none" and "block" (network-isolated clusters) have no default Internet egress at all. Which outbound ' +
        'types count as controlled is the option allowedOutboundTypes.',
      remediation:
        'Route egress through Azure Firewall or an NVA: create the cluster in a subnet whose route table sends 0.0.0.0/0 ' +
        'to the firewall, with `az aks create … --outbound-type userDefinedRouting` (existing clusters: `az aks update ' +
        '--outbound-type userDefinedRouting`), and allow only the FQDNs AKS and your workloads need.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-026',
      seed: seedFromDesign(['A6']),
      mcsb: ['NS-3'],
    }),
    options: {
      allowedOutboundTypes: {
        type: 'string[]',
        description:
          'outboundType values that count as controlled egress (case-insensitive). NAT gateway types not listed here warn unless FQDN policies are on; any other type fails.',
        default: ['userDefinedRouting', 'none', 'block'],
      },
    },
    messages: {
      open: 'Egress is {{outboundType}}: pods can reach any Internet address through public outbound IPs, with nothing to filter or log it.',
      natGateway:
        "Egress goes through a NAT gateway ('{{outboundType}}') with no FQDN network policies: a fixed address, but every Internet destination is still allowed.",
    },
  },
  check(cluster, ctx) {
    const node = cluster.view.get('networkProfile.outboundType');
    const type = node.str();
    const allowed = Array.isArray(ctx.options.allowedOutboundTypes) ? (ctx.options.allowedOutboundTypes as string[]) : [];
    const effective = type ?? 'loadBalancer';
    if (allowed.some((a) => a.toLowerCase() === effective.toLowerCase())) return;
    if (NAT_GATEWAY.some((t) => t.toLowerCase() === effective.toLowerCase())) {
      if (!fqdnPoliciesEnabled(cluster)) {
        ctx.report({ messageId: 'natGateway', pointer: node.pointer, data: { outboundType: effective }, severity: 'medium' });
      }
      return;
    }
    ctx.report({ messageId: 'open', pointer: node.pointer, data: { outboundType: type === undefined ? 'not set, so loadBalancer' : `'${type}'` } });
  },
});
