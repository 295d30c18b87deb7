import type { CellRef } from './cell.js';

/**
 * Why a file (or part of it) could not be read. Structured, never meaning hidden in text:
 * `code` selects the localised message in src/i18n/read-messages.ts and `data` fills it.
 */
export type ReadProblemCode =
  // the file as a whole (fatal: exit code 2)
  | 'file-empty'
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-too-large'
  | 'unsupported-format'
  | 'format-mismatch'
  | 'encrypted'
  | 'corrupt-archive'
  | 'zip-bomb'
  | 'too-many-cells'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'parse-timeout'
  | 'out-of-memory'
  | 'parse-failed'
  | 'text-encoding'
  | 'structured-syntax'
  | 'structured-schema'
  // the content (not fatal)
  | 'mixed-encoding'
  | 'cell-truncated'
  | 'text-truncated'
  | 'no-indicator-table'
  | 'self-evaluation-form'
  | 'sheet-skipped';

export interface ReadProblem {
  code: ReadProblemCode;
  /** Fatal problems mean nothing usable was read from the file. */
  fatal: boolean;
  /** Placeholders for the message, e.g. { limit: '50 MB', detected: 'PDF' }. */
  data?: Record<string, string | number>;
  at?: CellRef;
}
