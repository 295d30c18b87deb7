import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../src/model/declaration.js';
import { declarationFromSpec, lintWithRule } from '../../src/engine/testing.js';
import rule from '../../rules/missing-value-basis.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

const BASIS = ['指标值设定依据'];
const rows = (basis: [string, string, string]) => [
  ['产出指标', '数量指标', '新建高标准农田面积', '≥2万亩', basis[0]],
  ['', '时效指标', '项目完工时间', '2024年12月底前', ''],
  ['成本指标', '经济成本指标', '亩均财政投入', '≤1200元/亩', basis[1]],
  ['效益指标', '可持续影响指标', '工程设施设计使用年限', '≥15年', basis[2]],
];

testRule(rule, {
  valid: [
    { name: 'every quantitative target has its basis (a deadline need not)', form: { indicators: rows(['年度建设任务', '省级补助标准', '《高标准农田建设 通则》']), extraColumns: BASIS } },
    { name: 'no basis column on the form: nothing to fill in', form: { indicators: rows(['', '', '']).map((r) => r.slice(0, 4)) } },
    { name: 'a 备注 column is not a basis column', form: { indicators: rows(['', '', '']), extraColumns: ['备注'] } },
  ],
  invalid: [
    {
      name: 'one quantitative row without its basis: info, at its basis cell',
      form: { indicators: rows(['年度建设任务', '省级补助标准', '']), extraColumns: BASIS },
      errors: [{ messageId: 'row', a1: 'E15', data: { name: '工程设施设计使用年限', value: '≥15年' } }],
    },
    {
      name: 'the whole column empty: one finding for the form',
      form: { indicators: rows(['', '', '']), extraColumns: BASIS },
      errors: [{ messageId: 'column', a1: 'D12', data: { count: 3 } }],
    },
  ],
});

describe('missing-value-basis on JSON/YAML declarations', () => {
  it('the column "exists" when some row has a basis; the finding points at the field by path', () => {
    const cells = declarationFromSpec({ indicators: rows(['年度建设任务', '', '设计规范']), extraColumns: BASIS });
    const decl: Declaration = { ...cells, indicators: cells.indicators.map((i) => ({ ...i, row: -1, name: { text: i.name.text }, value: { ...i.value, at: undefined } as Declaration['indicators'][number]['value'], ...(i.basis ? { basis: { text: i.basis.text } } : {}) })) };
    delete decl.layout;
    const found = lintWithRule(rule, decl, { lexicon: defaultLexicon });
    expect(found.map((d) => [d.messageId, d.location.path])).toEqual([['row', '/indicators/2/basis']]);
  });
});
