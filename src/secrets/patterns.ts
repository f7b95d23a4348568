/**
 * Secret detection shared by every scanner that reads text a person wrote: manifest env values and
 * ConfigMaps today, Dockerfile ENV/ARG and image-layer files later.
 *
 * Two kinds of evidence:
 * - the value itself has the shape of a known credential (a private-key block, a cloud access key, a
 *   connection string with a key or password, a GitHub or Slack token, a JWT…): `matchSecretValue`;
 * - the name a literal value is assigned to says it is a credential (DB_PASSWORD, clientSecret,
 *   API_KEY…) and the value is not a reference, a path, a flag or a placeholder: `detectAssignment`.
 *
 * Design rules, learned from the upstream tools' false-positive reports (build-surface.md §6.3):
 * - names are split into `_`/`-`/`.`/camelCase tokens and matched as tokens, never as substrings
 *   (KEYCLOAK_URL is not a key; ACCESS_KEY is not a CC number);
 * - a name that ends in a qualifier (…_FILE, …_PATH, …_URL, …_LENGTH, …_TTL) names something about
 *   a secret, not the secret;
 * - well-known documentation values (AWS `…EXAMPLE` keys) and placeholders are not secrets;
 * - a PEM header alone is not a key: the base64 body and END line are required;
 * - NOTHING here returns the matched text. Results carry a rule id, a human title and a line number,
 *   so no caller can print a secret by accident.
 */

export interface SecretKind {
  /** Stable rule id (kebab-case), e.g. `private-key`, `azure-storage-key`, `password`. */
  id: string;
  /** What the value is, for messages: "private key", "Azure Storage account key", "password". */
  title: string;
  /** How it was recognised: the value's own shape, or the name it is assigned to. */
  evidence: 'value' | 'name';
}

interface ValueRule {
  id: string;
  title: string;
  /** Cheap case-insensitive substring test run before the regular expression (Trivy's design). */
  keywords: readonly string[];
  pattern: RegExp;
  /** Further check on the match; returning false discards it (documentation examples…). */
  accept?: (match: RegExpExecArray) => boolean;
}

const notExample = (m: RegExpExecArray) => !/EXAMPLE$/i.test(m[1] ?? m[0]);

/** Connection-string keys whose value is a credential. */
const CONNECTION_SECRET_KEYS = 'AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|Secret|ClientSecret';

