import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-secret-rotation.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: rotation on (config values are strings)',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true', rotationPollInterval: '2m' } } } }),
    },
    { name: 'az: rotation on, "True"', file: 'aks.json', yaml: aksAz({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'True' } } } }) },
    {
      name: 'add-on disabled: not evaluated here (CLU-113 carries it)',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: false, config: { enableSecretRotation: 'false' } } } }),
    },
    { name: 'no add-on at all: nothing', file: 'aks.json', yaml: aksAz({ addonProfiles: null }) },
  ],
  invalid: [
    {
      name: 'ARM: add-on enabled, rotation "false"',
      file: 'aks.json',
      yaml: aksArm({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'false' } } } }),
      errors: [{ messageId: 'noRotation', pointer: '/properties/addonProfiles/azureKeyvaultSecretsProvider/config/enableSecretRotation' }],
    },
    {
      name: 'az: add-on enabled, config null',
      file: 'aks.json',
      yaml: aksAz({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: null } } }),
      errors: [{ messageId: 'noRotation', pointer: '/addonProfiles/azureKeyvaultSecretsProvider' }],
    },
  ],
});
