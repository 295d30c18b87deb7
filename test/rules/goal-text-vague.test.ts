import { describe, expect, it } from 'vitest';
import rule, { sloganHits } from '../../rules/goal-text-vague.js';
import { lintWithRule, type FormSpec } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';
import { SEED_FORM, SEED_OVERALL_GOAL } from './seed-form.js';

const rows = [
  ['产出指标', '数量指标', '新建社区养老服务设施数量', '≥50个'],
  ['', '', '培训养老护理员人次', '≥1000人次'],
  ['效益指标', '社会效益指标', '社区养老服务覆盖率', '≥80%'],
];
const SLOGANS = '深入贯彻落实上级决策部署，进一步提升养老服务水平，着力打造养老服务品牌。';
const withGoals = (goals: FormSpec['goals']): FormSpec => ({ goals, indicators: rows });

describe('sloganHits', () => {
  it('counts every occurrence, overlapping words once', () => {
    expect(sloganHits('深入贯彻落实，积极参与，积极引进', defaultLexicon.vague.slogans)).toEqual(['深入贯彻', '积极', '积极']);
    expect(sloganHits(SEED_OVERALL_GOAL, defaultLexicon.vague.slogans)).toHaveLength(13);
  });
});

testRule(rule, {
  valid: [
    { name: 'an annual goal of outputs and figures', form: withGoals({ overall: '完善社区养老服务体系。', annual: '2024年新建社区养老服务设施50个，培训养老护理员1000人次，社区养老服务覆盖率达到80%。' }) },
    { name: 'one slogan word is ordinary Chinese', form: withGoals({ overall: '完善社区养老服务体系。', annual: '进一步完善社区养老服务设施布局。' }) },
    { name: 'slogans beside enough figures', form: withGoals({ overall: '完善社区养老服务体系。', annual: '积极推进社区养老，着力补齐短板：新建社区养老服务设施50个，培训养老护理员1000人次。' }) },
    { name: 'a strategic 总体目标 without slogans', form: withGoals({ overall: '改善全县中小学教学装备条件，推进义务教育优质均衡发展。', annual: '新建社区养老服务设施50个。' }) },
  ],
  invalid: [
    {
      name: 'the seed: the 总体目标 is policy language with one figure (info), the annual goal is left alone',
      form: SEED_FORM,
      errors: [
        {
          messageId: 'slogansLongTerm',
          a1: 'B9',
          data: { goal: '总体目标', count: 13, measure: '可衡量的数值只有1个' },
          suggestions: [['2024年搭建展位不少于150平方米，力争招商引资到位资金同比增长25%。']],
        },
      ],
    },
    {
      name: 'an annual goal of slogans: rewritten from the form’s own quantity rows',
      form: withGoals({ overall: '完善社区养老服务体系。', annual: SLOGANS }),
      errors: [
        {
          messageId: 'slogans',
          a1: 'B10',
          data: { goal: '年度目标', words: '深入贯彻、进一步、着力', count: 3, measure: '没有可衡量的数值' },
          suggestions: [['2024年新建社区养老服务设施不少于50个，培训养老护理员不少于1000人次。']],
        },
      ],
    },
    {
      name: 'with no annual goal, the 总体目标 is the goal that must be measurable',
      form: withGoals({ overall: SLOGANS }),
      errors: [{ messageId: 'slogans', a1: 'B9', data: { goal: '总体目标' } }],
    },
    {
      name: 'minSlogans: 1',
      options: { minSlogans: 1 },
      form: withGoals({ overall: '完善社区养老服务体系。', annual: '进一步完善社区养老服务设施布局。' }),
      errors: [{ messageId: 'slogans', a1: 'B10', data: { count: 1 } }],
    },
  ],
});

describe('goal-text-vague levels', () => {
  it('reports a 总体目标 beside an annual goal as info, an annual goal as a warning', () => {
    expect(lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon }).map((d) => d.severity)).toEqual(['info']);
    expect(lintWithRule(rule, withGoals({ overall: '完善社区养老服务体系。', annual: SLOGANS }), { lexicon: defaultLexicon }).map((d) => d.severity)).toEqual(['warning']);
  });

  it('offers the rewrite in words', () => {
    const [finding] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual(['改写为（数值取自本表）：2024年搭建展位不少于150平方米，力争招商引资到位资金同比增长25%。']);
  });
});
