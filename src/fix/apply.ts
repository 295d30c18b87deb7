import * as XLSX from 'xlsx';
import { formatReadProblem } from '../i18n/read-messages.js';
import { decodeA1, encodeA1 } from '../model/cell.js';
import type { Edit } from '../model/diagnostic.js';
import { readCells, setCellTexts, type CellContent } from '../ooxml/cells.js';
import { openPackage, readPartText, writePackage } from '../ooxml/package.js';
import { sharedStrings, workbookSheets } from '../ooxml/workbook.js';
import { csvToGrid, decodeText } from '../read/csv.js';
import { DEFAULT_LIMITS } from '../read/limits.js';
import { inspectZip } from '../read/zip.js';

/**
 * Applying fixes to a workbook. An edit is applied only when its cell still reads `before`, so a
 * fix computed from an older read never overwrites what someone typed since.
 */
export interface FixResult {
  bytes: Uint8Array;
  applied: Edit[];
  skipped: SkippedEdit[];
}

export interface SkippedEdit {
  edit: Edit;
  /** Why, in Chinese, for the person running --fix. */
  reason: string;
}

/**
 * Edits patched into the xlsx/xlsm package itself: only the edited sheets' parts change, and in
 * them only the edited `<c>` elements. With nothing applied the input bytes come back as they were.
 */
export function applyEditsToXlsx(bytes: Uint8Array, edits: readonly Edit[]): FixResult {
  const pkg = openPackage(bytes);
  if ('code' in pkg) return skipAll(bytes, edits, formatReadProblem(pkg));
  const { accepted, skipped } = screen(edits);
  const applied: Edit[] = [];
  const parts = new Map<string, string>();
  try {
    const sheets = new Map(workbookSheets(pkg).map((s) => [s.name, s.path]));
    let strings: string[] | undefined;
    const lazyStrings = () => (strings ??= sharedStrings(pkg));
    for (const [sheet, targets] of groupBy(accepted, (t) => t.edit.sheet)) {
      const path = sheets.get(sheet);
      const xml = path === undefined ? undefined : readPartText(pkg, path);
      if (path === undefined || xml === undefined) {
        skipped.push(...targets.map(({ edit }) => ({ edit, reason: `找不到工作表「${sheet}」` })));
        continue;
      }
      const current = readCells(xml, targets.map((t) => t.a1), lazyStrings);
      const ready = targets.filter(({ edit, a1 }) => {
        const reason = staleReason(edit, current.get(a1));
        if (reason) skipped.push({ edit, reason });
        return !reason;
      });
      if (ready.length === 0) continue;
      const patched = setCellTexts(xml, new Map(ready.map((t) => [t.a1, t.edit.after])));
      const unplaced = new Set(patched.unplaced);
      for (const { edit, a1 } of ready) {
        if (unplaced.has(a1)) skipped.push({ edit, reason: '无法在此处新建单元格（该表的行或单元格没有写明地址）' });
        else applied.push(edit);
      }
      if (unplaced.size < ready.length) parts.set(path, patched.xml);
    }
  } catch (error) {
    return skipAll(bytes, edits, `工作簿无法修改：${error instanceof Error ? error.message : String(error)}`);
  }
  const result = { applied: inInputOrder(edits, applied), skipped: inInputOrder(edits, skipped) };
  return { bytes: applied.length ? writePackage(pkg, parts) : bytes, ...result };
}

/**
 * For inputs that cannot be patched in place (xls, ods, csv, WPS et): a new xlsx made by SheetJS
 * from the file's values, merges, column widths and comments, with the edits applied. Formatting
 * does not survive (SheetJS does not write styles), which is why the original is never replaced.
 * A CSV is decoded as the reader decodes it and every field stays text; its one sheet is the one
 * the edits name (`csvSheetName`, by default the first edit's sheet).
 */
