import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** Retirement of Azure Network Policy Manager (networkPolicy "azure"), per node OS (catalog §3). */
const NPM_RETIREMENT = { Windows: '2026-09-30', Linux: '2028-09-30' } as const;

export default defineControl({
  meta: {
    id: 'CLU-124',
    name: 'aks-network-policy-enabled',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The cluster runs a network policy engine (Cilium or Calico), so NetworkPolicy objects are enforced.',
      rationale:
        'Without a network policy engine (networkPolicy absent or "none") Kubernetes accepts NetworkPolicy objects but ' +
        'nothing enforces them: every pod can reach every other pod and namespace, so one compromised pod can move ' +
        'laterally. Cilium (networkDataplane cilium) and Calico enforce policies. Azure Network Policy Manager ("azure") ' +
        'works but is being retired: on Windows nodes on 2026-09-30, on Linux on 2028-09-30; it is a warning before its ' +
        'retirement and a failure after it. The engine is chosen at creation (migration to Cilium is possible in place).',
      remediation:
        'New clusters: `az aks create … --network-plugin azure --network-plugin-mode overlay --network-dataplane cilium`. ' +
        'Existing: `az aks update -g <rg> -n <cluster> --network-dataplane cilium` (from Azure NPM or none), or ' +
        '`--network-policy calico`; then write NetworkPolicies (default deny per namespace).',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-024',
      seed: seedFromDesign(['C4', 'C6', 'A6']),
      mcsb: ['NS-1'],
    }),
    messages: {
      none: 'No network policy engine is enabled (networkPolicy {{networkPolicy}}): NetworkPolicy objects are not enforced and every pod can reach every other.',
      npmRetiring:
        'Network policy is Azure NPM, which is retired for {{os}} nodes on {{retires}}: migrate to Cilium before policies stop being supported.',
      npmRetired:
        'Network policy is Azure NPM, retired for {{os}} nodes since {{retires}}: its policy enforcement no longer gets fixes; migrate to Cilium.',
    },
  },
  check(cluster, ctx) {
    const net = cluster.view.get('networkProfile');
    const policy = net.get('networkPolicy');
    if (policy.is('cilium', 'calico')) return;
    // Azure CNI powered by Cilium enforces policies even when a template leaves networkPolicy unset.
    if (!policy.exists && net.get('networkDataplane').is('cilium')) return;
    if (policy.is('azure')) {
      const windows = cluster.pools.some((p) => p.view.get('osType').is('Windows'));
      const os = windows ? 'Windows' : 'Linux';
      const retires = NPM_RETIREMENT[os];
      const retired = ctx.now.toISOString().slice(0, 10) > retires;
      ctx.report(
        retired
          ? { messageId: 'npmRetired', pointer: policy.pointer, data: { os, retires } }
          : { messageId: 'npmRetiring', pointer: policy.pointer, data: { os, retires }, severity: 'medium' },
      );
      return;
    }
    const value = policy.str();
    ctx.report({ messageId: 'none', pointer: policy.pointer, data: { networkPolicy: value === undefined ? 'absent, so none' : `'${value}'` } });
  },
});
