import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/engine/errors.js';
import { applySuppressions, parseSuppressions } from '../../src/engine/suppressions.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const finding = (ruleId: string, a1: string, name: string): Diagnostic => ({
  ruleId,
  severity: 'warning',
  category: 'naming',
  messageId: 'm',
  message: 'm',
  location: { file: 'forms/a.xlsx', sheet: '申报表', a1, row: 0, col: 0 },
  indicator: { name, row: 0 },
});

describe('suppressions', () => {
  it('require a reason and a cell or an indicator', () => {
    expect(() => parseSuppressions([{ file: 'a.xlsx', rule: 'r', cell: 'C5' }], 's.yaml')).toThrow(/第 1 条必须写明忽略理由 reason/);
    expect(() => parseSuppressions([{ file: 'a.xlsx', rule: 'r', cell: 'C5', reason: '   ' }], 's.yaml')).toThrow(ConfigError);
    expect(() => parseSuppressions([{ file: 'a.xlsx', rule: 'r', reason: '模板固定' }], 's.yaml')).toThrow(/应写明 cell（单元格）或 indicator/);
    expect(parseSuppressions({ suppressions: [{ file: 'a.xlsx', rule: 'r', indicator: '展位面积', reason: '省级模板规定的名称' }] }, 's.yaml')).toHaveLength(1);
  });

  it('suppress by file + rule + cell (with or without sheet) or indicator, and record which entries were used', () => {
    const entries = parseSuppressions(
      [
        { file: 'forms/a.xlsx', rule: 'r1', cell: 'C12', reason: '已与财政局确认' },
        { file: 'forms/*.xlsx', rule: 'r2', indicator: '办公经费', reason: '本项目含办公经费' },
        { file: 'forms/a.xlsx', rule: 'r1', cell: '申报表!D20', reason: '模板要求' },
        { file: 'forms/b.xlsx', rule: 'r1', cell: 'C12', reason: '另一张表' },
      ],
      's.yaml',
    );
    const used = new Set<number>();
    const { kept, suppressed } = applySuppressions(
      [finding('r1', 'C12', '展位面积'), finding('r2', 'C20', '办公经费'), finding('r1', 'D20', 'x'), finding('r1', 'C13', '车辆数量')],
      entries,
      'forms/a.xlsx',
      used,
    );
    expect(kept.map((d) => d.location.a1)).toEqual(['C13']);
    expect(suppressed.map((s) => s.reason)).toEqual(['已与财政局确认', '本项目含办公经费', '模板要求']);
    expect([...used].sort()).toEqual([0, 1, 2]);
  });
});
