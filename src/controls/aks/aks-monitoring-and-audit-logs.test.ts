import { testControl } from '../../../test/control-tester.js';
import control from './aks-monitoring-and-audit-logs.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

// The audit-log half needs the diagnostic settings, which a cluster body never holds: every case also
// reports "not evaluated" for it (valid cases say so with notEvaluated: true).
testControl(control, {
  valid: [
    {
      name: 'ARM: Container Insights on',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws' } } } }),
      notEvaluated: true,
    },
    {
      name: 'az: managed Prometheus on, no Container Insights',
      file: 'aks.json',
      yaml: az({ addonProfiles: { omsAgent: { enabled: false } }, azureMonitorProfile: { metrics: { enabled: true, kubeStateMetrics: null } } }),
      notEvaluated: true,
    },
  ],
  invalid: [
    {
      name: 'ARM: neither Container Insights nor managed Prometheus',
      file: 'aks.json',
      yaml: arm({ azureMonitorProfile: { metrics: { enabled: false } } }),
      errors: [{ messageId: 'noMonitoring', pointer: '/properties', severity: 'low' }],
    },
    {
      name: 'az: Container Insights explicitly off',
      file: 'aks.json',
      yaml: az({ addonProfiles: { omsagent: { enabled: false } } }),
      errors: [{ messageId: 'noMonitoring', pointer: '/addonProfiles/omsagent/enabled' }],
    },
  ],
});
