import { describe, expect, it } from 'vitest';
import rule from '../../rules/process-indicator-as-performance.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

const booth = (quality: string[][]) => ({
  project: { name: '2024年第八届中国—亚欧博览会吐鲁番市代表团活动经费' },
  goals: { annual: '目标1：组织设计搭建吐鲁番市形象展位。' },
  indicators: [['产出指标', '数量指标', '展位面积', '≥150平方米'], ['', '', '展位数量', '=1个'], ...quality],
});

testRule(rule, {
  valid: [
    {
      name: 'quality rows about the booth itself',
      ...booth([['', '质量指标', '展位搭建验收合格率', '=100%'], ['', '', '展位结构及消防安全检查通过率', '=100%']]),
    },
    {
      name: 'effects with 到位资金 and 招商引资 are no process items; goods arriving on site are progress',
      indicators: [
        ['产出指标', '时效指标', '应急物资到位率', '=100%'],
        ['效益指标', '经济效益指标', '招商引资到位资金同比增长率', '≥25%'],
        ['', '可持续影响指标', '长效管护制度健全', '健全'],
      ],
    },
    {
      name: 'allow: the local template requires 预算执行率',
      form: { indicators: [['产出指标', '质量指标', '预算执行率', '≥95%']] },
      options: { allow: ['预算执行率'] },
    },
    {
      name: 'allowUnder: process items accepted under 成本指标',
      form: { indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['成本指标', '经济成本指标', '预算完成率', '≤100%']] },
      options: { allowUnder: ['成本指标'] },
    },
    {
      name: 'an evaluation-framework row (self-evaluation 预算执行率 block) is level-name-valid’s',
      indicators: [['预算执行率(10分)', '', '预算执行率', '=100%']],
    },
  ],
  invalid: [
    {
      name: 'the seed: 资金使用合规率 under 质量指标 → a quality measure of the booth, built from the form',
      form: SEED_FORM,
      errors: [
        {
          messageId: 'process',
          a1: 'C15',
          data: { name: '资金使用合规率', cue: '资金使用合规' },
          suggestions: [['展位搭建验收合格率'], ['展位结构及消防安全检查通过率']],
        },
      ],
    },
    {
      name: 'under 时效: an on-time measure of the output, with the value made a rate',
      form: {
        goals: { annual: '新建社区养老服务设施50个。' },
        indicators: [['产出指标', '数量指标', '新建社区养老服务设施数量', '≥50个'], ['', '时效指标', '预算资金当年下达率', '≥90%']],
      },
      errors: [{ messageId: 'process', a1: 'C13', data: { cue: '下达率' }, suggestions: [['社区养老服务设施新建按期完成率', '=100%']] }],
    },
    {
      name: 'training: the quality of the training is the exam pass rate',
      form: { indicators: [['产出指标', '数量指标', '培训基层干部人次', '≥600人次'], ['', '质量指标', '经费支出合规性', '合规']] },
      errors: [{ messageId: 'process', a1: 'C13', suggestions: [['基层干部培训考核合格率', '=100%']] }],
    },
    {
      name: 'a subsidy: the quality of a transfer is its accuracy',
      form: { indicators: [['产出指标', '数量指标', '发放补贴耕地面积', '=62.5万亩'], ['', '质量指标', '补贴资金到位率', '=100%']] },
      errors: [{ messageId: 'process', a1: 'C13', data: { cue: '资金到位' }, suggestions: [['耕地补贴准确率']] }],
    },
    {
      name: 'F18: 结余率 under 经济效益 and 科目调整次数 under 数量 — nothing to rewrite them into, so delete',
      form: {
        indicators: [
          ['产出指标', '数量指标', '科目调整次数', '≤10次'],
          ['效益指标', '经济效益指标', '结余率', '≤5%'],
          ['', '社会效益指标', '财务管理规范性', '规范'],
        ],
      },
      errors: [
        { messageId: 'process', a1: 'C12', data: { cue: '科目调整' }, suggestions: [[]] },
        { messageId: 'process', a1: 'C13', data: { cue: '结余率' }, suggestions: [[]] },
        { messageId: 'process', a1: 'C14', suggestions: [[]] },
      ],
    },
    {
      name: 'a process item in a wrongly paired block is still reported',
      form: { indicators: [['效益指标', '质量指标', '资金使用合规率', '=100%']] },
      errors: [{ messageId: 'process', a1: 'C12' }],
    },
  ],
});

describe('process-indicator-as-performance suggestions', () => {
  it('the seed: the acceptance and safety rewrites say what they measure and where their words came from', () => {
    const [finding] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });
    expect(finding!.message).toBe(
      '“资金使用合规率”是资金管理、过程类指标（“资金使用合规”），反映的是项目和资金怎么管理，不是项目的产出或效果；这类内容在绩效评价的“过程”部分（资金管理、组织实施）单独考核，作为绩效指标属于指标设置不当。请换成反映产出本身质量的指标。',
    );
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual([
      '改为“展位搭建验收合格率”（指标值 =100%），衡量产出本身的质量；“展位”取自数量指标“展位面积”，“搭建”取自绩效目标',
      '改为“展位结构及消防安全检查通过率”（指标值 =100%）：验收时逐项检查结构、电路和消防安全，并在指标解释中写明验收标准',
    ]);
    expect(finding!.suggestions!.map((s) => s.edits)).toEqual([
      [{ sheet: 'Sheet1', a1: 'C15', before: '资金使用合规率', after: '展位搭建验收合格率' }],
      [{ sheet: 'Sheet1', a1: 'C15', before: '资金使用合规率', after: '展位结构及消防安全检查通过率' }],
    ]);
  });

  it('does not offer a rewrite the form already has', () => {
    const [finding] = lintWithRule(rule, booth([['', '质量指标', '展位搭建验收合格率', '=100%'], ['', '', '资金使用合规率', '=100%']]), { lexicon: defaultLexicon });
    expect(finding!.suggestions!.map((s) => s.edits.map((e) => e.after))).toEqual([['展位结构及消防安全检查通过率']]);
  });
});
