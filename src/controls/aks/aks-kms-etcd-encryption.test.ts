import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-kms-etcd-encryption.js';

const KEY = 'https://kv1.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef';
const VAULT = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1';

testControl(control, {
  valid: [
    {
      name: 'ARM: KMS with a private key vault',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { azureKeyVaultKms: { enabled: true, keyId: KEY, keyVaultNetworkAccess: 'Private', keyVaultResourceId: VAULT } } }),
    },
    {
      name: 'az: new data-encryption experience (infrastructureEncryption Enabled, platform keys)',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { kubernetesResourceObjectEncryptionProfile: { infrastructureEncryption: 'enabled' } } }),
    },
    {
      name: 'az: KMS private (enum case differs)',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { azureKeyVaultKms: { enabled: true, keyId: KEY, keyVaultNetworkAccess: 'private', keyVaultResourceId: VAULT } } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: no KMS (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { workloadIdentity: { enabled: true } } }),
      errors: [{ messageId: 'notEncrypted', pointer: '/properties/securityProfile' }],
    },
    {
      name: 'az: KMS off and infrastructureEncryption Disabled',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { azureKeyVaultKms: { enabled: false }, kubernetesResourceObjectEncryptionProfile: { infrastructureEncryption: 'Disabled' } } }),
      errors: [{ messageId: 'notEncrypted', pointer: '/securityProfile/azureKeyVaultKms/enabled' }],
    },
    {
      name: 'ARM: KMS on with a public key vault: a warning',
      file: 'aks.json',
      yaml: aksArm({ securityProfile: { azureKeyVaultKms: { enabled: true, keyId: KEY, keyVaultNetworkAccess: 'Public' } } }),
      errors: [{ messageId: 'publicKeyVault', pointer: '/properties/securityProfile/azureKeyVaultKms/keyVaultNetworkAccess', severity: 'low' }],
    },
    {
      name: 'az: KMS on, network access absent (API default Public): a warning',
      file: 'aks.json',
      yaml: aksAz({ securityProfile: { azureKeyVaultKms: { enabled: true, keyId: KEY } } }),
      errors: [{ messageId: 'publicKeyVault', pointer: '/securityProfile/azureKeyVaultKms', severity: 'low' }],
    },
  ],
});
