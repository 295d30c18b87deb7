import { describe, expect, it } from 'vitest';
import rule from '../../rules/unit-mismatch.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

testRule(rule, {
  valid: [
    {
      name: 'units that fit, magnitudes, per-item costs, unknown count words',
      form: {
        indicators: [
          ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'],
          ['', '', '新建高标准农田面积', '≥2万亩'],
          ['', '', '全年老年助餐服务人次', '≥36万人次'],
          ['', '', '新增社区养老床位', '≥1500张'],
          ['', '', '培训天数', '≥5天'],
          ['', '', '回收废旧物资数量', '≥50吨'],
          ['', '', '改造老旧小区建筑面积', '≥12.4万平方米'],
          ['', '质量指标', '验收合格率', '=100%'],
          ['', '时效指标', '项目完成时间', '2024年9月底前'],
          ['', '', '故障响应时间', '≤24小时'],
          ['成本指标', '经济成本指标', '展位购置费用', '≤30万元'],
          ['', '', '展位设计搭建费用', '≤4000元/平方米'],
          ['', '', '人均体检费用', '≤70元'],
          ['', '', '单个设施建设补助标准', '≤30万元/个'],
          ['效益指标', '可持续影响指标', '工程设计使用年限', '≥20年'],
          ['满意度指标', '服务对象满意度指标', '参展企业满意度', '≥90分'],
        ],
      },
    },
    {
      name: 'split columns: the unit in the unit column only',
      form: {
        extraColumns: ['度量单位', '计算符号'],
        indicators: [['产出指标', '质量指标', '补助资金审核准确率', '100', '%', '=']],
      },
    },
    {
      name: 'a rate-shaped cost on a form with no amount (cost-indicator-uninformative), a time name in a 时效 row with a count (date-value-format), a % under 数量 (rate-under-quantity)',
      form: {
        indicators: [
          ['成本指标', '经济成本指标', '项目成本', '≤100%'],
          ['产出指标', '时效指标', '补助资金拨付时间', '4次'],
          ['', '数量指标', '运维服务覆盖单位数量', '=100%'],
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'rate in 人, cost in 个, area in 个, count in 平方米',
      form: {
        indicators: [
          ['产出指标', '数量指标', '展位面积', '≥1个'],
          ['', '', '监测站点个数', '=150平方米'],
          ['', '质量指标', '培训考核合格率', '≥95人'],
          ['成本指标', '经济成本指标', '展位购置费用', '≤30个'],
          ['', '', '办公经费', '≤8万元'],
        ],
      },
      errors: [
        { messageId: 'mismatch', a1: 'D12', data: { name: '展位面积', expected: '面积（平方米、亩等）', unit: '个' }, suggestions: [['≥1平方米']] },
        { messageId: 'mismatch', a1: 'D13', data: { expected: '数量（个、家、人等）', unit: '平方米' }, suggestions: [['=150个']] },
        { messageId: 'mismatch', a1: 'D14', data: { expected: '百分比（%）', unit: '人' }, suggestions: [['≥95%']] },
        { messageId: 'mismatch', a1: 'D15', data: { expected: '金额（元、万元）', unit: '个' }, suggestions: [['≤30万元']] },
      ],
    },
    {
      name: 'a completion time stated as a rate',
      form: { indicators: [['产出指标', '质量指标', '项目完成时间', '=100%'], ['', '时效指标', '采购计划完成时间', '100%']] },
      errors: [
        { messageId: 'deadlineAsRate', a1: 'D12', data: { example: '2024年12月底前' } },
        { messageId: 'deadlineAsRate', a1: 'D13', data: { value: '100%' } },
      ],
    },
    {
      name: 'split columns: the unit cell is pointed at and rewritten; two units in value and unit columns',
      form: {
        extraColumns: ['度量单位', '计算符号'],
        indicators: [
          ['产出指标', '质量指标', '补助发放准确率', '100', '人', '='],
          ['成本指标', '经济成本指标', '展位设计搭建费用', '28.8万元', '%', '≤'],
          ['产出指标', '质量指标', '设备验收合格率', '100%', '%', '='],
        ],
      },
      errors: [
        { messageId: 'mismatch', a1: 'E12', data: { unit: '人' }, suggestions: [['%']] },
        { messageId: 'conflictingUnits', a1: 'E13', data: { value: '28.8万元', unit: '%' } },
        { messageId: 'duplicateUnit', a1: 'D14', data: { value: '100%', unit: '%' }, suggestions: [['100']] },
      ],
    },
  ],
});

describe('unit-mismatch severity', () => {
  it('a unit written twice alike is info; a real mismatch a warning', () => {
    const found = lintWithRule(
      rule,
      { extraColumns: ['度量单位'], indicators: [['产出指标', '质量指标', '设备验收合格率', '=100%', '%'], ['', '', '补助发放准确率', '=100', '人']] },
      { lexicon: defaultLexicon },
    );
    expect(found.map((d) => `${d.messageId}:${d.severity}`)).toEqual(['duplicateUnit:info', 'mismatch:warning']);
  });
});
