import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../src/engine/testing.js';
import rule from '../../rules/missing-required-level2.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

const QUANTITY = ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'];
const QUALITY = ['', '质量指标', '展位搭建验收合格率', '=100%'];
const TIMELINESS = ['', '时效指标', '展位搭建完成时间', '2024年8月15日前'];
const COST = ['成本指标', '经济成本指标', '展位设计搭建费用', '≤60万元'];
const BENEFIT = ['效益指标', '经济效益指标', '现场签约招商引资项目数', '≥10个'];
const SATISFACTION = ['满意度指标', '服务对象满意度指标', '参展企业满意度', '≥90%'];

testRule(rule, {
  valid: [
    { name: 'every dimension, 2021 profile', form: { indicators: [QUANTITY, QUALITY, TIMELINESS, COST, BENEFIT, SATISFACTION] } },
    {
      name: 'legacy profile: 成本指标 under 产出',
      form: { indicators: [['产出指标', '数量指标', '新建示范园面积', '≥1000亩'], ['', '质量指标', '苗木栽植成活率', '≥90%'], ['', '时效指标', '苗木栽植完成时间', '2016年4月底前'], ['', '成本指标', '每亩建园成本', '≤3000元/亩'], ['效益指标', '经济效益指标', '带动农户增收', '≥500元/户']] },
    },
    {
      name: 'a 时效 row filed under 质量 still gives the form its 时效 (timeliness-misfiled moves it)',
      form: { indicators: [QUANTITY, QUALITY, ['', '', '活动按期完成率', '=100%'], COST, BENEFIT] },
    },
    { name: 'an empty 时效指标 row is empty-indicator-row\'s', form: { indicators: [QUANTITY, QUALITY, ['', '时效指标', '', ''], COST, BENEFIT] } },
    { name: 'without 一级/二级 columns nothing says which dimension a row is', form: { indicators: [['', '', '云主机服务可用率', '≥99.9%'], ['', '', '运维服务覆盖单位数量', '≥46个']] } },
    { name: 'the required set is an option', form: { indicators: [QUANTITY, BENEFIT] }, options: { required: ['quantity', 'benefit'] } },
    {
      name: 'with 一级 labels only, the 二级 dimensions cannot be told apart',
      form: { indicators: [['产出指标', '', '搭建展位面积', '≥150平方米'], ['成本指标', '', '展位设计搭建费用', '≤60万元'], ['效益指标', '', '现场签约招商引资项目数', '≥10个']] },
    },
  ],
  invalid: [
    {
      name: 'no 时效指标: reported on the 二级 column of the last 产出 row, with a row built from the 数量 task and the year',
      form: { indicators: [QUANTITY, QUALITY, COST, BENEFIT] },
      errors: [{ messageId: 'missingLevel2', a1: 'B13', data: { parent: '产出指标', name: '时效指标' }, suggestions: [[]] }],
    },
    {
      name: 'no 成本指标 (2021): a 一级 to add after 产出, with the total cost capped at the annual funds',
      form: { funds: { total: 120 }, indicators: [QUANTITY, QUALITY, TIMELINESS, BENEFIT] },
      errors: [{ messageId: 'missingLevel1', a1: 'A14', data: { name: '成本指标' }, suggestions: [[]] }],
    },
    {
      name: 'no 成本指标 (legacy): a 二级 under 产出',
      profile: 'legacy',
      form: { funds: { total: 300 }, indicators: [['产出指标', '数量指标', '新建示范园面积', '≥1000亩'], ['', '质量指标', '苗木栽植成活率', '≥90%'], ['', '时效指标', '苗木栽植完成时间', '2016年4月底前'], ['效益指标', '经济效益指标', '带动农户增收', '≥500元/户']] },
      errors: [{ messageId: 'missingLevel2', a1: 'B14', data: { parent: '产出指标', name: '成本指标' }, suggestions: [[]] }],
    },
    {
      name: 'no 效益指标 at all',
      form: { indicators: [QUANTITY, QUALITY, TIMELINESS, COST, SATISFACTION] },
      errors: [{ messageId: 'missingLevel1', a1: 'A15', data: { name: '效益指标' } }],
    },
    {
      name: 'no 产出 block: one finding for the block, not one per 二级',
      form: { indicators: [COST, BENEFIT, SATISFACTION] },
      errors: [{ messageId: 'missingLevel1', a1: 'A12', data: { name: '产出指标', children: '（含数量指标、质量指标、时效指标）' }, suggestions: [[]] }],
    },
    {
      name: 'a 必填 社会效益 (F4) when the option asks for it',
      options: { required: ['quantity', 'socialBenefit'] },
      form: { indicators: [QUANTITY, BENEFIT] },
      errors: [{ messageId: 'missingLevel2', a1: 'B13', data: { parent: '效益指标', name: '社会效益指标' } }],
    },
  ],
});

describe('missing-required-level2 suggestions', () => {
  const descs = (indicators: string[][], funds?: { total: number }) => lintWithRule(rule, { indicators, ...(funds ? { funds } : {}) }, { lexicon: defaultLexicon }).map((d) => d.suggestions?.map((s) => s.desc));

  it('时效: the first 数量 task with its verb, by the form\'s year', () => {
    expect(descs([QUANTITY, QUALITY, COST, BENEFIT])).toEqual([['增设一行：二级“时效指标”、三级“搭建展位完成时间”、指标值“2024年12月底前”']]);
  });

  it('时效: a 数量 name without a verb, or whose measure word ends the object (农户数), gives the generic task', () => {
    expect(descs([['产出指标', '数量指标', '展位面积', '≥150平方米'], QUALITY, COST, BENEFIT])).toEqual([['增设一行：二级“时效指标”、三级“主要任务完成时间”、指标值“2024年12月底前”']]);
    expect(descs([['产出指标', '数量指标', '补贴农户数', '≥500户'], QUALITY, COST, BENEFIT])).toEqual([['增设一行：二级“时效指标”、三级“主要任务完成时间”、指标值“2024年12月底前”']]);
  });

  it('成本: 项目总成本 within the annual funds, in the form\'s unit', () => {
    expect(descs([QUANTITY, QUALITY, TIMELINESS, BENEFIT], { total: 120 })).toEqual([
      ['增设一行：一级“成本指标”、二级“经济成本指标”、三级“项目总成本”、指标值“≤120万元”（不超过年度资金总额；能拆分的按主要支出分项列出）'],
    ]);
  });
});
