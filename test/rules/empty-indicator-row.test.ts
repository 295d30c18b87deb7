import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../src/engine/testing.js';
import rule from '../../rules/empty-indicator-row.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

const FILLED = [
  ['产出指标', '数量指标', '改造老旧小区数量', '=7个'],
  ['', '时效指标', '主体工程完工时间', '2025年12月20日前'],
  ['效益指标', '社会效益指标', '受益居民户数', '≥1850户'],
];

testRule(rule, {
  valid: [
    { name: 'every row has its indicator and target', form: { indicators: FILLED } },
    { name: 'a qualitative target is a target (vague-qualitative-value judges it)', form: { indicators: [...FILLED, ['', '可持续影响指标', '小区长效管理机制', '建立并运行']] } },
    { name: 'a self-evaluation table is form-type-mismatch\'s', form: { indicators: [...FILLED.map((r) => [...r, '完成', '10']), ['', '生态效益指标', '', '', '', '']], extraColumns: ['实际完成值', '得分'] } },
  ],
  invalid: [
    {
      name: 'a 三级 with no value is an error at the value cell; the hint takes the unit from the name',
      form: { indicators: [...FILLED, ['', '', '新增停车泊位数量', '']] },
      errors: [{ messageId: 'noValue', a1: 'D15', data: { name: '新增停车泊位数量', hint: '比较符号、数值和单位（个）' } }],
    },
    {
      name: 'a deadline with no value: the hint is a date in the form\'s year',
      form: { indicators: [['产出指标', '时效指标', '供水管网改造完成时间', '']] },
      errors: [{ messageId: 'noValue', a1: 'D12', data: { hint: '完成时限（如“2024年12月底前”）' } }],
    },
    {
      name: 'a value with no indicator name',
      form: { indicators: [...FILLED, ['', '', '', '≥95%']] },
      errors: [{ messageId: 'noName', a1: 'C15', data: { value: '≥95%' } }],
    },
    {
      name: 'an empty 二级 scaffold row is a warning: fill it in or delete it (a dash counts as empty)',
      form: { indicators: [...FILLED, ['', '生态效益指标', '—', '']] },
      errors: [{ messageId: 'scaffold', a1: 'C15', data: { level: '二级指标', label: '生态效益指标' }, suggestions: [[], []] }],
    },
    {
      name: 'an empty 满意度 row: fill it in (never "delete" the 满意度 block)',
      form: { indicators: [...FILLED, ['满意度指标', '服务对象满意度指标', '', '']] },
      errors: [{ messageId: 'scaffoldRequired', a1: 'C15', data: { label: '服务对象满意度指标' }, suggestions: [[]] }],
    },
  ],
});

describe('empty-indicator-row levels', () => {
  it('a missing value is an error, an empty scaffold row a warning; both move with the configured level', () => {
    const form = { indicators: [...FILLED, ['', '', '新增停车泊位数量', ''], ['', '生态效益指标', '', '']] };
    expect(lintWithRule(rule, form, { lexicon: defaultLexicon }).map((d) => d.severity)).toEqual(['error', 'warning']);
    const english = lintWithRule(rule, form, { lexicon: defaultLexicon, locale: 'en' });
    expect(english[1]!.suggestions!.map((s) => s.desc)).toEqual(['Name an indicator of "生态效益指标" on this row and give its target', 'Delete this empty row (when "生态效益指标" does not apply to the project)']);
  });
});
