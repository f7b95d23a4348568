import type { DockerInstruction } from '../../model/dockerfile.js';
import { detectAssignment, isPlaceholder, matchSecretValue, printableName, scanText, secretNameKind } from '../../secrets/patterns.js';
import { defineControl } from '../define.js';
import { allInstructions, assignmentsOf, baseName, copyDestination, copySources, fromInstruction, scriptOf } from './dockerfile-shell.js';

/** Well-known files that hold credentials, by base name. */
const SECRET_FILE_NAMES = new Set([
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk',
  '.env', 'credentials.json', 'credential.json', 'credentials.xml', 'client_secret.json', 'service-account.json',
  '.npmrc', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.htpasswd', '.dockercfg', '.pgpass', '.my.cnf',
  'kubeconfig', 'secret_token.rb', 'password.txt', 'passwords.txt', 'terraform.tfstate', 'terraform.tfstate.backup',
]);
/** Path endings that name credential files inside well-known directories. */
const SECRET_PATH_SUFFIXES = ['.docker/config.json', '.aws/credentials', '.kube/config', '.azure/accesstokens.json', '.azure/msal_token_cache.json', '.ssh'];
/** .env.example and friends are templates, not secrets. */
const TEMPLATE_SUFFIX = /\.(?:example|sample|template|dist|defaults?|tpl)$/i;
/** Certificates, CA bundles and public keys share .pem with private keys; these words say it is public. */
const PUBLIC_PEM = /(?:^|[-_.])(?:ca|cacert|cert|certs|certificate|chain|fullchain|bundle|root|roots|public|pub|trust|truststore)(?:[-_.]|$)/i;

function secretFile(path: string): string | undefined {
  const p = path.replace(/\/+$/, '');
  const name = baseName(p).toLowerCase();
  if (name === '' || TEMPLATE_SUFFIX.test(name)) return undefined;
  if (SECRET_FILE_NAMES.has(name)) return name;
  if (/^\.env\.[a-z0-9_-]+$/.test(name)) return name; // .env.production
  if (/\.(?:key|p12|pfx|pkcs12|jks|keystore|tfstate)$/.test(name)) return name;
  if (name.endsWith('.pem') && !PUBLIC_PEM.test(name.slice(0, -4))) return name;
  const lower = p.toLowerCase();
  const suffix = SECRET_PATH_SUFFIXES.find((s) => lower === s || lower.endsWith('/' + s));
  return suffix;
}

