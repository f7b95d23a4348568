import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-117',
    name: 'acr-customer-managed-key',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The registry encrypts its content with a customer-managed key (encryption.status enabled).',
      rationale:
        'Registry content is always encrypted at rest with Microsoft-managed keys. A customer-managed key in Key Vault ' +
        'adds control over the key\'s lifecycle: revoking it makes the content unreadable, and its use is logged. This is ' +
        'compliance-driven (Defender lists it as "Enable if required"): Azure Policy 5b9159ae flags encryption.status != ' +
        'enabled, absent means disabled. CMK needs a (user-assigned) identity and keyVaultProperties.keyIdentifier; a ' +
        'versionless key identifier allows automatic rotation. CMK can only be set when the registry is created, and is ' +
        'incompatible with Docker Content Trust. Set the option required to false where no rule demands CMK.',
      remediation:
        'Create the registry with `az acr create … --sku Premium --identity <identity id> --key-encryption-key <versionless key id>` ' +
        '(ARM: `properties.encryption: {status: enabled, keyVaultProperties: {keyIdentifier, identity}}`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-017',
      seed: seedFromDesign(['C3']),
      azurePolicy: ['5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580'],
      defender: ['af560c4d-9c05-e073-b9f1-f7a94958ff25'],
      mcsb: ['DP-5'],
    }),
    options: {
      required: {
        type: 'boolean',
        description: 'Whether a customer-managed key is required (compliance-driven); when false a registry without one is an info note.',
        default: true,
      },
    },
    messages: {
      noCmk: 'The registry is not encrypted with a customer-managed key (encryption status: {{status}}): its keys are Microsoft-managed.',
    },
  },
  check(registry, ctx) {
    const status = registry.view.get('encryption.status');
    if (status.is('enabled')) return;
    const value = status.str();
    ctx.report({
      messageId: 'noCmk',
      pointer: status.pointer,
      data: { status: value === undefined ? 'not set, default disabled' : `'${value}'` },
      ...(ctx.options.required === false ? { severity: 'info' as const } : {}),
    });
  },
});
