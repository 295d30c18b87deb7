import { cellRef, type CellRef } from '../model/cell.js';
import type { GridMerge, GridSheet } from '../model/grid.js';
import { cleanLabel, cleanText } from '../text/clean.js';

/** What one position of the sheet shows once merges are resolved. */
export interface ViewCell {
  /** The cell's text as stored (untrimmed); '' when empty. */
  raw: string;
  /** cleanText of raw. */
  text: string;
  /** Row and column of the cell holding the text: the merge's top-left for merged cells. */
  row: number;
  col: number;
  /** `row` and `col` as one number, for sets and comparisons. */
  key: number;
  /** That cell as a model reference (made on first use: most cells are never reported). */
  readonly at: CellRef;
  /** True for the merge's top-left or an unmerged cell: the row where the text really is. */
  origin: boolean;
  merge?: GridMerge;
}

class ResolvedCell implements ViewCell {
  private ref?: CellRef;
  constructor(
    private readonly sheet: string,
    readonly raw: string,
    readonly text: string,
    readonly row: number,
    readonly col: number,
    readonly origin: boolean,
    readonly merge: GridMerge | undefined,
  ) {}

  get key(): number {
    return this.row * 65536 + this.col;
  }

  get at(): CellRef {
    return (this.ref ??= cellRef(this.sheet, this.row, this.col));
  }
}

/**
 * Read-only view of a GridSheet with merges resolved: every position of a merged area shows the
 * top-left text, so a vertically merged 一级指标 label is visible on every row it covers.
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly rows: GridSheet['rows'];
  private readonly mergeAt = new Map<number, GridMerge>();
  /** Resolved cells, made on first use: locate looks at most cells several times. */
  private readonly cells = new Map<number, ViewCell>();

  constructor(sheet: GridSheet) {
    this.name = sheet.name;
    this.rows = sheet.rows;
    this.rowCount = sheet.rows.length;
    let cols = 0;
    for (const row of sheet.rows) if (row && row.length > cols) cols = row.length;
    this.colCount = cols;
    for (const m of sheet.merges) {
      // Clip to the used area: a hostile merge can claim the whole sheet.
      const r1 = Math.min(m.r1, this.rowCount - 1);
      const c1 = Math.min(m.c1, this.colCount - 1);
      if (m.r0 > r1 || m.c0 > c1) continue;
      for (let r = m.r0; r <= r1; r++) for (let c = m.c0; c <= c1; c++) this.mergeAt.set(this.key(r, c), m);
    }
  }

  private key(row: number, col: number): number {
    return row * 65536 + col;
  }

  /** Raw stored text of exactly this position (no merge resolution). */
  own(row: number, col: number): string {
    return this.rows[row]?.[col]?.t ?? '';
  }

  mergeOf(row: number, col: number): GridMerge | undefined {
    return this.mergeAt.get(this.key(row, col));
  }

  cell(row: number, col: number): ViewCell {
    const key = this.key(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = this.resolve(row, col);
      this.cells.set(key, cell);
    }
    return cell;
  }

  private resolve(row: number, col: number): ViewCell {
    const merge = this.mergeOf(row, col);
    const r = merge ? merge.r0 : row;
    const c = merge ? merge.c0 : col;
    const raw = this.own(r, c);
    return new ResolvedCell(this.name, raw, cleanText(raw), r, c, r === row && c === col, merge);
  }

  text(row: number, col: number): string {
    return this.cell(row, col).text;
  }

  label(row: number, col: number): string {
    return cleanLabel(this.cell(row, col).raw);
  }

  /** Distinct non-empty cells of a row (a merged area counts once), left to right. */
  rowCells(row: number, fromCol = 0, toCol = this.colCount - 1): ViewCell[] {
    const out: ViewCell[] = [];
    for (let c = fromCol; c <= toCol; c++) {
      const cell = this.cell(row, c);
      if (!cell.text) continue;
      // A horizontally merged area counts once (vertically merged text from above is included).
      if (cell.merge && c > Math.max(cell.merge.c0, fromCol)) continue;
      out.push(cell);
    }
    return out;
  }

  /** Whether any cell stored on this row (not merged in from elsewhere) matches `pattern`. */
  rowMentions(row: number, pattern: RegExp): boolean {
    const cells = this.rows[row];
    if (!cells) return false;
    for (const cell of cells) if (cell && pattern.test(cell.t)) return true;
    return false;
  }

  isBlankRow(row: number): boolean {
    const cells = this.rows[row];
    if (!cells) return true;
    for (const cell of cells) if (cell && cell.t.trim()) return false;
    return true;
  }
}
