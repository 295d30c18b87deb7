import rule from '../../rules/rate-over-100.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: '=100%, ≥95%, 100%, growth rates and comparisons with last year',
      form: {
        indicators: [
          ['产出指标', '质量指标', '验收合格率', '=100%'],
          ['', '', '设备完好率', '≥95%'],
          ['', '时效指标', '参加活动及时率', '100%'],
          ['效益指标', '经济效益指标', '招商引资到位资金同比增长率', '≥125%'],
          ['', '', '农民人均收入增幅', '≥105%'],
          ['', '社会效益指标', '受益人数', '≥100人'],
        ],
      },
    },
    {
      name: 'a cap on a cost rate is another rule’s matter; satisfaction too',
      form: {
        indicators: [
          ['成本指标', '经济成本指标', '成本控制率', '≥100%'],
          ['满意度指标', '服务对象满意度指标', '参展企业满意度', '≥100%'],
        ],
      },
    },
    {
      name: 'growthWords: a user’s own word for a rate that may pass 100%',
      options: { growthWords: ['超产'] },
      form: { indicators: [['效益指标', '经济效益指标', '粮食超产率', '≥110%']] },
    },
  ],
  invalid: [
    {
      name: 'attested: 完成及时率 ≥100% (F6), 合格率 ≥100百分比 (F17), 到位率 >=100% (F19)',
      form: {
        indicators: [
          ['产出指标', '时效指标', '项目(工程)完成及时率', '≥100%'],
          ['', '质量指标', '委托业务报告合格率', '≥100百分比'],
          ['', '', '人才驿站补助资金到位率', '>=100%'],
          ['', '', '覆盖率', '100%以上'],
        ],
      },
      errors: [
        { messageId: 'atLeast100', a1: 'D12', data: { name: '项目(工程)完成及时率', value: '≥100%', operator: '≥' }, suggestions: [['=100%']] },
        { messageId: 'atLeast100', a1: 'D13', data: { value: '≥100百分比' }, suggestions: [['=100%']] },
        { messageId: 'atLeast100', a1: 'D14', suggestions: [['=100%']] },
        { messageId: 'atLeast100', a1: 'D15', suggestions: [['=100%']] },
      ],
    },
    {
      name: 'a figure over 100 on a capped rate; split columns change the sign and the figure cells',
      form: {
        extraColumns: ['度量单位', '计算符号'],
        indicators: [
          ['产出指标', '质量指标', '培训考核合格率', '120', '%', ''],
          ['', '', '设备验收合格率', '100', '%', '>'],
        ],
      },
      errors: [
        { messageId: 'over100', a1: 'D12', suggestions: [[]] },
        { messageId: 'atLeast100', a1: 'D13', data: { operator: '>' }, suggestions: [['=']] },
      ],
    },
  ],
});
