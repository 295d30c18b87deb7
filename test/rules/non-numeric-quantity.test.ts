import rule from '../../rules/non-numeric-quantity.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: 'figures under 数量; words outside 数量; null-like values (placeholder-or-null-value)',
      form: {
        indicators: [
          ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'],
          ['', '', '组织参展企业数量', '不少于30家'],
          ['', '', '巡检维护学校数量', '待定'],
          ['', '质量指标', '校舍安全隐患', '全部消除'],
          ['效益指标', '社会效益指标', '培训覆盖范围', '全覆盖'],
        ],
      },
    },
  ],
  invalid: [
    {
      name: '若干 / 多个 / 按需 / 全部, with the figure taken from the goals when it is there',
      form: {
        goals: { annual: '为12所中小学采购交互式智慧黑板96套，组织若干场培训。' },
        indicators: [
          ['产出指标', '数量指标', '采购交互式智慧黑板数量', '若干'],
          ['', '', '受益中小学数量', '全部'],
          ['', '', '开展培训场次', '多个'],
          ['', '', '购置办公设备', '按需'],
        ],
      },
      errors: [
        { messageId: 'vagueQuantity', a1: 'D12', data: { name: '采购交互式智慧黑板数量', value: '若干', word: '若干' }, suggestions: [['≥96套']] },
        { messageId: 'vagueQuantity', a1: 'D13', data: { word: '全部' }, suggestions: [['=12所']] },
        { messageId: 'vagueQuantity', a1: 'D14', data: { word: '多个' }, suggestions: [[]] },
        { messageId: 'vagueQuantity', a1: 'D15', data: { word: '按需' } },
      ],
    },
    {
      name: '全覆盖: the number covered, or a coverage rate of 100%',
      form: { indicators: [['产出指标', '数量指标', '培训乡镇数量', '全覆盖']] },
      errors: [{ messageId: 'fullCoverage', a1: 'D12', suggestions: [[], ['培训乡镇覆盖率', '=100%']] }],
    },
    {
      name: 'other words under 数量',
      form: { indicators: [['产出指标', '数量指标', '展位数量', '完成']] },
      errors: [{ messageId: 'notNumeric', a1: 'D12', data: { value: '完成' }, suggestions: [[]] }],
    },
  ],
});
