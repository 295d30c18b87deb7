import { describe, expect, it } from 'vitest';
import rule from '../../rules/cost-items-unrelated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

const output = ['产出指标', '数量指标', '搭建展位面积', '≥150平方米'];

testRule(rule, {
  valid: [
    { name: '差旅费 is a legitimate delegation cost', indicators: [output, ['成本指标', '经济成本指标', '人员差旅费成本', '≤20万元'], ['', '', '展位设计、搭建费用', '≤60万元']] },
    { name: 'a salary-subsidy project has salaries as its product', project: { name: '2024年乡村教师工资补助' }, indicators: [output, ['成本指标', '经济成本指标', '乡村教师工资补助', '≤300万元']] },
    { name: 'only 成本 rows are asked about', indicators: [output, ['效益指标', '经济效益指标', '节约办公经费', '≥5万元']] },
  ],
  invalid: [
    {
      name: 'the seed: 办公经费 beside the booth costs',
      form: SEED_FORM,
      errors: [{ messageId: 'basicExpenditure', a1: 'C21', data: { name: '办公经费', word: '办公经费' } }],
    },
    {
      name: '日常公用经费 and 人员工资',
      form: { indicators: [output, ['成本指标', '经济成本指标', '日常公用经费', '≤10万元'], ['', '', '临聘人员工资', '≤12万元']] },
      errors: [
        { messageId: 'basicExpenditure', a1: 'C13', data: { word: '公用经费' } },
        { messageId: 'basicExpenditure', a1: 'C14', data: { word: '工资' } },
      ],
    },
    {
      name: 'legacy forms: 成本指标 under 产出指标',
      form: { indicators: [output, ['', '成本指标', '办公经费', '≤8万元']] },
      errors: [{ messageId: 'basicExpenditure', a1: 'C13' }],
    },
  ],
});

describe('cost-items-unrelated on the seed form', () => {
  it('asks, at info level, whether 办公经费 belongs to the project', () => {
    const [finding] = lintWithRule(rule, SEED_FORM, { lexicon: defaultLexicon });
    expect(finding!.severity).toBe('info');
    expect(finding!.message).toBe(
      '成本指标“办公经费”看起来是基本支出（办公经费），一般由单位基本支出保障，不列入项目支出：请确认它是本项目活动直接发生的费用，并在名称中写明用途；否则应从项目成本中移除。',
    );
  });
});
