import { describe, expect, it } from 'vitest';
import rule from '../../rules/goal-indicator-mismatch.js';
import { figuresIn } from '../../rules/support/quantities.js';
import { lintWithRule, type FormSpec } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

// An empty 总体目标 row above the grid reads as a 长期 banner: the forms below always state one.
const OVERALL = '完善社区养老服务体系。';

const elderly: FormSpec = {
  goals: { overall: OVERALL, annual: '目标1：2024年新建社区养老服务设施50个，新增养老床位500张；\n目标2：培训养老护理员1000人次，社区养老服务覆盖率达到80%。' },
  indicators: [
    ['产出指标', '数量指标', '新建社区养老服务设施数量', '≥50个'],
    ['', '', '培训养老护理员人次', '≥1000人次'],
    ['效益指标', '社会效益指标', '社区养老服务覆盖率', '≥80%'],
    ['', '', '新增社区养老床位', '≥500张'],
  ],
};

describe('figuresIn', () => {
  it('reads figures with their units and the words that say what they count', () => {
    const figures = figuresIn('目标3：以展促招，力争2024年招商引资到位资金同比增长25%。全年提供老年助餐服务不少于36万人次');
    expect(figures.map((f) => [f.written, f.noun, f.operator])).toEqual([
      ['25%', '招商引资到位资金同比增长', undefined],
      ['36万人次', '提供老年助餐服务', '≥'],
    ]);
  });

  it('leaves years, dates, ordinals, quoted codes and bare numbers alone', () => {
    expect(figuresIn('为深入贯彻“1535”工作思路，积极参与2024第八届中国—亚欧博览会，吸引世界500强，9月30日前完成，3个月内验收')).toEqual([]);
  });
});

testRule(rule, {
  valid: [
    { name: 'every figure of the goal has its indicator', form: elderly },
    {
      name: '万 is scaled: 36万人次 is 360000人次',
      form: { goals: { overall: OVERALL, annual: '全年提供老年助餐服务不少于36万人次。' }, indicators: [['产出指标', '数量指标', '全年老年助餐服务人次', '≥360000人次']] },
    },
    {
      name: 'a goal figure that sums several rows (8万亩 = 3万亩 + 5万亩)',
      form: {
        goals: { overall: OVERALL, annual: '实施营造林8万亩，其中新造林3万亩。' },
        indicators: [['产出指标', '数量指标', '新造林面积', '≥30000亩'], ['', '', '封山育林面积', '≥50000亩']],
      },
    },
    {
      name: 'a figure that only sets the scope of another (为12所中小学采购…96套)',
      form: { goals: { overall: OVERALL, annual: '为12所中小学采购交互式智慧黑板96套。' }, indicators: [['产出指标', '数量指标', '采购交互式智慧黑板数量', '=96套']] },
    },
    {
      name: 'counts agree across classifiers (2座公园 / 改造公园数量 =2个)',
      form: { goals: { overall: OVERALL, annual: '2025年完成2座公园改造主体工程。' }, indicators: [['产出指标', '数量指标', '改造公园数量', '=2个']] },
    },
    {
      name: 'a per-head figure in words (户均增收500元 / ≥500元/户)',
      form: { goals: { overall: OVERALL, annual: '带动400户农户户均增收500元以上。' }, indicators: [['效益指标', '经济效益指标', '带动农户增收', '≥500元/户'], ['', '社会效益指标', '受益农户数', '≥400户']] },
    },
    {
      name: 'policy language with years, ordinals and codes states no figure',
      form: { goals: { overall: OVERALL, annual: '为深入贯彻吐鲁番市委“1535”工作思路，积极参与2024第八届中国—亚欧博览会。' }, indicators: [['产出指标', '数量指标', '搭建展位面积', '≥150平方米']] },
    },
    {
      name: 'money the header states is carried by the header (项目总投资120万元)',
      form: { funds: { total: 120, fiscal: 120, other: 0 }, goals: { overall: OVERALL, annual: '项目总投资120万元，搭建展位150平方米。' }, indicators: [['产出指标', '数量指标', '搭建展位面积', '≥150平方米']] },
    },
    {
      name: 'background figures about the same people (全县现有65岁以上老年人3.2万人)',
      form: { goals: { overall: OVERALL, annual: '全县现有65岁以上老年人3.2万人，为其提供免费体检。' }, indicators: [['产出指标', '数量指标', '完成老年人健康体检人数', '≥12000人']] },
    },
    {
      name: 'the 总体目标 is not read when an annual goal exists',
      form: { goals: { overall: '力争2024年招商引资到位资金同比增长25%。', annual: '搭建展位150平方米。' }, indicators: [['产出指标', '数量指标', '搭建展位面积', '≥150平方米']] },
    },
  ],
  invalid: [
    {
      name: 'the seed: 招商引资到位资金同比增长25% is carried by no indicator',
      form: SEED_FORM,
      errors: [{ messageId: 'notCarried', a1: 'B10', data: { goal: '年度目标', quote: '力争2024年招商引资到位资金同比增长25%' }, suggestions: [[]] }],
    },
    {
      name: 'the indicator states another number than the goal',
      form: { ...elderly, indicators: [['产出指标', '数量指标', '新建社区养老服务设施数量', '≥40个'], ...elderly.indicators.slice(1)] },
      errors: [
        {
          messageId: 'numberDiffers',
          a1: 'D12',
          data: { quote: '2024年新建社区养老服务设施50个', name: '新建社区养老服务设施数量', value: '≥40个' },
          suggestions: [['≥50个'], [elderly.goals!.annual!.replace('设施50个', '设施40个')]],
        },
      ],
    },
    {
      name: 'a rate stated in the goal and another in the indicator',
      form: { goals: { overall: OVERALL, annual: '培训基层干部600人次，培训考核合格率95%以上。' }, indicators: [['产出指标', '数量指标', '培训基层干部人次', '≥600人次'], ['', '质量指标', '考核合格率', '≥90%']] },
      errors: [{ messageId: 'numberDiffers', a1: 'D13', data: { quote: '培训考核合格率95%以上' }, suggestions: [['≥95%'], ['培训基层干部600人次，培训考核合格率90%以上。']] }],
    },
    {
      name: 'progress stated as a share: 项目主体工程完成进度 under 时效指标',
      form: { goals: { overall: OVERALL, annual: '完成项目主体工程70%。' }, indicators: [['产出指标', '数量指标', '新建保鲜库数量', '=1座']] },
      errors: [{ messageId: 'notCarried', a1: 'B10', data: { quote: '完成项目主体工程70%' }, suggestions: [[]] }],
    },
    {
      name: 'an empty scaffold row of the right 二级 takes the missing indicator',
      form: {
        goals: { overall: OVERALL, annual: '以展促招，力争招商引资到位资金同比增长25%。' },
        indicators: [['产出指标', '数量指标', '搭建展位面积', '≥150平方米'], ['效益指标', '经济效益指标', '', '']],
      },
      errors: [{ messageId: 'notCarried', a1: 'B10', suggestions: [['招商引资到位资金同比增长率', '≥25%']] }],
    },
    {
      name: 'without an annual goal, the 总体目标 is read against the indicators',
      form: { goals: { overall: '全年举办重点会展活动不少于12场，实现会展业综合收入280亿元以上。' }, indicators: [['产出指标', '数量指标', '举办重点会展活动场次', '≥12场']] },
      errors: [{ messageId: 'notCarried', a1: 'B9', data: { goal: '总体目标', quote: '实现会展业综合收入280亿元以上' }, suggestions: [[]] }],
    },
  ],
});

