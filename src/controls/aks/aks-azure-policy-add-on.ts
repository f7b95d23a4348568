import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-115',
    name: 'aks-azure-policy-add-on',
    surface: 'cluster',
    severity: 'high',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The Azure Policy add-on (Gatekeeper) is installed and enabled on the AKS cluster.',
      rationale:
        'The Azure Policy add-on runs Gatekeeper in the cluster; it is what enforces or audits every in-cluster policy: the ' +
        'pod security baseline and restricted initiatives, allowed registries, and Deployment Safeguards (CLU-145). Without it ' +
        'those assignments exist in Azure but nothing checks the pods. Azure Policy 0a15ec92 and the Defender for Cloud ' +
        'recommendation "AKS clusters should have the Azure Policy add-on for Kubernetes installed" fail when ' +
        'addonProfiles.azurePolicy.enabled is absent or false; a8eff44f deploys it. Real responses spell the key `azurepolicy`, ' +
        'aliases `azurePolicy`: it is looked up case-insensitively.',
      remediation:
        '`az aks enable-addons --addons azure-policy` (ARM: `properties.addonProfiles.azurepolicy.enabled: true`), then assign ' +
        'the pod security initiatives to the cluster scope.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-015',
      seed: seedFromDesign(['C9', 'D12']),
      azurePolicy: ['0a15ec92-a229-4763-bb14-0ea34a568f8d', 'a8eff44f-8c92-45c3-a3fb-9880802d67a7'],
      defender: ['08e628db-e2ed-4793-bc91-d13e684401c3'],
      mcsb: ['PV-2'],
    }),
    messages: {
      disabled:
        'The Azure Policy add-on is not enabled: no in-cluster policy (pod security standards, allowed images, Deployment ' +
        'Safeguards) is enforced or audited on this cluster.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('addonProfiles.azurePolicy.enabled');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'disabled', pointer: flag.pointer });
  },
});
