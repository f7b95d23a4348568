import { azureFrameworks, seedFromDesign } from '../azure-shared.js';
import { defineControl } from '../define.js';

/** The system scope maps that grant write on every repository (`_repositories_push_metadata_write` included). */
const BROAD_SCOPE_MAP = /\/scopeMaps\/(_repositories_(?:admin|push)\w*)$/i;

export default defineControl({
  meta: {
    id: 'REG-104',
    name: 'acr-tokens-least-privilege',
    surface: 'registry',
    severity: 'medium',
    appliesTo: ['azure.acr', 'azure.acr-token'],
    stages: ['ci', 'audit'],
    docs: {
      summary:
        'Repository-scoped tokens are disabled (strict), or at least none grants push or admin on every repository and every password expires.',
      rationale:
        'Tokens are local registry credentials: passwords that bypass Entra ID, conditional access and its sign-in logs. ' +
        'A token bound to the system scope map _repositories_admin or _repositories_push can overwrite any image in the ' +
        'registry, and a password without expiry stays valid until someone remembers to rotate it. Azure Policy ff05e24e ' +
        'evaluates the registries/tokens child resources and is non-compliant for every token whose status is not ' +
        'disabled (absent means enabled); the option requireDisabled applies that rule. Tokens are not part of ' +
        '`az acr show`: give `az acr token list -r <registry> -o json` as an extra input, otherwise the control says ' +
        'it could not decide. The actions of custom scope maps (`az acr scope-map list`) are not read.',
      remediation:
        'Disable tokens that are not needed: `az acr token update -n <token> -r <registry> --status disabled`. Bind the ' +
        'others to a custom scope map limited to their repositories and actions (`az acr scope-map create … --repository ' +
        '<repo> content/read`), and give every password an expiry: `az acr token credential generate -n <token> -r ' +
        '<registry> --password1 --expiration-in-days 30`.',
    },
    frameworks: azureFrameworks({
      catalog: 'ACR-004',
      seed: seedFromDesign(['R8', 'R9']),
      azurePolicy: ['ff05e24e-195c-447e-b322-5e90c9f9f366', 'a9b426fe-8856-4945-8600-18c5dd1cca2a'],
      mcsb: ['IM-1'],
    }),
    options: {
      requireDisabled: {
        type: 'boolean',
        description:
          'Strict profile: every enabled token is a finding (Azure Policy ff05e24e). Default false: only tokens with a write-everything scope map or a password without expiry.',
        default: false,
      },
    },
    messages: {
      tokenEnabled: "Token '{{token}}' is enabled: it is a local registry credential outside Entra ID, and the policy requires tokens to be disabled.",
      broadScope:
        "Enabled token '{{token}}' is bound to the system scope map '{{scopeMap}}': its password can push to (or administer) every repository.",
      passwordNoExpiry: "Password '{{password}}' of enabled token '{{token}}' has no expiry: it stays valid until someone rotates it.",
    },
  },
  check(subject, ctx) {
    if (subject.type === 'azure.acr') {
      // Findings go on the token subjects; the registry only says when its tokens were not given.
      if (ctx.estate?.tokensOf(subject) === undefined) {
        ctx.notEvaluated(`needs the registry's tokens: az acr token list -r <registry> -o json`);
      }
      return;
    }
    const token = subject.azure.name;
    const status = subject.view.get('status');
    if (status.is('disabled')) return;
    if (ctx.options.requireDisabled === true) {
      ctx.report({ messageId: 'tokenEnabled', pointer: status.pointer, data: { token } });
      return;
    }
    const scopeMapId = subject.view.get('scopeMapId');
    const broad = BROAD_SCOPE_MAP.exec(scopeMapId.str() ?? '');
    if (broad?.[1]) ctx.report({ messageId: 'broadScope', pointer: scopeMapId.pointer, data: { token, scopeMap: broad[1] } });
    subject.view
      .get('credentials.passwords')
      .items()
      .forEach((pw, i) => {
        if (pw.get('expiry').exists) return;
        ctx.report({ messageId: 'passwordNoExpiry', pointer: pw.pointer, data: { token, password: pw.get('name').str() ?? `#${i + 1}` } });
      });
  },
});
