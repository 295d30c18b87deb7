import { describe, expect, it } from 'vitest';
import rule from '../../rules/duplicate-indicator.js';
import { declarationFromSpec, lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

testRule(rule, {
  valid: [
    { name: 'the seed: 展位面积 and 展位数量 are two measures', form: SEED_FORM },
    { name: 'the same object under different work', indicators: [['产出指标', '数量指标', '新建园路面积', '≥8000平方米'], ['', '', '改造园路面积', '≥2000平方米']] },
    {
      name: 'real quality measures beside the count',
      indicators: [['产出指标', '数量指标', '主体班培训人次', '=280人次'], ['', '质量指标', '培训考核合格率', '≥95%'], ['', '', '学员出勤率', '≥90%']],
    },
    { name: 'a completion of everything restates no particular quantity', indicators: [['产出指标', '数量指标', '签订招商项目数量', '≥16个'], ['', '质量指标', '项目完成率', '=100%']] },
    { name: 'a deadline filed under 质量 is timeliness-misfiled’s matter', indicators: [['产出指标', '数量指标', '举办活动场次', '=1场'], ['', '质量指标', '活动按期完成率', '=100%']] },
  ],
  invalid: [
    {
      name: 'the same name twice, notes and numbering aside',
      form: { indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['', '', '指标2：培训人次（人次）', '≥500人次']] },
      errors: [{ messageId: 'duplicate', a1: 'C13', data: { name: '指标2：培训人次（人次）', row: 12 } }],
    },
    {
      name: 'the same measure with and without its verb',
      form: { indicators: [['产出指标', '数量指标', '展位面积', '≥150平方米'], ['', '', '搭建展位面积', '≥150平方米']] },
      errors: [{ messageId: 'nearDuplicate', a1: 'C13', data: { name: '搭建展位面积', other: '展位面积', row: 12, extra: '搭建' } }],
    },
    {
      name: 'quality rows that restate the quantity (F11)',
      form: {
        indicators: [
          ['产出指标', '数量指标', '主体班培训人次', '=280人次'],
          ['', '质量指标', '培训完成率', '=100%'],
          ['', '', '课程数量达标率', '=100%'],
        ],
      },
      errors: [
        { messageId: 'restated', a1: 'C13', data: { name: '培训完成率', quantity: '主体班培训人次' }, suggestions: [['培训考核合格率'], ['学员出勤率']] },
        { messageId: 'restated', a1: 'C14', data: { name: '课程数量达标率', quantity: '课程' }, suggestions: [['培训考核合格率'], ['学员出勤率']] },
      ],
    },
  ],
});

describe('duplicate-indicator levels and periods', () => {
  it('exact duplicates are warnings, near duplicates and restated rows info', () => {
    const levels = lintWithRule(
      rule,
      { indicators: [['产出指标', '数量指标', '培训人次', '≥500人次'], ['', '', '培训人次', '≥500人次'], ['', '', '展位面积', '≥150平方米'], ['', '', '搭建展位面积', '≥150平方米'], ['', '质量指标', '培训完成率', '=100%']] },
      { lexicon: defaultLexicon },
    ).map((d) => [d.messageId, d.severity]);
    expect(levels).toEqual([
      ['duplicate', 'warning'],
      ['nearDuplicate', 'info'],
      ['restated', 'info'],
    ]);
  });

  it('a 长期 and a 年度 set may hold the same names', () => {
    const declaration = declarationFromSpec({ indicators: [['产出指标', '数量指标', '培训人次', '≥1500人次'], ['', '', '培训人次', '≥500人次']] });
    declaration.indicators[0]!.period = 'long-term';
    expect(lintWithRule(rule, declaration, { lexicon: defaultLexicon })).toEqual([]);
  });
});
