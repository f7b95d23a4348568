import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-disk-encryption-cmk.js';

const DES = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Compute/diskEncryptionSets/des';

testControl(control, {
  valid: [
    { name: 'ARM: diskEncryptionSetID set (the legacy REST example)', file: 'aks.json', yaml: aksArm({ diskEncryptionSetID: DES }) },
    { name: 'az: diskEncryptionSetId (az acronym case)', file: 'aks.json', yaml: aksAz({ diskEncryptionSetId: DES }) },
  ],
  invalid: [
    { name: 'ARM: absent', file: 'aks.json', yaml: aksArm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'platformKeys', pointer: '/properties' }] },
    {
      name: 'ARM: empty string (Azure Policy 7d7be79c counts it as absent)',
      file: 'aks.json',
      yaml: aksArm({ diskEncryptionSetID: '' }),
      errors: [{ messageId: 'platformKeys', pointer: '/properties/diskEncryptionSetID' }],
    },
    { name: 'az: null', file: 'aks.json', yaml: aksAz({ diskEncryptionSetId: null }), errors: [{ messageId: 'platformKeys', pointer: '' }] },
  ],
});
