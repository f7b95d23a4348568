import { testControl } from '../../../test/control-tester.js';
import control from './aks-standard-load-balancer.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: standard', file: 'aks.json', yaml: arm({ networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'standard' } }) },
    { name: 'az: Standard (enum case differs)', file: 'aks.json', yaml: az({ networkProfile: { loadBalancerSku: 'Standard' } }) },
    { name: 'ARM: absent means standard on current API versions', file: 'aks.json', yaml: arm({ networkProfile: { networkPlugin: 'azure' } }) },
    { name: 'az: no networkProfile', file: 'aks.json', yaml: az({ enableRbac: true }) },
  ],
  invalid: [
    {
      name: 'ARM: basic (the securityprofile example)',
      file: 'aks.json',
      yaml: arm({ networkProfile: { networkPlugin: 'kubenet', loadBalancerSku: 'basic', outboundType: 'loadBalancer' } }),
      errors: [{ messageId: 'basic', pointer: '/properties/networkProfile/loadBalancerSku', data: { sku: 'basic' }, severity: 'info' }],
    },
    {
      name: 'az: Basic',
      file: 'aks.json',
      yaml: az({ networkProfile: { loadBalancerSku: 'Basic' } }),
      errors: [{ messageId: 'basic', pointer: '/networkProfile/loadBalancerSku', data: { sku: 'Basic' } }],
    },
  ],
});
