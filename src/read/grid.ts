import * as XLSX from 'xlsx';
import { encodeCol } from '../model/cell.js';
import type { Grid, GridCell, GridMerge, GridSheet, WorkbookFormat } from '../model/grid.js';
import type { ReadProblem } from '../model/problem.js';
import { csvToGrid, decodeText } from './csv.js';
import { CellTruncations, formatBytes, type ReadLimits } from './limits.js';
import { classifyZipEntries, extensionLabel, sniff } from './sniff.js';
import { inspectZip } from './zip.js';

/**
 * SheetJS → Grid. The only module that sees a SheetJS workbook; what leaves is plain data.
 * Options: dense sheets (one array per row, no A1 keys), no HTML, styles, formulae, VBA or
 * package parts, since nothing downstream reads them; number formats kept for `z`.
 */
export function workbookToGrid(bytes: Uint8Array, format: WorkbookFormat, limits: ReadLimits): Grid | ReadProblem {
  // Every row is parsed, not just the first maxRows: SheetJS would scan the rest anyway, and only
  // the whole sheet says whether content lies past the limit (rows may be sparse, <dimension> may lie).
  const workbook = parseWorkbook(bytes);
  if ('code' in workbook) return workbook;

  const sheets: GridSheet[] = [];
  const warnings: ReadProblem[] = [];
  const meta = workbook.Workbook?.Sheets ?? [];
  for (const [index, name] of workbook.SheetNames.entries()) {
    const worksheet = sheetNamed(workbook, name);
    const truncations = new CellTruncations(name);
    const sheet = worksheet ? convertSheet(name, worksheet, limits, truncations) : { name, rows: [], merges: [] };
    if ('code' in sheet) return sheet;
    if (meta[index]?.Hidden) sheet.hidden = true;
    sheets.push(sheet);
    const cut = truncations.warning();
    if (cut) warnings.push(cut);
  }
  return { format, sheets, ...(warnings.length ? { warnings } : {}) };
}

function parseWorkbook(bytes: Uint8Array): XLSX.WorkBook | ReadProblem {
  try {
    return XLSX.read(sheetjsView(bytes), {
      type: 'array',
      dense: true,
      cellHTML: false,
      cellStyles: false,
      cellFormula: false,
      cellNF: true,
      cellDates: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      WTF: false,
    });
  } catch (error) {
    return problemFromError(error);
  }
}

/** Own-property lookup: a sheet called "__proto__" must not read Object.prototype. */
function sheetNamed(workbook: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  return Object.prototype.hasOwnProperty.call(workbook.Sheets, name) ? workbook.Sheets[name] : undefined;
}

/**
 * A view of the bytes for SheetJS alone. It hangs its read cursor (`l`, `read_shift`, ...) on the
 * array it is given, so the caller's array is left untouched. And its ZIP reader copies the rest of
 * the file (`slice`) for every part it inflates, quadratic in parts × size: 500 tiny parts before
 * 45 MB of padding took 13 s. SheetJS only reads those copies, so here `slice` returns a view.
 */
function sheetjsView(bytes: Uint8Array): Uint8Array {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  Object.defineProperty(view, 'slice', { value: view.subarray });
  return view;
}

