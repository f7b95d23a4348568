import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-141',
    name: 'aks-pod-sandboxing',
    surface: 'node',
    severity: 'info',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    stability: 'experimental',
    docs: {
      summary: 'Compliance profile "untrusted workloads": at least one node pool offers pod sandboxing (Kata VM isolation).',
      rationale:
        'Containers share the node kernel, so a kernel exploit in one pod reaches every pod on the node. Pod sandboxing ' +
        '(workloadRuntime KataVmIsolation, runtimeClassName kata-vm-isolation) runs each pod in its own lightweight VM with ' +
        'its own kernel, which is what untrusted or multi-tenant code needs. Only clusters that run such workloads need ' +
        'it, so this control is off unless enabled in the policy (or profile all); when it runs, a cluster without a ' +
        'sandboxing pool fails.',
      remediation:
        '`az aks nodepool add … --os-sku AzureLinux --workload-runtime KataVmIsolation` (ARM: ' +
        '`agentPoolProfiles[].workloadRuntime: "KataVmIsolation"`) and schedule untrusted pods with ' +
        '`runtimeClassName: kata-vm-isolation`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-041',
      seed: seedFromDesign(['C6', 'A3', 'A7']),
    }),
    messages: {
      noSandbox: 'No node pool runs workloadRuntime KataVmIsolation: untrusted workloads cannot be isolated in their own VM kernel.',
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    // "KataMshvVmIsolation" is the preview name of the same runtime.
    if (cluster.pools.some((p) => p.view.get('workloadRuntime').is('KataVmIsolation', 'KataMshvVmIsolation'))) return;
    ctx.report({ messageId: 'noSandbox', pointer: cluster.view.get('agentPoolProfiles').pointer });
  },
});
