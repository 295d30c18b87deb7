import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';

/**
 * The SARIF 2.1.0 JSON schema we validate against: `sarif-2.1.0-rtm.5.json` as shipped in
 * @microsoft/jest-sarif (Microsoft's SARIF SDK), byte for byte as reviewed. No npm package ships the
 * final OASIS `sarif-schema-2.1.0.json` as a file. Compared with the final schema, rtm.5 is
 * draft-04 instead of draft-07, names `suppression.state` `status`, and has a typo in the
 * `language` pattern; every other keyword is the same. The SARIF tests therefore also check that
 * the output uses neither `status` nor `state` on suppressions, so what passes here passes the
 * final schema too.
 */
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schemaBytes = readFileSync(schemaPath);
export const sarifSchemaSha256 = createHash('sha256').update(schemaBytes).digest('hex');
export const sarifSchema = JSON.parse(schemaBytes.toString('utf8')) as { id: string; title: string; $schema: string };

// RFC 3986: unreserved, reserved and percent-encoded octets only. A raw Chinese character, space or
// lone `%` in a URI fails here, as it does in SARIF consumers that parse URIs strictly.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
// unicodeRegExp off: rtm.5's `language` pattern has a stray `]`, legal only in non-Unicode regexes.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri-reference', (s: string) => URI_CHARS.test(s));
ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && URI_CHARS.test(s));
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
const validate = ajv.compile(sarifSchema);

/** Schema errors of a SARIF log, as readable lines (empty when it is valid). */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
