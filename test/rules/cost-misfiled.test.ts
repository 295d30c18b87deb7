import rule from '../../rules/cost-misfiled.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    { name: 'the seed: its cost rows are under 成本指标 → 经济成本指标', form: SEED_FORM },
    {
      name: 'legacy: 成本指标 under 产出指标',
      indicators: [['产出指标', '数量指标', '建成山地苹果示范园面积', '≥3000亩'], ['', '成本指标', '每亩建园成本', '≤3000元/亩']],
    },
    {
      name: 'savings and falling costs are effects; 经费保障 is continuity',
      indicators: [
        ['产出指标', '数量指标', '托管存储档案数量', '≥20万卷'],
        ['效益指标', '经济效益指标', '节约行政成本', '≥13万元/年'],
        ['', '', '企业融资成本下降率', '≥5%'],
        ['', '可持续影响指标', '后续运维经费保障情况', '保障'],
      ],
    },
    {
      name: 'counts, progress and staff deployed are not costs',
      indicators: [
        ['产出指标', '数量指标', '减免租金企业数量', '≥50家'],
        ['', '', '投入执法人员人次', '≥300人次'],
        ['', '时效指标', '年度投资完成率', '≥90%'],
        ['成本指标', '经济成本指标', '成本节约率', '≥5%'],
      ],
    },
    {
      name: 'an effect in 元/户 is no unit cost',
      indicators: [['产出指标', '数量指标', '培训高素质农民人数', '≥500人'], ['效益指标', '经济效益指标', '带动学员户均增收', '≥2000元/户']],
    },
  ],
  invalid: [
    {
      name: 'F17: a cost dressed as an effect under 生态效益指标',
      form: {
        indicators: [
          ['产出指标', '数量指标', '新建污水管网长度', '≥5公里'],
          ['成本指标', '经济成本指标', '管网建设总成本', '≤800万元'],
          ['效益指标', '生态效益指标', '对控制基建项目成本影响程度', '显著'],
        ],
      },
      errors: [
        {
          messageId: 'economic',
          a1: 'C14',
          data: { name: '对控制基建项目成本影响程度', cue: '成本', level2: '生态效益指标', target: '成本指标 → 经济成本指标' },
          suggestions: [[]],
        },
      ],
    },
    {
      name: 'costs and unit costs under 产出 (2021), and a negative effect under 质量',
      form: {
        indicators: [
          ['产出指标', '数量指标', '户均补助金额', '≥2000元/户'],
          ['', '质量指标', '人均培训成本', '≤800元/人'],
          ['', '', '对周边居民生活的负面影响', '较小'],
          ['成本指标', '经济成本指标', '培训总成本', '≤50万元'],
        ],
      },
      errors: [
        { messageId: 'unitCost', a1: 'C12', data: { cue: '元/户' }, suggestions: [[]] },
        { messageId: 'economic', a1: 'C13', data: { cue: '成本' }, suggestions: [[]] },
        { messageId: 'externality', a1: 'C14', data: { target: '成本指标 → 社会成本指标' }, suggestions: [[]] },
      ],
    },
    {
      name: 'legacy: a unit price under 质量 is relabelled 成本指标',
      form: {
        indicators: [
          ['产出指标', '数量指标', '采购交互式智慧黑板数量', '=96套'],
          ['产出指标', '质量指标', '智慧黑板采购单价', '≤2.2万元/套'],
          ['产出指标', '成本指标', '设备采购总成本', '≤211万元'],
        ],
      },
      errors: [{ messageId: 'economic', a1: 'C13', data: { cue: '单价', target: '产出指标 → 成本指标' }, suggestions: [['成本指标']] }],
    },
  ],
});
