import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-key-vault-secrets-provider.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: add-on enabled',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } } } }),
    },
    { name: 'az: add-on key in another case', file: 'aks.json', yaml: aksAz({ addonProfiles: { azurekeyvaultsecretsprovider: { enabled: true, config: null } } }) },
  ],
  invalid: [
    {
      name: 'ARM: add-on disabled',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: false } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/addonProfiles/azureKeyvaultSecretsProvider/enabled' }],
    },
    {
      name: 'az: other add-ons only',
      file: 'aks.json',
      yaml: aksAz({ addonProfiles: { azurepolicy: { enabled: true } } }),
      errors: [{ messageId: 'disabled', pointer: '/addonProfiles' }],
    },
    { name: 'ARM: no addonProfiles', file: 'aks.json', yaml: aksArm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'disabled', pointer: '/properties' }] },
  ],
});