const VALUE_RULES: readonly ValueRule[] = [
  {
    id: 'private-key',
    title: 'private key',
    keywords: ['private key'],
    pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----([\s\S]{0,16384}?)-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/,
    // A real base64 body, not only the markers (library code that parses PEM has the markers alone):
    // drop encryption headers and escaped or real line breaks, then require ≥ 32 base64 characters.
    accept: (m) => {
      const body = (m[1] ?? '')
        .replace(/\\[nr]/g, '\n')
        .split(/\r?\n/)
        .filter((l) => !/^[A-Za-z-]+:\s/.test(l.trim()))
        .join('')
        .replace(/\s+/g, '');
      return /^[A-Za-z0-9+/=]{32,}$/.test(body);
    },
  },
  {
    id: 'aws-access-key-id',
    title: 'AWS access key id',
    keywords: ['akia', 'asia', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'abia', 'acca', 'a3t'],
    pattern: /(?<![A-Za-z0-9])((?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Za-z0-9])/,
    accept: notExample,
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    keywords: ['aws_secret', 'aws-secret', 'awssecret', 'secret_access_key', 'secretaccesskey'],
    pattern: /(?:aws)?_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/i,
    accept: notExample,
  },
  {
    id: 'azure-storage-key',
    title: 'Azure Storage account key',
    keywords: ['accountkey'],
    pattern: /AccountKey\s*=\s*[A-Za-z0-9+/]{86}==/i,
  },
  {
    id: 'azure-sas-token',
    title: 'Azure shared access signature',
    keywords: ['sig='],
    pattern: /(?:^|[?&;])sv=\d{4}-\d{2}-\d{2}[^\s"']*?[&;]sig=[A-Za-z0-9%+/=]{40,}/,
  },
  {
    id: 'connection-string-credential',
    title: 'connection string with credentials',
    keywords: ['accountkey', 'sharedaccess', 'password', 'pwd', 'secret'],
    // A `Key=Value;` connection string (Azure Storage, Service Bus, Event Hubs, SQL, App Configuration…)
    // carrying a credential among at least two settings.
    pattern: new RegExp(
      `(?:^|;)\\s*(?:${CONNECTION_SECRET_KEYS})\\s*=\\s*([^;\\s"'][^;"']*)`,
      'i',
    ),
    accept: (m) => {
      const input = m.input;
      const settings = input.split(';').filter((p) => /^\s*[A-Za-z][A-Za-z ]*\s*=/.test(p));
      return settings.length >= 2 && !isPlaceholder((m[1] ?? '').trim());
    },
  },
  {
    id: 'url-credentials',
    title: 'URL with embedded password',
    keywords: ['://'],
    pattern: /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s/:@"']{0,256}:([^\s/@"']{1,256})@[^\s/"']+/i,
    accept: (m) => !isPlaceholder(decodeURIComponentSafe(m[1] ?? '')),
  },
  {
    id: 'azure-entra-client-secret',
    title: 'Microsoft Entra client secret',
    keywords: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/,
  },
  {
    id: 'github-token',
    title: 'GitHub token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/,
  },
  {
    id: 'gitlab-token',
    title: 'GitLab access token',
    keywords: ['glpat-'],
    pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'slack-token',
    title: 'Slack token',
    keywords: ['xox', 'xapp-'],
    pattern: /(?<![A-Za-z0-9-])(?:xox[baprse]-[0-9A-Za-z-]{10,}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)/,
  },
  {
    id: 'slack-webhook',
    title: 'Slack webhook URL',
    keywords: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/]{20,}/,
  },
  {
    id: 'stripe-key',
    title: 'Stripe secret key',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_'],
    pattern: /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}(?![A-Za-z0-9_])/,
  },
  {
    id: 'npm-token',
    title: 'npm access token',
    keywords: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/,
  },
  {
    id: 'gcp-service-account',
    title: 'Google Cloud service-account key',
    keywords: ['service_account'],
    pattern: /"type"\s*:\s*"service_account"[\s\S]*"private_key"\s*:\s*"-----BEGIN/,
  },
  {
    id: 'docker-config-auth',
    title: 'registry credentials (Docker config)',
    keywords: ['"auths"'],
    pattern: /"auths"\s*:\s*\{[\s\S]*?"auth"\s*:\s*"[A-Za-z0-9+/=]{8,}"/,
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    keywords: ['eyj'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?![A-Za-z0-9_-])/,
  },
];

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Ids of every value rule, for documentation and tests. */
export const VALUE_RULE_IDS: readonly string[] = VALUE_RULES.map((r) => r.id);

