import rule from '../../rules/cost-indicator-uninformative.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: 'cost rows in money',
      form: {
        indicators: [
          ['成本指标', '经济成本指标', '展位购置费用', '≤30万元'],
          ['', '', '人均培训成本', '≤800元/人'],
        ],
      },
    },
    {
      name: 'a control rate beside a money row is a supplementary indicator (R30 FP)',
      form: {
        indicators: [
          ['成本指标', '经济成本指标', '展位设计、搭建费用', '≤60万元'],
          ['', '', '成本控制率', '≤100%'],
          ['', '', '预算执行', '不超预算'],
        ],
      },
    },
    {
      name: 'social and ecological costs are not money; null values are another rule’s',
      form: {
        indicators: [
          ['成本指标', '社会成本指标', '施工期噪声影响', '符合相关规定'],
          ['', '生态环境成本指标', '施工占用耕地面积', '≤2亩'],
          ['', '经济成本指标', '项目成本', '/'],
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a control rate alone (F11, F12): the total from the funds, and a unit cost from the quantity rows',
      form: {
        funds: { total: 120 },
        indicators: [
          ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'],
          ['成本指标', '经济成本指标', '成本控制率', '100%'],
        ],
      },
      errors: [
        {
          messageId: 'asRate',
          a1: 'D13',
          data: { name: '成本控制率', value: '100%' },
          suggestions: [['项目总成本', '≤120万元'], []],
        },
      ],
    },
    {
      name: 'slogans (F13, F14, F17): each row gets advice for an itemised amount',
      form: {
        funds: { unit: '元', total: 3498000 },
        indicators: [
          ['成本指标', '经济成本指标', '建设项目成本', '参照政府采购成本控制'],
          ['', '', '单项业务成本', '符合相关规定'],
          ['', '', '成本控制率', '不超预算'],
        ],
      },
      errors: [
        { messageId: 'asWords', a1: 'D12', data: { value: '参照政府采购成本控制' }, suggestions: [[]] },
        { messageId: 'asWords', a1: 'D13', suggestions: [[]] },
        { messageId: 'asWords', a1: 'D14', suggestions: [['项目总成本', '≤3498000元']] },
      ],
    },
    {
      name: 'legacy profile: 成本指标 under 产出; the only cost row keeps its name and takes the total',
      form: {
        funds: { total: 85 },
        indicators: [
          ['产出指标', '数量指标', '完成老年人健康体检人数', '≥12000人'],
          ['', '成本指标', '体检项目成本', '符合相关规定'],
        ],
      },
      errors: [{ messageId: 'asWords', a1: 'D13', suggestions: [['≤85万元'], []] }],
    },
  ],
});
