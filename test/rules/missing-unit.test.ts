import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../src/engine/testing.js';
import rule from '../../rules/missing-unit.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    { indicators: [['产出指标', '数量指标', '开设课程数量', '=220门'], ['', '质量指标', '培训考核合格率', '≥95%'], ['', '时效指标', '培训完成时间', '2024年11月底前']] },
    { name: 'the unit in its own column', form: { indicators: [['产出指标', '数量指标', '开设课程数量', '220', '门']], extraColumns: ['计量单位'] } },
    { name: 'indices, coefficients and scores have no unit', form: { indicators: [['效益指标', '生态效益指标', '空气质量综合指数', '≤4.5'], ['', '社会效益指标', '营商环境评价得分', '≥85']] } },
    { name: 'a ratio is not a bare figure', form: { indicators: [['成本指标', '经济成本指标', '投入产出比', '1:3']] } },
    { name: 'text and dates are other rules\' business', form: { indicators: [['产出指标', '时效指标', '完成时间', '2024年底前'], ['效益指标', '社会效益指标', '服务水平', '显著提升']] } },
    { name: 'a bare figure for a deadline is a malformed date (date-value-format), not a missing unit', form: { indicators: [['产出指标', '时效指标', '项目完成时间', '12']] } },
  ],
  invalid: [
    {
      name: 'a bare figure: the unit the annual goal gives it first',
      form: { goals: { annual: '开设课程220门，培训学员1200人次。' }, indicators: [['产出指标', '数量指标', '开设课程数量', '220']] },
      errors: [{ messageId: 'missing', a1: 'D12', data: { value: '220', hint: '，如“220门”' }, suggestions: [['220门']] }],
    },
    {
      name: 'a satisfaction figure: % from the name; the operator is kept',
      form: { indicators: [['满意度指标', '服务对象满意度指标', '补助对象满意度', '≥90']] },
      errors: [{ messageId: 'missing', a1: 'D12', suggestions: [['≥90%']] }],
    },
    {
      name: 'the form\'s other 面积 rows are in 亩: that first, then the lexicon\'s 平方米',
      form: { indicators: [['产出指标', '数量指标', '改造公园绿地面积', '≥3000亩'], ['', '', '新建社区绿地面积', '6000']] },
      errors: [{ messageId: 'missing', a1: 'D13', suggestions: [['6000亩'], ['6000平方米']] }],
    },
    {
      name: 'the unit sits in the name\'s brackets: info, move it to the value',
      form: { indicators: [['产出指标', '数量指标', '实施营造林总面积(亩)', '80000']] },
      errors: [{ messageId: 'unitInName', a1: 'D12', data: { unit: '亩', name: '实施营造林总面积(亩)', value: '80000' }, suggestions: [['实施营造林总面积', '80000亩']] }],
    },
    {
      name: 'an empty unit column: the suggestion names the unit to write there',
      form: { indicators: [['产出指标', '数量指标', '开设课程数量', '220', '']], extraColumns: ['计量单位'] },
      errors: [{ messageId: 'missing', a1: 'D12', suggestions: [[]] }],
    },
  ],
});

describe('missing-unit suggestions', () => {
  it('says where each unit comes from, and a move is one suggestion with both edits', () => {
    const [area] = lintWithRule(rule, { indicators: [['产出指标', '数量指标', '改造公园绿地面积', '≥3000亩'], ['', '', '新建社区绿地面积', '6000']] }, { lexicon: defaultLexicon });
    expect(area!.suggestions!.map((s) => s.desc)).toEqual(['指标值写作“6000亩”（单位“亩”，与表中同类指标一致）', '指标值写作“6000平方米”（单位“平方米”，按指标名称）']);
    const [moved] = lintWithRule(rule, { indicators: [['产出指标', '数量指标', '实施营造林总面积（亩）', '80000']] }, { lexicon: defaultLexicon });
    expect(moved!.severity).toBe('info');
    expect(moved!.suggestions![0]!.edits).toEqual([
      { sheet: 'Sheet1', a1: 'C12', before: '实施营造林总面积（亩）', after: '实施营造林总面积' },
      { sheet: 'Sheet1', a1: 'D12', before: '80000', after: '80000亩' },
    ]);
    const [column] = lintWithRule(rule, { indicators: [['产出指标', '数量指标', '开设课程数量', '220', '']], extraColumns: ['计量单位'] }, { lexicon: defaultLexicon });
    expect(column!.suggestions!.map((s) => s.desc)).toEqual(['在计量单位列填写“门”（按指标名称）']);
  });
});
