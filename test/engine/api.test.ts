import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules, ConfigError, defineRule, lint, readDeclarations, type Plugin } from '../../src/index.js';
import { declarationFromSpec } from '../../src/engine/testing.js';

const form = declarationFromSpec({
  indicators: [
    ['产出类指标', '数量指标', '指标1：培训人次', '>=500人次'],
    ['效益指标', '社会效益指标', '受益人数', '≥500人'],
  ],
});

describe('lint() — the library entry point', () => {
  it('runs jxlint:recommended by default, in Chinese', () => {
    const found = lint([form], { file: 'a.xlsx' });
    const located = found.map((d) => [d.ruleId, d.location.a1]);
    expect(located).toEqual(expect.arrayContaining([
      ['level-name-valid', 'A12'],
      ['name-stray-prefix', 'C12'],
      ['value-operator-normalize', 'D12'],
    ]));
    for (const d of found) expect(builtinRules.find((r) => r.meta.id === d.ruleId)?.meta.recommended, d.ruleId).toBe(true);
    expect(found.find((d) => d.ruleId === 'level-name-valid')!.message).toMatch(/一级指标“产出类指标”/);
  });

  it('honours a config object: rules off, --rule-style overrides, English', () => {
    const found = lint([form], { config: { extends: 'jxlint:recommended', rules: { 'name-stray-prefix': 'off' } }, rules: [{ id: 'value-operator-normalize', severity: 'error' }], locale: 'en' });
    expect(found.some((d) => d.ruleId === 'name-stray-prefix')).toBe(false);
    const operator = found.find((d) => d.ruleId === 'value-operator-normalize')!;
    expect(operator.severity).toBe('error');
    expect(operator.message).toMatch(/should be written "≥500人次"/);
    expect(found.find((d) => d.ruleId === 'level-name-valid')?.severity).toBe('error');
    // Only the three rules asked for, when the config starts from nothing.
    const only = lint([form], { config: { extends: [], rules: { 'level-name-valid': 'warn' } } });
    expect(only.map((d) => [d.ruleId, d.severity])).toEqual([['level-name-valid', 'warning']]);
  });

  it('takes lexicon additions from the config: a synonym of the unit for a level name', () => {
    const found = lint([form], { config: { extends: 'jxlint:recommended', lexicon: { taxonomy: { synonyms: [{ word: '产出类指标', canonical: '产出指标' }] } } } });
    expect(found.map((d) => d.ruleId)).not.toContain('level-name-valid');
  });

  it('runs plugin rules passed as objects', () => {
    const plugin: Plugin = {
      name: 'my-org',
      rules: [
        defineRule({
          meta: { id: 'no-training', category: 'naming', defaultSeverity: 'warning', recommended: false, docs: { description: { zh: '示例', en: 'example' } }, messages: { m: { zh: '含“培训”', en: 'mentions training' } } },
          create: (context) => ({ indicator: (i) => (i.name.text.includes('培训') ? context.report({ messageId: 'm' }) : undefined) }),
        }),
      ],
    };
    const found = lint([form], { plugins: [plugin], config: { extends: [], rules: { 'my-org/no-training': 'warn' } } });
    expect(found.map((d) => [d.ruleId, d.location.a1])).toEqual([['my-org/no-training', 'C12']]);
  });

  it('throws ConfigError naming the bad key', () => {
    expect(() => lint([form], { config: { rules: { 'name-stray-prefix': ['warn', { stripStar: true }] } } as never })).toThrow(ConfigError);
    expect(() => lint([form], { config: { rules: { 'name-stray-prefix': ['warn', { stripStar: true }] } } as never })).toThrow(/rules\.name-stray-prefix\[1\]\.stripStar/);
  });

  it('works end to end with readDeclarations on a real workbook', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/vertical-banners-centred.xlsx', import.meta.url)));
    const { declarations } = readDeclarations(bytes, 'v.xlsx');
    const found = lint(declarations, { file: 'v.xlsx' });
    expect(found.filter((d) => d.fix).map((d) => d.fix!.edits[0]!.after)).toEqual(['=100.00%', '≥98%']);
  });
});
