import { describe, expect, it } from 'vitest';
import { runControl, testControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import control from './secret-in-env.js';

// Synthetic credentials, assembled so that no literal token sits in the repository.
const GITHUB = 'ghp_' + 'Q7w8E9r0T1y2'.repeat(3);
const STORAGE = 'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=' + 'Zm9vYmFyYmF6cXV4'.repeat(6).slice(0, 86) + '==;EndpointSuffix=core.windows.net';
const PASSWORD = 'Kq' + '8#mZt' + '!pW3';
const PEM = '-----BEGIN ' + 'RSA PRIVATE KEY-----\\n' + 'MIIEowIBAAKCAQEA' + 'x'.repeat(48) + '\\n-----END ' + 'RSA PRIVATE KEY-----';

testControl(control, {
  valid: [
    {
      name: 'references, files, URLs, flags and placeholders',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: contoso.azurecr.io/api:2.0.0
          env:
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: db, key: password } }
            - name: DB_PASSWORD_FILE
              value: /mnt/secrets-store/db-password
            - name: CONNECTION_STRING
              value: $(DB_CONNECTION)
            - name: API_KEY
              value: "\${API_KEY}"
            - name: CLIENT_SECRET
              value: ""
            - name: TOKEN_URL
              value: https://login.microsoftonline.com/contoso/oauth2/v2.0/token
            - name: MIN_PASSWORD_LENGTH
              value: "12"
            - name: SECRET_NAME
              value: api-credentials
            - name: SMTP_PASSWORD
              value: <your-smtp-password>
            - name: ENABLE_TOKEN_CACHE
              value: "true"
            - name: GPG_KEY
              value: B42F6819007F00F88E364FD4036A9C25BF357DD4
            - name: DATABASE_URL
              value: postgres://db.shop.svc:5432/orders
            - name: AWS_ACCESS_KEY_ID
              value: AKIAIOSFODNN7EXAMPLE
`,
    },
  ],
  invalid: [
    {
      name: 'a password by name, a token and a connection string by shape',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: contoso.azurecr.io/api:2.0.0
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              value: "${PASSWORD}"
            - name: GH
              value: ${GITHUB}
            - name: STORAGE
              value: "${STORAGE}"
`,
      errors: [
        {
          messageId: 'secretName',
          pointer: '/spec/template/spec/containers/0/env/1/value',
          data: { container: 'api', variable: 'DB_PASSWORD', kind: 'password' },
          line: 17,
        },
        {
          messageId: 'valueShape',
          pointer: '/spec/template/spec/containers/0/env/2/value',
          data: { container: 'api', variable: 'GH', kind: 'GitHub token' },
        },
        {
          messageId: 'valueShape',
          pointer: '/spec/template/spec/containers/0/env/3/value',
          data: { container: 'api', variable: 'STORAGE', kind: 'Azure Storage account key' },
        },
      ],
    },
    {
      name: 'an init container in a CronJob with a private key and a URL with a password',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: backup, namespace: data }
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: fetch-key
              image: contoso.azurecr.io/fetch:1.0.0
              env:
                - name: SSH_KEY
                  value: "${PEM}"
          containers:
            - name: backup
              image: contoso.azurecr.io/backup:1.0.0
              env:
                - { name: TARGET, value: "sftp://backup:${PASSWORD}@vault.contoso.internal/backups" }
`,
      errors: [
        {
          messageId: 'valueShape',
          pointer: '/spec/jobTemplate/spec/template/spec/initContainers/0/env/0/value',
          data: { container: 'fetch-key', variable: 'SSH_KEY', kind: 'private key' },
        },
        {
          messageId: 'valueShape',
          pointer: '/spec/jobTemplate/spec/template/spec/containers/0/env/0/value',
          data: { container: 'backup', variable: 'TARGET', kind: 'URL with embedded password' },
        },
      ],
    },
  ],
});

/** True when any 8-character window of the secret appears in the text. */
function leaks(secret: string, text: string): boolean {
  for (let i = 0; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) return true;
  return false;
}

describe('APP-022 never prints a secret', () => {
  it('keeps values and their parts out of messages and data', () => {
    const secrets = [GITHUB, STORAGE, PASSWORD, PEM.replace(/\\n/g, '\n')];
    const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop }
spec:
  containers:
    - name: app
      image: contoso.azurecr.io/app:1.0.0
      env:
${secrets.map((s, i) => `        - { name: "SECRET_${i}", value: ${JSON.stringify(s)} }`).join('\n')}
`;
    const { findings } = runControl(asAny(control), yaml);
    expect(findings).toHaveLength(secrets.length);
    const printed = JSON.stringify(findings.map((f) => ({ message: f.message, data: f.data })));
    for (const s of secrets) expect(leaks(s.replace(/-----[A-Z ]+-----/g, ''), printed), 'a finding shows part of a secret').toBe(false);
  });
});
