import { describe, expect, it } from 'vitest';
import rule from '../../rules/quality-indicator-not-about-output.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    {
      name: 'a works project with an acceptance measure',
      project: { name: '老旧公园改造提升工程' },
      indicators: [['产出指标', '数量指标', '改造公园数量', '=2个'], ['', '质量指标', '工程验收合格率', '=100%'], ['', '', '资金使用合规率', '=100%']],
    },
    {
      name: 'a subsidy programme (发放类): no product to accept',
      project: { name: '2025年耕地地力保护补贴' },
      indicators: [['产出指标', '数量指标', '发放补贴农户数', '≥42000户'], ['', '质量指标', '资金使用合规率', '=100%']],
    },
    {
      name: 'a training project builds nothing',
      project: { name: '2024年基层财政干部业务培训' },
      indicators: [['产出指标', '数量指标', '培训基层财政干部人次', '≥600人次'], ['', '质量指标', '资金使用合规率', '=100%']],
    },
    {
      name: 'a quality row that is not a process item may well be about the product',
      project: { name: '老旧公园改造提升工程' },
      indicators: [['产出指标', '数量指标', '改造公园数量', '=2个'], ['', '质量指标', '苗木成活率', '≥95%']],
    },
    {
      name: 'no 质量 block at all is another rule’s matter',
      project: { name: '老旧公园改造提升工程' },
      indicators: [['产出指标', '数量指标', '改造公园数量', '=2个'], ['', '时效指标', '完工时间', '2025年12月底前']],
    },
  ],
  invalid: [
    {
      name: 'the seed: 资金使用合规率 and 活动按期完成率 say nothing about the booth',
      form: SEED_FORM,
      errors: [
        {
          messageId: 'processOnly',
          a1: 'B15',
          data: { items: '资金使用合规率、活动按期完成率', work: '展位搭建' },
          suggestions: [['展位搭建验收合格率'], []],
        },
      ],
    },
    {
      name: 'a purchase: the verb is in the quantity row',
      form: {
        project: { name: '某县2025年乡镇卫生院医疗设备购置项目' },
        indicators: [['产出指标', '数量指标', '购置全自动生化分析仪数量', '=8台'], ['', '质量指标', '资金使用合规性', '=100%']],
      },
      errors: [{ messageId: 'processOnly', a1: 'B13', data: { work: '全自动生化分析仪购置' }, suggestions: [['全自动生化分析仪购置验收合格率']] }],
    },
    {
      name: 'an event with booths: the booths are what gets accepted',
      form: {
        project: { name: '某县2025年中国农民丰收节庆祝活动' },
        indicators: [['产出指标', '数量指标', '举办丰收节庆祝活动场次', '=1场'], ['', '', '搭建农产品展销展位数量', '=80个'], ['', '质量指标', '资金使用合规率', '=100%']],
      },
      errors: [{ messageId: 'processOnly', a1: 'B14', data: { work: '农产品展销展位搭建' }, suggestions: [['农产品展销展位搭建验收合格率'], []] }],
    },
    {
      name: 'the replaced row gets the acceptance target',
      form: {
        project: { name: '老旧公园改造提升工程' },
        indicators: [['产出指标', '数量指标', '改造公园数量', '=2个'], ['', '质量指标', '预算执行率', '≥95%']],
      },
      errors: [{ messageId: 'processOnly', a1: 'B13', data: { work: '公园改造' }, suggestions: [['公园改造验收合格率', '=100%']] }],
    },
  ],
});

describe('quality-indicator-not-about-output on the seed form', () => {
  it('calls the built booth a stand (展台) in the safety check', () => {
    const [finding] = lintWithRule(
      rule,
      { project: { name: '丰收节' }, indicators: [['产出指标', '数量指标', '搭建农产品展销展位数量', '=80个'], ['', '质量指标', '资金使用合规率', '=100%']] },
      { lexicon: defaultLexicon },
    );
    expect(finding!.suggestions![1]!.desc).toBe('在质量指标下增加“农产品展销展台结构及消防安全检查通过率 = 100%”');
  });

  it('suggests acceptance measures of the booth built from the form, and the written standard', () => {
    const [finding] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual([
      '把“资金使用合规率”改为“展位搭建验收合格率 = 100%”（过程管理类指标不反映产出质量）',
      '在质量指标下增加“展台结构及消防安全检查通过率 = 100%”',
    ]);
    expect(finding!.message).toContain('在指标解释或指标值设定依据中写明书面验收标准');
    expect(finding!.suggestions![0]!.edits).toEqual([{ sheet: 'Sheet1', a1: 'C15', before: '资金使用合规率', after: '展位搭建验收合格率' }]);
  });
});
