import { testControl } from '../../../test/control-tester.js';
import control from './aks-no-pod-managed-identity.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: no podIdentityProfile', file: 'aks.json', yaml: arm({ securityProfile: { workloadIdentity: { enabled: true } } }) },
    { name: 'az: pod identity disabled', file: 'aks.json', yaml: az({ podIdentityProfile: { enabled: false, userAssignedIdentities: null } }) },
  ],
  invalid: [
    {
      name: 'ARM: pod-managed identity enabled',
      file: 'aks.json',
      yaml: arm({ podIdentityProfile: { enabled: true, allowNetworkPluginKubenet: false } }),
      errors: [{ messageId: 'enabled', pointer: '/properties/podIdentityProfile/enabled' }],
    },
    {
      name: 'az: pod-managed identity enabled as the string "true"',
      file: 'aks.json',
      yaml: az({ podIdentityProfile: { enabled: 'true' } }),
      errors: [{ messageId: 'enabled', pointer: '/podIdentityProfile/enabled' }],
    },
  ],
});
