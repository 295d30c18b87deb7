/**
 * What the completeness rules (R17–R23, R40) share: which rows count as filled, which indicator set
 * a form-level check looks at, and where a finding about something missing should point — the
 * cell a reviewer would click to add it. Isomorphic.
 */
import { cellRef, type CellRef, type TextField } from '../../src/model/cell.js';
import type { Declaration, Indicator } from '../../src/model/declaration.js';

/** A name that says nothing: empty, or only a dash, slash or 无 (a scaffold row left as `—`). */
const BLANK_NAME = /^[\s\-—–－_/／\\、.。…·]*$|^(?:无|空|暂无)$/u;

export function isBlankName(indicator: Indicator): boolean {
  return BLANK_NAME.test(indicator.name.text);
}

/** A row that names an indicator (scaffold rows with only a 二级 do not). */
export function isNamed(indicator: Indicator): boolean {
  return !isBlankName(indicator);
}

/**
 * The rows a form-level check looks at: the 年度 set when the form has one (stacked 长期 + 年度
 * tables, 中期 + 年度 side by side), otherwise all rows.
 */
export function mainSet(declaration: Declaration): Indicator[] {
  const annual = declaration.indicators.filter((i) => i.period === 'annual');
  return annual.length > 0 ? annual : declaration.indicators;
}

/** The cell in `field`'s column on `row` (a merged label's column, on the row that needs it). */
export function cellInColumn(field: TextField | undefined, row: number): CellRef | undefined {
  const at = field?.at;
  if (!at || row < 0) return undefined;
  return cellRef(at.sheet, row, at.col);
}

/**
 * Where to point at something missing after `indicator`'s row: its 一级 column (`level: 1`) or 二级
 * column (`level: 2`), falling back to the columns the form has, then the name cell.
 */
export function anchorAfter(indicator: Indicator, level: 1 | 2): CellRef | undefined {
  const order = level === 1 ? [indicator.level1, indicator.level2] : [indicator.level2, indicator.level1];
  for (const field of order) {
    const at = cellInColumn(field, indicator.row);
    if (at) return at;
  }
  return indicator.name.at;
}

/** A target for a whole-form finding on a form without cells (JSON/YAML): a JSON pointer. */
export function pathTarget(path: string): { path: string } {
  return { path };
}
