import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-108',
    name: 'aks-kubernetes-rbac-enabled',
    surface: 'cluster',
    severity: 'critical',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Kubernetes RBAC is enabled on the AKS cluster.',
      rationale:
        'With Kubernetes RBAC disabled every authenticated identity, including every service account token, is allowed every ' +
        'action on every resource: any compromised pod owns the cluster. Azure Policy "Role-Based Access Control (RBAC) should ' +
        'be used on Kubernetes Services" (ac4a19c2) and the Defender for Cloud recommendation of the same name fail only when ' +
        'enableRBAC is explicitly false; absent means RBAC on, the default of every current API version.',
      remediation:
        'RBAC cannot be switched on in place: create a new cluster with RBAC (the default; do not pass `--disable-rbac`, ARM ' +
        '`properties.enableRBAC: true`) and move the workloads.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-008',
      seed: ['C1'],
      azurePolicy: ['ac4a19c2-fa67-49b4-8ae5-0b2e78c49457'],
      defender: ['b0fdc63a-38e7-4bab-a7c4-2c2665abbaa9'],
      mcsb: ['PA-7'],
    }),
    messages: {
      disabled:
        'Kubernetes RBAC is disabled (enableRBAC: false): every authenticated identity, including any pod\'s service account, ' +
        'may do anything in the cluster.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('enableRBAC');
    if (flag.bool() === false) ctx.report({ messageId: 'disabled', pointer: flag.pointer });
  },
});
