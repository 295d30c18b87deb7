import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../src/model/declaration.js';
import { declarationFromSpec, lintWithRule, type FormSpec } from '../../src/engine/testing.js';
import rule from '../../rules/missing-header-field.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { testRule } from './harness.js';

const ROWS = [
  ['产出指标', '数量指标', '完成老年人健康体检人数', '≥12000人'],
  ['效益指标', '社会效益指标', '慢性病早期发现人数', '≥300人'],
];
const GOALS = { overall: '为全县65岁以上老年人提供免费健康体检。', annual: '2024年为全县12000名65岁以上老年人免费提供1次健康体检。' };
const form = (patch: Partial<FormSpec>): FormSpec => ({ project: { name: '2024年城乡居民健康体检补助' }, goals: GOALS, indicators: ROWS, ...patch });

testRule(rule, {
  valid: [
    { name: 'a complete header', form: form({}) },
    { name: 'a self-evaluation table is form-type-mismatch\'s', form: { ...form({ project: { name: '', department: '' } }), indicators: ROWS.map((r) => [...r, '完成', '10']), extraColumns: ['实际完成值', '得分'] } },
  ],
  invalid: [
    {
      name: 'an empty 主管部门 and 实施单位: errors at their labels',
      form: form({ project: { name: '2024年城乡居民健康体检补助', department: '', implementer: '' } }),
      errors: [
        { messageId: 'empty', a1: 'A4', data: { field: '主管部门' } },
        { messageId: 'empty', a1: 'C4', data: { field: '实施单位' } },
      ],
    },
    {
      name: 'no 项目名称',
      form: form({ project: { name: '' } }),
      errors: [{ messageId: 'empty', a1: 'A3', data: { field: '项目名称' } }],
    },
    {
      name: 'no annual funding: at the 年度资金总额 label',
      form: form({ funds: { total: '', fiscal: '', other: '' } }),
      errors: [{ messageId: 'noFunds', a1: 'B6', data: { written: '', unit: '万元' } }],
    },
    {
      name: 'a total that is not an amount',
      form: form({ funds: { total: '待定', fiscal: '', other: '' } }),
      errors: [{ messageId: 'noFunds', a1: 'C6', data: { written: '（写的是“待定”）' } }],
    },
    {
      name: 'the 年度目标 label left empty, although 总体目标 is filled',
      form: form({ goals: { overall: GOALS.overall, annual: '' } }),
      errors: [{ messageId: 'noGoal', a1: 'A10' }],
    },
  ],
});

describe('missing-header-field beyond the standard template', () => {
  const base = (): Declaration => declarationFromSpec(form({}));

  it('a 项目负责人 / 联系电话 label with nothing beside it is a warning', () => {
    const decl = base();
    decl.layout!.labels['project.owner'] = { sheet: 'Sheet1', a1: 'D3', row: 2, col: 3 };
    decl.layout!.labels['project.phone'] = { sheet: 'Sheet1', a1: 'E3', row: 2, col: 4 };
    decl.project.phone = { text: '0991-2881234', at: { sheet: 'Sheet1', a1: 'F3', row: 2, col: 5 } };
    const found = lintWithRule(rule, decl, { lexicon: defaultLexicon });
    expect(found.map((d) => [d.location.a1, d.severity, d.message])).toEqual([
      ['D3', 'warning', '“项目负责人”未填写：基本信息应“填报内容完整、无缺项”，缺项的申报表会被退回。请填写项目负责人姓名。'],
    ]);
  });

  it('a template with 总体目标 only (one-year 一体化 exports) needs no separate 年度目标', () => {
    const decl = base();
    delete decl.layout!.labels['goals.annual'];
    delete decl.goals.annual;
    expect(lintWithRule(rule, decl, { lexicon: defaultLexicon })).toEqual([]);
  });

  it('a template without a 主管部门 label is not asked for one', () => {
    const decl = base();
    delete decl.layout!.labels['project.department'];
    delete decl.project.department;
    expect(lintWithRule(rule, decl, { lexicon: defaultLexicon })).toEqual([]);
  });

  it('a sheet with indicators only: one warning, not a list of errors', () => {
    const decl = base();
    decl.layout!.labels = {};
    decl.project = {};
    delete decl.funds;
    decl.goals = {};
    const found = lintWithRule(rule, decl, { lexicon: defaultLexicon });
    expect(found.map((d) => [d.messageId, d.severity, d.location.a1])).toEqual([['noHeader', 'warning', 'A1']]);
  });

  it('a JSON declaration (no layout, no cells): name, funds and a goal, pointed at by path', () => {
    const decl: Declaration = { kind: 'declaration', source: { index: 0 }, project: {}, goals: {}, indicators: base().indicators.map((i) => ({ ...i, row: -1, name: { text: i.name.text } })) };
    const found = lintWithRule(rule, decl, { lexicon: defaultLexicon });
    expect(found.map((d) => [d.messageId, d.location.path])).toEqual([
      ['empty', '/project/name'],
      ['noFunds', '/funds/annual/total'],
      ['noGoal', '/goals/annual'],
    ]);
  });
});
