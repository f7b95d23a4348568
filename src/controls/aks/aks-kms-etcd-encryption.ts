import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-119',
    name: 'aks-kms-etcd-encryption',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Kubernetes Secrets in etcd are encrypted with a Key Management Service (KMS) key.',
      rationale:
        'Without KMS, Secrets are stored in etcd protected only by the platform\'s disk encryption: anyone who obtains an etcd ' +
        'snapshot or backup reads them in clear. KMS envelope encryption wraps them with a key you control. Two settings ' +
        'count: the KMS integration with your Key Vault key (securityProfile.azureKeyVaultKms.enabled) or the newer ' +
        'data-encryption experience (securityProfile.kubernetesResourceObjectEncryptionProfile.infrastructureEncryption: ' +
        '"Enabled", preview, Kubernetes 1.33+, platform- or customer-managed keys). Azure Policy "AKS Clusters should enable ' +
        'Key Management Service (KMS)" (dbbdc317) checks only the first. With Key Vault KMS, keyVaultNetworkAccess ' +
        '"Private" (the vault behind private link) is preferred; "Public", the API default when absent, is reported as a warning.',
      remediation:
        '`az aks update --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id> --azure-keyvault-kms-key-vault-' +
        'network-access Private --azure-keyvault-kms-key-vault-resource-id <vault-id>` (ARM: `properties.securityProfile.' +
        'azureKeyVaultKms`).',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-019',
      seed: ['C3', 'A8'],
      azurePolicy: ['dbbdc317-9734-4dd8-9074-993b29c69008'],
      mcsb: ['DP-5'],
    }),
    messages: {
      notEncrypted:
        'Secrets in etcd are not encrypted with KMS (neither securityProfile.azureKeyVaultKms.enabled nor ' +
        'kubernetesResourceObjectEncryptionProfile.infrastructureEncryption is on): an etcd backup exposes every Secret.',
      publicKeyVault:
        'The KMS key vault is reached over public network access (keyVaultNetworkAccess is Public or absent): prefer a ' +
        'private key vault (keyVaultNetworkAccess: Private).',
    },
  },
  check(cluster, ctx) {
    const sec = cluster.view.get('securityProfile');
    const kms = sec.get('azureKeyVaultKms');
    const kmsOn = kms.get('enabled').bool() === true;
    const infra = sec.get('kubernetesResourceObjectEncryptionProfile.infrastructureEncryption');
    if (!kmsOn && !infra.is('Enabled')) {
      ctx.report({ messageId: 'notEncrypted', pointer: kms.get('enabled').pointer });
      return;
    }
    if (!kmsOn) return;
    const access = kms.get('keyVaultNetworkAccess');
    if (!access.exists || access.is('Public')) {
      ctx.report({ messageId: 'publicKeyVault', pointer: access.pointer, severity: 'low' });
    }
  },
});