export function copyAsXlsxWithEdits(
  bytes: Uint8Array,
  format: 'xls' | 'ods' | 'csv' | 'et',
  edits: readonly Edit[],
  options: { csvSheetName?: string } = {},
): FixResult {
  let book: XLSX.WorkBook;
  let sheetFor: (name: string) => XLSX.WorkSheet | undefined;
  try {
    if (format === 'csv') {
      const name = options.csvSheetName ?? edits[0]?.sheet ?? 'Sheet1';
      const text = decodeText(bytes);
      if (typeof text !== 'string') return skipAll(bytes, edits, formatReadProblem(text));
      const grid = csvToGrid(text, name);
      if ('code' in grid) return skipAll(bytes, edits, formatReadProblem(grid));
      const sheet = XLSX.utils.aoa_to_sheet(grid.rows.map((row) => row.map((cell) => cell?.t ?? null)));
      book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, safeSheetName(name));
      sheetFor = (wanted) => (wanted === name ? sheet : undefined);
    } else {
      // The reader's directory check first: it refuses bombs and gives SheetJS sizes it can trust.
      const zip = bytes[0] === 0x50 && bytes[1] === 0x4b ? inspectZip(bytes, DEFAULT_LIMITS) : undefined;
      if (zip && 'code' in zip) return skipAll(bytes, edits, formatReadProblem(zip));
      book = XLSX.read(zip?.bytes ?? bytes, { type: 'array', cellStyles: true, cellNF: true, cellDates: false, cellFormula: true });
      sheetFor = (wanted) => (Object.hasOwn(book.Sheets, wanted) ? book.Sheets[wanted] : undefined);
    }
  } catch (error) {
    return skipAll(bytes, edits, `工作簿无法读取：${error instanceof Error ? error.message : String(error)}`);
  }

  const { accepted, skipped } = screen(edits);
  const applied: Edit[] = [];
  for (const { edit, a1 } of accepted) {
    const sheet = sheetFor(edit.sheet);
    if (!sheet) {
      skipped.push({ edit, reason: `找不到工作表「${edit.sheet}」` });
      continue;
    }
    const cell = sheet[a1] as XLSX.CellObject | undefined;
    const text = cell ? (cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v))) : '';
    const reason = staleReason(edit, cell ? { text, formula: cell.f !== undefined } : undefined);
    if (reason) {
      skipped.push({ edit, reason });
      continue;
    }
    if (edit.after === '' && !cell?.c) delete sheet[a1];
    else sheet[a1] = { t: 's', v: edit.after, ...(cell?.c ? { c: cell.c } : {}) };
    extendRange(sheet, a1);
    applied.push(edit);
  }
  const result = { applied: inInputOrder(edits, applied), skipped: inInputOrder(edits, skipped) };
  if (applied.length === 0) return { bytes, ...result };
  return { bytes: new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer), ...result };
}

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/** Edits with a usable address, one per cell (the first wins), each with its address normalised (`$e$12` → `E12`). */
function screen(edits: readonly Edit[]): { accepted: { edit: Edit; a1: string }[]; skipped: SkippedEdit[] } {
  const accepted: { edit: Edit; a1: string }[] = [];
  const skipped: SkippedEdit[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    const at = decodeA1(edit.a1);
    if (!at || at.row >= EXCEL_ROWS || at.col >= EXCEL_COLUMNS) {
      skipped.push({ edit, reason: `单元格地址「${edit.a1}」无效` });
      continue;
    }
    const a1 = encodeA1(at.row, at.col);
    const cellKey = `${edit.sheet}\u0000${a1}`;
    if (seen.has(cellKey)) {
      skipped.push({ edit, reason: '同一单元格已有另一处修改，只应用第一处' });
      continue;
    }
    seen.add(cellKey);
    accepted.push({ edit, a1 });
  }
  return { accepted, skipped };
}

/** Why an edit cannot be applied to a cell that now holds `current` (undefined: it can). */
function staleReason(edit: Edit, current: CellContent | undefined): string | undefined {
  const text = current?.text ?? '';
  if (current?.formula) return '单元格含公式，不自动修改';
  if (text === edit.before && text !== edit.after) return undefined;
  if (text === edit.after) return '单元格已是修改后的内容';
  return `单元格内容已变为「${shorten(text)}」，不再是「${shorten(edit.before)}」`;
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

function skipAll(bytes: Uint8Array, edits: readonly Edit[], reason: string): FixResult {
  return { bytes, applied: [], skipped: edits.map((edit) => ({ edit, reason })) };
}

/** Results listed in the order the edits were given, not grouped by sheet. */
function inInputOrder<T extends Edit | SkippedEdit>(edits: readonly Edit[], items: T[]): T[] {
  const position = new Map(edits.map((edit, i) => [edit, i]));
  const at = (item: T) => position.get('edit' in item ? item.edit : item) ?? 0;
  return [...items].sort((a, b) => at(a) - at(b));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item)) ?? [];
    list.push(item);
    groups.set(keyOf(item), list);
  }
  return groups;
}

function extendRange(sheet: XLSX.WorkSheet, a1: string): void {
  const at = XLSX.utils.decode_cell(a1);
  const range = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : { s: at, e: at };
  range.s = { r: Math.min(range.s.r, at.r), c: Math.min(range.s.c, at.c) };
  range.e = { r: Math.max(range.e.r, at.r), c: Math.max(range.e.c, at.c) };
  sheet['!ref'] = XLSX.utils.encode_range(range);
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31).trim() || 'Sheet1';
}
