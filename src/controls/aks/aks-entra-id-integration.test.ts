import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-entra-id-integration.js';

testControl(control, {
  valid: [
    { name: 'ARM: AKS-managed Entra ID', file: 'aks.json', yaml: aksArm({ aadProfile: { managed: true, enableAzureRBAC: true, tenantID: '72f988bf-86f1-41af-91ab-2d7cd011db47' } }) },
    { name: 'az: AKS-managed Entra ID (az case)', file: 'aks.json', yaml: aksAz({ aadProfile: { managed: true, enableAzureRbac: false, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', adminGroupObjectIDs: null } }) },
  ],
  invalid: [
    { name: 'ARM: no aadProfile', file: 'aks.json', yaml: aksArm({ enableRBAC: true }), errors: [{ messageId: 'missing', pointer: '/properties' }] },
    { name: 'az: aadProfile null', file: 'aks.json', yaml: aksAz({ enableRbac: true, aadProfile: null }), errors: [{ messageId: 'missing', pointer: '' }] },
    {
      name: 'ARM: legacy AAD v1 with client and server app registrations',
      file: 'aks.json',
      yaml: aksArm({ aadProfile: { clientAppID: '11111111-1111-1111-1111-111111111111', serverAppID: '22222222-2222-2222-2222-222222222222', tenantID: '33333333-3333-3333-3333-333333333333' } }),
      errors: [{ messageId: 'legacy', pointer: '/properties/aadProfile/clientAppID' }],
    },
    {
      name: 'az: legacy AAD v1, managed false, az case serverAppId only',
      file: 'aks.json',
      yaml: aksAz({ aadProfile: { managed: false, clientAppId: null, serverAppId: '22222222-2222-2222-2222-222222222222' } }),
      errors: [{ messageId: 'legacy', pointer: '/aadProfile/serverAppId' }],
    },
    {
      name: 'ARM: aadProfile without managed and without app registrations',
      file: 'aks.json',
      yaml: aksArm({ aadProfile: { tenantID: '33333333-3333-3333-3333-333333333333' } }),
      errors: [{ messageId: 'notManaged', pointer: '/properties/aadProfile' }],
    },
  ],
});
