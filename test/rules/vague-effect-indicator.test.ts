import { describe, expect, it } from 'vitest';
import rule from '../../rules/vague-effect-indicator.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

describe('the seed form', () => {
  const [d, ...rest] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });

  it('扩大吐鲁番及重点产业的影响: measurable alternatives from the goals, the 25% growth first', () => {
    expect(rest).toEqual([]);
    expect(d!.location.a1).toBe('C22');
    expect(d!.severity).toBe('warning');
    expect(d!.message).toBe(
      '效益指标“扩大吐鲁番及重点产业的影响”由“扩大”加“影响”构成，只说了方向，没有可计数、可计算的对象，无法判断是否实现；评价时按“绩效指标明确性”扣分。' +
        '请改为可衡量的效益指标，如“招商引资到位资金同比增长率 ≥25%”。',
    );
    expect(d!.suggestions!.map((s) => s.desc)).toEqual([
      '改为“招商引资到位资金同比增长率”，指标值“≥25%”，二级指标改为“经济效益指标”（总体目标：“力争2024年招商引资到位资金同比增长25%”）',
      '改为“现场签订招商引资项目数”，指标值写目标个数（如“≥N个”），二级指标改为“经济效益指标”（年度目标：“推介吐鲁番名优特产品和招商项目”）',
      '改为“主流媒体宣传报道次数”，指标值写目标次数（如“≥N次”）',
    ]);
    expect(d!.suggestions![0]!.edits).toEqual([
      { sheet: 'Sheet1', a1: 'C22', before: '扩大吐鲁番及重点产业的影响', after: '招商引资到位资金同比增长率' },
      { sheet: 'Sheet1', a1: 'D22', before: '有效扩大', after: '≥25%' },
      { sheet: 'Sheet1', a1: 'B22', before: '社会效益指标', after: '经济效益指标' },
    ]);
  });
});

testRule(rule, {
  valid: [
    {
      indicators: [
        // A measurable ending or a figure: not vague.
        ['效益指标', '社会效益指标', '老年人慢性病早期发现率', '较上年提高'],
        ['', '', '提升公共服务水平', '≥95%'],
        ['', '经济效益指标', '带动农户增收', '≥500元/户'],
        // Vague words outside 效益: not this rule.
        ['产出指标', '质量指标', '提升服务质量', '明显'],
      ],
    },
    // A sentence is name-is-sentence's.
    { indicators: [['效益指标', '生态效益指标', '提高森林生态系统服务功能，显著改善项目区及周边地区的生态环境。', '显著']] },
  ],
  invalid: [
    {
      name: 'the seed form',
      form: SEED_FORM,
      errors: [
        {
          messageId: 'vague',
          a1: 'C22',
          data: { name: '扩大吐鲁番及重点产业的影响', verb: '扩大', noun: '影响', example: '招商引资到位资金同比增长率 ≥25%' },
          suggestions: [['招商引资到位资金同比增长率', '≥25%', '经济效益指标'], ['现场签订招商引资项目数', '经济效益指标'], ['主流媒体宣传报道次数']],
        },
      ],
    },
    {
      name: 'v3-like: 提升海南会展品牌影响力 | 显著提升',
      form: { goals: { annual: '全年举办重点会展活动不少于12场，培育本土会展品牌。' }, indicators: [['效益指标', '社会效益指标', '提升海南会展品牌影响力', '显著提升']] },
      errors: [{ messageId: 'vague', a1: 'C12', data: { verb: '提升', noun: '影响' }, suggestions: [['主流媒体宣传报道次数']] }],
    },
    {
      name: 'nothing to offer: say what a measurable benefit looks like',
      form: { indicators: [['效益指标', '社会效益指标', '增强群众安全意识', '有效增强']] },
      errors: [{ messageId: 'vagueNoExample', a1: 'C12', data: { verb: '增强', noun: '意识' } }],
    },
    {
      name: 'a target of the row’s own kind comes first; a shared 二级 cell is not rewritten',
      form: {
        goals: { annual: '带动农民增收500元/户，项目区森林覆盖率提高到45%。' },
        indicators: [
          ['效益指标', '生态效益指标', '改善生态环境', '明显'],
          ['', '', '项目区空气质量优良天数比例', '≥85%'],
        ],
      },
      errors: [{ messageId: 'vague', a1: 'C12', data: { example: '项目区森林覆盖率 ≥45%' }, suggestions: [['项目区森林覆盖率', '≥45%'], ['带动农民增收', '≥500元/户']] }],
    },
  ],
});

describe('graded values', () => {
  it('a value on an accepted grade scale (显著/较好/一般) makes it advice (info)', () => {
    const [d] = lintWithRule(rule, { indicators: [['效益指标', '社会效益指标', '提升公共服务水平', '显著']] }, { lexicon: defaultLexicon });
    expect(d!.severity).toBe('info');
  });

  it('a move to another 二级 whose cell is shared is said, not edited', () => {
    const [d] = lintWithRule(
      rule,
      { goals: { annual: '带动农民增收500元/户。' }, indicators: [['效益指标', '社会效益指标', '提升公共服务水平', '明显'], ['', '', '受益人数', '≥500人']] },
      { lexicon: defaultLexicon },
    );
    expect(d!.suggestions![0]!.desc).toBe('改为“带动农民增收”，指标值“≥500元/户”，并移到“经济效益指标”下（年度目标：“带动农民增收500元/户”）');
    expect(d!.suggestions![0]!.edits.map((e) => e.a1)).toEqual(['C12', 'D12']);
  });
});
