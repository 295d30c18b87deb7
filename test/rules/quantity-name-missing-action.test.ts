import { describe, expect, it } from 'vitest';
import rule from '../../rules/quantity-name-missing-action.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

describe('the seed form', () => {
  const found = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });

  it('展位面积: 搭建展位面积 first, the verb taken from the goals; 展位数量: 设计搭建展位数量, the form’s own 设计搭建', () => {
    expect(found.map((d) => d.location.a1)).toEqual(['C12', 'C13']);
    const [area, count] = found;
    expect(area!.message).toBe(
      '数量指标“展位面积”只有对象和计量，没有写明具体任务（动作），看不出做了什么工作；指标名称应为“具体任务（动作）+关键结果”，评价时按“绩效指标明确性”扣分。' +
        '总体目标写有“吐鲁番市商务局组织设计搭建展位”，建议将“展位面积”调整为“搭建展位面积”。',
    );
    expect(area!.suggestions!.map((s) => s.desc)).toEqual([
      '将“展位面积”调整为“搭建展位面积”（总体目标写有“吐鲁番市商务局组织设计搭建展位”）',
      '将“展位面积”调整为“设计搭建展位面积”（总体目标写有“吐鲁番市商务局组织设计搭建展位”）',
      '将“展位面积”调整为“设计展位面积”（总体目标写有“吐鲁番市商务局组织设计搭建展位”）',
      '将“展位面积”调整为“购置展位面积”（成本指标写有“展位购置费用”）',
    ]);
    expect(area!.suggestions![0]!.edits).toEqual([{ sheet: 'Sheet1', a1: 'C12', before: '展位面积', after: '搭建展位面积' }]);
    expect(count!.suggestions!.map((s) => s.edits[0]!.after)).toEqual(['设计搭建展位数量', '搭建展位数量', '设计展位数量', '购置展位数量']);
  });

  it('speaks English when asked', () => {
    const [area] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon, locale: 'en' });
    expect(area!.message).toContain('evaluators deduct for it. The overall goal says "吐鲁番市商务局组织设计搭建展位": rename it "搭建展位面积".');
  });
});

testRule(rule, {
  valid: [
    // Verbs anywhere, recipients, beneficiary head counts, action nouns.
    {
      indicators: [
        ['产出指标', '数量指标', '农村低保发放人数', '≥1200人'],
        ['', '', '受益人口数', '≥5000人'],
        ['', '', '补助对象人数', '≥300人'],
        ['', '', '覆盖人数', '≥800人'],
        ['', '', '困难群众人数', '≥150人'],
        ['', '', '全年老年助餐服务人次', '≥36万人次'],
        ['', '', '新建保鲜库数量', '=1座'],
        ['', '', '5G基站建设数量', '=20个'],
        ['', '', '参训人数', '=50人'],
        ['', '', '免费开放场馆数量', '≥8个'],
      ],
    },
    // Not under 数量指标.
    { indicators: [['产出指标', '质量指标', '展位面积达标率', '=100%'], ['效益指标', '社会效益指标', '受益企业数量', '≥30家']] },
    // An ambiguous object the goals do not settle is ambiguous-object-action's.
    { indicators: [['产出指标', '数量指标', '车辆数量', '=4辆']] },
  ],
  invalid: [
    {
      name: 'the seed form',
      form: SEED_FORM,
      errors: [
        {
          messageId: 'missingAction',
          a1: 'C12',
          data: { name: '展位面积', after: '搭建展位面积' },
          suggestions: [['搭建展位面积'], ['设计搭建展位面积'], ['设计展位面积'], ['购置展位面积']],
        },
        {
          messageId: 'missingAction',
          a1: 'C13',
          data: { name: '展位数量', after: '设计搭建展位数量' },
          suggestions: [['设计搭建展位数量'], ['搭建展位数量'], ['设计展位数量'], ['购置展位数量']],
        },
      ],
    },
    {
      name: 'the goals settle an ambiguous object: 维修改造校舍 → 维修改造校舍面积 (the lexicon’s wording first)',
      form: {
        goals: { annual: '完成6所学校校舍维修改造，维修改造校舍3000平方米，8月31日前完工。' },
        indicators: [['产出指标', '数量指标', '校舍面积', '≥3000平方米']],
      },
      errors: [{ messageId: 'missingAction', a1: 'C12', data: { after: '维修改造校舍面积' }, suggestions: [['维修改造校舍面积'], ['维修校舍面积'], ['改造校舍面积']] }],
    },
    {
      name: 'the name keeps its marks and notes',
      form: {
        goals: { annual: '目标1：组织设计搭建展位。' },
        indicators: [['产出指标', '数量指标', '★展位面积（平方米）', '150']],
      },
      errors: [
        {
          messageId: 'missingAction',
          a1: 'C12',
          data: { after: '★搭建展位面积（平方米）' },
          suggestions: [['★搭建展位面积（平方米）'], ['★设计搭建展位面积（平方米）'], ['★设计展位面积（平方米）']],
        },
      ],
    },
    {
      name: 'nothing in the form: the lexicon’s wording (会议次数 → 组织召开会议次数)',
      form: { indicators: [['产出指标', '数量指标', '会议次数', '=4次'], ['', '', '全年课程数量', '≥8门']] },
      errors: [
        { messageId: 'missingActionCommon', a1: 'C12', data: { after: '组织召开会议次数' }, suggestions: [['组织召开会议次数']] },
        { messageId: 'missingActionCommon', a1: 'C13', data: { after: '全年开设课程数量' }, suggestions: [['全年开设课程数量']] },
      ],
    },
    {
      name: 'nothing anywhere: say what to add',
      form: { indicators: [['产出指标', '数量指标', '讲座场次', '≥10场']] },
      errors: [{ messageId: 'missingActionBare', a1: 'C12', data: { name: '讲座场次', object: '讲座' } }],
    },
  ],
});

describe('a value without a unit', () => {
  it('the suggestion names the unit the new name calls for', () => {
    const [d] = lintWithRule(rule, { goals: { annual: '组织设计搭建展位。' }, indicators: [['产出指标', '数量指标', '展位面积', '150']] }, { lexicon: defaultLexicon });
    expect(d!.suggestions![0]!.desc).toBe('将“展位面积”调整为“搭建展位面积”（年度目标写有“组织设计搭建展位”；指标值写明单位“平方米”）');
  });
});
