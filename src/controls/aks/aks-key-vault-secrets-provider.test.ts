import { testControl } from '../../../test/control-tester.js';
import control from './aks-key-vault-secrets-provider.js';

const ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1';
/** An ARM GET body (settings under `properties`; identity and sku beside it). */
const arm = (properties: object, top: object = {}): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', ...top, properties }, null, 2);
/** `az aks show` output (flattened, az acronym case). */
const az = (fields: object): string =>
  JSON.stringify({ id: ID, name: 'aks1', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', resourceGroup: 'rg1', ...fields }, null, 2);

testControl(control, {
  valid: [
    {
      name: 'ARM: add-on enabled',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } } } }),
    },
    { name: 'az: add-on key in another case', file: 'aks.json', yaml: az({ addonProfiles: { azurekeyvaultsecretsprovider: { enabled: true, config: null } } }) },
  ],
  invalid: [
    {
      name: 'ARM: add-on disabled',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: false } } }),
      errors: [{ messageId: 'disabled', pointer: '/properties/addonProfiles/azureKeyvaultSecretsProvider/enabled' }],
    },
    {
      name: 'az: other add-ons only',
      file: 'aks.json',
      yaml: az({ addonProfiles: { azurepolicy: { enabled: true } } }),
      errors: [{ messageId: 'disabled', pointer: '/addonProfiles' }],
    },
    { name: 'ARM: no addonProfiles', file: 'aks.json', yaml: arm({ dnsPrefix: 'aks1' }), errors: [{ messageId: 'disabled', pointer: '/properties' }] },
  ],
});
