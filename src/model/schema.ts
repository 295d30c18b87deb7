import declarationSchema from '../../schema/declaration.schema.json' with { type: 'json' };

/**
 * The published JSON Schema for one declaration (schema/declaration.schema.json), as an object
 * for isomorphic use: validators, editors, the browser. `definitions.file` describes a whole
 * JSON/YAML input file (one declaration, an array, or { declarations: [...] }).
 */
export const DECLARATION_SCHEMA_ID = 'https://jxlint.dev/schema/declaration.json';
export { declarationSchema };
