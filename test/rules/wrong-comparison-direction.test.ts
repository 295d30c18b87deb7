import { describe, expect, it } from 'vitest';
import rule from '../../rules/wrong-comparison-direction.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: 'the usual directions',
      form: {
        indicators: [
          ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'],
          ['', '质量指标', '验收合格率', '=100%'],
          ['', '', '设备故障率', '≤2%'],
          ['', '时效指标', '项目完成时间', '2024年9月底前'],
          ['', '', '故障响应时间', '24小时内'],
          ['成本指标', '经济成本指标', '展位购置费用', '≤30万元'],
          ['', '', '成本控制率', '≤100%'],
          ['', '', '人均培训成本', '不超过800元/人'],
          ['', '生态环境成本指标', '施工占用耕地面积', '≤2亩'],
          ['效益指标', '经济效益指标', '节约行政成本', '≥13万元'],
          ['', '社会效益指标', '受益人数', '不少于500人'],
          ['满意度指标', '服务对象满意度指标', '参展企业满意度', '95%以上'],
        ],
      },
    },
    {
      name: 'a fixed standard takes = or ≥ or ≤; a name with no known direction is left alone',
      form: {
        indicators: [
          ['成本指标', '经济成本指标', '单个设施建设补助标准', '≤30万元/个'],
          ['效益指标', '社会效益指标', '农村低保补助标准', '≥600元/人·月'],
          ['', '', '项目区粮食亩产增加', '≤50公斤'],
        ],
      },
    },
    {
      name: 'a direction column that agrees with the sign',
      form: {
        extraColumns: ['度量单位', '计算符号', '指标方向性'],
        indicators: [
          ['产出指标', '数量指标', '全年举办重点会展活动', '12', '场', '≥', '正向指标'],
          ['', '时效指标', '补助资金拨付时间', '60', '天', '≤', '反向指标'],
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'cost rows with ≥ (F4, F5) and 执行率 / 控制率 under 成本',
      form: {
        indicators: [
          ['成本指标', '经济成本指标', '项目总投入', '≥6070万元'],
          ['', '', '防疫室建设单价', '>=1050元/平方米'],
          ['', '', '预算执行率', '≥95%'],
          ['', '', '单场活动平均补助金额', '250万元以上'],
        ],
      },
      errors: [
        { messageId: 'againstName', a1: 'D12', data: { name: '项目总投入', operator: '≥', sign: '≤', reason: '名称以“总投入”结尾' }, suggestions: [['≤6070万元']] },
        { messageId: 'againstName', a1: 'D13', data: { operator: '≥', sign: '≤' }, suggestions: [['≤1050元/平方米']] },
        { messageId: 'againstName', a1: 'D14', data: { name: '预算执行率', reason: '成本类指标填的是控制上限' }, suggestions: [['≤95%']] },
        { messageId: 'againstName', a1: 'D15', suggestions: [['≤250万元']] },
      ],
    },
    {
      name: 'positive rates with ≤ (C3) and negative rates with ≥',
      form: {
        indicators: [
          ['产出指标', '质量指标', '档案存储设施稳定运行率', '≤99%'],
          ['', '', '服务投诉率', '≥1%'],
          ['满意度指标', '服务对象满意度指标', '服务对象满意度', '不高于90%'],
        ],
      },
      errors: [
        { messageId: 'againstName', a1: 'D12', data: { expected: '越高越好的正向', reason: '名称以“运行率”结尾', sign: '≥' }, suggestions: [['≥99%']] },
        { messageId: 'againstName', a1: 'D13', data: { expected: '越低越好的反向', reason: '名称以“投诉率”结尾', sign: '≤' }, suggestions: [['≤1%']] },
        { messageId: 'againstName', a1: 'D14', suggestions: [['≥90%']] },
      ],
    },
    {
      name: 'a direction column: the sign contradicts it (error), or it contradicts the sign and the name (error)',
      form: {
        extraColumns: ['度量单位', '计算符号', '指标方向性'],
        indicators: [
          ['产出指标', '质量指标', '补助资金审核准确率', '100', '%', '≤', '正向指标'],
          ['成本指标', '经济成本指标', '单场活动平均补助金额', '250', '万元', '≤', '正向指标'],
          ['效益指标', '经济效益指标', '带动会展相关消费', '50', '亿元', '≥', '反向'],
        ],
      },
      errors: [
        { messageId: 'againstColumn', a1: 'F12', data: { direction: '正向指标', operator: '≤', sign: '≥' }, suggestions: [['≥']] },
        { messageId: 'columnWrong', a1: 'G13', data: { direction: '正向指标', fixed: '反向指标' }, suggestions: [['反向指标']] },
        { messageId: 'againstColumn', a1: 'F14', data: { direction: '反向', sign: '≤' }, suggestions: [['≤']] },
      ],
    },
  ],
});

describe('wrong-comparison-direction severity', () => {
  it('is an error when the form’s own direction column says otherwise, a warning from the name alone', () => {
    const found = lintWithRule(
      rule,
      {
        extraColumns: ['度量单位', '计算符号', '指标方向性'],
        indicators: [
          ['产出指标', '质量指标', '补助资金审核准确率', '100', '%', '≤', '正向指标'],
          ['', '', '设备完好率', '95', '%', '≤', ''],
        ],
      },
      { lexicon: defaultLexicon },
    );
    expect(found.map((d) => `${d.messageId}@${d.location.a1}:${d.severity}`)).toEqual(['againstColumn@F12:error', 'againstName@F13:warning']);
  });
});