export default defineControl({
  meta: {
    id: 'BLD-005',
    name: 'dockerfile-secret-in-env-arg',
    surface: 'build',
    severity: 'critical',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'The Dockerfile puts no secrets in ENV, ARG, RUN or copied files.',
      rationale:
        'ENV values are stored in the image config and shown by `docker inspect` to anyone who can pull the image; ARG ' +
        'values passed with --build-arg are recorded in the image history of every RUN that follows; files copied in stay ' +
        'in their layer even when a later RUN deletes them; and the Dockerfile itself is in Git. Reported: ENV and ARG ' +
        'whose literal value has the shape of a credential or whose name says it is one (…PASSWORD, …TOKEN, API_KEY…; ' +
        'references such as $VAR, paths, URLs without credentials and placeholders are not), ARG names that announce a ' +
        'secret even without a default or with an empty or placeholder one (the value arrives with --build-arg), ENV that ' +
        'keeps such a build argument in the image (ENV NPM_TOKEN=$NPM_TOKEN), credentials written literally in a RUN, and ' +
        'COPY/ADD of well-known secret files (SSH private keys, .env, *.key, private *.pem, .npmrc, .pypirc, .netrc, ' +
        '.git-credentials, credentials.json, kubeconfig, .docker/config.json, .aws/credentials, Terraform state…) or of a ' +
        'heredoc that holds a secret. Every stage counts: the Dockerfile and the build cache keep them. Findings name the ' +
        'variable or file and the kind of secret, never the value.',
      remediation:
        'Pass build-time credentials with BuildKit secret mounts (`RUN --mount=type=secret,id=npm,target=/root/.npmrc npm ci`, ' +
        '`docker build --secret id=npm,src=$HOME/.npmrc`) or SSH mounts (`--mount=type=ssh`), and deliver run-time secrets ' +
        'from Azure Key Vault (Secrets Store CSI driver with Workload ID). Keep secret files out of the build context with ' +
        '.dockerignore. Rotate any credential that was committed or built into an image.',
    },
    frameworks: { seed: ['A4', 'B8', 'B9'], 'cis-docker': ['4.10'] },
    messages: {
      valueShape: "{{instruction}} sets '{{variable}}' to a literal {{kind}} (recognised by its format).",
      secretName: "{{instruction}} sets '{{variable}}' to a literal {{kind}} (the name says it is one).",
      secretArg:
        "ARG '{{variable}}' is a build argument for a {{kind}}: values passed with --build-arg are recorded in the image history; use a secret mount.",
      globalArg: "ARG '{{variable}}' before the first FROM is a build argument for a {{kind}} (in the Dockerfile or the build command line); use a secret mount.",
      envFromArg:
        "ENV '{{variable}}' keeps the build argument '{{argument}}' (a {{kind}}) in the image configuration, where anyone who can pull the image reads it.",
      runValue: 'RUN contains a literal {{kind}}.',
      secretFile: "{{instruction}} copies '{{file}}', a well-known secret file, into the image.",
      heredocSecret: "{{instruction}} writes a {{kind}} into '{{file}}' from a heredoc.",
    },
  },
  check(subject, ctx) {
    /** ARG names declared so far in the current stage: their values are what `$NAME` expands to. */
    let stageArgs = new Set<string>();
    let currentStage: unknown;
    const assignments = (i: DockerInstruction) => {
      for (const { name, value, pointer } of assignmentsOf(i)) {
        if (name === '') continue;
        const variable = printableName(name);
        if (i.keyword === 'ARG') stageArgs.add(name);
        if (value === undefined) {
          if (i.keyword !== 'ARG') continue;
          const kind = secretNameKind(name);
          if (kind) ctx.report({ messageId: 'secretArg', pointer, data: { variable, kind: kind.title } });
          continue;
        }
        const kind = detectAssignment(name, value);
        if (kind) {
          ctx.report({
            messageId: kind.evidence === 'value' ? 'valueShape' : 'secretName',
            pointer,
            data: { instruction: i.keyword, variable, kind: kind.title },
          });
          continue;
        }
        if (i.keyword === 'ARG') {
          // ARG DB_PASSWORD="" or =changeme: a build argument for a secret, whose real value comes with --build-arg.
          const byName = secretNameKind(name);
          if (byName && isPlaceholder(value)) ctx.report({ messageId: 'secretArg', pointer, data: { variable, kind: byName.title } });
          continue;
        }
        // ENV NPM_TOKEN=$NPM_TOKEN: the build argument's value is kept in the image configuration.
        const ref = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?:[:}]|$)/.exec(value.trim());
        const arg = ref?.[1];
        if (arg !== undefined && stageArgs.has(arg)) {
          const k = secretNameKind(name) ?? secretNameKind(arg);
          if (k) ctx.report({ messageId: 'envFromArg', pointer, data: { variable, argument: printableName(arg), kind: k.title } });
        }
      }
    };
    // ARGs before the first FROM have no instruction of their own in the model: they are reported at the
    // first FROM, the instruction that consumes them.
    const firstFrom = subject.stages[0] ? (fromInstruction(subject.stages[0])?.pointer ?? subject.stages[0].pointer) : '';
    for (const a of subject.globalArgs) {
      const variable = printableName(a.name);
      const kind =
        a.default === undefined || isPlaceholder(a.default) ? secretNameKind(a.name) : detectAssignment(a.name, a.default);
      if (kind) ctx.report({ messageId: 'globalArg', pointer: firstFrom, data: { variable, kind: kind.title } });
    }
    for (const { stage, instruction: i } of allInstructions(subject)) {
      if (stage !== currentStage) {
        currentStage = stage;
        stageArgs = new Set();
      }
      switch (i.keyword) {
        case 'ENV':
        case 'ARG':
          assignments(i);
          break;
        case 'RUN': {
          const kind = matchSecretValue(scriptOf(i));
          if (kind) ctx.report({ messageId: 'runValue', pointer: i.pointer, data: { kind: kind.title } });
          break;
        }
        case 'COPY':
        case 'ADD': {
          const file = copySources(i).map(secretFile).find((f) => f !== undefined);
          if (file !== undefined) {
            ctx.report({ messageId: 'secretFile', pointer: i.pointer, data: { instruction: i.keyword, file } });
            break;
          }
          for (const h of i.heredocs ?? []) {
            const hit = scanText(h.body)[0];
            if (!hit) continue;
            const dest = copyDestination(i) ?? h.name;
            ctx.report({ messageId: 'heredocSecret', pointer: i.pointer, data: { instruction: i.keyword, kind: hit.kind.title, file: dest } });
            break;
          }
          break;
        }
        default:
          break;
      }
    }
  },
});
