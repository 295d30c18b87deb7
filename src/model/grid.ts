import type { ReadProblem } from './problem.js';
/**
 * Grid: the one shape that knows a workbook was read. Plain, structured-cloneable data so it can
 * cross a worker boundary; rules and locate never see SheetJS.
 */
export interface GridCell {
  /** Displayed text (formatted value); for text cells the text itself. */
  t: string;
  /** Raw value when it differs from the text: numbers, booleans. */
  v?: number | boolean;
  /** Number format, when not General. */
  z?: string;
}

export interface GridMerge {
  /** 0-based inclusive bounds. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface GridSheet {
  name: string;
  /** Dense rows; a missing row or cell is empty. */
  rows: (GridCell | null)[][];
  merges: GridMerge[];
  /** Whether the sheet was hidden in the workbook. */
  hidden?: boolean;
}

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv' | 'et';

export interface Grid {
  format: WorkbookFormat;
  sheets: GridSheet[];
  /** What reading noticed but survived (a CSV in two encodings): reported beside the content's problems. */
  warnings?: ReadProblem[];
}
