import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-134',
    name: 'aks-node-trusted-launch',
    surface: 'node',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Node pools use Trusted Launch: Secure Boot and a virtual TPM.',
      rationale:
        'Secure Boot lets only signed boot loaders, kernels and drivers start, which stops boot kits and rootkits that ' +
        'survive reimaging; the vTPM measures the boot chain so that Defender and attestation can see a tampered node. ' +
        'Both are off unless set on the pool (securityProfile.enableSecureBoot and enableVTPM), and Azure Container ' +
        'Linux requires them.',
      remediation:
        '`az aks nodepool add … --enable-secure-boot --enable-vtpm` (Gen2 VM sizes), or `az aks nodepool update … ' +
        '--enable-secure-boot --enable-vtpm`; ARM: `agentPoolProfiles[].securityProfile.{enableSecureBoot,enableVTPM}: true`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-034',
      seed: seedFromDesign(['N2', 'C7']),
      mcsb: ['ES-2'],
    }),
    messages: {
      notTrusted: "Node pool '{{nodePool}}' does not use Trusted Launch ({{missing}} off): boot-level malware on its nodes can go unnoticed.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    for (const pool of cluster.pools) {
      const secureBoot = pool.view.get('securityProfile.enableSecureBoot');
      const vtpm = pool.view.get('securityProfile.enableVTPM');
      const missing = [secureBoot.bool() === true ? '' : 'Secure Boot', vtpm.bool() === true ? '' : 'vTPM'].filter(Boolean);
      if (missing.length === 0) continue;
      const pointer = secureBoot.bool() === true ? vtpm.pointer : secureBoot.pointer;
      ctx.report({ messageId: 'notTrusted', pointer, data: { nodePool: pool.name, missing: missing.join(' and ') } });
    }
  },
});
