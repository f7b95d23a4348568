import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-114',
    name: 'aks-secret-rotation',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The Key Vault secrets provider add-on refreshes mounted secrets (autorotation).',
      rationale:
        'Without autorotation a secret mounted from Key Vault is read once when the pod starts: after a rotation in Key Vault ' +
        'pods keep the old value until they restart, which delays revoking a leaked credential. The setting is the add-on ' +
        'config string enableSecretRotation = "true" (rotationPollInterval, default 2m, is optional). Only evaluated when the ' +
        'add-on is enabled; CLU-113 reports a cluster without it.',
      remediation:
        '`az aks addon update --addon azure-keyvault-secrets-provider --enable-secret-rotation [--rotation-poll-interval 2m]` ' +
        '(ARM: `properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation: "true"`).',
    },
    frameworks: azureFrameworks({ catalog: 'AKS-014', seed: ['A8'], mcsb: ['DP-7'] }),
    messages: {
      noRotation:
        'Secret autorotation is off for the Key Vault secrets provider (config.enableSecretRotation is not "true"): pods keep ' +
        'old secret values after they are rotated or revoked in Key Vault.',
    },
  },
  check(cluster, ctx) {
    const addon = cluster.view.get('addonProfiles.azureKeyvaultSecretsProvider');
    if (addon.get('enabled').bool() !== true) return;
    const rotation = addon.get('config.enableSecretRotation');
    if (rotation.bool() === true) return;
    ctx.report({ messageId: 'noRotation', pointer: rotation.pointer });
  },
});
