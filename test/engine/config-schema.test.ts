import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchemaText } from '../../scripts/build-config-schema.js';

const published = readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8');

describe('schema/config.schema.json', () => {
  it('is what the rules generate (npm run schemas)', () => {
    expect(published).toBe(configSchemaText());
  });

  it('compiles on its own and accepts what jxlint init writes, rejecting a typo', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(published) as object);
    expect(validate({ $schema: './node_modules/jxlint/schema/config.schema.json', extends: 'jxlint:recommended', profile: 'auto', rules: {} })).toBe(true);
    expect(validate({ rules: { 'level-name-valid': ['warn'] }, lexicon: { beneficiaries: [{ word: '参展商' }] } })).toBe(true);
    expect(validate({ rules: { 'level-name-valid': 'warning' } })).toBe(false);
  });
});
