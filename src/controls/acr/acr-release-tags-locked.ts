import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl, formatMessage } from '../define.js';

/** The not-evaluated reason, also kept as the control's message so `palisade explain` shows what it needs. */
const NEEDS =
  'needs the release tags\' attributes: az acr repository show -n {{registry}} --image <repository>:<tag> -o json ' +
  '(or az acr manifest show-metadata -r {{registry}} -n <repository>:<tag> -o json) for changeableAttributes.writeEnabled';

export default defineControl({
  meta: {
    id: 'REG-121',
    name: 'acr-release-tags-locked',
    surface: 'registry',
    severity: 'medium',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    awaitsInput: 'the changeable attributes of release tags (az acr repository show --image)',
    docs: {
      summary: 'Release tags are locked against overwrite (writeEnabled false) (needs the tags\' attributes).',
      rationale:
        'A tag is a mutable pointer: anyone with push rights can make "app:1.4.2" point at different content, and ' +
        'clusters that deploy by tag silently run it. Locking a release tag (changeableAttributes.writeEnabled false, and ' +
        'deleteEnabled false) makes it immutable in the registry, the registry-side complement of deploying by digest. ' +
        'Tag attributes are data-plane state, not part of `az acr show`; Palisade does not read them yet, so the control ' +
        'says what it needs and never passes silently.',
      remediation:
        'Lock each release tag after it is pushed: `az acr repository update -n <registry> --image <repository>:<tag> ' +
        '--write-enabled false --delete-enabled false`.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-021',
      seed: seedFromDesign(['R7', 'R11']),
    }),
    messages: { needsInput: NEEDS },
  },
  check(registry, ctx) {
    ctx.notEvaluated(formatMessage(NEEDS, { registry: '<registry>' }));
  },
});
