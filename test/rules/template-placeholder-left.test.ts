import { describe, expect, it } from 'vitest';
import rule, { templateMark } from '../../rules/template-placeholder-left.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

describe('templateMark', () => {
  it.each([
    ['苗木成活率(≥**%)', '**'],
    ['项目总投入（≥＊＊万元）', '＊＊'],
    ['XX村道路硬化里程', 'XX'],
    ['××乡镇卫生院设备购置数量', '××'],
    ['……', '……'],
    ['□□培训人次', '□□'],
    ['指标1：', '指标1：'],
    ['具体指标', '具体指标'],
  ])('%s → %s', (name, mark) => expect(templateMark(name)).toBe(mark));

  it.each(['购置数字化X射线摄影系统（DR）数量', '★农村低保发放人数', '**农村低保发放人数', 'XXL号防护服采购数量', '5G基站建设数量'])('%s has none', (name) => {
    expect(templateMark(name)).toBeUndefined();
  });
});

testRule(rule, {
  valid: [
    SEED_FORM,
    {
      goals: { annual: '目标1：2025年为全县乡镇卫生院购置数字化X射线摄影系统（DR）8台。\n目标2：设备到货验收合格率100%。' },
      indicators: [
        ['产出指标', '数量指标', '购置数字化X射线摄影系统（DR）数量', '=8台'],
        ['', '', '★农村低保发放人数', '≥1200人'],
        // Null values are placeholder-or-null-value's.
        ['', '质量指标', '设备到货验收合格率', '/'],
        ['', '时效指标', '设备安装完成时间', '——'],
      ],
    },
  ],
  invalid: [
    {
      name: 'a value left as the template: the goals give the figure (目标1：全市8个公共文化场馆全年免费开放)',
      form: {
        goals: { overall: '目标1：全市8个公共文化场馆全年免费开放，年接待读者35万人次以上。' },
        indicators: [['产出指标', '数量指标', '免费开放场馆数量', '≥**个']],
      },
      errors: [{ messageId: 'valueMark', a1: 'D12', data: { value: '≥**个' }, suggestions: [['≥8个']] }],
    },
    {
      name: 'a template note in the name: drop it',
      form: { indicators: [['产出指标', '质量指标', '苗木成活率(≥**%)', '≥85%'], ['', '数量指标', 'XX村道路硬化里程', '≥3公里']] },
      errors: [
        { messageId: 'nameMark', a1: 'C12', data: { name: '苗木成活率(≥**%)', mark: '**' }, suggestions: [['苗木成活率']] },
        { messageId: 'nameMark', a1: 'C13', data: { mark: 'XX' } },
      ],
    },
    {
      name: 'a unit or a sign with no figure (F7: 指标1:新建堤防、护岸长度 | 公里)',
      form: {
        indicators: [
          ['产出指标', '数量指标', '新建堤防、护岸长度', '公里'],
          ['', '质量指标', '工程验收合格率', '≧ %'],
          ['', '数量指标', '培训人次', '……'],
        ],
      },
      errors: [
        { messageId: 'unitOnly', a1: 'D12', data: { value: '公里', unit: '公里' } },
        { messageId: 'unitOnly', a1: 'D13', data: { value: '≧ %', unit: '%' } },
        { messageId: 'valueMark', a1: 'D14', data: { value: '……' } },
      ],
    },
    {
      name: 'split columns: the unit column filled, the figure cell empty',
      form: { extraColumns: ['度量单位'], indicators: [['产出指标', '数量指标', '新建堤防、护岸长度', '', '公里'], ['', '', '新建道路长度', '3', '公里']] },
      errors: [{ messageId: 'unitOnly', a1: 'D12', data: { value: '公里' } }],
    },
    {
      name: 'a template name with nothing in it, and an empty 目标2：',
      form: {
        goals: { annual: '目标1：新建堤防2公里。\n目标2：\n目标3：工程验收合格率100%。' },
        indicators: [['产出指标', '数量指标', '指标1：', '']],
      },
      errors: [
        { messageId: 'emptyGoal', a1: 'B10', data: { field: '年度目标', label: '目标2：' } },
        { messageId: 'nameMark', a1: 'C12', data: { mark: '指标1：' } },
      ],
    },
  ],
});

describe('messages', () => {
  it('says where the figure comes from', () => {
    const [d] = lintWithRule(
      rule,
      { goals: { overall: '目标1：全市8个公共文化场馆全年免费开放。' }, indicators: [['产出指标', '数量指标', '免费开放场馆数量', '≥**个']] },
      { lexicon: defaultLexicon },
    );
    expect(d!.severity).toBe('error');
    expect(d!.message).toBe('指标值“≥**个”是模板占位，没有填写实际目标值；申报表有缺项、错项，审核时会退回。请填写具体数值，或删除该行。');
    expect(d!.suggestions![0]!.desc).toBe('指标值填“≥8个”（总体目标：“全市8个公共文化场馆全年免费开放”）');
  });
});
