import { decodeA1, encodeA1 } from '../model/cell.js';
import { applySplices, attributes, decodeCellText, elementEnd, encodeCellText, escapeAttribute, findTag, nextTag, richText, type Splice, type Tag } from './xml.js';

/**
 * Reading and rewriting cells in a worksheet part's XML text. One linear pass over `<sheetData>`
 * finds the cells asked for; a change splices new `<c>` elements into the original text, so every
 * other byte of the sheet stays as it was.
 */
export interface CellContent {
  /** The cell's text as Excel shows it without number formatting: the string, or the stored value. */
  text: string;
  /** A formula cell: rewriting it would drop the formula. */
  formula: boolean;
}

/** A `<row>` of `<sheetData>`, with its 0-based number. */
export interface RowItem {
  kind: 'row';
  row: number;
  explicit: boolean;
  open: Tag;
  attrs: Map<string, string>;
  /** Where `</row>` starts (the open tag's end when self-closing). */
  contentEnd: number;
}

/** A `<c>` of a row, with its 0-based position. */
export interface CellItem {
  kind: 'cell';
  row: number;
  col: number;
  explicit: boolean;
  open: Tag;
  attrs: Map<string, string>;
  contentEnd: number;
  end: number;
}

/** A number per cell; decodeA1 allows up to ZZZ (18278 columns), so the stride must exceed that. */
export const cellKey = (row: number, col: number) => row * 32768 + col;

/** The content of the cells asked for (A1 addresses) that exist in the sheet. */
export function readCells(xml: string, a1s: Iterable<string>, sharedStrings: () => readonly string[]): Map<string, CellContent> {
  const wanted = new Map<number, string>();
  for (const a1 of a1s) {
    const at = decodeA1(a1);
    if (at) wanted.set(cellKey(at.row, at.col), a1);
  }
  const found = new Map<string, CellContent>();
  for (const item of sheetItems(xml)) {
    if (item.kind !== 'cell') continue;
    const a1 = wanted.get(cellKey(item.row, item.col));
    if (a1) found.set(a1, cellContent(xml, item, sharedStrings));
  }
  return found;
}

/**
 * The sheet with each given cell set to an inline string (its `s` style kept) — or made blank when
 * the text is empty. Missing cells are inserted in row and column order, creating rows as needed.
 * `unplaced` lists cells that could not be placed safely (rows or cells without `r` addresses,
 * where an insertion would shift their implicit positions, or no `<sheetData>`).
 */
export function setCellTexts(xml: string, texts: ReadonlyMap<string, string>): { xml: string; unplaced: string[] } {
  const targets = new Map<number, { a1: string; row: number; col: number; text: string }>();
  for (const [a1, text] of texts) {
    const at = decodeA1(a1);
    if (at) targets.set(cellKey(at.row, at.col), { a1, ...at, text });
  }
  const targetRows = new Set([...targets.values()].map((t) => t.row));
  const splices: Splice[] = [];
  const rows = new Map<number, { item: RowItem; cells: CellItem[] }>();
  const rowStarts: { row: number; start: number; explicit: boolean }[] = [];
  let pendingCells: CellItem[] = [];

  for (const item of sheetItems(xml)) {
    if (item.kind === 'cell') {
      if (!targetRows.has(item.row)) continue;
      pendingCells.push(item);
      const target = targets.get(cellKey(item.row, item.col));
      if (!target) continue;
      splices.push({ start: item.open.start, end: item.end, text: cellXml(item.open.prefix, target, item.attrs.get('s')), order: cellKey(item.row, item.col) });
      targets.delete(cellKey(item.row, item.col));
    } else {
      rowStarts.push({ row: item.row, start: item.open.start, explicit: item.explicit });
      if (targetRows.has(item.row)) rows.set(item.row, { item, cells: pendingCells });
      pendingCells = [];
    }
  }

  const unplaced: string[] = [];
  const missingByRow = new Map<number, { a1: string; row: number; col: number; text: string }[]>();
  for (const target of [...targets.values()].sort((a, b) => a.col - b.col)) {
    const list = missingByRow.get(target.row) ?? [];
    list.push(target);
    missingByRow.set(target.row, list);
  }
  const sheetData = findTag(xml, 'sheetData', 0);
  const prefix = sheetData?.prefix ?? '';
  const newRows: { row: number; cells: string }[] = [];
  for (const [row, missing] of missingByRow) {
    const existing = rows.get(row);
    if (!existing) {
      if (!sheetData || rowStarts.some((r) => !r.explicit)) unplaced.push(...missing.map((m) => m.a1));
      else newRows.push({ row, cells: missing.map((m) => cellXml(prefix, m)).join('') });
      continue;
    }
    const { item, cells } = existing;
    if (item.open.selfClosing) {
      const open = xml.slice(item.open.start, item.open.end - 2).trimEnd();
      const text = `${open}>${missing.map((m) => cellXml(item.open.prefix, m)).join('')}</${item.open.prefix}row>`;
      splices.push({ start: item.open.start, end: item.open.end, text, order: cellKey(row, 0) });
    } else if (cells.some((c) => !c.explicit)) {
      unplaced.push(...missing.map((m) => m.a1));
    } else {
      for (const m of missing) {
        const start = cells.find((c) => c.col > m.col)?.open.start ?? item.contentEnd;
        splices.push({ start, end: start, text: cellXml(item.open.prefix, m), order: cellKey(row, m.col) });
      }
    }
  }
  if (newRows.length && sheetData) {
    const rowXml = (r: { row: number; cells: string }) => `<${prefix}row r="${r.row + 1}">${r.cells}</${prefix}row>`;
    if (sheetData.selfClosing) {
      const open = xml.slice(sheetData.start, sheetData.end - 2).trimEnd();
      const text = `${open}>${newRows.sort((a, b) => a.row - b.row).map(rowXml).join('')}</${prefix}sheetData>`;
      splices.push({ start: sheetData.start, end: sheetData.end, text, order: 0 });
    } else {
      const close = findTag(xml, 'sheetData', sheetData.end, true);
      for (const r of newRows) {
        const start = rowStarts.find((s) => s.row > r.row)?.start ?? close?.start;
        if (start === undefined) unplaced.push(...missingByRow.get(r.row)!.map((m) => m.a1));
        else splices.push({ start, end: start, text: rowXml(r), order: cellKey(r.row, 0) });
      }
    }
  }

  const inserted = [...targets.values()].filter((t) => !unplaced.includes(t.a1));
  const dimension = dimensionSplice(xml, inserted, sheetData?.start ?? 0);
  if (dimension) splices.push(dimension);

  return { xml: applySplices(xml, splices), unplaced };
}

