import { describe, expect, it } from 'vitest';
import rule from '../../rules/ambiguous-object-action.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

describe('the seed form', () => {
  it('车辆数量: 购置、维修维护还是办理车辆通行证 — a pick list; 展位 is settled by the goals (quantity-name-missing-action)', () => {
    const found = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d!.location.a1).toBe('C14');
    expect(d!.message).toBe(
      '“车辆数量”是购置、维修维护、办理车辆通行证还是租赁的数量？名称只有对象“车辆”，没有写明具体任务（动作），同一对象可以做不同的工作，无法判断目标指的是什么；' +
        '评价时按“绩效指标明确性”扣分。请选定一种写法，如“购置车辆数量”。',
    );
    expect(d!.suggestions!.map((s) => s.desc)).toEqual([
      '改为“购置车辆数量”',
      '改为“维修维护车辆数量”（指标值单位相应改为“辆次”）',
      '改为“办理车辆通行证数量”（指标值单位相应改为“张”）',
      '改为“租赁车辆数量”',
    ]);
    expect(d!.suggestions![0]!.edits).toEqual([{ sheet: 'Sheet1', a1: 'C14', before: '车辆数量', after: '购置车辆数量' }]);
  });
});

testRule(rule, {
  valid: [
    { indicators: [['产出指标', '数量指标', '购置车辆数量', '=4辆'], ['', '', '办理车辆通行证数量', '=4张'], ['', '', '安装监控设备数量', '=12台']] },
    // The goals say what is done to the object: quantity-name-missing-action suggests it.
    { goals: { annual: '购置执法车辆2辆。' }, indicators: [['产出指标', '数量指标', '车辆数量', '=2辆']] },
    // Not a 数量指标.
    { indicators: [['产出指标', '质量指标', '设备完好率', '≥95%']] },
    // Not an ambiguous object: quantity-name-missing-action's.
    { indicators: [['产出指标', '数量指标', '会议次数', '=4次']] },
  ],
  invalid: [
    {
      name: 'the seed form',
      form: SEED_FORM,
      errors: [
        {
          messageId: 'ambiguous',
          a1: 'C14',
          data: { name: '车辆数量', object: '车辆', choices: '购置、维修维护、办理车辆通行证还是租赁', first: '购置车辆数量' },
          suggestions: [['购置车辆数量'], ['维修维护车辆数量'], ['办理车辆通行证数量'], ['租赁车辆数量']],
        },
      ],
    },
    {
      name: 'a cost row 车辆租赁费 puts 租赁 first',
      form: {
        indicators: [
          ['产出指标', '数量指标', '车辆数量', '=4辆'],
          ['成本指标', '经济成本指标', '车辆租赁费', '≤3万元'],
        ],
      },
      errors: [
        {
          messageId: 'ambiguous',
          a1: 'C12',
          data: { choices: '租赁、购置、维修维护还是办理车辆通行证', first: '租赁车辆数量' },
          suggestions: [['租赁车辆数量'], ['购置车辆数量'], ['维修维护车辆数量'], ['办理车辆通行证数量']],
        },
      ],
    },
    {
      name: 'words before the object stay (公务车辆 → 购置公务车辆数量); a lone word after it goes (档案保管数量 → 托管存储档案数量)',
      form: {
        indicators: [
          ['产出指标', '数量指标', '公务车辆数量', '=2辆'],
          ['', '', '档案保管数量', '≥12000卷'],
        ],
      },
      errors: [
        { messageId: 'ambiguous', a1: 'C12', suggestions: [['购置公务车辆数量'], ['维修维护公务车辆数量'], ['办理公务车辆通行证数量'], ['租赁公务车辆数量']] },
        { messageId: 'ambiguous', a1: 'C13', data: { first: '托管存储档案数量' }, suggestions: [['托管存储档案数量'], ['整理档案数量'], ['新增档案整理移库数量'], ['档案数字化数量']] },
      ],
    },
    {
      name: 'a unit note in the name follows the pick; other notes stay',
      form: { indicators: [['产出指标', '数量指标', '车辆数量（辆）', '=4辆'], ['', '', '设备数量（必填）', '=4台']] },
      errors: [
        { messageId: 'ambiguous', a1: 'C12', suggestions: [['购置车辆数量（辆）'], ['维修维护车辆数量（辆次）'], ['办理车辆通行证数量（张）'], ['租赁车辆数量（辆）']] },
        { messageId: 'ambiguous', a1: 'C13', suggestions: [['购置设备数量（必填）'], ['安装设备数量（必填）'], ['维修维护设备数量（必填）'], ['更新设备数量（必填）'], ['租赁设备数量（必填）']] },
      ],
    },
    {
      name: 'rewrites that fit the measure: 展位面积 gets the 面积 ones',
      form: { indicators: [['产出指标', '数量指标', '展位面积', '≥150平方米']] },
      errors: [{ messageId: 'ambiguous', a1: 'C12', data: { choices: '搭建、改造还是租赁', measure: '面积' }, suggestions: [['搭建展位面积'], ['改造展位面积'], ['租赁展位面积']] }],
    },
  ],
});

describe('units', () => {
  it('a value without a unit: each pick names its unit', () => {
    const [d] = lintWithRule(rule, { indicators: [['产出指标', '数量指标', '车辆数量', '4']] }, { lexicon: defaultLexicon });
    expect(d!.suggestions![0]!.desc).toBe('改为“购置车辆数量”（指标值写明单位“辆”）');
  });

  it('quotes the row that points to the first pick', () => {
    const [d] = lintWithRule(rule, { indicators: [['产出指标', '数量指标', '车辆数量', '=4辆'], ['成本指标', '经济成本指标', '车辆租赁费', '≤3万元']] }, { lexicon: defaultLexicon });
    expect(d!.suggestions![0]!.desc).toBe('改为“租赁车辆数量”（表中成本指标：“车辆租赁费”）');
  });
});
