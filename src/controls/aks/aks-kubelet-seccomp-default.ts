import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-135',
    name: 'aks-kubelet-seccomp-default',
    surface: 'node',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: "Linux node pools run every container under the runtime's default seccomp profile unless it asks otherwise.",
      rationale:
        'Pods that set no seccomp profile run Unconfined: every system call is allowed, including the ones container ' +
        'escapes use (unshare, keyctl, bpf…). kubeletConfig.seccompDefault "RuntimeDefault" (AKS preview ' +
        'KubeletDefaultSeccompProfilePreview) makes the runtime default profile the node-wide default, so a workload that ' +
        'forgets its securityContext is still filtered. It does not apply to Windows pools.',
      remediation:
        'Create the pool with a custom kubelet config: `az aks nodepool add … --kubelet-config kubelet.json` where the ' +
        'file holds `{"seccompDefault": "RuntimeDefault"}`; ARM: `agentPoolProfiles[].kubeletConfig.seccompDefault`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-035',
      seed: seedFromDesign(['A10', 'B3', 'D3']),
      mcsb: ['PV-2'],
    }),
    messages: {
      unconfined:
        "Node pool '{{nodePool}}' does not default containers to the RuntimeDefault seccomp profile ({{seccompDefault}}): pods without a profile can make any system call.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    for (const pool of cluster.pools) {
      if (pool.view.get('osType').is('Windows')) continue;
      const setting = pool.view.get('kubeletConfig.seccompDefault');
      if (setting.is('RuntimeDefault')) continue;
      const value = setting.str();
      ctx.report({
        messageId: 'unconfined',
        pointer: setting.pointer,
        data: { nodePool: pool.name, seccompDefault: value === undefined ? 'seccompDefault not set, so Unconfined' : `seccompDefault '${value}'` },
      });
    }
  },
});
