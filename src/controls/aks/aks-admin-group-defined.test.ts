import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-admin-group-defined.js';

testControl(control, {
  valid: [
    { name: 'ARM: managed Entra with an admin group', file: 'aks.json', yaml: aksArm({ aadProfile: { managed: true, adminGroupObjectIDs: ['44444444-4444-4444-4444-444444444444'] } }) },
    { name: 'az: managed Entra with an admin group', file: 'aks.json', yaml: aksAz({ aadProfile: { managed: true, adminGroupObjectIDs: ['44444444-4444-4444-4444-444444444444'], adminUsers: null } }) },
    { name: 'no Entra integration: not applicable (CLU-105 reports it)', file: 'aks.json', yaml: aksArm({ enableRBAC: true }) },
    { name: 'legacy AAD v1: not applicable', file: 'aks.json', yaml: aksAz({ aadProfile: { managed: false, serverAppId: '22222222-2222-2222-2222-222222222222' } }) },
  ],
  invalid: [
    {
      name: 'ARM: managed Entra, adminGroupObjectIDs null (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: aksArm({ aadProfile: { managed: true, adminGroupObjectIDs: null, enableAzureRBAC: true } }),
      errors: [{ messageId: 'noAdminGroup', pointer: '/properties/aadProfile' }],
    },
    {
      name: 'az: managed Entra, empty list',
      file: 'aks.json',
      yaml: aksAz({ aadProfile: { managed: true, adminGroupObjectIDs: [] } }),
      errors: [{ messageId: 'noAdminGroup', pointer: '/aadProfile/adminGroupObjectIDs' }],
    },
  ],
});
