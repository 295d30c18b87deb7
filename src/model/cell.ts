/** Where a value came from: every field of the model carries one so diagnostics, comments and fixes can point at a cell. */
export interface CellRef {
  sheet: string;
  /** A1 address of the cell that holds the text (the top-left cell when the text comes from a merge). */
  a1: string;
  /** 0-based row and column of `a1`. */
  row: number;
  col: number;
}

/** A piece of text read from one cell. `text` is trimmed; the cell's own text is kept in `raw` when it differs. */
export interface TextField {
  text: string;
  raw?: string;
  at?: CellRef;
}

export function encodeCol(col: number): string {
  let s = '';
  let c = col + 1;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function encodeA1(row: number, col: number): string {
  return `${encodeCol(col)}${row + 1}`;
}

export function decodeA1(a1: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a1.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cellRef(sheet: string, row: number, col: number): CellRef {
  return { sheet, a1: encodeA1(row, col), row, col };
}
