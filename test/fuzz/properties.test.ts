import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/api.js';
import { locateDeclarations } from '../../src/locate/forms.js';
import type { Grid, GridCell, GridMerge } from '../../src/model/grid.js';
import { declarationSchema } from '../../src/model/schema.js';
import { parseValue } from '../../src/locate/value.js';
import { gridFromSpec, type FormSpec } from '../../src/engine/testing.js';
import { encodeCol } from '../../src/model/cell.js';

/**
 * Property tests with a fixed seed and a bounded count (CI-stable): random grids shaped like
 * forms — real labels, values written a dozen ways, merges, blanks, junk — must never make the
 * reader or the rules throw, and what the reader makes must always fit the published schema.
 */
const SEED = 20261127;
const validate = new Ajv({ allErrors: false, strict: true }).compile(declarationSchema);

const LABELS = ['一级指标', '二级指标', '三级指标', '指标值', '指标内容', '度量单位', '计算符号', '指标性质', '权重', '分值', '年度指标值', '实际完成值', '得分', '项目名称', '单位名称', '预算数（万元）', '年度目标', '总体目标', '资金情况（万元）', '年度资金总额', '其中：财政拨款', '项目期', '绩效指标', '注：本表为示例'];
const LEVELS = ['产出指标', '效益指标', '满意度指标', '成本指标', '数量指标', '质量指标', '时效指标', '经济成本指标', '社会效益指标', '服务对象满意度指标', '产出指标(50分)', '投入指标', '绩\n效\n指\n标'];
const NAMES = ['展位面积', '车辆数量', '资金使用合规率', '活动按期完成率', '扩大吐鲁番及重点产业的影响', '指标1：新建保鲜库数量', '★农村低保发放人数', '增加就业机会，提高农民收入。', '<script>alert(1)</script>', '=cmd|\' /C calc\'!A0', '饲料库120平米', '(≥**个)'];
const VALUES = ['≥90%', '=100.00(%)', '>=2.61万元', '95%以上', '9月前', '≥98百分比', '2023.07-2024.01', '显著提升', '**', '/', '0', '3,498,000.00', '≧ %', '＞＝９０％', '2024年底前', '≤15个工作日', '是', ''];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LABELS, ...LEVELS, ...NAMES, ...VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
const cell: fc.Arbitrary<GridCell | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: text.map((t) => ({ t })) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }).map((v) => ({ t: String(v), v })) },
);
const grid: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 40 }),
    merges: fc.array(fc.record({ r0: fc.nat(45), c0: fc.nat(10), h: fc.nat(6), w: fc.nat(3) }), { maxLength: 8 }),
  })
  .map(({ rows, merges }) => ({
    format: 'xlsx' as const,
    sheets: [{ name: 'Sheet1', rows, merges: merges.map((m): GridMerge => ({ r0: m.r0, c0: m.c0, r1: m.r0 + m.h, c1: m.c0 + m.w })) }],
  }));

/** A grid that always has a header, so the property exercises forms, not only empty sheets. */
const formGrid: fc.Arbitrary<Grid> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('', ...LEVELS), fc.constantFrom('', ...LEVELS), fc.constantFrom('', ...NAMES), fc.constantFrom(...VALUES)), { minLength: 1, maxLength: 25 }), grid)
  .map(([rows, junk]) => {
    const header: (GridCell | null)[] = ['一级指标', '二级指标', '三级指标', '指标值'].map((t) => ({ t }));
    const body = rows.map((r) => r.map((t) => (t ? { t } : null)));
    return { format: 'xlsx' as const, sheets: [{ name: 'Sheet1', rows: [...junk.sheets[0]!.rows.slice(0, 6), header, ...body], merges: junk.sheets[0]!.merges }] };
  });

