import type { ReadProblem } from '../model/problem.js';

/**
 * Caps that keep a hostile or broken file from exhausting memory or time. Files come from other
 * units, so every reader checks these before (sizes) or while (cells, rows) it parses.
 */
export interface ReadLimits {
  /** Largest input file, in bytes. */
  maxFileBytes: number;
  /** Largest total a ZIP package (xlsx, ods) may claim to unpack to, in bytes. */
  maxUncompressedBytes: number;
  /** Most non-empty cells in one sheet; more is reported as `too-many-cells`. */
  maxCells: number;
  /** Rows read per sheet; rows below are ignored. */
  maxRows: number;
  /** Columns read per sheet; columns to the right are ignored. */
  maxColumns: number;
  /** Time allowed to parse one file in the worker. */
  timeoutMs: number;
}

const MiB = 1024 * 1024;

/**
 * Excel's own limit on the text of one cell. Longer text can only come from another tool (or an
 * attack); it is cut here as Excel would cut it, so no rule ever compares megabyte strings.
 */
export const MAX_CELL_CHARS = 32_767;

/** Counts cut cells per sheet and reports them as one warning. */
export class CellTruncations {
  private count = 0;
  private first = '';
  constructor(private readonly sheet: string) {}

  cut(text: string, a1: () => string): string {
    if (text.length <= MAX_CELL_CHARS) return text;
    if (this.count++ === 0) this.first = a1();
    return text.slice(0, MAX_CELL_CHARS);
  }

  warning(): ReadProblem | undefined {
    return this.count ? { code: 'cell-truncated', fatal: false, data: { sheet: this.sheet, cell: this.first, count: this.count } } : undefined;
  }
}

/**
 * A real declaration workbook is tens of KB to a few MB with a few hundred rows, so these leave a
 * wide margin while still stopping a file that would take minutes or gigabytes.
 */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 50 * MiB,
  maxUncompressedBytes: 200 * MiB,
  maxCells: 2_000_000,
  maxRows: 200_000,
  maxColumns: 1024,
  timeoutMs: 20_000,
});

/** Human-readable size in decimal units, as file managers show it: 52428800 → "52.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
