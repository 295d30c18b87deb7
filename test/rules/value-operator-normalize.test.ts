import { describe, expect, it } from 'vitest';
import rule, { normalizeValueNotation } from '../../rules/value-operator-normalize.js';
import { testRule } from './harness.js';

describe('normalizeValueNotation', () => {
  it.each([
    ['>=90%', '≥90%'],
    ['=>95%', '≥95%'],
    ['≧95%', '≥95%'],
    ['＞＝９０％', '≥90%'],
    ['<=475元/亩', '≤475元/亩'],
    ['≦30万元', '≤30万元'],
    ['==100%', '=100%'],
    ['≥98百分比', '≥98%'],
    ['=100.00(%)', '=100.00%'],
    ['≥ 90 %', '≥90%'],
    ['１２００人次', '1200人次'],
  ])('%s → %s', (before, after) => expect(normalizeValueNotation(before)).toBe(after));

  it.each(['≥90%', '不低于95%', '95%以上', '2024年9月前', '显著提升', '≥150平方米（展位）'])('leaves %s alone', (text) => {
    expect(normalizeValueNotation(text)).toBe(text);
  });
});

testRule(rule, {
  valid: [
    { indicators: [['产出指标', '数量指标', '搭建展位面积', '≥150平方米'], ['', '质量指标', '验收合格率', '=100%'], ['', '时效指标', '完成时间', '2024年9月底前']] },
    { indicators: [['效益指标', '社会效益指标', '受益人数', '不少于500人'], ['满意度指标', '服务对象满意度指标', '参展企业满意度', '95%以上']] },
  ],
  invalid: [
    {
      name: 'ASCII and full-width signs, 百分比 and (%) are rewritten in their own cells',
      form: {
        indicators: [
          ['产出指标', '数量指标', '培训人次', '>=500人次'],
          ['', '质量指标', '考核合格率', '＞＝９０％'],
          ['', '', '验收合格率', '=100.00(%)'],
          ['满意度指标', '服务对象满意度指标', '学员满意度', '≥95百分比'],
        ],
      },
      errors: [
        { messageId: 'notation', a1: 'D12', data: { before: '>=500人次', after: '≥500人次' }, fix: [{ a1: 'D12', after: '≥500人次' }] },
        { messageId: 'notation', a1: 'D13', fix: [{ a1: 'D13', after: '≥90%' }] },
        { messageId: 'notation', a1: 'D14', fix: [{ a1: 'D14', after: '=100.00%' }] },
        { messageId: 'notation', a1: 'D15', fix: [{ a1: 'D15', after: '≥95%' }] },
      ],
    },
  ],
});
