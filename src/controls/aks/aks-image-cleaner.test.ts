import { testControl } from '../../../test/control-tester.js';
import control from './aks-image-cleaner.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    { name: 'ARM: enabled weekly', file: 'aks.json', yaml: arm({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 168 } } }) },
    { name: 'az: enabled daily', file: 'aks.json', yaml: az({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 24 } } }) },
    { name: 'ARM: enabled, interval absent (CLI default one week)', file: 'aks.json', yaml: arm({ securityProfile: { imageCleaner: { enabled: true } } }) },
  ],
  invalid: [
    {
      name: 'ARM: disabled',
      file: 'aks.json',
      yaml: arm({ securityProfile: { imageCleaner: { enabled: false, intervalHours: 168 } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/securityProfile/imageCleaner/enabled', severity: 'low' }],
    },
    { name: 'az: absent', file: 'aks.json', yaml: az({ securityProfile: {} }), errors: [{ messageId: 'disabled', pointer: '/securityProfile' }] },
    {
      name: 'az: enabled but only every 30 days: a warning',
      file: 'aks.json',
      yaml: az({ securityProfile: { imageCleaner: { enabled: true, intervalHours: 720 } } }),
      errors: [{ messageId: 'longInterval', pointer: '/securityProfile/imageCleaner/intervalHours', data: { hours: 720 }, severity: 'low' }],
    },
  ],
});
