import type { AcrRegistrySubject, AksClusterSubject } from '../../model/azure.js';
import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** Private by the landing-zone recommendation: public network access disabled and an approved private endpoint. */
function privacyGaps(registry: AcrRegistrySubject): string[] {
  const gaps: string[] = [];
  const v = registry.view;
  const access = v.get('publicNetworkAccess');
  if (!access.exists || !access.is('Disabled')) gaps.push('public network access is enabled');
  const approved = v.get('privateEndpointConnections').items()
    .some((pe) => pe.get('privateLinkServiceConnectionState.status').is('Approved'));
  if (!approved) gaps.push('no approved private endpoint');
  return gaps;
}

/**
 * The subscription a resource lives in. Template resources have no id: resources of one template are
 * deployed together, so two resources from the same template file share the deployment's subscription.
 */
function sameSubscription(a: AksClusterSubject | AcrRegistrySubject, b: AksClusterSubject | AcrRegistrySubject): boolean | undefined {
  if (a.azure.subscriptionId && b.azure.subscriptionId) return a.azure.subscriptionId.toLowerCase() === b.azure.subscriptionId.toLowerCase();
  if (a.azure.shape === 'template' && b.azure.shape === 'template' && a.source.file === b.source.file) return true;
  return undefined;
}

export default defineControl({
  meta: {
    id: 'REG-150',
    name: 'aks-registry-landing-zone',
    surface: 'registry',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: "Each AKS cluster pulls only from private registries dedicated to its landing-zone subscription.",
      rationale:
        'The AKS landing-zone guidance puts each workload subscription behind its own private Azure Container Registry: ' +
        'reachable only inside the virtual network through Private Link, with public network access disabled (K4, D15), ' +
        'and dedicated to the subscription rather than shared across landing zones (K5, D14), so that one team\'s push ' +
        'rights, network exposure or compromised credentials cannot reach another landing zone\'s workloads. The pull ' +
        'relation is read from AcrPull role assignments on the kubelet identity (what `az aks update --attach-acr` creates), ' +
        'from `az role assignment list` output or role assignments declared in an ARM template scanned with the cluster. ' +
        'Without them the control says it could not evaluate; a registry the cluster pulls from that was not among the ' +
        'inputs is reported as not evaluated too.',
      remediation:
        'Give each landing-zone subscription its own Premium registry with `--public-network-enabled false` and an ' +
        'approved private endpoint in the cluster\'s virtual network; attach it with `az aks update --attach-acr`, and ' +
        'detach registries of other subscriptions. Scan the cluster, its registries and `az role assignment list --all ' +
        '--role AcrPull -o json` together.',
    },
    frameworks: azureFrameworks({
      seed: ['K4', 'K5'],
      azurePolicy: ['0fdf0491-d080-4575-b627-ad0e843cba0f', 'e8eef0a8-67cf-4eb4-9386-14b0e78733d4'],
      mcsb: ['NS-2'],
    }),
    messages: {
      notPrivate: "The cluster pulls from registry '{{registry}}', which is not private: {{gaps}}.",
      otherSubscription: "The cluster pulls from registry '{{registry}}' in another subscription ({{registrySubscription}}): the registry is not dedicated to this landing zone.",
      shared: "Registry '{{registry}}' is shared with clusters of other subscriptions ({{others}}): it is not dedicated to this landing zone.",
    },
  },
  check(cluster, ctx) {
    const estate = ctx.estate;
    const pulls = estate?.pullsOf(cluster) ?? [];
    if (pulls.length === 0) {
      ctx.notEvaluated(
        'needs the registries the cluster pulls from: scan it together with `az role assignment list --all --role AcrPull -o json` ' +
          '(or a template that assigns AcrPull to its kubelet identity) and `az acr show` for each registry',
      );
      return;
    }
    const seen = new Set<string>();
    for (const pull of pulls) {
      const registry = pull.registry;
      if (!registry) {
        ctx.notEvaluated(`the cluster pulls from registry ${pull.registryRef}, which is not among the inputs: needs \`az acr show --ids ${pull.registryRef} -o json\``);
        continue;
      }
      if (seen.has(registry.azure.name)) continue;
      seen.add(registry.azure.name);
      const gaps = privacyGaps(registry);
      if (gaps.length > 0) ctx.report({ messageId: 'notPrivate', pointer: cluster.view.pointer, data: { registry: registry.azure.name, gaps: gaps.join(' and ') } });
      const same = sameSubscription(cluster, registry);
      if (same === false) {
        ctx.report({
          messageId: 'otherSubscription',
          pointer: cluster.view.pointer,
          severity: 'medium',
          data: { registry: registry.azure.name, registrySubscription: registry.azure.subscriptionId ?? 'unknown' },
        });
      } else if (same === undefined) {
        ctx.notEvaluated(`cannot tell whether registry '${registry.azure.name}' is in the cluster's subscription: one of them has no resource id`);
      }
      const others = new Set<string>();
      for (const p of estate?.pullersOf(registry) ?? []) {
        if (p.cluster === cluster) continue;
        if (sameSubscription(p.cluster, cluster) === false) others.add(p.cluster.azure.subscriptionId ?? p.cluster.azure.name);
      }
      if (others.size > 0) {
        ctx.report({ messageId: 'shared', pointer: cluster.view.pointer, severity: 'medium', data: { registry: registry.azure.name, others: [...others].sort().join(', ') } });
      }
    }
  },
});
