import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-144',
    name: 'aks-monitoring-and-audit-logs',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The AKS cluster is monitored (Container Insights or managed Prometheus), and its API server audit logs are collected.',
      rationale:
        'Investigating an incident needs to know who did what on the API server (the kube-audit / kube-audit-admin resource ' +
        'logs) and what ran where (Container Insights or Azure Monitor managed Prometheus). The monitoring half is read from ' +
        'the cluster (addonProfiles.omsagent.enabled or azureMonitorProfile.metrics.enabled). The audit-log half lives in ' +
        'a separate resource, the diagnostic settings, which Azure Policy "Resource logs in AKS should be enabled" ' +
        '(245fc9df, AuditIfNotExists) and the Defender recommendation "Diagnostic logs in Kubernetes services should be ' +
        'enabled" check; it is not part of `az aks show`, so this control always reports it as not evaluated rather than ' +
        'passing it silently.',
      remediation:
        'Enable Container Insights (`az aks enable-addons --addons monitoring`) or managed Prometheus (`az aks update ' +
        '--enable-azure-monitor-metrics`), and send the kube-audit-admin (or kube-audit) category to a Log Analytics ' +
        'workspace: `az monitor diagnostic-settings create --resource <cluster-id> --name aks-audit --workspace <workspace-id> ' +
        '--logs \'[{"category":"kube-audit-admin","enabled":true}]\'`.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-044',
      seed: ['C12', 'C13', 'A11'],
      azurePolicy: ['245fc9df-fa96-4414-9a0b-3738c2f7341c'],
      defender: ['bb318338-de6a-42ff-8428-8274c897d564'],
      mcsb: ['LT-3'],
    }),
    messages: {
      noMonitoring:
        'Neither Container Insights (addonProfiles.omsagent) nor managed Prometheus (azureMonitorProfile.metrics) is enabled: ' +
        'the cluster\'s workloads and nodes are not monitored.',
    },
  },
  check(cluster, ctx) {
    const insights = cluster.view.get('addonProfiles.omsagent.enabled');
    const prometheus = cluster.view.get('azureMonitorProfile.metrics.enabled');
    if (insights.bool() !== true && prometheus.bool() !== true) {
      ctx.report({ messageId: 'noMonitoring', pointer: insights.pointer });
    }
    ctx.notEvaluated(
      'API server audit logs (kube-audit / kube-audit-admin) are set in the cluster diagnostic settings, not in the cluster ' +
        'resource: needs the cluster diagnostic settings: az monitor diagnostic-settings list --resource <id> -o json',
    );
  },
});