/** Recognises a value that has the shape of a known credential, whatever it is called. */
export function matchSecretValue(value: string): SecretKind | undefined {
  if (value.length < 8) return undefined;
  const lower = value.toLowerCase();
  for (const rule of VALUE_RULES) {
    if (!rule.keywords.some((k) => lower.includes(k))) continue;
    const m = rule.pattern.exec(value);
    if (m && (!rule.accept || rule.accept(m))) return { id: rule.id, title: rule.title, evidence: 'value' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Names

/** Splits DB_PASSWORD, dbPassword, db-password, db.password, APIKey into lower-case tokens. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

interface NameRule {
  id: string;
  title: string;
  /** Token sequences (consecutive) that name this kind of secret. */
  sequences: readonly (readonly string[])[];
}

const NAME_RULES: readonly NameRule[] = [
  { id: 'private-key', title: 'private key', sequences: [['private', 'key'], ['privatekey'], ['priv', 'key']] },
  {
    id: 'connection-string',
    title: 'connection string',
    sequences: [
      ['connection', 'string'], ['connection', 'strings'], ['connectionstring'], ['conn', 'str'], ['connstr'], ['connstring'],
      ['conn', 'string'],
    ],
  },
  { id: 'password', title: 'password', sequences: [['password'], ['passwd'], ['pwd'], ['pass'], ['passphrase'], ['pw']] },
  { id: 'client-secret', title: 'client secret', sequences: [['client', 'secret']] },
  { id: 'api-key', title: 'API key', sequences: [['api', 'key'], ['apikey'], ['api', 'secret'], ['x', 'api', 'key']] },
  {
    id: 'access-key',
    title: 'access key',
    sequences: [
      ['access', 'key'], ['accesskey'], ['account', 'key'], ['storage', 'key'], ['shared', 'access', 'key'],
      ['sas', 'token'], ['sas', 'key'], ['subscription', 'key'],
    ],
  },
  {
    id: 'secret-key',
    title: 'secret key',
    sequences: [
      ['secret', 'key'], ['secretkey'], ['master', 'key'], ['signing', 'key'], ['encryption', 'key'], ['auth', 'key'],
      ['hmac', 'key'], ['license', 'key'], ['webhook', 'secret'],
    ],
  },
  { id: 'token', title: 'token', sequences: [['token'], ['access', 'token'], ['auth', 'token'], ['bearer'], ['pat']] },
  { id: 'credentials', title: 'credentials', sequences: [['credential'], ['credentials'], ['creds'], ['cred']] },
  { id: 'secret', title: 'secret', sequences: [['secret'], ['secrets']] },
];

/**
 * A final token that makes the name about a secret rather than the secret itself:
 * PASSWORD_FILE, TOKEN_URL, MIN_PASSWORD_LENGTH, SECRET_NAME, TOKEN_TTL, PASSWORD_POLICY…
 */
const QUALIFIERS = new Set([
  'file', 'files', 'path', 'paths', 'dir', 'directory', 'url', 'uri', 'urls', 'endpoint', 'host', 'hostname', 'server',
  'port', 'name', 'names', 'ref', 'reference', 'location', 'mount', 'length', 'len', 'size', 'min', 'max',
  'count', 'ttl', 'expiry', 'expires', 'expiration', 'lifetime', 'timeout', 'interval', 'age', 'duration', 'type',
  'mode', 'kind', 'format', 'algorithm', 'alg', 'header', 'prefix', 'suffix', 'field', 'enabled', 'enable', 'disabled',
  'required', 'policy', 'rotation', 'version', 'provider', 'store', 'backend', 'issuer', 'audience', 'scope', 'scopes',
  'env', 'var', 'variable', 'id', 'ids', 'user', 'username', 'login', 'reset', 'hint', 'regex', 'pattern', 'complexity',
  'strength', 'rules', 'validation', 'placeholder', 'template', 'label', 'annotation', 'namespace', 'selector', 'class',
  'manager', 'engine', 'vault', 'keyvault',
]);

/** Names that contain a secret word but are public by nature. */
const PUBLIC_NAMES = [
  /(^|_)GPG_KEYS?$/i, // GPG key fingerprints in official images (Dockle #130)
  /(^|_)(PUBLIC|PUB)_?KEY/i,
  /^PASSWORD_?AUTH(ENTICATION)?$/i,
];

/** Tokens that, before the secret word, make the whole name public: PUBLIC_KEY, KEY_ID… */
const PUBLIC_LEADING = new Set(['public', 'pub', 'gpg', 'pgp']);

function containsSequence(tokens: readonly string[], seq: readonly string[]): number {
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let j = 0; j < seq.length; j++) if (tokens[i + j] !== seq[j]) continue outer;
    return i;
  }
  return -1;
}

