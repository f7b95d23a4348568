import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl, formatMessage } from '../define.js';

/** The not-evaluated reason, also kept as the control's message so `palisade explain` shows what it needs. */
const NEEDS = "needs the registry's cache rules: az acr cache list -r {{registry}} -o json";

export default defineControl({
  meta: {
    id: 'REG-120',
    name: 'acr-cache-rules-controlled',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    awaitsInput: 'the registry cache rules (az acr cache list)',
    docs: {
      summary: 'The registry has no pull-through cache rules, or only rules to allow-listed upstreams (needs the cache rule list).',
      rationale:
        'A cache rule (artifact cache) makes the registry fetch images from an upstream such as Docker Hub on first pull ' +
        'and serve them as its own: content from outside enters the trusted registry without passing the build pipeline, ' +
        'its scans or its signatures. Azure Policy 84497762 audits registries that allow cache rule creation. Cache rules ' +
        '(registries/cacheRules) are not part of `az acr show`; Palisade does not read them yet, so the control says what ' +
        'it needs and never passes silently.',
      remediation:
        'Review `az acr cache list -r <registry>` and delete rules to upstreams you do not trust: `az acr cache delete -r ' +
        '<registry> -n <rule>`; import vetted base images through the pipeline instead.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-020',
      seed: seedFromDesign(['R5', 'B6']),
      azurePolicy: ['84497762-32b6-4ab3-80b6-732ea48b85a2'],
    }),
    messages: { needsInput: NEEDS },
  },
  check(registry, ctx) {
    ctx.notEvaluated(formatMessage(NEEDS, { registry: '<registry>' }));
  },
});
