import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-113',
    name: 'aks-key-vault-secrets-provider',
    surface: 'cluster',
    severity: 'medium',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The Azure Key Vault provider for the Secrets Store CSI driver add-on is enabled.',
      rationale:
        'The azureKeyvaultSecretsProvider add-on mounts secrets, keys and certificates from Azure Key Vault into pods at run ' +
        'time, so they are kept, rotated and audited in Key Vault rather than written into manifests, images or Kubernetes ' +
        'Secrets in source control. There is no built-in Azure Policy for it (PSRule Azure.AKS.SecretStore checks it). The ' +
        'add-on key is looked up case-insensitively.',
      remediation:
        '`az aks enable-addons --addons azure-keyvault-secrets-provider` (ARM: `properties.addonProfiles.' +
        'azureKeyvaultSecretsProvider.enabled: true`), with workload identity (CLU-111) for access to the vaults.',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-013', seed: seedFromDesign(['A8', 'A4', 'D10']), mcsb: ['IM-8'] }),
    messages: {
      disabled:
        'The Key Vault secrets provider add-on is not enabled: applications have no managed way to read secrets from Key ' +
        'Vault and tend to carry them in manifests or Kubernetes Secrets.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('addonProfiles.azureKeyvaultSecretsProvider.enabled');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'disabled', pointer: flag.pointer });
  },
});
