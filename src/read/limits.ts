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

/** Sizes are in decimal megabytes, the unit file managers show and messages print (formatBytes). */
const MB = 1_000_000;

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
  maxFileBytes: 50 * MB,
  maxUncompressedBytes: 200 * MB,
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

/**
 * Limits as people write them, in a config's `limits` key or on the command line: sizes in MB,
 * time in seconds. Kept apart from ReadLimits (bytes, ms), which is what the readers use.
 */
export interface LimitSettings {
  maxFileSize?: number;
  maxUnpackedSize?: number;
  maxRows?: number;
  maxColumns?: number;
  maxCells?: number;
  timeout?: number;
}

export const LIMIT_SETTING_KEYS = ['maxFileSize', 'maxUnpackedSize', 'maxRows', 'maxColumns', 'maxCells', 'timeout'] as const;

/** The settings each limit is read from, for messages and docs: key → [unit, default in that unit, integer?]. */
export const LIMIT_SETTINGS: Readonly<Record<keyof LimitSettings, { unit: 'MB' | 's' | ''; byDefault: number; integer: boolean; max?: number }>> = {
  maxFileSize: { unit: 'MB', byDefault: DEFAULT_LIMITS.maxFileBytes / MB, integer: false },
  maxUnpackedSize: { unit: 'MB', byDefault: DEFAULT_LIMITS.maxUncompressedBytes / MB, integer: false },
  maxRows: { unit: '', byDefault: DEFAULT_LIMITS.maxRows, integer: true },
  maxColumns: { unit: '', byDefault: DEFAULT_LIMITS.maxColumns, integer: true },
  maxCells: { unit: '', byDefault: DEFAULT_LIMITS.maxCells, integer: true },
  // A day: timers hold at most 2³¹ ms, and a file that needs longer is not a form.
  timeout: { unit: 's', byDefault: DEFAULT_LIMITS.timeoutMs / 1000, integer: false, max: 86_400 },
};

/** Later settings win over earlier ones; what none sets keeps its default. */
export function resolveLimits(...layers: (LimitSettings | undefined)[]): ReadLimits {
  const merged: LimitSettings = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of LIMIT_SETTING_KEYS) if (layer[key] !== undefined) merged[key] = layer[key];
  }
  return {
    maxFileBytes: merged.maxFileSize !== undefined ? Math.round(merged.maxFileSize * MB) : DEFAULT_LIMITS.maxFileBytes,
    maxUncompressedBytes: merged.maxUnpackedSize !== undefined ? Math.round(merged.maxUnpackedSize * MB) : DEFAULT_LIMITS.maxUncompressedBytes,
    maxRows: merged.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxColumns: merged.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxCells: merged.maxCells ?? DEFAULT_LIMITS.maxCells,
    timeoutMs: merged.timeout !== undefined ? Math.max(1, Math.round(merged.timeout * 1000)) : DEFAULT_LIMITS.timeoutMs,
  };
}

/** Checks a config's `limits` value; returns the reason it is wrong (Chinese, with the key) or the settings. */
export function checkLimitSettings(value: unknown): LimitSettings | { error: string } {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'limits 应为对象，如 { "maxRows": 500000 }' };
  const out: LimitSettings = {};
  for (const [key, v] of Object.entries(value)) {
    const spec = (LIMIT_SETTINGS as Record<string, (typeof LIMIT_SETTINGS)[keyof LimitSettings] | undefined>)[key];
    if (!Object.prototype.hasOwnProperty.call(LIMIT_SETTINGS, key) || !spec) return { error: `limits 不允许有属性“${key}”，可用的有 ${LIMIT_SETTING_KEYS.join('、')}` };
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (spec.integer && !Number.isInteger(v))) {
      return { error: `limits.${key} 应为${spec.integer ? '正整数' : '正数'}${spec.unit ? `（单位 ${spec.unit}）` : ''}` };
    }
    if (spec.max !== undefined && v > spec.max) return { error: `limits.${key} 应不超过 ${spec.max}${spec.unit ? `（单位 ${spec.unit}）` : ''}` };
    out[key as keyof LimitSettings] = v;
  }
  return out;
}
