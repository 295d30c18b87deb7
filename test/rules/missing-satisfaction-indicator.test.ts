import { describe, expect, it } from 'vitest';
import type { FormSpec } from '../../src/engine/testing.js';
import { lintWithRule } from '../../src/engine/testing.js';
import rule from '../../rules/missing-satisfaction-indicator.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

/** The seed form, shared by the rule tests (test/rules/seed-form.ts). */
const SEED: FormSpec = SEED_FORM;

const TRAINING_ROWS = [
  ['产出指标', '数量指标', '举办专题培训班期数', '=6期'],
  ['', '质量指标', '培训考核合格率', '≥95%'],
  ['效益指标', '社会效益指标', '参训学员业务能力提升情况', '显著提升'],
];
const TRAINING_GOAL = '举办专题培训班6期，培训基层财政干部600人次，参训学员考核合格率95%以上。';

const INTERNAL: FormSpec = {
  project: { name: '2024年机关办公楼运行保障' },
  goals: { annual: '保障机关办公楼水电暖和电梯正常运行，为干部职工提供安全有序的办公环境。' },
  indicators: [
    ['产出指标', '数量指标', '维护保障办公楼面积', '=12000平方米'],
    ['', '时效指标', '故障响应时间', '≤2小时'],
    ['成本指标', '经济成本指标', '物业服务费用', '≤85万元'],
  ],
};

testRule(rule, {
  valid: [
    { name: 'a 满意度 block is there', form: { goals: { annual: TRAINING_GOAL }, indicators: [...TRAINING_ROWS, ['满意度指标', '服务对象满意度指标', '参训学员满意度', '≥90%']] } },
    {
      name: 'a satisfaction row filed under 社会效益 still counts (satisfaction-misfiled moves it)',
      form: { goals: { annual: '为全县农户提供农机作业补贴。' }, indicators: [['产出指标', '数量指标', '补贴农户数', '≥500户'], ['效益指标', '社会效益指标', '受益农户满意率', '≥90%']] },
    },
    {
      name: 'no one is served: nothing to ask',
      form: { project: { name: '2024年馆藏档案数字化加工' }, goals: { annual: '完成馆藏档案数字化加工120万页，建立档案目录数据库。' }, indicators: [['产出指标', '数量指标', '完成档案数字化加工页数', '≥120万页'], ['', '质量指标', '数字化成果验收合格率', '=100%'], ['', '时效指标', '加工完成时间', '2024年11月底前']] },
    },
    { name: 'a self-evaluation table is form-type-mismatch\'s', form: { goals: { annual: TRAINING_GOAL }, indicators: TRAINING_ROWS.map((r) => [...r, '完成', '10']), extraColumns: ['实际完成值', '得分'] } },
  ],
  invalid: [
    {
      name: 'the seed: 企业 and 客商 in the goals, no 满意度 — reported on the 一级 column of the last row',
      form: SEED,
      errors: [{ messageId: 'missing', a1: 'A22', data: { who: '参展企业、来访客商', where: '总体目标、年度目标' }, suggestions: [[], []] }],
    },
    {
      name: 'only the unit\'s own staff: info, with their satisfaction',
      form: INTERNAL,
      errors: [{ messageId: 'internalOnly', a1: 'A14', data: { who: '机关干部职工', where: '项目名称、年度目标' }, suggestions: [[]] }],
    },
    {
      name: 'an empty row under 满意度指标 is filled in place',
      form: { goals: { annual: TRAINING_GOAL }, indicators: [...TRAINING_ROWS, ['满意度指标', '服务对象满意度指标', '', '']] },
      errors: [{ messageId: 'missing', a1: 'C15', data: { who: '学员' }, suggestions: [['学员满意度', '≥90%']] }],
    },
    {
      name: 'a qualifier joins the group after it: 受益农户 in the names gives 受益农户满意度; the target is an option',
      form: { goals: { annual: '对购置农机具的农户给予补贴。' }, indicators: [['产出指标', '数量指标', '补贴受益农户数', '≥500户'], ['', '质量指标', '补贴发放准确率', '=100%']] },
      options: { target: '≥95%' },
      errors: [{ messageId: 'missing', a1: 'A13', data: { who: '受益农户' }, suggestions: [[]] }],
    },
  ],
});

describe('missing-satisfaction-indicator suggestions', () => {
  it('the seed: 参展企业满意度 ≥90% and 来访客商满意度 ≥90%, each as a row to add', () => {
    const [finding] = lintWithRule(rule, SEED, { lexicon: defaultLexicon });
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toBe(
      '存在受益对象（参展企业、来访客商，见总体目标、年度目标），未设置满意度指标：满意度指标反映服务对象对项目产出和效果的认可程度，缺少时评价按“绩效指标明确性”扣分。请增设一级“满意度指标”、二级“服务对象满意度指标”。',
    );
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual([
      '增设一行：一级“满意度指标”、二级“服务对象满意度指标”、三级“参展企业满意度”、指标值“≥90%”（实践中多为≥90%或≥95%）',
      '增设一行：一级“满意度指标”、二级“服务对象满意度指标”、三级“来访客商满意度”、指标值“≥90%”（实践中多为≥90%或≥95%）',
    ]);
  });

  it('an internal project is advice (info), and the configured target is used', () => {
    const [finding] = lintWithRule(rule, INTERNAL, { lexicon: defaultLexicon, options: { target: '≥95%' } });
    expect(finding!.severity).toBe('info');
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual(['增设一行：一级“满意度指标”、二级“服务对象满意度指标”、三级“机关干部职工满意度”、指标值“≥95%”（实践中多为≥90%或≥95%）']);
  });

  it('filling an empty 满意度 row rewrites its 三级 and 指标值 cells', () => {
    const [finding] = lintWithRule(rule, { goals: { annual: TRAINING_GOAL }, indicators: [...TRAINING_ROWS, ['满意度指标', '服务对象满意度指标', '', '']] }, { lexicon: defaultLexicon });
    expect(finding!.suggestions![0]!.edits).toEqual([
      { sheet: 'Sheet1', a1: 'C15', before: '', after: '学员满意度' },
      { sheet: 'Sheet1', a1: 'D15', before: '', after: '≥90%' },
    ]);
  });

  it('speaks English in the en locale', () => {
    const [finding] = lintWithRule(rule, SEED, { lexicon: defaultLexicon, locale: 'en' });
    expect(finding!.message).toMatch(/^The project has beneficiaries \(参展企业, 来访客商, see overall goal, annual goal\)/);
  });
});
