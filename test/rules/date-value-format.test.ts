import { describe, expect, it } from 'vitest';
import rule from '../../rules/date-value-format.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: 'deadlines, durations, on-time rates, recurring deadlines in words, horizons under 可持续影响',
      form: {
        indicators: [
          ['产出指标', '时效指标', '项目完成时间', '2024年9月底前'],
          ['', '', '采购计划完成时间', '10月31日前'],
          ['', '', '故障响应时间', '≤24小时'],
          ['', '', '补助资金拨付时间', '10个工作日内'],
          ['', '', '参加活动及时率', '=100%'],
          ['', '', '补助资金发放时间', '每月15日前'],
          ['', '', '展会举办时间', '2024年6月26日-6月30日'],
          ['效益指标', '可持续影响指标', '工程设计使用年限', '≥20年'],
          ['', '', '项目效益持续发挥期限', '2035年'],
        ],
      },
    },
    {
      name: 'a multi-year 项目期 (F4: 2022年3月–2023年11月) and 长期 tables',
      form: {
        project: { term: '2年' },
        indicators: [['产出指标', '时效指标', '主体工程完工时间', '2025年11月底前']],
      },
    },
    {
      name: 'null-like and placeholder values, and bare figures (missing-unit), belong to other rules',
      form: { indicators: [['产出指标', '时效指标', '项目完成时间', '/'], ['', '', '验收时间', '**月**日前'], ['', '', '工程完工时间', '10']] },
    },
  ],
  invalid: [
    {
      name: 'timeliness values that are no time limit',
      form: {
        indicators: [
          ['产出指标', '时效指标', '项目完成时间', '及时'],
          ['', '', '补助资金拨付时间', '4次'],
          ['', '', '资金支付进度', '按合同约定'],
        ],
      },
      errors: [
        { messageId: 'notDate', a1: 'D12', data: { name: '项目完成时间', value: '及时', example: '2024年12月底前' }, suggestions: [[]] },
        { messageId: 'notDate', a1: 'D13', data: { value: '4次' }, suggestions: [[]] },
        { messageId: 'notDate', a1: 'D14', data: { value: '按合同约定' } },
      ],
    },
    {
      name: 'a date under 社会效益 (move it, rewriting the 二级 cell that is its own), and a deadline outside the budget year',
      form: {
        indicators: [
          ['产出指标', '时效指标', '苗木栽植完成时间', '2023年4月底前'],
          ['效益指标', '社会效益指标', '全民阅读活动开展期间', '2023.07-2024.01'],
        ],
      },
      errors: [
        { messageId: 'outsideYear', a1: 'D12', data: { year: 2023, range: '2024年' } },
        { messageId: 'dateOutsideTimeliness', a1: 'D13', data: { level2: '社会效益指标' }, suggestions: [['时效指标']] },
      ],
    },
  ],
});

describe('date-value-format severity', () => {
  it('a date outside the year is info: cross-year projects exist', () => {
    const found = lintWithRule(rule, { indicators: [['产出指标', '时效指标', '项目完成时间', '2025年底前'], ['', '', '验收时间', '及时']] }, { lexicon: defaultLexicon });
    expect(found.map((d) => `${d.messageId}:${d.severity}`)).toEqual(['outsideYear:info', 'notDate:warning']);
  });
});
