import { describe, expect, it } from 'vitest';
import { detectAssignment, isPlaceholder, matchSecretValue, nameTokens, scanText, secretNameKind, VALUE_RULE_IDS } from './patterns.js';

/**
 * Synthetic credentials with the right shapes, assembled at run time so that no literal token sits in
 * the repository for push-protection scanners to trip on. None of them was ever valid.
 */
const pemBody = Array.from({ length: 4 }, (_, i) => 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' + String.fromCharCode(65 + i).repeat(32)).join('\n');
const pem = ['-----BEGIN ' + 'PRIVATE KEY-----', pemBody, '-----END ' + 'PRIVATE KEY-----'].join('\n');
const b64 = (n: number) => 'Zm9vYmFyYmF6cXV4'.repeat(Math.ceil(n / 16)).slice(0, n);
const fake = {
  pem,
  pemBody,
  byRule: {
    'private-key': pem,
    'aws-access-key-id': 'AKIA' + 'Q3EGRT5BZ7XK2MNP',
    'aws-secret-access-key': 'aws_secret_access_key=' + 'wJalrXUtnFEMIK7MDENGbPxRfiCY' + 'zQ8vN3kLpR2s',
    'azure-storage-key':
      'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=' + b64(86) + '==;EndpointSuffix=core.windows.net',
    'azure-sas-token': 'https://contoso.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig=' + b64(44),
    'connection-string-credential': 'Server=tcp:contoso.database.windows.net,1433;Database=app;User ID=app;Password=' + 'Zx9!' + 'kQ2w;',
    'url-credentials': 'amqp://orders:' + 'R4bb1t' + 'Pw@mq.contoso.internal:5672/',
    'azure-entra-client-secret': 'abc' + '8Q~' + 'Kx9vN3kLpR2sT5uW8yZ1aB4cD7eF0gH',
    'github-token': 'ghp_' + 'A1b2C3d4E5f6'.repeat(3),
    'gitlab-token': 'glpat-' + 'x1Y2z3W4v5U6t7S8r9Q0',
    'slack-token': 'xoxb-' + '123456789012-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx',
    'slack-webhook': 'https://hooks.slack.com/services/' + 'T0000AAAA/B0000BBBB/' + 'XXXXXXXXXXXXXXXXXXXXXXXX'.replace(/X/g, 'k'),
    'stripe-key': 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dc',
    'npm-token': 'npm_' + 'a1B2c3D4e5F6'.repeat(3),
    'gcp-service-account': JSON.stringify({ type: 'service_account', private_key: '-----BEGIN ' + 'PRIVATE KEY-----\nMII' }),
    'docker-config-auth': JSON.stringify({ auths: { 'contoso.azurecr.io': { auth: b64(24) } } }),
    jwt: 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  } as Record<string, string>,
};

describe('nameTokens', () => {
  it.each([
    ['DB_PASSWORD', ['db', 'password']],
    ['dbPassword', ['db', 'password']],
    ['APIKey', ['api', 'key']],
    ['spring.datasource.password', ['spring', 'datasource', 'password']],
    ['x-api-key', ['x', 'api', 'key']],
    ['AZURE_CLIENT_SECRET', ['azure', 'client', 'secret']],
  ])('%s', (name, tokens) => expect(nameTokens(name)).toEqual(tokens));
});

describe('matchSecretValue', () => {
  it.each(Object.entries(fake.byRule))('recognises %s', (rule, value) => {
    expect(matchSecretValue(value)?.id).toBe(rule);
  });

  it('has a positive example for every value rule', () => {
    expect(Object.keys(fake.byRule).sort()).toEqual([...VALUE_RULE_IDS].sort());
  });

  it.each([
    ['a PEM header without a body (library code, Trivy #2190)', '-----BEGIN RSA PRIVATE KEY-----'],
    ['PEM markers around a placeholder', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
    ['a public key', `-----BEGIN PUBLIC KEY-----\n${'M'.repeat(64)}\n-----END PUBLIC KEY-----`],
    ['the AWS documentation key id', 'AKIA' + 'IOSFODNN7' + 'EXAMPLE'],
    ['a connection string without credentials', 'Endpoint=sb://contoso.servicebus.windows.net/;EntityPath=orders'],
    ['a connection string whose password is a reference', 'Server=db;Database=app;User Id=app;Password=${DB_PASSWORD};'],
    ['a URL without credentials', 'jdbc:postgresql://db.contoso.internal:5432/app'],
    ['a URL whose password is a reference', 'postgres://app:$(DB_PASSWORD)@db:5432/app'],
    ['a git SHA', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'],
    ['a UUID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['a sentence', 'The private key is stored in Key Vault'],
    ['a short value', 'abc'],
  ])('ignores %s', (_what, value) => {
    expect(matchSecretValue(value)).toBeUndefined();
  });
});

describe('secretNameKind', () => {
  it.each([
    ['DB_PASSWORD', 'password'],
    ['POSTGRES_PASSWORD', 'password'],
    ['MYSQL_ROOT_PASSWD', 'password'],
    ['dbPassword', 'password'],
    ['SMTP_PASS', 'password'],
    ['PGPASSWORD', 'password'],
    ['NEXTAUTH_SECRET', 'secret'],
    ['PRIVATE_KEY_PASSWORD', 'password'],
    ['AZURE_CLIENT_SECRET', 'client-secret'],
    ['API_KEY', 'api-key'],
    ['OpenAI__ApiKey', 'api-key'],
    ['AWS_SECRET_ACCESS_KEY', 'access-key'],
    ['AWS_ACCESS_KEY_ID', undefined],
    ['STORAGE_ACCOUNT_KEY', 'access-key'],
    ['JWT_SIGNING_KEY', 'secret-key'],
    ['SECRET_KEY_BASE', 'secret-key'],
    ['GITHUB_TOKEN', 'token'],
    ['SLACK_BOT_TOKEN', 'token'],
    ['AZURE_STORAGE_CONNECTION_STRING', 'connection-string'],
    ['ConnectionStrings__Default', 'connection-string'],
    ['SSH_PRIVATE_KEY', 'private-key'],
    ['GOOGLE_APPLICATION_CREDENTIALS', 'credentials'],
    ['APP_SECRET', 'secret'],
  ])('%s → %s', (name, kind) => expect(secretNameKind(name)?.id).toBe(kind));

  it.each([
    'PASSWORD_FILE', 'DB_PASSWORD_PATH', 'TOKEN_URL', 'OAUTH_TOKEN_ENDPOINT', 'MIN_PASSWORD_LENGTH', 'SECRET_NAME',
    'TOKEN_TTL', 'PASSWORD_POLICY', 'KEYCLOAK_URL', 'KEYCLOAK_REALM', 'GPG_KEY', 'WORDPRESS_CLI_GPG_KEY', 'PUBLIC_KEY',
    'JWT_PUBLIC_KEY', 'SORT_KEY', 'REDIS_KEY_PREFIX', 'ACCESS_LOG', 'PASSWORD_AUTH', 'KEY_VAULT_NAME', 'SECRET_STORE',
    'CREDENTIALS_DIR', 'API_VERSION', 'AUTHOR', 'PASSPORT_NUMBER', 'TOKENIZER_MODEL', 'SECRETS_MOUNT',
    'POSTGRES_HOST_AUTH_METHOD', 'STORAGE_ACCOUNT_NAME', 'AZURE_CLIENT_ID', 'PGPASSWORD_FILE', 'API_KEY_HEADER_NAME',
  ])('%s is not a secret name', (name) => expect(secretNameKind(name)).toBeUndefined());
});

describe('isPlaceholder', () => {
  it.each([
    '', '   ', '$(DB_PASSWORD)', '${DB_PASSWORD}', '$DB_PASSWORD', '{{ .Values.db.password }}', '${{ secrets.DB }}',
    '#{DbPassword}#', '%DB_PASSWORD%', '<your-password>', '[PASSWORD]', 'changeme', 'CHANGE_ME', 'replace-me', 'xxxxxxxx',
    '********', 'your-api-key-here', 'your_token', 'TODO', 'null', 'true', '8080', '3.14', 'dummy', 'example-password',
    '@Microsoft.KeyVault(SecretUri=https://contoso.vault.azure.net/secrets/db/)', 'vault:secret/data/db#password',
  ])('%j', (v) => expect(isPlaceholder(v)).toBe(true));

  it.each(['s3cr3t-P@ss', 'hunter22', 'password', 'mysecretpassword', 'Tr0ub4dor&3'])('%j is a literal', (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });
});

describe('detectAssignment', () => {
  it('prefers the value shape, which names the kind exactly', () => {
    expect(detectAssignment('CONFIG', fake.byRule['azure-storage-key'] as string)?.id).toBe('azure-storage-key');
    expect(detectAssignment('DB_PASSWORD', fake.byRule['github-token'] as string)).toMatchObject({ id: 'github-token', evidence: 'value' });
  });

  it('uses the name for literal values', () => {
    expect(detectAssignment('DB_PASSWORD', 'hunter22')).toEqual({ id: 'password', title: 'password', evidence: 'name' });
  });

  it.each([
    ['DB_PASSWORD', '$(DB_PASSWORD)'],
    ['DB_PASSWORD', ''],
    ['DB_PASSWORD', 'changeme'],
    ['PASSWORD_FILE', '/run/secrets/db-password'],
    ['DB_PASSWORD', '/run/secrets/db-password'],
    ['AUTH_TOKEN', 'https://login.microsoftonline.com/contoso/oauth2/v2.0/token'],
    ['ENABLE_TOKEN', 'true'],
    ['TOKEN_TTL', '3600'],
    ['DB_SECRET', 'db-credentials'],
    ['PASSWORD', 'no'],
    ['GPG_KEY', 'B42F6819007F00F88E364FD4036A9C25BF357DD4'],
    ['SPRING_DATASOURCE_URL', 'jdbc:postgresql://db:5432/app'],
    ['ConnectionStrings__Default', 'Server=db;Database=app;Authentication=Active Directory Managed Identity'],
    ['MONGO_CONNECTION_STRING', 'mongodb://mongo-0.mongo:27017/app?replicaSet=rs0'],
  ])('%s=%s is not a secret', (name, value) => {
    expect(detectAssignment(name, value)).toBeUndefined();
  });

  it('flags URLs with credentials whatever the name', () => {
    expect(detectAssignment('DATABASE_URL', 'postgres://app:' + 'S3cure' + 'Pass@db:5432/app')?.id).toBe('url-credentials');
    expect(detectAssignment('REDIS_URL', 'redis://:' + 'S3cure' + 'Pass@redis:6379')?.id).toBe('url-credentials');
  });
});

describe('scanText', () => {
  it('finds secrets in properties, env, YAML, JSON and XML files by line, with names but never values', () => {
    const pass = 'Sup3r' + 'Secret!';
    const text = [
      '# database',
      'spring.datasource.url=jdbc:postgresql://db:5432/app',
      `spring.datasource.password=${pass}`,
      'spring.datasource.password-file=/run/secrets/db',
      `export API_KEY="${pass}"`,
      `  "clientSecret": "${pass}",`,
      `<password>${pass}</password>`,
      `storage: ${fake.byRule['azure-storage-key']}`,
      'token: ${TOKEN}',
      ...fake.pem.split('\n'),
      'done: true',
    ].join('\n');
    const hits = scanText(text);
    expect(hits.map((h) => [h.line, h.kind.id, h.name])).toEqual([
      [3, 'password', 'spring.datasource.password'],
      [5, 'api-key', 'API_KEY'],
      [6, 'client-secret', 'clientSecret'],
      [7, 'password', 'password'],
      [8, 'azure-storage-key', 'storage'],
      [10, 'private-key', undefined],
    ]);
    expect(JSON.stringify(hits)).not.toContain(pass);
    expect(JSON.stringify(hits)).not.toContain(fake.pemBody.slice(0, 16));
  });

  it('withholds a name that is itself a credential', () => {
    const token = fake.byRule['github-token'] as string;
    const hits = scanText(`${token}_password = Zq8!vLr2#x`);
    expect(hits).toHaveLength(1);
    expect(JSON.stringify(hits)).not.toContain(token.slice(4, 16));
  });

  it('finds a private key inside JSON with escaped line breaks', () => {
    const json = JSON.stringify({ type: 'service_account', project_id: 'p', private_key: fake.pem });
    expect(scanText(json).map((h) => h.kind.id)).toEqual(['private-key']);
  });

  it('ignores ordinary configuration', () => {
    const text = [
      'server.port=8080',
      'logging.level.root=INFO',
      'access.log = /var/log/access.log',
      'apk add libcrypto3=3.1.4-r1',
      'keycloak.url: https://sso.contoso.com',
      'password.min-length: 12',
      '[auth]',
      'mode = oauth',
    ].join('\n');
    expect(scanText(text)).toEqual([]);
  });
});
