import { describe, expect, it } from 'vitest';
import rule from '../../rules/invalid-level-pair.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { declarationFromSpec, lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    { name: 'the seed (2021 profile: 成本指标 → 经济成本指标)', form: SEED_FORM },
    {
      name: 'legacy: 成本指标 under 产出指标',
      indicators: [['产出指标', '数量指标', '建成示范园面积', '≥3000亩'], ['', '成本指标', '每亩建园成本', '≤3000元/亩'], ['效益指标', '经济效益指标', '示范园亩均年收入', '≥8000元']],
    },
    {
      name: '满意度指标 written in both columns, score notes, synonyms',
      indicators: [
        ['产出指标(50分)', '数量指标 (必填)', '培训人次', '≥500人次'],
        ['效果指标', '社会效益指标', '受益人数', '≥500人'],
        ['满意度指标', '满意度指标', '学员满意度', '≥90%'],
      ],
    },
    {
      name: 'unknown and evaluation labels are level-name-valid’s',
      indicators: [['产出指标', '工作指标', '完成工作量', '100%'], ['投入指标', '资金投入', '预算执行率', '≥95%'], ['数量指标', '数量指标', '培训人次', '≥500人次']],
    },
  ],
  invalid: [
    {
      name: '时效指标 under 效益指标: its rows say 社会效益; the 一级 cell is its own',
      form: {
        indicators: [
          ['产出指标', '数量指标', '培训人次', '≥500人次'],
          ['效益指标', '时效指标', '带动就业人数', '≥100人'],
          ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
        ],
      },
      errors: [
        {
          messageId: 'wrongParent',
          a1: 'B13',
          data: { level1: '效益指标', level2: '时效指标', parent: '产出指标' },
          suggestions: [['社会效益指标'], ['产出指标']],
        },
      ],
    },
    {
      name: '满意度 as a 二级 under 效益指标',
      form: {
        indicators: [
          ['产出指标', '数量指标', '培训人次', '≥500人次'],
          ['效益指标', '社会效益指标', '受益人数', '≥500人'],
          ['效益指标', '服务对象满意度指标', '学员满意度', '≥90%'],
        ],
      },
      errors: [{ messageId: 'wrongParent', a1: 'B14', data: { parent: '满意度指标' }, suggestions: [['满意度指标']] }],
    },
    {
      name: 'a 2021 form with 经济成本指标 under 产出指标',
      form: {
        indicators: [
          ['产出指标', '数量指标', '培训人次', '≥500人次'],
          ['产出指标', '经济成本指标', '人均培训成本', '≤800元/人'],
          ['效益指标', '社会效益指标', '受益人数', '≥500人'],
        ],
      },
      errors: [{ messageId: 'wrongParent', a1: 'B13', data: { parent: '成本指标' }, suggestions: [['成本指标']] }],
    },
    {
      name: 'a legacy form with a 2021 name: 经济成本指标 → 成本指标',
      profile: 'legacy',
      form: {
        indicators: [
          ['产出指标', '数量指标', '培训人次', '≥500人次'],
          ['', '经济成本指标', '人均培训成本', '≤800元/人'],
          ['效益指标', '社会效益指标', '受益人数', '≥500人'],
        ],
      },
      errors: [{ messageId: 'otherProfile', a1: 'B13', data: { level2: '经济成本指标', expected: '成本指标', parent: '产出指标' }, suggestions: [['成本指标']] }],
    },
  ],
});

describe('invalid-level-pair messages', () => {
  it('names the profile and the rule of pairing', () => {
    const form = { indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['效益指标', '时效指标', '项目完成时间', '2024年底前']] };
    const [finding] = lintWithRule(rule, form, { lexicon: defaultLexicon });
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toBe(
      '二级指标“时效指标”属于一级指标“产出指标”，不能放在“效益指标”下；一级、二级指标的搭配是指标体系规定的（2021 版指标体系（成本指标单列为一级）），搭配错了系统无法归集，审核按“填报格式规范、无缺项错项”扣分。',
    );
    expect(finding!.suggestions!.map((s) => s.desc)).toEqual(['将一级指标改为“产出指标”']);
  });
});

describe('invalid-level-pair on merged labels', () => {
  // FormSpec has no merges: make the 一级 and 二级 cells shared the way a merged label is read.
  const merged = () => {
    const declaration = declarationFromSpec({
      indicators: [
        ['产出指标', '数量指标', '改造校舍面积', '≥6000平方米'],
        ['效益指标', '社会效益指标', '受益学生人数', '≥3000人'],
        ['效益指标', '时效指标', '工程完工时间', '2024年8月底前'],
        ['效益指标', '时效指标', '竣工验收时间', '2024年9月底前'],
      ],
    });
    const [, benefit, first, second] = declaration.indicators;
    first!.level1 = benefit!.level1!;
    second!.level1 = benefit!.level1!;
    second!.level2 = first!.level2!;
    return declaration;
  };

  it('reports a merged 二级 once, and does not rewrite a 一级 cell that covers other blocks', () => {
    const findings = lintWithRule(rule, merged(), { lexicon: defaultLexicon });
    expect(findings.map((f) => [f.location.a1, f.messageId, f.data?.parent])).toEqual([['B14', 'wrongParent', '产出指标']]);
    expect(findings[0]!.suggestions!.map((s) => [s.desc, s.edits])).toEqual([['将“时效指标”这组指标移到一级指标“产出指标”下', []]]);
  });
});
