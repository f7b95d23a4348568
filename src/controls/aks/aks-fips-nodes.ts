import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'NOD-140',
    name: 'aks-fips-nodes',
    surface: 'node',
    severity: 'info',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    stability: 'experimental',
    docs: {
      summary: 'Compliance profile "FIPS": every node pool runs a FIPS 140 enabled node image.',
      rationale:
        'Regimes such as FedRAMP and US government workloads require FIPS 140 validated cryptographic modules. AKS ' +
        'provides FIPS-enabled node images per pool (enableFIPS), where the OS crypto libraries run in FIPS mode. It is ' +
        'a compliance requirement, not a general hardening measure, so this control is off unless enabled in the policy ' +
        '(or profile all); when it runs, every pool without FIPS fails.',
      remediation:
        'Add pools with `az aks nodepool add … --enable-fips-image` (ARM: `agentPoolProfiles[].enableFIPS: true`), move ' +
        'workloads, and delete the non-FIPS pools (`az aks nodepool update --enable-fips-image` on recent CLI versions).',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-040',
      seed: seedFromDesign(['C3']),
      mcsb: ['DP-3'],
    }),
    messages: {
      notFips: "Node pool '{{nodePool}}' does not run a FIPS-enabled node image, which the FIPS compliance profile requires.",
    },
  },
  check(cluster, ctx) {
    // An unresolvable pool list (a template expression) is not evaluated, never a pass.
    cluster.view.get('agentPoolProfiles').str();
    for (const pool of cluster.pools) {
      const fips = pool.view.get('enableFIPS');
      if (fips.bool() !== true) ctx.report({ messageId: 'notFips', pointer: fips.pointer, data: { nodePool: pool.name } });
    }
  },
});
