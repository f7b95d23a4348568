import { testControl } from '../../../test/control-tester.js';
import control from './aks-disk-encryption-cmk.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`). */
const arm = (properties: object, extra: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...extra, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

const DES = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Compute/diskEncryptionSets/des';

testControl(control, {
  valid: [
    { name: 'ARM: diskEncryptionSetID set (the legacy REST example)', file: 'aks.json', yaml: arm({ diskEncryptionSetID: DES }) },
    { name: 'az: diskEncryptionSetId (az acronym case)', file: 'aks.json', yaml: az({ diskEncryptionSetId: DES }) },
  ],
  invalid: [
    { name: 'ARM: absent', file: 'aks.json', yaml: arm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'platformKeys', pointer: '/properties' }] },
    {
      name: 'ARM: empty string (Azure Policy 7d7be79c counts it as absent)',
      file: 'aks.json',
      yaml: arm({ diskEncryptionSetID: '' }),
      errors: [{ messageId: 'platformKeys', pointer: '/properties/diskEncryptionSetID' }],
    },
    { name: 'az: null', file: 'aks.json', yaml: az({ diskEncryptionSetId: null }), errors: [{ messageId: 'platformKeys', pointer: '' }] },
  ],
});
