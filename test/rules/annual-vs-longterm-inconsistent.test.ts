import { describe, expect, it } from 'vitest';
import rule from '../../rules/annual-vs-longterm-inconsistent.js';
import type { Declaration } from '../../src/model/declaration.js';
import { declarationFromSpec, lintWithRule } from '../../src/engine/testing.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';

/** A form whose first `long.length` rows are the 中期 set and the rest the 年度 set (as side-by-side tables read). */
function twoSets(long: string[][], annual: string[][], term = '3年'): Declaration {
  const declaration = declarationFromSpec({ project: { term }, goals: { overall: '完善社区养老服务体系。' }, indicators: [...long, ...annual] });
  declaration.indicators.forEach((row, i) => (row.period = i < long.length ? 'mid-term' : 'annual'));
  return declaration;
}
const run = (declaration: Declaration) => lintWithRule(rule, declaration, { lexicon: defaultLexicon }).map((d) => ({ id: d.messageId, a1: d.location.a1, severity: d.severity, data: d.data }));

const LONG = [
  ['产出指标', '数量指标', '新建社区养老服务设施数量', '≥150个'],
  ['', '', '培训养老护理员人次', '≥3000人次'],
  ['', '质量指标', '设施验收合格率', '=100%'],
  ['成本指标', '经济成本指标', '单个设施建设补助标准', '≤30万元/个'],
  ['满意度指标', '服务对象满意度指标', '服务老年人满意度', '≥90%'],
];
const ANNUAL = [
  ['产出指标', '数量指标', '新建社区养老服务设施数量', '≥50个'],
  ['', '', '培训养老护理员人次', '≥1000人次'],
  ['', '质量指标', '设施验收合格率', '=100%'],
  ['成本指标', '经济成本指标', '单个设施建设补助标准', '≤30万元/个'],
  ['满意度指标', '服务对象满意度指标', '服务老年人满意度', '≥90%'],
];

describe('annual-vs-longterm-inconsistent', () => {
  describe('valid', () => {
    it('annual stages below the 中期 totals; rates and unit costs equal', () => expect(run(twoSets(LONG, ANNUAL))).toEqual([]));
    it('a one-year project may fill both columns alike', () => expect(run(twoSets(LONG, LONG, '1年'))).toEqual([]));
    it('similar names of different work are not paired (新建 vs 改建)', () =>
      expect(run(twoSets([['产出指标', '数量指标', '新建村级活动场所数量', '≥10个']], [['产出指标', '数量指标', '改建村级活动场所数量', '≥12个']]))).toEqual([]));
    it('a form with one set says nothing', () => expect(run(declarationFromSpec({ indicators: ANNUAL }))).toEqual([]));
  });

  describe('invalid', () => {
    it('an annual count above the 中期 one', () => {
      const annual = [['产出指标', '数量指标', '新建社区养老服务设施数量', '≥200个'], ...ANNUAL.slice(1)];
      expect(run(twoSets(LONG, annual))).toEqual([
        { id: 'annualExceeds', a1: 'D17', severity: 'warning', data: { name: '新建社区养老服务设施数量', annual: '≥200个', period: '中期', other: '新建社区养老服务设施数量', long: '≥150个' } },
      ]);
    });

    it('pairs 累计培训人数 with 培训人数', () => {
      const found = run(twoSets([['产出指标', '数量指标', '累计培训高素质农民人数', '≥1500人']], [['产出指标', '数量指标', '培训高素质农民人数', '≥2000人']]));
      expect(found.map((f) => [f.id, f.a1])).toEqual([['annualExceeds', 'D13']]);
    });

    it('the 中期 set copied into 年度', () => {
      expect(run(twoSets(LONG, LONG))).toEqual([{ id: 'copied', a1: 'C17', severity: 'info', data: { period: '中期', count: 5 } }]);
    });

    it('the 中期 column left empty', () => {
      const empty = LONG.map((r) => [...r.slice(0, 3), '']);
      expect(run(twoSets(empty, ANNUAL))).toEqual([{ id: 'longTermEmpty', a1: 'D12', severity: 'info', data: { period: '中期', count: 5 } }]);
    });
  });
});
