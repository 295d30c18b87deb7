import { describe, expect, it } from 'vitest';
import rule from '../../rules/budget-cost-mismatch.js';
import { declarationFromSpec, lintWithRule, type FormSpec } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

const costs = (...rows: [string, string][]): string[][] => rows.map(([name, value], i) => [i === 0 ? '成本指标' : '', i === 0 ? '经济成本指标' : '', name, value]);
const form = (funds: FormSpec['funds'], ...rows: [string, string][]): FormSpec => ({ funds, indicators: [['产出指标', '数量指标', '搭建展位面积', '≥150平方米'], ...costs(...rows)] });

testRule(rule, {
  valid: [
    { name: 'the seed: 120 = 120 + 0, costs 30 + 60 + 20 + 8 = 118 ≤ 120', form: SEED_FORM },
    {
      name: 'unit costs are never summed; a subtotal equal to the budget is fine',
      form: form({ total: 100, fiscal: 100, other: 0 }, ['人均培训成本', '≤3000元/人'], ['单位面积改造成本', '≤280元/平方米'], ['每公里养护成本', '≤1.4万元/公里'], ['亩均补贴标准', '=120元/亩'], ['培训总成本', '≤100万元']),
    },
    { name: 'a source left blank is the gap, not an error', form: form({ total: 100, fiscal: 80, other: '' }, ['展位购置费用', '≤30万元']) },
    { name: 'a project total equal to the annual funds', form: form({ total: 120, fiscal: 120, other: 0 }, ['项目总投入', '≤120万元']) },
    {
      name: 'a form in 元 with cost rows in 万元 (349.8万元 = 3,498,000元)',
      form: form({ unit: '元', total: '3,498,000.00', fiscal: '3,200,000.00', other: '298,000.00' }, ['建筑安装工程费', '≤300万元'], ['工程建设其他费', '≤49.8万元']),
    },
    { name: 'costs below the budget', form: form({ total: 100, fiscal: 60, other: 40 }, ['展位购置费用', '≤30万元'], ['人员差旅费成本', '≤20万元']) },
  ],
  invalid: [
    {
      name: 'the total is not the sum of its sources',
      form: form({ total: 120, fiscal: 100, other: 10 }),
      errors: [{ messageId: 'headerSum', a1: 'C6', data: { section: '年度资金', total: '120', parts: '财政拨款100＋其他资金10', sum: '110', unit: '万元' } }],
    },
    {
      name: 'a part larger than the total',
      form: form({ total: 100, fiscal: 120, other: 0 }),
      errors: [{ messageId: 'partExceeds', a1: 'C7', data: { part: '财政拨款', amount: '120', total: '100' } }],
    },
    {
      name: 'money cost rows add up to more than the annual funds',
      form: form({ total: 100, fiscal: 100, other: 0 }, ['展位购置费用', '≤60万元'], ['展位设计、搭建费用', '≤500000元']),
      errors: [{ messageId: 'costsExceed', a1: 'C6', data: { sum: '110', rows: '展位购置费用60、展位设计、搭建费用50', total: '100' } }],
    },
    {
      name: 'a project-total row that is not the annual funds',
      form: form({ total: 120, fiscal: 120, other: 0 }, ['项目计划总投资', '≤150万元']),
      errors: [{ messageId: 'totalRowDiffers', a1: 'D13', data: { name: '项目计划总投资', value: '≤150万元', total: '120' }, suggestions: [['≤120万元']] }],
    },
    {
      name: 'a cost row 10,000 times the budget: 元 written as 万元',
      form: form({ total: 349.8, fiscal: 349.8, other: 0 }, ['建筑安装工程费', '≤3498000万元']),
      errors: [{ messageId: 'unitConfusion', a1: 'D13', data: { name: '建筑安装工程费', field: '年度资金总额', amount: '349.8' } }],
    },
    {
      name: 'a header source in the other unit',
      form: form({ unit: '元', total: '3,498,000.00', fiscal: 349.8, other: 0 }),
      errors: [{ messageId: 'unitConfusion', a1: 'C7', data: { name: '财政拨款', amount: '3498000', unit: '元' } }],
    },
    {
      name: 'costs about 10,000 times a header in 元: the header unit is wrong',
      form: form({ unit: '元', total: 120, fiscal: 120, other: 0 }, ['展位购置费用', '≤30万元'], ['展位设计、搭建费用', '≤60万元'], ['人员差旅费成本', '≤20万元'], ['办公经费', '≤8万元']),
      errors: [{ messageId: 'unitConfusionSum', a1: 'C6', data: { sum: '1180000', total: '120', ratio: '9833' } }],
    },
  ],
});

describe('budget-cost-mismatch levels and sections', () => {
  it('reports arithmetic as an error and unit confusion as a warning', () => {
    const levels = (spec: FormSpec) => lintWithRule(rule, spec, { lexicon: defaultLexicon }).map((d) => d.severity);
    expect(levels(form({ total: 120, fiscal: 100, other: 10 }))).toEqual(['error']);
    expect(levels(form({ total: 349.8, fiscal: 349.8, other: 0 }, ['建筑安装工程费', '≤3498000万元']))).toEqual(['warning']);
    expect(levels(form({ total: 120, fiscal: 120, other: 0 }, ['项目计划总投资', '≤150万元']))).toEqual(['warning']);
  });

  const multiYear = () => {
    const declaration = declarationFromSpec(form({ total: 1500, fiscal: 1500, other: 0 }, ['项目计划总投资', '≤4500万元']));
    declaration.funds!.project = { total: { text: '4500', amount: 4500 }, fiscal: { text: '4000', amount: 4000 }, other: { text: '500', amount: 500 } };
    return declaration;
  };

  it('never compares the whole-period 项目资金 with annual figures, but checks its own sum', () => {
    const declaration = multiYear();
    expect(lintWithRule(rule, declaration, { lexicon: defaultLexicon })).toEqual([]);
    declaration.funds!.project!.other = { text: '600', amount: 600 };
    expect(lintWithRule(rule, declaration, { lexicon: defaultLexicon }).map((d) => [d.messageId, d.data?.section])).toEqual([['headerSum', '项目资金（跨年度）']]);
  });

  it('adds 上年结转 to the sources', () => {
    const declaration = declarationFromSpec(form({ total: 100, fiscal: 80, other: 0 }));
    expect(lintWithRule(rule, declaration, { lexicon: defaultLexicon }).map((d) => d.messageId)).toEqual(['headerSum']);
    declaration.funds!.annual.carryover = { text: '20', amount: 20 };
    expect(lintWithRule(rule, declaration, { lexicon: defaultLexicon })).toEqual([]);
  });
});
