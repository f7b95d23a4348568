import { describe, expect, it } from 'vitest';
import { runControl, testControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import control from './secret-in-configmap.js';

// Synthetic credentials, assembled so that no literal token sits in the repository.
const PASSWORD = 'Vb' + '5$qLr' + '9!eX';
const SLACK = 'xoxb-' + '210987654321-' + '1098765432109-' + 'ZyXwVuTsRqPoNmLkJiHgFeDc';
const PEM_LINES = ['-----BEGIN ' + 'EC PRIVATE KEY-----', 'MHcCAQEEI' + 'k'.repeat(55), 'oAoGCCqGSM49' + 'q'.repeat(52), '-----END ' + 'EC PRIVATE KEY-----'];
const SQL = 'Server=tcp:contoso.database.windows.net,1433;Initial Catalog=orders;User ID=orders;Password=' + PASSWORD + ';';

const indent = (lines: string[], n: number) => lines.map((l) => ' '.repeat(n) + l).join('\n');

testControl(control, {
  valid: [
    {
      name: 'ordinary settings and files, references and placeholders',
      yaml: `
apiVersion: v1
kind: ConfigMap
metadata: { name: api-config, namespace: shop }
data:
  LOG_LEVEL: info
  DB_HOST: db.shop.svc
  DB_PASSWORD_FILE: /mnt/secrets-store/db-password
  API_KEY: \${API_KEY}
  SECRET_NAME: api-credentials
  keycloak.url: https://sso.contoso.com
  application.properties: |
    server.port=8080
    spring.datasource.url=jdbc:postgresql://db:5432/app
    spring.datasource.password=\${DB_PASSWORD}
    management.endpoints.web.exposure.include=health
  appsettings.json: |
    { "Logging": { "LogLevel": { "Default": "Information" } }, "KeyVault": { "Uri": "https://contoso.vault.azure.net/" } }
`,
    },
    {
      name: 'a Secret is not a ConfigMap',
      yaml: `
apiVersion: v1
kind: Secret
metadata: { name: db, namespace: shop }
type: Opaque
stringData:
  DB_PASSWORD: "${PASSWORD}"
`,
    },
  ],
  invalid: [
    {
      name: 'env-style keys, a connection string, a token and a private key file',
      yaml: `
apiVersion: v1
kind: ConfigMap
metadata: { name: api-config, namespace: shop }
data:
  LOG_LEVEL: info
  DB_PASSWORD: "${PASSWORD}"
  ConnectionStrings__Orders: "${SQL}"
  notify: ${SLACK}
  tls/key.pem: |
${indent(PEM_LINES, 4)}
`,
      errors: [
        { messageId: 'secretValue', pointer: '/data/DB_PASSWORD', data: { key: 'DB_PASSWORD', kind: 'password' }, line: 7 },
        { messageId: 'secretValue', pointer: '/data/ConnectionStrings__Orders', data: { key: 'ConnectionStrings__Orders', kind: 'connection string with credentials' } },
        { messageId: 'secretValue', pointer: '/data/notify', data: { key: 'notify', kind: 'Slack token' } },
        { messageId: 'secretInText', pointer: '/data/tls~1key.pem', data: { key: 'tls/key.pem', kind: 'private key', line: 1 } },
      ],
    },
    {
      name: 'secrets inside configuration files',
      yaml: `
apiVersion: v1
kind: ConfigMap
metadata: { name: legacy-app, namespace: shop }
data:
  application.properties: |
    server.port=8080
    spring.datasource.username=orders
    spring.datasource.password=${PASSWORD}
  .env: |
    NODE_ENV=production
    export STRIPE_API_KEY="${PASSWORD}"
`,
      errors: [
        {
          messageId: 'secretSetting',
          pointer: '/data/application.properties',
          data: { key: 'application.properties', setting: 'spring.datasource.password', kind: 'password', line: 3 },
        },
        { messageId: 'secretSetting', pointer: '/data/.env', data: { key: '.env', setting: 'STRIPE_API_KEY', kind: 'API key', line: 2 } },
      ],
    },
  ],
});

function leaks(secret: string, text: string): boolean {
  for (let i = 0; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) return true;
  return false;
}

describe('APP-023 never prints a secret', () => {
  it('keeps values and their parts out of messages and data', () => {
    const yaml = `
apiVersion: v1
kind: ConfigMap
metadata: { name: c, namespace: shop }
data:
  one: "${SQL}"
  two: ${SLACK}
  three: |
    password=${PASSWORD}
${indent(PEM_LINES, 4)}
`;
    const { findings } = runControl(asAny(control), yaml);
    expect(findings).toHaveLength(4);
    const printed = JSON.stringify(findings.map((f) => ({ message: f.message, data: f.data })));
    for (const s of [PASSWORD, SLACK, SQL.slice(SQL.indexOf('Password')), PEM_LINES[1] as string, PEM_LINES[2] as string]) {
      expect(leaks(s, printed), 'a finding shows part of a secret').toBe(false);
    }
  });
});