/** What kind of credential a variable or key name announces, if any. Values are not looked at. */
export function secretNameKind(name: string): SecretKind | undefined {
  if (PUBLIC_NAMES.some((re) => re.test(name))) return undefined;
  const tokens = nameTokens(name);
  if (tokens.length === 0) return undefined;
  const last = tokens[tokens.length - 1] as string;
  if (QUALIFIERS.has(last)) return undefined;
  // In compound names the head noun comes last: PRIVATE_KEY_PASSWORD is a password, SECRET_KEY a key.
  let best: { rule: NameRule; end: number } | undefined;
  for (const rule of NAME_RULES) {
    for (const seq of rule.sequences) {
      const at = containsSequence(tokens, seq);
      if (at === -1) continue;
      if (at > 0 && PUBLIC_LEADING.has(tokens[at - 1] as string)) continue;
      const end = at + seq.length;
      if (!best || end > best.end) best = { rule, end };
    }
  }
  if (best) return { id: best.rule.id, title: best.rule.title, evidence: 'name' };
  // Run-together names such as PGPASSWORD or REDISPASSWD.
  if (tokens.some((t) => /.(?:password|passwd)$/.test(t))) return { id: 'password', title: 'password', evidence: 'name' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Values that are not secrets

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'change-me', 'change_me', 'changeit', 'replaceme', 'replace-me', 'replace_me', 'placeholder', 'dummy',
  'example', 'sample', 'redacted', 'hidden', 'masked', 'todo', 'tbd', 'fixme', 'none', 'null', 'nil', 'undefined',
  'empty', 'unset', 'notset', 'not-set', 'n/a', 'na', 'xxx', 'true', 'false', 'yes', 'no', 'on', 'off', 'enabled',
  'disabled',
]);

/**
 * A value that is obviously not a real credential: a reference resolved elsewhere ($(VAR), ${VAR},
 * {{ template }}, @Microsoft.KeyVault(...), vault:path), a mask (xxxx, ****), a `<your-token>` hint,
 * a documented placeholder word, a number or boolean.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(v)) return true; // Kubernetes $(VAR)
  if (/^\$\{[^}]+\}$/.test(v) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return true; // shell / envsubst
  if (/^\{\{.*\}\}$/s.test(v) || /^\$\{\{.*\}\}$/s.test(v) || /^#\{.*\}#?$/.test(v)) return true; // Helm, Actions, Octopus
  if (/^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v)) return true;
  if (/^<[^<>]*>$/.test(v) || /^\[[A-Za-z _-]+\]$/.test(v)) return true; // <your-token>, [PASSWORD]
  if (/^@Microsoft\.KeyVault\(.*\)$/i.test(v)) return true;
  if (/^(?:vault|akv|azurekeyvault|keyvault|secretsmanager|sm|ssm|gcpsm|op|ref\+[a-z]+):/i.test(v)) return true;
  if (/^(.)\1{3,}$/.test(v)) return true; // xxxx, ****, 0000
  if (/^(?:your|enter|insert|replace[-_ ]?with|put)[-_ ][a-z0-9_ -]+$/i.test(v) || /^[a-z0-9_ -]*[-_ ]here$/i.test(v)) return true;
  if (/^[-+]?\d+(?:\.\d+)?$/.test(v)) return true;
  if (/example/i.test(v) && !/\s/.test(v)) return true; // AKIAIOSFODNN7EXAMPLE and other documented values
  return false;
}

/** A file path or a URL without credentials: what *_FILE-style settings hold when misnamed. */
function isLocatorValue(v: string): boolean {
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)[^\s]*$/.test(v) && !v.includes('-----')) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i.test(v)) return true;
  return false;
}

/** Minimum length of a literal that a name alone makes a finding (shorter ones are flags or modes). */
const MIN_NAMED_SECRET_LENGTH = 4;

/**
 * Decides whether `name = value` is a literal secret. The value's own shape wins (it names the kind
 * exactly); otherwise a secret-like name with a literal, non-placeholder value counts.
 */
