import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatLintJson } from '../../src/format/json.js';
import { categoryLabel } from '../../src/i18n/formats.js';
import { readMessages } from '../../src/i18n/read-messages.js';
import { fixFile } from '../../src/node/fix-run.js';
import { fixtureBatch, root, SEED, withSuppressions } from './helpers.js';

const schema = JSON.parse(readFileSync(join(root, 'schema/results.schema.json'), 'utf8')) as {
  $id: string;
  definitions: { ReadProblem: { properties: { code: { enum: string[] } } }; Diagnostic: { properties: { category: { enum: string[] } } } };
};
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function errors(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

describe('schema/results.schema.json', () => {
  it('is a draft-07 schema that compiles in strict mode, with the same problem codes and categories as the code', () => {
    expect(schema.$id).toBe('https://jxlint.dev/schema/results.json');
    expect(schema.definitions.ReadProblem.properties.code.enum.sort()).toEqual(Object.keys(readMessages.zh).sort());
    for (const category of schema.definitions.Diagnostic.properties.category.enum) expect(categoryLabel('zh', category)).not.toBe(category);
  });

  it('validates --format json for the whole fixtures batch, with suppressions, unused entries and fix reports', async () => {
    const batch = fixtureBatch();
    const run = withSuppressions(batch.files, [
      { file: SEED, rule: 'cost-items-unrelated', cell: 'D21', reason: '办公经费为本项目专用' },
      { file: 'fixtures/*.xlsx', rule: 'missing-unit', indicator: '不存在的指标', reason: '已不再适用' },
    ]);
    // --fix-dry-run: each file with safe fixes gets the report of what would change.
    for (const file of run.files) {
      const edits = file.diagnostics.flatMap((d) => d.fix?.edits ?? []);
      if (edits.length) file.fixes = await fixFile(join(root, file.file), file.format, edits, true);
    }
    expect(run.files.some((f) => f.fixes?.applied.length)).toBe(true);
    expect(run.files.some((f) => f.fixes?.skipped.length)).toBe(true);
    expect(run.files.some((f) => f.suppressed.length)).toBe(true);
    expect(run.unusedSuppressions).toHaveLength(1);

    const output = JSON.parse(formatLintJson(run)) as { files: unknown[]; summary: { unreadable: number } };
    expect(errors(output)).toEqual([]);
    expect(output.files).toHaveLength(batch.files.length);
    expect(output.summary.unreadable).toBeGreaterThan(0);
    expect(errors(JSON.parse(formatLintJson(run, 'en')))).toEqual([]);
  });

  it('validates what the CLI prints for `jxlint fixtures --format json`', () => {
    const cli = spawnSync(process.execPath, [join(root, 'dist/src/node/cli.js'), 'fixtures', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, JXLINT_DEBUG: '' } });
    expect(cli.status).toBe(2);
    expect(errors(JSON.parse(cli.stdout))).toEqual([]);
  });

  it('rejects output that drifts from it', () => {
    const output = JSON.parse(formatLintJson(fixtureBatch())) as { files: { diagnostics: Record<string, unknown>[] }[] };
    const withDiagnostic = output.files.find((f) => f.diagnostics.length)!;
    withDiagnostic.diagnostics[0]!.severity = 'warn';
    withDiagnostic.diagnostics[0]!.column = 3;
    expect(errors(output)).toEqual([
      `/files/${output.files.indexOf(withDiagnostic)}/diagnostics/0 must NOT have additional properties {"additionalProperty":"column"}`,
      `/files/${output.files.indexOf(withDiagnostic)}/diagnostics/0/severity must be equal to one of the allowed values {"allowedValues":["error","warning","info"]}`,
    ]);
  });
});