describe('properties (fixed seed, bounded runs)', () => {
  it('locate never throws on random grids, and its model always fits the published schema', () => {
    fc.assert(
      fc.property(fc.oneof(grid, formGrid), (g) => {
        const { declarations } = locateDeclarations(g);
        for (const d of declarations) {
          const ok = validate(JSON.parse(JSON.stringify(d)));
          if (!ok) throw new Error(JSON.stringify(validate.errors?.[0]));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the rules never throw on what the reader makes of random forms', () => {
    fc.assert(
      fc.property(formGrid, (g) => {
        const { declarations } = locateDeclarations(g);
        const found = lint(declarations, { config: { extends: 'jxlint:strict' } });
        for (const d of found) expect(typeof d.message).toBe('string');
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the value parser never throws and always says what kind of value it read', () => {
    const kinds = new Set(['number', 'date', 'period', 'duration', 'qualitative', 'placeholder', 'empty']);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (value) => {
        expect(kinds.has(parseValue(value).kind)).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('safe fixes are idempotent: applying a fix leaves nothing for the same rule to fix', () => {
    fc.assert(
      fc.property(formGrid, (g) => {
        const { declarations } = locateDeclarations(g);
        const fixes = lint(declarations, { config: { extends: 'jxlint:strict' } }).flatMap((d) => (d.fix ? d.fix.edits.map((e) => ({ ...e, rule: d.ruleId })) : []));
        if (fixes.length === 0) return;
        // Apply the edits to the grid itself, read again, lint again.
        const sheet = g.sheets[0]!;
        const rows = sheet.rows.map((r) => [...r]);
        const seen = new Set<string>();
        for (const e of fixes) {
          if (seen.has(e.a1)) continue;
          seen.add(e.a1);
          const m = /^([A-Z]+)(\d+)$/.exec(e.a1)!;
          const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const row = Number(m[2]) - 1;
          (rows[row] ??= [])[col] = { t: e.after };
        }
        const again = locateDeclarations({ ...g, sheets: [{ ...sheet, rows }] });
        const left = lint(again.declarations, { config: { extends: 'jxlint:strict' } }).filter((d) => d.fix && seen.has(d.location.a1 ?? ''));
        expect(left.map((d) => `${d.ruleId}@${d.location.a1}: ${d.fix!.edits.map((x) => `${x.before}→${x.after}`).join()}`)).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('suggestions never produce an invalid form: applied to the sheet, it reads back as valid forms, none lost', () => {
    let applied = 0;
    fc.assert(
      fc.property(formGrid, (g) => {
        const before = locateDeclarations(g).declarations;
        const suggestions = lint(before, { config: { extends: 'jxlint:strict' } }).flatMap((d) => d.suggestions ?? []);
        for (const suggestion of suggestions) {
          if (suggestion.edits.length === 0) continue;
          const sheet = g.sheets[0]!;
          const rows = sheet.rows.map((r) => [...r]);
          for (const e of suggestion.edits) {
            const m = /^([A-Z]+)(\d+)$/.exec(e.a1)!;
            const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
            (rows[Number(m[2]) - 1] ??= [])[col] = e.after === '' ? null : { t: e.after };
          }
          const after = locateDeclarations({ ...g, sheets: [{ ...sheet, rows }] }).declarations;
          expect(after.length).toBe(before.length);
          for (const d of after) {
            if (!validate(JSON.parse(JSON.stringify(d)))) throw new Error(JSON.stringify(validate.errors?.[0]));
          }
          applied++;
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
    // The property must have been exercised, not passed vacuously.
    expect(applied).toBeGreaterThan(20);
  });

  it('random declarations (header, funds, goals, indicator rows) never make a rule throw; every fix describes its cell as it is', () => {
    const goal = fc.array(fc.oneof(fc.constantFrom(...NAMES, ...VALUES, '组织', '完成', '不少于', '力争', '同比增长25%', '。', '；', '2024年', '参展企业'), fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(''));
    const amount = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom('48.6', '3,498,000.00', '', '/', '待定', '100万元'));
    const spec: fc.Arbitrary<FormSpec> = fc.record({
      project: fc.record({ name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 20 })), attribute: fc.constantFrom('延续项目', '新增项目', '', '其他'), term: fc.constantFrom('1年', '3年', '', '2023-2025') }),
      funds: fc.record({ unit: fc.constantFrom('万元' as const, '元' as const), total: amount, fiscal: amount, other: amount }),
      goals: fc.record({ overall: goal, annual: goal }),
      indicators: fc.array(fc.tuple(fc.constantFrom('', ...LEVELS), fc.constantFrom('', ...LEVELS), fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 16 })), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 10 }))).map((row) => [...row]), { minLength: 1, maxLength: 20 }),
    });
    let edits = 0;
    fc.assert(
      fc.property(spec, fc.constantFrom('zh' as const, 'en' as const), (s, locale) => {
        const grid = gridFromSpec(s);
        const cells = new Map<string, string>();
        grid.sheets[0]!.rows.forEach((row, r) => row.forEach((c, col) => c && cells.set(`${encodeCol(col)}${r + 1}`, c.t)));
        const { declarations } = locateDeclarations(grid);
        for (const d of lint(declarations, { config: { extends: 'jxlint:strict' }, locale })) {
          expect(d.message.length).toBeGreaterThan(0);
          for (const e of [...(d.fix?.edits ?? []), ...(d.suggestions ?? []).flatMap((x) => x.edits)]) {
            if (e.before === '') continue;
            expect(cells.get(e.a1), `${d.ruleId} ${e.a1}`).toBe(e.before);
            edits++;
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(edits).toBeGreaterThan(50);
  });
});

