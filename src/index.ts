/**
 * jxlint's public API: isomorphic (no file system, no process), so the same calls work in Node,
 * a worker, a browser page or an editor extension. Pass bytes, get data.
 */
export type { CellRef, TextField } from './model/cell.js';
export type {
  AmountField,
  Declaration,
  DeclarationSource,
  FormKind,
  Funds,
  FundsSection,
  FundsUnit,
  Goals,
  Indicator,
  IndicatorPeriod,
  IndicatorValue,
  NumberField,
  Operator,
  ParsedValue,
  ProjectFacts,
  ValueKind,
} from './model/declaration.js';
export type { Grid, GridCell, GridMerge, GridSheet } from './model/grid.js';
export type { ReadProblem, ReadProblemCode } from './model/problem.js';
export type { FileReadResult } from './model/result.js';
export { isUnreadable } from './model/result.js';
export { readDeclarations, declarationsFromGrid, type ReadOptions } from './read/read.js';
export { DEFAULT_LIMITS, type ReadLimits } from './read/limits.js';
export { locateDeclarations } from './locate/forms.js';
export { parseValue, parseSplitValue, parseAmount } from './locate/value.js';
export { formatReadProblem, type Locale } from './i18n/read-messages.js';
export { declarationSchema } from './model/schema.js';
