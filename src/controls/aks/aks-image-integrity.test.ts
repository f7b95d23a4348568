import { testControl } from '../../../test/control-tester.js';
import control from './aks-image-integrity.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM (preview API): enabled', file: 'aks.json', yaml: arm({ securityProfile: { imageIntegrity: { enabled: true } } }) },
    { name: 'az: enabled', file: 'aks.json', yaml: az({ securityProfile: { imageIntegrity: { enabled: true }, workloadIdentity: { enabled: true } } }) },
  ],
  invalid: [
    {
      name: 'ARM: absent (stable API versions do not show it): information only',
      file: 'aks.json',
      yaml: arm({ securityProfile: { workloadIdentity: { enabled: true } } }),
      errors: [{ messageId: 'notEnabled', pointer: '/properties/securityProfile', severity: 'info' }],
    },
    {
      name: 'az: explicitly disabled',
      file: 'aks.json',
      yaml: az({ securityProfile: { imageIntegrity: { enabled: false } } }),
      errors: [{ messageId: 'notEnabled', pointer: '/securityProfile/imageIntegrity/enabled', severity: 'info' }],
    },
  ],
});
