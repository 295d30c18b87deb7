import { describe, expect, it } from 'vitest';
import rule from '../../rules/name-is-sentence.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

const LONG = '组织开展农村实用技术培训并推广新品种新技术应用';

testRule(rule, {
  valid: [
    // 扩大吐鲁番及重点产业的影响 is a vague effect (vague-effect-indicator), not a sentence.
    SEED_FORM,
    {
      indicators: [
        ['产出指标', '数量指标', '新建堤防、护岸长度', '≥2公里'],
        ['', '质量指标', '参保群众权益追溯响应率（全年累计响应次数占申请次数的比例，含线上线下渠道）', '≥95%'],
        ['成本指标', '经济成本指标', '工程建设其他费（勘察设计、监理、检测）', '≤380万元'],
        ['效益指标', '社会效益指标', '群众在乡镇卫生院接受检查服务人次', '≥36000人次'],
        ['满意度指标', '服务对象满意度指标', '学生、家长、社会满意度', '≥90%'],
        ['效益指标', '社会效益指标', '严重精神障碍患者规范管理率', '≥90%'],
      ],
    },
    { form: { indicators: [['产出指标', '数量指标', LONG, '≥500人次']] }, options: { maxLength: 30 }, name: 'maxLength: 30 lets a 23-character name pass' },
  ],
  invalid: [
    {
      name: 'F4: sentences as 效益 rows; the goals give a measurable target',
      form: {
        goals: { annual: '新建高标准农田2万亩；项目区森林覆盖率提高到45%；带动农民增收500元/户。' },
        indicators: [
          ['效益指标', '经济效益指标', '增加就业机会，提高农民收入。', '明显'],
          ['', '生态效益指标', '提高森林生态系统服务功能，显著改善项目区及周边地区的生态环境。', '显著'],
        ],
      },
      errors: [
        { messageId: 'sentence', a1: 'C12', data: { name: '增加就业机会，提高农民收入。', reason: '用“，”断成了句子' }, suggestions: [['带动农民增收', '≥500元/户']] },
        { messageId: 'sentence', a1: 'C13', suggestions: [['项目区森林覆盖率', '≥45%']] },
      ],
    },
    {
      name: 'a clause that is 提高 + a rate names its own measure',
      form: { indicators: [['效益指标', '生态效益指标', '提高森林覆盖率，改善生态环境', '明显']] },
      errors: [{ messageId: 'sentence', a1: 'C12', suggestions: [['森林覆盖率']] }],
    },
    {
      name: 'a slogan, and a long name with several actions and nothing to measure',
      form: {
        indicators: [
          ['效益指标', '社会效益指标', '全面落实乡村振兴战略部署要求', '有效'],
          ['产出指标', '数量指标', LONG, '≥500人次'],
        ],
      },
      errors: [
        { messageId: 'sentence', a1: 'C12', data: { reason: '是“全面落实”一类的口号' }, suggestions: [] },
        { messageId: 'sentence', a1: 'C13', data: { reason: '长达23字、含多个动作，却没有可衡量的对象' } },
      ],
    },
  ],
});

describe('messages', () => {
  it('zh and en', () => {
    const form = { indicators: [['效益指标', '经济效益指标', '增加就业机会，提高农民收入。', '明显']] };
    const [zh] = lintWithRule(rule, form, { lexicon: defaultLexicon });
    expect(zh!.message).toBe(
      '三级指标“增加就业机会，提高农民收入。”是一句话，不是指标名称（用“，”断成了句子）：看不出衡量什么，也无法与指标值对应打分，评价时按“绩效指标明确性”扣分。请改为“可衡量的名称 + 指标值”，一条指标只衡量一件事。',
    );
    const [en] = lintWithRule(rule, form, { lexicon: defaultLexicon, locale: 'en' });
    expect(en!.message).toContain('it is broken into clauses by "，"');
  });

  it('the rate suggestion asks for a target when the goals give none', () => {
    const [d] = lintWithRule(rule, { indicators: [['效益指标', '生态效益指标', '提高森林覆盖率，改善生态环境', '明显']] }, { lexicon: defaultLexicon });
    expect(d!.suggestions![0]!.desc).toBe('改为“森林覆盖率”，指标值写明目标比率（如“≥N%”）');
  });
});
