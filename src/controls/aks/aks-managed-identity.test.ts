import { AKS_ID, aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-managed-identity.js';

/** What the azure-cli recordings hold: the real "msi" clientId was scrubbed to a GUID. */
const SCRUBBED = { clientId: '00000000-0000-0000-0000-000000000001' };

testControl(control, {
  valid: [
    {
      name: 'ARM: system-assigned identity passes although the scrubbed clientId is not "msi"',
      file: 'aks.json',
      yaml: aksArm({ servicePrincipalProfile: SCRUBBED }, { identity: { type: 'SystemAssigned', principalId: '00000000-0000-0000-0000-000000000001' } }),
    },
    {
      name: 'az: user-assigned identity (enum case differs)',
      file: 'aks.json',
      yaml: aksAz({ servicePrincipalProfile: SCRUBBED, identity: { type: 'userassigned', userAssignedIdentities: { [`${AKS_ID}-id`]: {} } } }),
    },
    { name: 'ARM: no identity block but the clientId is "msi"', file: 'aks.json', yaml: aksArm({ servicePrincipalProfile: { clientId: 'msi' } }) },
    { name: 'az: identity None but the clientId is "MSI"', file: 'aks.json', yaml: aksAz({ identity: { type: 'None' }, servicePrincipalProfile: { clientId: 'MSI' } }) },
  ],
  invalid: [
    {
      name: 'ARM: service principal (the legacy-insecure example)',
      file: 'aks.json',
      yaml: aksArm({ servicePrincipalProfile: { clientId: 'clientid' } }),
      errors: [{ messageId: 'servicePrincipal', pointer: '/properties/servicePrincipalProfile/clientId' }],
    },
    {
      name: 'az: identity type None with a service principal',
      file: 'aks.json',
      yaml: aksAz({ identity: { type: 'None' }, servicePrincipalProfile: { clientId: '55555555-5555-5555-5555-555555555555' } }),
      errors: [{ messageId: 'servicePrincipal', pointer: '/servicePrincipalProfile/clientId' }],
    },
    {
      name: 'ARM: neither an identity nor a service principal',
      file: 'aks.json',
      yaml: aksArm({ dnsPrefix: 'aks1' }),
      errors: [{ messageId: 'noIdentity', pointer: '' }],
    },
    {
      name: 'az: identity type None and no service principal',
      file: 'aks.json',
      yaml: aksAz({ identity: { type: 'None' }, servicePrincipalProfile: null }),
      errors: [{ messageId: 'noIdentity', pointer: '/identity/type' }],
    },
  ],
});