describe('goal-indicator-mismatch on the seed form', () => {
  const [finding] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });

  it('says the goal’s number is carried into no indicator, and names the indicator to add', () => {
    expect(finding!.message).toBe(
      '年度目标提出“力争2024年招商引资到位资金同比增长25%”，但没有任何绩效指标承接这一数值：指标应与目标的任务数或计划数相对应，评价时按“绩效指标明确性”扣分。请增加相应指标，或从目标中删去这一数值。',
    );
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual(['在效益指标—经济效益指标下增加指标“招商引资到位资金同比增长率 ≥25%”']);
  });

  it('speaks English too', () => {
    const [en] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon, locale: 'en' });
    expect(en!.suggestions![0]!.desc).toBe('Add the indicator "招商引资到位资金同比增长率 ≥25%" under 效益指标 / 经济效益指标');
  });

  it('files a share of progress under 时效指标', () => {
    const [f] = lintWithRule(rule, { goals: { overall: OVERALL, annual: '完成项目主体工程70%。' }, indicators: [['产出指标', '数量指标', '新建保鲜库数量', '=1座']] }, { lexicon: defaultLexicon });
    expect(f!.suggestions!.map((s) => s.desc)).toEqual(['在产出指标—时效指标下增加指标“项目主体工程完成进度 ≥70%”']);
  });

  it('names the total the goal states without an indicator, with its 二级', () => {
    const [f] = lintWithRule(rule, { goals: { overall: '实现会展业综合收入280亿元以上。' }, indicators: [['产出指标', '数量指标', '举办重点会展活动场次', '≥12场']] }, { lexicon: defaultLexicon });
    expect(f!.suggestions!.map((s) => s.desc)).toEqual(['在效益指标—经济效益指标下增加指标“会展业综合收入 ≥280亿元”']);
  });
});
