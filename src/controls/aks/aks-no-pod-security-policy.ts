import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-143',
    name: 'aks-no-pod-security-policy',
    surface: 'cluster',
    severity: 'info',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The legacy PodSecurityPolicy (preview) setting is not used on the AKS cluster.',
      rationale:
        'enablePodSecurityPolicy turned on the Kubernetes PodSecurityPolicy admission controller, a preview feature in AKS. ' +
        'PodSecurityPolicy was removed from Kubernetes in 1.25 and the AKS preview was deprecated (Azure Policy 3abeb944 is ' +
        'deprecated too): a cluster still carrying the flag relies on pod security that current Kubernetes versions no longer ' +
        'enforce. Pod security is now enforced with the Azure Policy add-on initiatives or Deployment Safeguards (CLU-115, ' +
        'CLU-145), or Pod Security Admission labels.',
      remediation:
        'Remove the setting (`az aks update --disable-pod-security-policy` with the aks-preview extension, or drop ' +
        '`properties.enablePodSecurityPolicy` from the template) and enforce pod security with the Azure Policy pod security ' +
        'initiatives or Pod Security Admission.',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-043', seed: ['C9'], azurePolicy: ['3abeb944-26af-43ee-b83d-32aaf060fb94'] }),
    messages: {
      enabled:
        'The legacy PodSecurityPolicy setting is enabled (enablePodSecurityPolicy: true): PodSecurityPolicy was removed in ' +
        'Kubernetes 1.25, so it does not protect current clusters.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('enablePodSecurityPolicy');
    if (flag.bool() === true) ctx.report({ messageId: 'enabled', pointer: flag.pointer, severity: 'info' });
  },
});