function convertSheet(name: string, worksheet: XLSX.WorkSheet, limits: ReadLimits, truncations: CellTruncations): GridSheet | ReadProblem {
  const data: (XLSX.CellObject | undefined)[][] = worksheet['!data'] ?? [];
  const beyond = contentBeyondLimits(name, data, limits);
  if (beyond) return beyond;
  const rows: (GridCell | null)[][] = [];
  let cells = 0;
  for (let r = 0; r < data.length && r < limits.maxRows; r++) {
    const source = data[r] ?? [];
    const row: (GridCell | null)[] = [];
    const width = Math.min(source.length, limits.maxColumns);
    for (let c = 0; c < width; c++) {
      const cell = convertCell(source[c]);
      if (cell) {
        cell.t = truncations.cut(cell.t, () => `${encodeCol(c)}${r + 1}`);
        cells++;
      }
      row.push(cell);
    }
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
    if (cells > limits.maxCells) return { code: 'too-many-cells', fatal: true, data: { sheet: name, limit: limits.maxCells } };
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();

  const merges: GridMerge[] = [];
  for (const m of worksheet['!merges'] ?? []) {
    if (m.s.r >= limits.maxRows || m.s.c >= limits.maxColumns) continue;
    merges.push({ r0: m.s.r, c0: m.s.c, r1: Math.min(m.e.r, limits.maxRows - 1), c1: Math.min(m.e.c, limits.maxColumns - 1) });
  }
  return { name, rows, merges };
}

/**
 * Content past the row or column limit makes the whole file a problem rather than quietly cutting
 * the sheet: a form read in part would be linted as if the rest did not exist. Empty but formatted
 * cells out there (a sheet "used" to XFD1048576) are common and do not count.
 */
function contentBeyondLimits(name: string, data: (XLSX.CellObject | undefined)[][], limits: ReadLimits): ReadProblem | undefined {
  for (let r = limits.maxRows; r < data.length; r++) {
    if (data[r]?.some((cell) => convertCell(cell) !== null)) {
      return { code: 'too-many-rows', fatal: true, data: { sheet: name, row: r + 1, limit: limits.maxRows } };
    }
  }
  for (let r = 0; r < data.length && r < limits.maxRows; r++) {
    const row = data[r];
    if (!row || row.length <= limits.maxColumns) continue;
    for (let c = limits.maxColumns; c < row.length; c++) {
      if (convertCell(row[c]) !== null) return { code: 'too-many-columns', fatal: true, data: { sheet: name, column: encodeCol(c), limit: limits.maxColumns } };
    }
  }
  return undefined;
}

function convertCell(cell: XLSX.CellObject | undefined): GridCell | null {
  if (!cell || cell.t === 'z') return null;
  const text = cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
  if (text === '') return null;
  const out: GridCell = { t: text };
  if (typeof cell.v === 'number' || typeof cell.v === 'boolean') out.v = cell.v;
  if (typeof cell.z === 'string' && cell.z !== 'General') out.z = cell.z;
  return out;
}

/** SheetJS throws plain Errors; sort them into problems with a short reason, never a stack. */
function problemFromError(error: unknown): ReadProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return { code: 'encrypted', fatal: true };
  if (/zip|crc|end of data|bad (un)?compressed size|cfb|inconsistent|major version|sector|header signature|difat/i.test(message)) {
    return { code: 'corrupt-archive', fatal: true, data: { reason: shorten(message) } };
  }
  return { code: 'parse-failed', fatal: true, data: { reason: shorten(message) } };
}

function shorten(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || 'unknown error';
}

/**
 * Bytes of one file → Grid: sniff the container, check the ZIP directory, decode CSV ourselves,
 * and only then let SheetJS parse. JSON and YAML are not grids (see structured.ts).
 */
export function gridFromBytes(bytes: Uint8Array, fileName: string, limits: ReadLimits): { grid: Grid } | { problem: ReadProblem } {
  if (bytes.length > limits.maxFileBytes) {
    return { problem: { code: 'file-too-large', fatal: true, data: { size: formatBytes(bytes.length), limit: formatBytes(limits.maxFileBytes) } } };
  }
  let sniffed = sniff(bytes, fileName);
  if ('code' in sniffed) return { problem: sniffed };
  const { format } = sniffed;
  if (format === 'json' || format === 'yaml') {
    return { problem: { code: 'unsupported-format', fatal: true, data: { ext: extensionLabel(fileName) } } };
  }
  if (format === 'csv') {
    const warnings: ReadProblem[] = [];
    const text = decodeText(bytes, warnings);
    if (typeof text !== 'string') return { problem: text };
    const sheet = csvToGrid(text, baseName(fileName), limits, warnings);
    if ('code' in sheet) return { problem: sheet };
    return { grid: { format: 'csv', sheets: [sheet], ...(warnings.length ? { warnings } : {}) } };
  }
  let workbookBytes = bytes;
  if (sniffed.container === 'zip') {
    const zip = inspectZip(bytes, limits);
    if ('code' in zip) return { problem: zip };
    sniffed = classifyZipEntries(zip.entries.map((e) => e.name), sniffed, fileName);
    if ('code' in sniffed) return { problem: sniffed };
    workbookBytes = zip.bytes;
  }
  const grid = workbookToGrid(workbookBytes, sniffed.format as WorkbookFormat, limits);
  return 'code' in grid ? { problem: grid } : { grid };
}

/** The file name without directories or extension: the sheet name of a CSV file. */
function baseName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