/**
 * `<dimension>` widened to take in inserted cells: SheetJS (and so our reader) takes a sheet's range
 * from it. Written only when a new cell falls outside it.
 */
function dimensionSplice(xml: string, inserted: { row: number; col: number }[], before: number): Splice | undefined {
  const tag = findTag(xml, 'dimension', 0, false, before);
  if (!tag || inserted.length === 0) return undefined;
  const [first, last = first] = (attributes(xml, tag).get('ref') ?? '').split(':').map(decodeA1);
  if (!first || !last) return undefined;
  const rows = [first.row, last.row, ...inserted.map((c) => c.row)];
  const cols = [first.col, last.col, ...inserted.map((c) => c.col)];
  const ref = `${encodeA1(Math.min(...rows), Math.min(...cols))}:${encodeA1(Math.max(...rows), Math.max(...cols))}`;
  const wider = inserted.some((c) => c.row < first.row || c.row > last.row || c.col < first.col || c.col > last.col);
  return wider ? { start: tag.start, end: tag.end, text: `<${tag.prefix}dimension ref="${ref}"/>`, order: 0 } : undefined;
}

function cellXml(prefix: string, cell: { row: number; col: number; text: string }, style?: string): string {
  const s = style === undefined ? '' : ` s="${escapeAttribute(style)}"`;
  const open = `<${prefix}c r="${encodeA1(cell.row, cell.col)}"${s}`;
  if (cell.text === '') return `${open}/>`;
  return `${open} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${encodeCellText(cell.text)}</${prefix}t></${prefix}is></${prefix}c>`;
}

function cellContent(xml: string, cell: CellItem, sharedStrings: () => readonly string[]): CellContent {
  let value: string | undefined;
  let inline: string | undefined;
  let formula = false;
  for (let tag = nextTag(xml, cell.open.end); tag && tag.start < cell.contentEnd; tag = nextTag(xml, tag.end)) {
    if (tag.closing) continue;
    if (tag.local === 'f') formula = true;
    if (tag.local !== 'v' && tag.local !== 'is') continue;
    const end = elementEnd(xml, tag);
    if (!end) break;
    if (tag.local === 'v') value = decodeCellText(xml.slice(tag.end, end.contentEnd));
    else inline = richText(xml, tag.end, end.contentEnd);
    tag = { ...tag, end: end.end };
  }
  switch (cell.attrs.get('t')) {
    case 's':
      return { text: (value !== undefined && sharedStrings()[Number(value)]) || '', formula };
    case 'inlineStr':
      return { text: inline ?? value ?? '', formula };
    case 'b':
      return { text: value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : (value ?? ''), formula };
    default:
      return { text: value ?? '', formula };
  }
}

/**
 * Rows and cells of `<sheetData>` in document order (a row after its cells), each with its 0-based
 * position: from its `r` attribute, or — when a writer left `r` out — one past the previous one.
 */
export function* sheetItems(xml: string): Generator<RowItem | CellItem> {
  const sheetData = findTag(xml, 'sheetData', 0);
  if (!sheetData || sheetData.selfClosing) return;
  let row = -1;
  let col = -1;
  let openRow: RowItem | undefined;
  for (let tag = nextTag(xml, sheetData.end); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local === 'sheetData' && tag.closing) return;
    if (tag.local === 'row' && !tag.closing) {
      const attrs = attributes(xml, tag);
      const r = Number(attrs.get('r'));
      const explicit = Number.isInteger(r) && r > 0;
      row = explicit ? r - 1 : row + 1;
      col = -1;
      const item: RowItem = { kind: 'row', row, explicit, open: tag, attrs, contentEnd: tag.end };
      if (tag.selfClosing) yield item;
      else openRow = item;
    } else if (tag.local === 'row' && openRow) {
      yield { ...openRow, contentEnd: tag.start };
      openRow = undefined;
    } else if (tag.local === 'c' && !tag.closing && openRow) {
      const attrs = attributes(xml, tag);
      const at = decodeA1(attrs.get('r') ?? '');
      col = at ? at.col : col + 1;
      const end = elementEnd(xml, tag);
      if (!end) return;
      yield { kind: 'cell', row, col, explicit: at !== undefined, open: tag, attrs, contentEnd: end.contentEnd, end: end.end };
      tag = { ...tag, end: end.end };
    }
  }
}
