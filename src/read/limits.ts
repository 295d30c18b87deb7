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
