import { testControl } from '../../../test/control-tester.js';
import control from './aks-defender-profile.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/ws1';

testControl(control, {
  valid: [
    {
      name: 'ARM: Defender sensor on',
      file: 'aks.json',
      yaml: arm({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: WORKSPACE, securityMonitoring: { enabled: true } } } }),
    },
    { name: 'az: Defender sensor on', file: 'aks.json', yaml: az({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: WORKSPACE, securityMonitoring: { enabled: true } } } }) },
  ],
  invalid: [
    {
      name: 'ARM: securityProfile without defender (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: arm({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 168 } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/securityProfile' }],
    },
    {
      name: 'az: sensor explicitly off',
      file: 'aks.json',
      yaml: az({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: null, securityMonitoring: { enabled: false } } } }),
      errors: [{ messageId: 'disabled', pointer: '/securityProfile/defender/securityMonitoring/enabled' }],
    },
    { name: 'ARM: no securityProfile', file: 'aks.json', yaml: arm({ enableRBAC: true }), errors: [{ messageId: 'disabled', pointer: '/properties' }] },
  ],
});
