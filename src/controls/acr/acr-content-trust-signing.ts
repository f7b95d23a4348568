import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-114',
    name: 'acr-content-trust-signing',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Images are signed with Notary Project (notation) signatures, not the deprecated Docker Content Trust.',
      rationale:
        'Signatures prove that an image was built by your pipeline and not replaced in the registry. The registry\'s ' +
        'trustPolicy is Docker Content Trust (DCT): `az acr config content-trust` is deprecated and DCT "will be ' +
        'completely removed on March 31, 2028" (aka.ms/acr/dctdeprecation); it is also Premium-only and incompatible ' +
        'with customer-managed keys. An enabled DCT policy is reported as information so the migration is planned. Its ' +
        'replacement, Notary Project signatures stored as OCI referrers, cannot be seen in the registry\'s ARM JSON, so ' +
        'the control always says it could not verify signing: check the referrers, and enforce verification in AKS with ' +
        'Image Integrity or Ratify (AKS-018).',
      remediation:
        'Sign in the pipeline with notation and the Azure Key Vault plugin (`notation sign <registry>.azurecr.io/<repo>@<digest>`), ' +
        'verify with `notation verify` or `az acr manifest list-referrers`, enforce with AKS Image Integrity, then turn DCT ' +
        'off: `az acr config content-trust update -r <registry> --status disabled`.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-014',
      seed: seedFromDesign(['R3', 'R11', 'A9']),
      mcsb: ['DS-6'],
    }),
    messages: {
      dctEnabled:
        'Docker Content Trust is enabled: DCT is deprecated and will be removed on 2028-03-31; migrate signing to Notary Project (notation).',
    },
  },
  check(registry, ctx) {
    const status = registry.view.get('policies.trustPolicy.status');
    if (status.is('enabled')) ctx.report({ messageId: 'dctEnabled', pointer: status.pointer, severity: 'info' });
    ctx.notEvaluated(
      `needs the images' Notary Project signatures, which registry JSON does not show: az acr manifest list-referrers -r <registry> ` +
        '-n <repository>:<tag> -o json (or notation verify); enforce them at deployment with AKS Image Integrity (AKS-018)',
    );
  },
});
