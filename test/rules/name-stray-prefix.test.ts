import { describe, expect, it } from 'vitest';
import rule, { stripStrayPrefix } from '../../rules/name-stray-prefix.js';
import { testRule } from './harness.js';

describe('stripStrayPrefix', () => {
  it.each([
    ['指标1：新建保鲜库数量', '新建保鲜库数量'],
    ['指标2:苗木成活率', '苗木成活率'],
    ['1.培训人次', '培训人次'],
    ['（2）验收合格率', '验收合格率'],
    ['①受益人数', '受益人数'],
    ['效益指标：带动农户增收', '带动农户增收'],
    ['产出指标-培训人次', '培训人次'],
  ])('%s → %s', (name, after) => expect(stripStrayPrefix(name, false)).toBe(after));

  it('keeps ★ core-indicator marks unless asked', () => {
    expect(stripStrayPrefix('★农村低保发放人数', false)).toBe('★农村低保发放人数');
    expect(stripStrayPrefix('★★指标1：农村低保发放人数', true)).toBe('农村低保发放人数');
  });

  it.each(['5G基站建设数量', '12345热线按时办结率', '2024年度培训人次', '第八届亚欧博览会参展企业数', '1535工作思路宣传次数'])('leaves %s alone', (name) => {
    expect(stripStrayPrefix(name, false)).toBe(name);
  });
});

testRule(rule, {
  valid: [
    { indicators: [['产出指标', '数量指标', '搭建展位面积', '≥150平方米'], ['', '', '★农村低保发放人数', '≥1200人']] },
  ],
  invalid: [
    {
      form: { indicators: [['产出指标', '数量指标', '指标1：新建保鲜库数量', '=1座'], ['效益指标', '经济效益指标', '效益指标：带动农户增收', '≥500元/户']] },
      errors: [
        { messageId: 'prefix', a1: 'C12', data: { prefix: '指标1：', after: '新建保鲜库数量' }, fix: [{ a1: 'C12', after: '新建保鲜库数量' }] },
        { messageId: 'prefix', a1: 'C13', fix: [{ a1: 'C13', after: '带动农户增收' }] },
      ],
    },
    {
      name: 'stripStars: true also removes ★',
      options: { stripStars: true },
      form: { indicators: [['产出指标', '数量指标', '★农村低保发放人数', '≥1200人']] },
      errors: [{ messageId: 'prefix', a1: 'C12', fix: [{ a1: 'C12', after: '农村低保发放人数' }] }],
    },
  ],
});
