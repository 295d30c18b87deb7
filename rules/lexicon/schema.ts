import schema from './schema.json' with { type: 'json' };

/**
 * The lexicon's JSON Schema (schema.json) as objects, for isomorphic use.
 *
 * - `lexiconSchema`: the whole file, `$id` https://jxlint.dev/schema/lexicon.json. Validates the
 *   shipped lexicon; its `#/definitions/additions` validates a config's `lexicon` key.
 * - `lexiconAdditionsRef`: a `$ref` to that definition, for a schema compiled with lexiconSchema
 *   added to the same validator (`ajv.addSchema(lexiconSchema)`): the cheap way to embed it.
 * - `lexiconAdditionsSchema`: the same definition with every `$ref` inlined, so it can be embedded
 *   anywhere with nothing else added. Larger (~65 kB) and slower to compile.
 */
export const lexiconSchema: Record<string, unknown> = schema;

export const lexiconAdditionsRef: Record<string, unknown> = { $ref: `${schema.$id}#/definitions/additions` };

export const lexiconAdditionsSchema: Record<string, unknown> = inline(schema.definitions.additions) as Record<string, unknown>;

/** Replaces `{ $ref: '#/definitions/x', …siblings }` by the definition (the schema has no cycles). */
function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (typeof node !== 'object' || node === null) return node;
  const { $ref, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof $ref === 'string') Object.assign(out, inline((schema.definitions as Record<string, unknown>)[$ref.replace('#/definitions/', '')]));
  for (const [key, value] of Object.entries(rest)) out[key] = inline(value);
  return out;
}
