import { testControl } from '../../../test/control-tester.js';
import control from './aks-secret-rotation.js';

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
      name: 'ARM: rotation on (config values are strings)',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true', rotationPollInterval: '2m' } } } }),
    },
    { name: 'az: rotation on, "True"', file: 'aks.json', yaml: az({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'True' } } } }) },
    {
      name: 'add-on disabled: not evaluated here (CLU-113 carries it)',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: false, config: { enableSecretRotation: 'false' } } } }),
    },
    { name: 'no add-on at all: nothing', file: 'aks.json', yaml: az({ addonProfiles: null }) },
  ],
  invalid: [
    {
      name: 'ARM: add-on enabled, rotation "false"',
      file: 'aks.json',
      yaml: arm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'false' } } } }),
      errors: [{ messageId: 'noRotation', pointer: '/properties/addonProfiles/azureKeyvaultSecretsProvider/config/enableSecretRotation' }],
    },
    {
      name: 'az: add-on enabled, config null',
      file: 'aks.json',
      yaml: az({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: null } } }),
      errors: [{ messageId: 'noRotation', pointer: '/addonProfiles/azureKeyvaultSecretsProvider' }],
    },
  ],
});