export function detectAssignment(name: string, value: string): SecretKind | undefined {
  const v = value.trim();
  if (isPlaceholder(v)) return undefined;
  const byValue = matchSecretValue(v);
  if (byValue) return byValue;
  const byName = secretNameKind(name);
  if (!byName) return undefined;
  if (v.length < MIN_NAMED_SECRET_LENGTH || isLocatorValue(v)) return undefined;
  // A structured connection string or URL without a credential in it (managed identity, integrated
  // security) passed the value rules above, so it holds no secret.
  if (byName.id === 'connection-string' && (v.includes('=') || v.includes('://'))) return undefined;
  // A reference to a Kubernetes object by name (SECRET=db-credentials) is not the secret itself
  // when the name ends in a word that says so; a bare lower-case kebab name under "secret" is a reference.
  if ((byName.id === 'secret' || byName.id === 'credentials') && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(v) && v.includes('-')) return undefined;
  return byName;
}

/**
 * A setting or variable name, safe to print: a name that itself has the shape of a credential (someone
 * pasted a token as a key) is replaced, so that even names never carry a secret into a report.
 */
export function printableName(name: string): string {
  const randomRun = (name.match(/[A-Za-z0-9+/]{24,}/g) ?? []).some((r) => /\d/.test(r) && /[a-z]/.test(r) && /[A-Z]/.test(r));
  return randomRun || matchSecretValue(name) ? '<name withheld: it looks like a secret>' : name;
}

// ---------------------------------------------------------------------------------------------------
// Text (files)

export interface SecretHit {
  kind: SecretKind;
  /** 1-based line in the scanned text where the evidence starts. */
  line: number;
  /** For assignment hits, the setting's name (never its value), as returned by `printableName`. */
  name?: string;
}

/** `key = value`, `key: value`, `"key": "value"`, `export KEY=value`, `<key>value</key>` on one line. */
const ASSIGNMENT = /^\s*(?:-\s+)?(?:export\s+|set\s+)?["']?([A-Za-z_][A-Za-z0-9_.\-[\]]*)["']?\s*(?:=|:(?!\/\/))\s*(.*?)\s*,?\s*$/;
const XML_ELEMENT = /^\s*<([A-Za-z_][A-Za-z0-9_.:-]*)>([^<]*)<\/\1>\s*$/;

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? (m[2] as string) : v.replace(/\s+#.*$/, '');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Scans a text file (properties, .env, YAML, JSON, XML, ini, shell) for secrets: multi-line value
 * patterns over the whole text (private keys, service-account JSON), then each line's value shape,
 * then each line that assigns a literal to a secret-like name. One hit per line at most.
 */
export function scanText(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const lines = new Set<number>();
  const add = (hit: SecretHit) => {
    if (lines.has(hit.line)) return;
    lines.add(hit.line);
    hits.push(hit);
  };
  const lower = text.toLowerCase();
  for (const rule of VALUE_RULES) {
    if (rule.id !== 'private-key' && rule.id !== 'gcp-service-account' && rule.id !== 'docker-config-auth') continue;
    if (!rule.keywords.some((k) => lower.includes(k))) continue;
    const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      add({ kind: { id: rule.id, title: rule.title, evidence: 'value' }, line: lineOf(text, m.index) });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (lines.has(line) || raw.length > 4096) return;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || trimmed.startsWith(';')) return;
    const assignment = ASSIGNMENT.exec(raw) ?? XML_ELEMENT.exec(raw);
    if (assignment) {
      const name = assignment[1] as string;
      const kind = detectAssignment(name, unquote((assignment[2] as string).trim()));
      if (kind) add({ kind, line, name: printableName(name) });
      return;
    }
    const kind = matchSecretValue(raw);
    if (kind) add({ kind, line });
  });
  return hits.sort((a, b) => a.line - b.line);
}
