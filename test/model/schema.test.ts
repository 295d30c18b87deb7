import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { declarationSchema } from '../../src/model/schema.js';
import { readDeclarations } from '../../src/read/read.js';

const fixturesDir = new URL('../../fixtures/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('expected/index.json', fixturesDir), 'utf8')) as { fixtures: { file: string }[] };
const validate = new Ajv({ allErrors: true, strict: true }).compile(declarationSchema);

describe('the published declaration schema', () => {
  for (const { file } of index.fixtures) {
    it(`accepts what the reader makes of ${file}`, () => {
      const result = readDeclarations(new Uint8Array(readFileSync(new URL(file, fixturesDir))), file);
      expect(result.declarations.length).toBeGreaterThan(0);
      for (const decl of result.declarations) {
        const ok = validate(JSON.parse(JSON.stringify(decl)));
        expect(validate.errors ?? [], file).toEqual([]);
        expect(ok).toBe(true);
      }
    });
  }

  it('rejects a model with a misspelt field or a wrong operator', () => {
    const result = readDeclarations(new Uint8Array(readFileSync(new URL('seed-turpan-2024.xlsx', fixturesDir))), 'seed.xlsx');
    const decl = JSON.parse(JSON.stringify(result.declarations[0])) as { indicators: { value: { operator?: string } }[]; projcet?: unknown };
    decl.projcet = {};
    expect(validate(decl)).toBe(false);
    delete decl.projcet;
    decl.indicators[0]!.value.operator = '>=';
    expect(validate(decl)).toBe(false);
  });
});
