import { describe, expect, it } from 'vitest';
import rule, { nameWithoutValue, valueInName } from '../../rules/name-contains-value.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lintWithRule } from '../../src/engine/testing.js';
import { testRule } from './harness.js';
import { SEED_FORM } from './seed-form.js';

describe('valueInName', () => {
  it.each([
    ['饲料库120平米', '120平米'],
    ['围墙300米', '300米'],
    ['培训人数(≥200人)', '≥200人'],
    ['完成率100%', '100%'],
    ['户厕改造补助标准（1500元/户）', '1500元/户'],
    ['新建120平方米饲料库', '120平方米'],
    ['验收合格率≥95', '≥95'],
  ])('%s holds %s', (name, value) => expect(valueInName(name)?.written).toBe(value));

  it.each([
    '5G基站建设数量',
    '12345热线按时办结率',
    '2024年度培训人次',
    '第8届博览会参展企业数量',
    '“1535”工作思路宣传次数',
    '故障24小时内响应率',
    '年营业收入2000万元以上企业数量',
    'PM2.5年均浓度',
    '65岁以上老年人体检人数',
    '购置数字化X射线摄影系统（DR）数量',
    '《2024年实施方案》落实率',
  ])('%s holds none', (name) => expect(valueInName(name)).toBeUndefined());

  it('drops the figure and the brackets it leaves', () => {
    expect(nameWithoutValue('培训人数(≥200人)', valueInName('培训人数(≥200人)')!)).toBe('培训人数');
    expect(nameWithoutValue('饲料库120平米', valueInName('饲料库120平米')!)).toBe('饲料库');
    expect(nameWithoutValue('建设 120平米 仓库', valueInName('建设 120平米 仓库')!)).toBe('建设 仓库');
  });
});

testRule(rule, {
  valid: [
    SEED_FORM,
    {
      indicators: [
        ['产出指标', '数量指标', '5G基站建设数量', '=20个'],
        ['', '质量指标', '12345热线按时办结率', '≥95%'],
        ['', '数量指标', '第8届博览会参展企业数量', '≥30家'],
        ['', '', '“1535”工作思路宣传次数', '≥5次'],
        ['', '时效指标', '故障24小时内响应率', '≥98%'],
      ],
    },
    // Template text in the name is template-placeholder-left's; a sentence is name-is-sentence's.
    { indicators: [['产出指标', '质量指标', '苗木成活率(≥**%)', '85%'], ['效益指标', '经济效益指标', '培训200人次，带动增收。', '明显']] },
  ],
  invalid: [
    {
      name: 'the value cell is empty: move the value there',
      form: { indicators: [['产出指标', '数量指标', '培训人数(≥200人)', '']] },
      errors: [{ messageId: 'valueInName', a1: 'C12', data: { name: '培训人数(≥200人)', value: '≥200人' }, suggestions: [['培训人数', '≥200人']] }],
    },
    {
      name: 'the value cell says the same: drop it from the name',
      form: { indicators: [['产出指标', '质量指标', '完成率100%', '100%']] },
      errors: [{ messageId: 'valueInName', a1: 'C12', data: { value: '100%' }, suggestions: [['完成率']] }],
    },
    {
      name: 'the value cell says something else: a row of its own (F5: 饲料库120平米 | 490元/平米)',
      form: {
        indicators: [
          ['成本指标', '经济成本指标', '饲料库120平米', '490元/平米'],
          ['', '', '围墙300米', '300元/米'],
        ],
      },
      errors: [
        { messageId: 'valueInName', a1: 'C12', data: { name: '饲料库120平米', value: '120平米' }, suggestions: [[]] },
        { messageId: 'valueInName', a1: 'C13', data: { value: '300米' }, suggestions: [[]] },
      ],
    },
  ],
});

describe('messages', () => {
  it('the split advice names the new row', () => {
    const [d] = lintWithRule(rule, { indicators: [['成本指标', '经济成本指标', '饲料库120平米', '490元/平米']] }, { lexicon: defaultLexicon });
    expect(d!.message).toBe('三级指标“饲料库120平米”的名称里写了指标值“120平米”：指标值和度量单位应填在指标值栏，写在名称里无法比对和打分，评价时按“绩效指标明确性”扣分。');
    expect(d!.suggestions![0]!.desc).toBe('名称中的“120平米”与指标值“490元/平米”不是同一个量：另设一条指标写它（如“饲料库面积”，指标值“120平米”），本行名称改为“饲料库”');
  });
});
