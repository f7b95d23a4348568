import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl, formatMessage } from '../define.js';

/** The not-evaluated reason, also kept as the control's message so `palisade explain` shows what it needs. */
const NEEDS =
  "needs the registry's diagnostic settings (ContainerRegistryLoginEvents, ContainerRegistryRepositoryEvents): " +
  'az monitor diagnostic-settings list --resource {{registryId}} -o json';

export default defineControl({
  meta: {
    id: 'REG-123',
    name: 'acr-audit-logs',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    awaitsInput: 'the registry diagnostic settings (az monitor diagnostic-settings list)',
    docs: {
      summary: 'Registry login and repository events are sent to a log destination (needs the diagnostic settings).',
      rationale:
        'Without resource logs there is no record of who authenticated to the registry or who pushed, pulled or deleted ' +
        'which image: a leaked credential or an overwritten release cannot be investigated. The categories ' +
        'ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents must be enabled in a diagnostic setting ' +
        '(Azure provides a DeployIfNotExists policy in the Monitoring category). Diagnostic settings are not part of ' +
        '`az acr show`; Palisade does not read them yet, so the control says what it needs and never passes silently.',
      remediation:
        '`az monitor diagnostic-settings create --resource <registry id> -n registry-audit --workspace <workspace id> ' +
        '--logs \'[{"category":"ContainerRegistryLoginEvents","enabled":true},{"category":"ContainerRegistryRepositoryEvents","enabled":true}]\'`.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-023',
      seed: seedFromDesign(['R8', 'C12']),
      mcsb: ['LT-3'],
    }),
    messages: { needsInput: NEEDS },
  },
  check(registry, ctx) {
    ctx.notEvaluated(formatMessage(NEEDS, { registryId: '<registry id>' }));
  },
});
