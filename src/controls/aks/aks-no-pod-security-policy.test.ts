import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-pod-security-policy.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: absent', file: 'aks.json', yaml: arm({ enableRBAC: true }) },
    { name: 'az: false', file: 'aks.json', yaml: az({ enablePodSecurityPolicy: false }) },
    { name: 'az: null (az prints unset values)', file: 'aks.json', yaml: az({ enablePodSecurityPolicy: null, enableRbac: true }) },
  ],
  invalid: [
    {
      name: 'ARM: legacy PodSecurityPolicy enabled: information',
      file: 'aks.json',
      yaml: arm({ enablePodSecurityPolicy: true }),
      errors: [{ messageId: 'enabled', pointer: '/properties/enablePodSecurityPolicy', severity: 'info' }],
    },
    { name: 'az: enabled', file: 'aks.json', yaml: az({ enablePodSecurityPolicy: true }), errors: [{ messageId: 'enabled', pointer: '/enablePodSecurityPolicy', severity: 'info' }] },
  ],
});
