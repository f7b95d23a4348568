import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-monitoring-and-audit-logs.js';

// The audit-log half needs the diagnostic settings, which a cluster body never holds: every case also
// reports "not evaluated" for it (valid cases say so with notEvaluated: true).
testControl(control, {
  valid: [
    {
      name: 'ARM: Container Insights on',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws' } } } }),
      notEvaluated: true,
    },
    {
      name: 'az: managed Prometheus on, no Container Insights',
      file: 'aks.json',
      yaml: aksAz({ addonProfiles: { omsAgent: { enabled: false } }, azureMonitorProfile: { metrics: { enabled: true, kubeStateMetrics: null } } }),
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'ARM: neither Container Insights nor managed Prometheus',
      file: 'aks.json',
      yaml: aksArm({ azureMonitorProfile: { metrics: { enabled: false } } }),
      errors: [{ messageId: 'noMonitoring', pointer: '/properties', severity: 'low' }],
    },
    {
      name: 'az: Container Insights explicitly off',
      file: 'aks.json',
      yaml: aksAz({ addonProfiles: { omsagent: { enabled: false } } }),
      errors: [{ messageId: 'noMonitoring', pointer: '/addonProfiles/omsagent/enabled' }],
    },
  ],
});
