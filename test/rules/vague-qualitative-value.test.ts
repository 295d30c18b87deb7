import { describe, expect, it } from 'vitest';
import rule from '../../rules/vague-qualitative-value.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: 'figures, grades of a scale and yes/no values are targets',
      form: {
        indicators: [
          ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'],
          ['', '质量指标', '平台运维服务质量', '优良'],
          ['', '', '工程质量等级', '合格'],
          ['效益指标', '社会效益指标', '参训干部业务能力提升', '较上年提高5个百分点'],
          ['', '可持续影响指标', '社区养老服务长效运营机制', '建立健全'],
          ['', '', '是否建立长效管护机制', '是'],
        ],
      },
    },
    {
      name: '良好 with the scale stated in the basis column',
      form: {
        extraColumns: ['指标值设定依据'],
        indicators: [['效益指标', '社会效益指标', '群众生产生活条件改善程度', '良好', '按优、良、中、差四档评定，入户调查改善户占比≥80%为良']],
      },
    },
    {
      name: 'values under 数量指标 are non-numeric-quantity’s, null-like values placeholder-or-null-value’s, 时效 values that are no time limit date-value-format’s',
      form: {
        indicators: [
          ['产出指标', '数量指标', '开展宣传活动次数', '不断提升'],
          ['效益指标', '社会效益指标', '受益群众人数', '待定'],
          ['产出指标', '时效指标', '项目实施进度', '逐步推进'],
        ],
      },
    },
    {
      name: 'a cost slogan on a form without any amount is cost-indicator-uninformative’s',
      form: { indicators: [['成本指标', '经济成本指标', '成本控制', '不超预算'], ['产出指标', '数量指标', '培训人次', '≥500人次']] },
    },
  ],
  invalid: [
    {
      name: 'the seed: 扩大吐鲁番及重点产业的影响 | 有效扩大',
      form: {
        goals: { annual: '组织设计搭建吐鲁番市形象展位，组织30余家企业参展。' },
        indicators: [
          ['产出指标', '数量指标', '展位面积', '≥150平方米'],
          ['效益指标', '社会效益指标', '扩大吐鲁番及重点产业的影响', '有效扩大'],
        ],
      },
      errors: [{ messageId: 'vague', a1: 'D13', data: { value: '有效扩大', phrase: '有效' }, suggestions: [[]] }],
    },
    {
      name: 'attested vague values (F12, F13, F16, F17), a bare direction, and 较上年提高',
      form: {
        indicators: [
          ['效益指标', '社会效益指标', '学校办学条件', '稳步提高'],
          ['', '', '学生营养健康状况', '持续改善'],
          ['', '', '群众生产生活条件改善状况', '显著提升'],
          ['', '', '项目实施效果', '效果明显'],
          ['', '', '教师教学能力', '提升'],
          ['', '', '老年人慢性病早期发现率', '较上年提高'],
        ],
      },
      errors: [
        { messageId: 'vague', a1: 'D12', data: { phrase: '稳步提高' } },
        { messageId: 'vague', a1: 'D13', data: { phrase: '持续改善' } },
        { messageId: 'vague', a1: 'D14', data: { phrase: '显著提升' } },
        { messageId: 'vague', a1: 'D15', data: { phrase: '效果明显' } },
        { messageId: 'vague', a1: 'D16', data: { value: '提升', phrase: '提升' } },
        { messageId: 'vague', a1: 'D17', data: { phrase: '较上年提高' }, suggestions: [[], []] },
      ],
    },
    {
      name: 'a known rate: the figure in the goals, else a common target',
      form: {
        goals: { annual: '对全县中小学在用教学设备开展巡检和维修，保障设备完好率98%以上。' },
        indicators: [
          ['产出指标', '质量指标', '教学设备完好率', '进一步提高'],
          ['', '', '维修验收合格率', '良好'],
        ],
      },
      errors: [
        { messageId: 'vague', a1: 'D12', data: { phrase: '进一步' }, suggestions: [['≥98%'], []] },
        { messageId: 'gradeUndefined', a1: 'D13', data: { value: '良好', grades: '优/良/中/差' }, suggestions: [['≥95%'], []] },
      ],
    },
    {
      name: 'split columns: 定性 in the sign column becomes the sign, the figure goes to the value cell',
      form: {
        extraColumns: ['度量单位', '指标性质'],
        indicators: [['产出指标', '质量指标', '补助资金审核准确率', '明显提高', '', '定性']],
      },
      errors: [{ messageId: 'vague', a1: 'D12', suggestions: [['≥', '95%'], []] }],
    },
    {
      name: 'a count name: say the figure and the unit',
      form: { indicators: [['效益指标', '社会效益指标', '带动就业人数', '大幅增加']] },
      errors: [{ messageId: 'vague', a1: 'D12', data: { phrase: '大幅' }, suggestions: [[], []] }],
    },
  ],
});

describe('vague-qualitative-value severity', () => {
  it('is info under 可持续影响指标, where qualitative targets are common', () => {
    const found = lintWithRule(rule, { indicators: [['效益指标', '可持续影响指标', '会展业发展长效机制', '逐步健全'], ['', '社会效益指标', '品牌影响力', '显著提升']] }, { lexicon: defaultLexicon });
    expect(found.map((d) => `${d.location.a1}:${d.severity}`)).toEqual(['D12:info', 'D13:warning']);
  });

  it('renders in English with the same data', () => {
    const [d] = lintWithRule(rule, { indicators: [['效益指标', '社会效益指标', '学生营养健康状况', '持续改善']] }, { lexicon: defaultLexicon, locale: 'en' });
    expect(d!.message).toBe('The value "持续改善" is qualitative, with neither a figure nor a defined grade ("持续改善"), so whether it was met cannot be judged; quantify it, or use a defined grade scale.');
  });
});
