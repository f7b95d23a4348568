import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-102',
    name: 'acr-anonymous-pull-disabled',
    surface: 'registry',
    severity: 'high',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Anonymous (unauthenticated) pull is disabled on the registry.',
      rationale:
        'With anonymous pull enabled anyone who can reach the registry endpoint can list nothing but pull every image ' +
        'by name, without any identity: internal images, their layers and whatever was baked into them leave the ' +
        'organisation unseen. Azure Policy 9f2dea28 flags anonymousPullEnabled == true. Anonymous pull is only possible ' +
        'on Standard and Premium; absent means false.',
      remediation: '`az acr update -n <registry> --anonymous-pull-enabled false` (ARM: `properties.anonymousPullEnabled: false`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-002',
      seed: seedFromDesign(['R8']),
      azurePolicy: ['9f2dea28-e834-476c-99c5-3507b4728395', 'cced2946-b08a-44fe-9fd9-e4ed8a779897'],
      mcsb: ['IM-1'],
    }),
    messages: {
      anonymousPull: 'Anonymous pull is enabled: anyone who can reach the registry can pull its images without authenticating.',
    },
  },
  check(registry, ctx) {
    const anonymous = registry.view.get('anonymousPullEnabled');
    if (anonymous.bool() === true) ctx.report({ messageId: 'anonymousPull', pointer: anonymous.pointer });
  },
});
