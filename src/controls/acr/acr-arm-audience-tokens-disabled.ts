import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'REG-103',
    name: 'acr-arm-audience-tokens-disabled',
    surface: 'registry',
    severity: 'low',
    appliesTo: ['azure.acr'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The registry refuses Entra ID tokens issued for the ARM audience (azureADAuthenticationAsArmPolicy disabled).',
      rationale:
        'By default a registry accepts Entra ID tokens whose audience is Azure Resource Manager as well as tokens for the ' +
        'registry itself. Any ARM token a tool or a compromised workload holds then doubles as a registry credential. ' +
        'Accepting only ACR-audience tokens narrows what a stolen ARM token can reach. Azure Policy 42781ec6 is ' +
        'non-compliant when the policy or its status is absent or enabled, so absent counts as enabled. Policy statuses ' +
        'are lower case (enabled/disabled) and compared case-insensitively. Note that some services (App Service pulls, ' +
        'Defender image scanning) still rely on ARM-audience tokens: check them before disabling.',
      remediation:
        '`az acr config authentication-as-arm update -r <registry> --status disabled` (ARM: ' +
        '`properties.policies.azureADAuthenticationAsArmPolicy.status: disabled`).',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-003',
      seed: seedFromDesign(['R8']),
      azurePolicy: ['42781ec6-6127-4c30-bdfa-fb423a0047d3', '785596ed-054f-41bc-aaec-7f3d0ba05725'],
      mcsb: ['IM-1'],
    }),
    messages: {
      armTokensAccepted:
        'The registry accepts ARM-audience Entra ID tokens ({{status}}): any ARM token a workload holds also works as a registry credential.',
    },
  },
  check(registry, ctx) {
    const status = registry.view.get('policies.azureADAuthenticationAsArmPolicy.status');
    if (status.is('disabled')) return;
    const value = status.str();
    ctx.report({
      messageId: 'armTokensAccepted',
      pointer: status.pointer,
      data: { status: value === undefined ? 'status absent, which means enabled' : `status '${value}'` },
    });
  },
});
