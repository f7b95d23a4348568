import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'CLU-118',
    name: 'aks-image-integrity',
    surface: 'cluster',
    severity: 'info',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Image Integrity (signature verification of images at admission, preview) is enabled on the AKS cluster.',
      rationale:
        'Image Integrity runs Ratify with the Azure Policy add-on to admit only images whose Notary Project (notation) ' +
        'signatures verify, so an image pushed to the registry by someone other than the build pipeline cannot run. It is a ' +
        'preview feature (feature flag EnableImageIntegrityPreview) that appears as securityProfile.imageIntegrity.enabled only ' +
        'in preview API versions, delivered by the initiative "[Preview]: Use Image Integrity to ensure only trusted images are ' +
        'deployed" (af28bf8b-c669-4dd3-9137-1e68fdc61bd6) with members 5dc99dae (deploy Image Integrity), a8eff44f (policy ' +
        'add-on) and cf426bb8 (only notation-signed images). Because it is preview, an absent setting is reported as ' +
        'information only.',
      remediation:
        'Register the preview feature and assign the Image Integrity initiative (or `properties.securityProfile.' +
        'imageIntegrity.enabled: true` on a preview API version), sign images with notation in the pipeline, and configure ' +
        'the verification policy.',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-018',
      seed: ['R3', 'R11', 'A9'],
      azurePolicy: ['5dc99dae-cfb2-42cc-8762-9aae02b74e27', 'cf426bb8-b320-4321-8545-1b784a5df3a4'],
    }),
    messages: {
      notEnabled:
        'Image Integrity (preview) is not enabled: image signatures are not verified when pods are admitted, so any image ' +
        'that reaches the registry can run.',
    },
  },
  check(cluster, ctx) {
    const flag = cluster.view.get('securityProfile.imageIntegrity.enabled');
    if (flag.bool() === true) return;
    ctx.report({ messageId: 'notEnabled', pointer: flag.pointer, severity: 'info' });
  },
});
