import { isObject } from '../../normalize/workload.js';
import { detectAssignment, printableName } from '../../secrets/patterns.js';
import { defineControl } from '../define.js';

export default defineControl({
  meta: {
    id: 'APP-022',
    name: 'secret-in-env',
    surface: 'application',
    severity: 'high',
    appliesTo: ['k8s.workload'],
    stages: ['ci', 'admission', 'audit'],
    docs: {
      summary: 'Containers do not carry literal secrets in env[].value.',
      rationale:
        'A literal value in a manifest is stored in Git, in CI logs, in every rendered Helm release, in etcd as plain pod ' +
        'spec (not as a Secret, so not covered by KMS encryption of secrets) and is shown by `kubectl describe` to anyone who ' +
        'can read pods. A value is reported when its shape is a known credential (private key, cloud access key, connection ' +
        'string with a key or password, GitHub/GitLab/Slack/Stripe/npm token, JWT, URL with a password) or when the variable ' +
        'name says it is one (…PASSWORD, …SECRET, …TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CONNECTION_STRING, CREDENTIALS…). ' +
        'References ($(VAR), ${VAR}, {{ template }}, Key Vault references), empty values, paths and URLs without ' +
        'credentials (…_FILE, …_PATH, …_URL), flags, numbers and obvious placeholders are not. Findings name the variable and ' +
        'the kind of secret, never the value.',
      remediation:
        'Move the value to Azure Key Vault and deliver it at run time with the Secrets Store CSI driver and Workload ID ' +
        '(mounted as a file, optionally synced to a Secret), or at least to a Kubernetes Secret referenced with ' +
        'valueFrom.secretKeyRef. Then rotate the exposed credential: it is in the Git history.',
    },
    frameworks: { seed: ['A4', 'A8'] },
    messages: {
      valueShape: "Container '{{container}}' sets environment variable '{{variable}}' to a literal {{kind}} (recognised by its format).",
      secretName: "Container '{{container}}' sets environment variable '{{variable}}' to a literal {{kind}} (the name says it is one).",
    },
  },
  check(workload, ctx) {
    for (const c of workload.containers) {
      const env = c.spec.env;
      if (!Array.isArray(env)) continue;
      env.forEach((e, i) => {
        if (!isObject(e) || typeof e.name !== 'string' || typeof e.value !== 'string') return;
        const kind = detectAssignment(e.name, e.value);
        if (!kind) return;
        ctx.report({
          messageId: kind.evidence === 'value' ? 'valueShape' : 'secretName',
          pointer: `${c.pointer}/env/${i}/value`,
          data: { container: c.name, variable: printableName(e.name), kind: kind.title },
        });
      });
    }
  },
});
