import { azureFrameworks } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** The CLI default interval: one week. Longer intervals keep unused vulnerable images on nodes longer. */
const WEEK_HOURS = 168;

export default defineControl({
  meta: {
    id: 'CLU-117',
    name: 'aks-image-cleaner',
    surface: 'cluster',
    severity: 'low',
    appliesTo: ['azure.aks'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Image Cleaner (Eraser) removes unused, vulnerable images from the nodes at least weekly.',
      rationale:
        'Images no longer used by any pod stay in the node\'s container store, with their vulnerabilities: they show up in ' +
        'scans, and a pod can be started from them again without a pull (imagePullPolicy IfNotPresent). Image Cleaner ' +
        '(securityProfile.imageCleaner) runs Eraser to remove unused images with known vulnerabilities. Azure Policy "AKS ' +
        'Clusters should enable Image Cleaner" (af3c26b2; DINE 7e49285c) fails when enabled is absent or false. intervalHours ' +
        'defaults to one week (168) in the CLI, minimum 24 and maximum about 3 months; a longer interval than a week is reported ' +
        'as a warning.',
      remediation:
        '`az aks update --enable-image-cleaner --image-cleaner-interval-hours 168` (ARM: `properties.securityProfile.' +
        'imageCleaner: { enabled: true, intervalHours: 168 }`).',
    },
    frameworks: azureFrameworks({
      catalog: 'AKS-017',
      seed: ['R6', 'A1'],
      azurePolicy: ['af3c26b2-6fad-493e-9236-9c68928516ab', '7e49285c-4bed-4564-b26a-5225ccc311f3'],
      mcsb: ['PV-6'],
    }),
    messages: {
      disabled:
        'Image Cleaner is not enabled (securityProfile.imageCleaner.enabled is not true): unused images with known ' +
        'vulnerabilities stay on the nodes and can be started again without a pull.',
      longInterval:
        'Image Cleaner runs only every {{hours}} hours, more than a week: unused vulnerable images stay on the nodes longer than ' +
        'the recommended weekly cleanup.',
    },
  },
  check(cluster, ctx) {
    const cleaner = cluster.view.get('securityProfile.imageCleaner');
    const enabled = cleaner.get('enabled');
    if (enabled.bool() !== true) {
      ctx.report({ messageId: 'disabled', pointer: enabled.pointer });
      return;
    }
    const interval = cleaner.get('intervalHours');
    const hours = interval.num();
    if (hours !== undefined && hours > WEEK_HOURS) {
      ctx.report({ messageId: 'longInterval', pointer: interval.pointer, data: { hours }, severity: 'low' });
    }
  },
});
