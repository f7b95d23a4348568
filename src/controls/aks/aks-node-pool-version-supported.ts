import { compareMinor, minorOf } from '../../azure/calendar.js';
import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';
import {
  firstSet,
  ltsRequested,
  offeredMinor,
  regionOffersLts,
  supportOutcome,
  warnDaysOf,
  warnDaysOption,
} from './aks-kubernetes-version-supported.js';

/** How many minors a node pool may trail its control plane: 3 from 1.28, 2 before. */
function maxSkew(controlPlaneMinor: string): number {
  return compareMinor(controlPlaneMinor, '1.28') < 0 ? 2 : 3;
}

export default defineControl({
  meta: {
    id: 'CLU-129',
    name: 'aks-node-pool-version-supported',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Every node pool runs a supported Kubernetes minor within the allowed skew of the control plane.',
      rationale:
        'Node pools are upgraded separately from the control plane, so a cluster on a supported version can still run ' +
        'kubelets on a minor that gets no security fixes. Each pool version (currentOrchestratorVersion, else ' +
        'orchestratorVersion) goes through the same support calendar as the control plane (catalog §4: N-3 platform ' +
        'support only, N-4 and older unsupported, a warning within warnDays of the end). A pool may trail the control ' +
        'plane by at most 3 minors from Kubernetes 1.28 (2 before), and never be newer: outside that skew the kubelet ' +
        'and API server are an untested, unsupported combination.',
      remediation:
        'Upgrade the pool: `az aks nodepool upgrade -g <rg> --cluster-name <cluster> -n <pool> --kubernetes-version <version>` ' +
        '(or `az aks upgrade` without `--control-plane-only` to upgrade all pools), and enable an auto-upgrade channel.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-029',
      seed: seedFromDesign(['C10']),
      mcsb: ['PV-7'],
    }),
    options: { warnDays: warnDaysOption },
    messages: {
      platformSupport:
        "Node pool '{{nodePool}}' runs Kubernetes {{version}}, which left {{plan}} support on {{endOfSupport}} and has platform support only: no Kubernetes fixes or security patches.",
      unsupported: "Node pool '{{nodePool}}' runs Kubernetes {{version}}, out of all support since {{endOfSupport}}: its kubelets get no fixes.",
      belowCalendar: "Node pool '{{nodePool}}' runs Kubernetes {{version}}, older than every minor in the version calendar (oldest {{oldest}}): out of all support.",
      ending: "Node pool '{{nodePool}}' runs Kubernetes {{version}}, which leaves {{plan}} support on {{endOfSupport}}, in {{daysLeft}} days.",
      newerThanCalendar:
        "Node pool '{{nodePool}}' runs Kubernetes {{minor}}, newer than the version calendar (snapshot {{snapshot}}): refresh the calendar.",
      skew:
        "Node pool '{{nodePool}}' runs {{poolMinor}}, {{skew}} minors behind the control plane ({{controlPlaneMinor}}); at most {{maxSkew}} is supported.",
      newerThanControlPlane:
        "Node pool '{{nodePool}}' runs {{poolMinor}}, newer than the control plane ({{controlPlaneMinor}}): kubelets must not be newer than the API server.",
    },
  },
  check(cluster, ctx) {
    const estate = ctx.estate;
    if (!estate) return;
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    const cpNode = firstSet(cluster.view, 'currentKubernetesVersion', 'kubernetesVersion');
    const cpMinor = cpNode.exists ? minorOf(cpNode.str()) : undefined;
    const lts = ltsRequested(cluster);
    const region = estate.versionsFor(cluster);
    const warnDays = warnDaysOf(ctx.options);

    for (const pool of cluster.pools) {
      const vNode = firstSet(pool.view, 'currentOrchestratorVersion', 'orchestratorVersion');
      // No version: the pool is created on the control plane's version (AKS-028 judges that).
      if (!vNode.exists) continue;
      const version = vNode.str() ?? '';
      const minor = minorOf(version);
      if (!minor) {
        ctx.notEvaluated(`node pool '${pool.name}': orchestratorVersion '${version}' is not a Kubernetes version`);
        continue;
      }
      // Long-term support is a cluster plan; it counts only where the region offers it for the pool's minor.
      const offered = region ? offeredMinor(region.view, minor) : undefined;
      const poolLts = lts && (!offered || regionOffersLts(offered));
      const outcome = supportOutcome(version, minor, poolLts, ctx.now, estate, warnDays);
      if (outcome) {
        ctx.report({ messageId: outcome.messageId, pointer: vNode.pointer, data: { nodePool: pool.name, ...outcome.data }, severity: outcome.severity });
      }
      if (!cpMinor) continue;
      const [cpMajor, cpN] = cpMinor.split('.').map(Number) as [number, number];
      const [major, n] = minor.split('.').map(Number) as [number, number];
      if (cpMajor !== major) continue;
      const skew = cpN - n;
      const data = { nodePool: pool.name, poolMinor: minor, controlPlaneMinor: cpMinor };
      if (skew > maxSkew(cpMinor)) {
        ctx.report({ messageId: 'skew', pointer: vNode.pointer, data: { ...data, skew, maxSkew: maxSkew(cpMinor) } });
      } else if (skew < 0) {
        ctx.report({ messageId: 'newerThanControlPlane', pointer: vNode.pointer, data });
      }
    }
  },
});
