import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../src/engine/testing.js';
import rule from '../../rules/form-type-mismatch.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

const ROWS = [
  ['产出指标', '数量指标', '完成农村户厕改造数量', '≥1200户'],
  ['', '质量指标', '户厕改造验收合格率', '≥95%'],
  ['效益指标', '社会效益指标', '农村卫生厕所普及率', '≥85%'],
];
const EVALUATION = [
  ['决策指标', '项目立项', '立项依据充分性', '充分', '3', '符合法律法规得1分…'],
  ['过程指标', '资金管理', '资金到位率', '=100%', '5', '到位率×5'],
  ['产出指标', '数量指标', '完成农村户厕改造数量', '≥1200户', '15', '按完成比例得分'],
];

testRule(rule, {
  valid: [
    { name: 'a declaration', form: { indicators: ROWS } },
    {
      name: 'a score-bearing declaration (分值, 指标解释, 成本指标(0-20)分) is still a declaration',
      form: { indicators: [['成本指标(0-20)分', '经济成本指标', '每公里养护成本', '≤1.4万元/公里', '10', '养护总费用÷养护里程'], ['产出指标 (40-50)分', '数量指标', '养护农村公路里程', '≥300公里', '10', '年度养护计划']], extraColumns: ['分值', '指标解释'] },
    },
    { name: 'one stray 投入指标 label without scores is level-name-valid\'s', form: { indicators: [...ROWS, ['投入指标', '资金投入', '预算执行率', '≥95%']] } },
  ],
  invalid: [
    {
      name: 'a self-evaluation table: one error, at the target column the reader picked',
      form: { title: '项目支出绩效自评表', indicators: ROWS.map((r) => [...r, '1180户', '14']), extraColumns: ['实际完成值', '得分'] },
      errors: [{ messageId: 'selfEvaluation', a1: 'D11', data: { evidence: '有实际完成值、得分列，标题为“项目支出绩效自评表”', target: '指标值' } }],
    },
    {
      name: 'a 自评表 title over a declaration-shaped grid',
      form: { title: '2023年度项目支出绩效自评表', indicators: ROWS },
      errors: [{ messageId: 'selfEvaluation', a1: 'A1', data: { evidence: '标题为“2023年度项目支出绩效自评表”' } }],
    },
    {
      name: 'an evaluation indicator system: 决策/过程 一级 with 分值 and 评分细则',
      form: { title: '项目支出绩效评价指标体系', indicators: EVALUATION, extraColumns: ['分值', '评分细则'] },
      errors: [{ messageId: 'evaluationSystem', a1: 'A12', data: { labels: '决策指标、过程指标', scoring: '，并有分值或评分标准' } }],
    },
    {
      name: 'two framework 一级 without scores',
      form: { indicators: EVALUATION.map((r) => r.slice(0, 4)) },
      errors: [{ messageId: 'evaluationSystem', a1: 'A12', data: { labels: '决策指标、过程指标', scoring: '' } }],
    },
  ],
});

describe('form-type-mismatch message', () => {
  it('says what the file is and what to submit instead', () => {
    const [finding] = lintWithRule(rule, { indicators: ROWS.map((r) => [...r, '1180户', '14']), extraColumns: ['实际完成值', '得分'] }, { lexicon: defaultLexicon });
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toBe(
      '这是绩效自评表（有实际完成值、得分列），不是绩效目标申报表：自评表在年度执行结束后对照目标打分，预算申报要提交项目支出绩效目标申报表（一级、二级、三级指标和指标值，不含实际完成值和得分）。请改交申报表；本次已按“指标值”列读取目标值。',
    );
  });
});
