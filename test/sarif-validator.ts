import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

/**
 * The official SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif. It declares draft-04, which Ajv 8
 * does not load; its only draft-04-specific keyword is `id` (here renamed `$id`): every other keyword
 * it uses means the same in draft-07. Ajv has no built-in formats, so the three the schema uses are
 * given below, strictly enough to catch an unencoded space in a URI.
 */
export function sarifValidator() {
  const raw = JSON.parse(
    readFileSync(new URL('../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = raw;
  // unicodeRegExp: false because one pattern of that schema (`language`) is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri-reference', uriReference);
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && uriReference.test(s) && URL.canParse(s));
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  return ajv.compile({ $id: String(id), ...rest });
}
