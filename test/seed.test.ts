import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/api.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { readDeclarations } from '../src/read/read.js';

/**
 * The seed case: the Turpan 2024 中国—亚欧博览会 booth form, reconstructed from its evaluation report.
 * jxlint must find every declaration-form defect the report names in 存在问题, at the right cells,
 * each with a rewrite built from the form's own content.
 */
const bytes = new Uint8Array(readFileSync(new URL('../fixtures/seed-turpan-2024.xlsx', import.meta.url)));
const { declarations } = readDeclarations(bytes, 'seed-turpan-2024.xlsx');
const findings = lint(declarations, { file: 'seed-turpan-2024.xlsx' });

const at = (ruleId: string, a1?: string): Diagnostic => {
  const found = findings.find((d) => d.ruleId === ruleId && (a1 === undefined || d.location.a1 === a1));
  if (!found) throw new Error(`no ${ruleId}${a1 ? ` at ${a1}` : ''}; got: ${findings.map((d) => `${d.ruleId}@${d.location.a1}`).join(', ')}`);
  return found;
};
const suggested = (d: Diagnostic) => (d.suggestions ?? []).map((s) => [s.desc, ...s.edits.map((e) => e.after)].join(' '));

describe('the seed form: every defect the evaluation report names', () => {
  it('展位面积 (D12) lacks its action: rewrite 搭建展位面积, the verb taken from the form', () => {
    const d = at('quantity-name-missing-action', 'D12');
    expect(d.suggestions![0]!.edits[0]).toMatchObject({ a1: 'D12', before: '展位面积', after: expect.stringMatching(/^搭建展位面积/) });
  });

  it('展位数量 (D13) lacks its action: rewrite 设计搭建展位数量', () => {
    const d = at('quantity-name-missing-action', 'D13');
    expect(suggested(d).join(' | ')).toMatch(/设计搭建展位数量/);
  });

  it('车辆数量 (D14) does not say 购置, 维修维护 or 通行证: a pick list of rewrites', () => {
    const d = at('ambiguous-object-action', 'D14');
    const picks = suggested(d).join(' | ');
    for (const name of ['购置车辆数量', '维修维护车辆数量', '办理车辆通行证数量', '租赁车辆数量']) expect(picks).toContain(name);
    expect(findings.filter((f) => f.location.a1 === 'D14' && f.ruleId === 'quantity-name-missing-action')).toEqual([]);
  });

  it('活动按期完成率 (D16) is a 时效指标 filed under 质量指标', () => {
    const d = at('timeliness-misfiled', 'D16');
    expect(d.message).toContain('时效指标');
  });

  it('the form has beneficiaries (企业, 客商 in the goals) but no 满意度指标: add 参展企业满意度 ≥90%', () => {
    const d = at('missing-satisfaction-indicator');
    expect(suggested(d).join(' | ')).toMatch(/参展企业满意度.*≥\s?90%/);
  });

  it('扩大吐鲁番及重点产业的影响 (D22) is a vague benefit: measurable alternatives drawn from the goals', () => {
    const d = at('vague-effect-indicator', 'D22');
    const picks = suggested(d).join(' | ');
    expect(picks).toMatch(/招商引资到位资金同比增长/);
    expect(picks).toMatch(/25%/);
  });

  it("the goal's one number (到位资金同比增长25%) is carried into no indicator", () => {
    const d = at('goal-indicator-mismatch', 'D10');
    expect(d.message).toMatch(/25%/);
  });

  it('资金使用合规率 (D15) is a process item standing in for output quality, and no acceptance-quality indicator exists', () => {
    at('process-indicator-as-performance', 'D15');
    const q = at('quality-indicator-not-about-output');
    expect(suggested(q).join(' | ')).toMatch(/展位.*验收合格率/);
  });

  it('says nothing about what is right: the cost rows sit under 经济成本指标 and sum within the budget', () => {
    const costRows = ['D18', 'D19', 'D20'];
    expect(findings.filter((f) => costRows.includes(f.location.a1 ?? '') && f.severity !== 'info')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'budget-cost-mismatch' || f.ruleId === 'invalid-level-pair' || f.ruleId === 'level-name-valid')).toEqual([]);
  });
});
