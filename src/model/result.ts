import type { Declaration } from './declaration.js';
import type { Diagnostic, Edit } from './diagnostic.js';
import type { ReadProblem } from './problem.js';

/** What reading one file gave: its forms, and what got in the way. */
export interface FileReadResult {
  file: string;
  format?: string;
  declarations: Declaration[];
  problems: ReadProblem[];
}

/** A file is unusable when any of its problems is fatal. */
export function isUnreadable(result: FileReadResult): boolean {
  return result.problems.some((p) => p.fatal);
}

/** A file after linting: what was read, what the rules found, and what was fixed. */
export interface LintFileResult extends FileReadResult {
  diagnostics: Diagnostic[];
  /** Findings a suppressions entry accepted, with its reason. */
  suppressed: { diagnostic: Diagnostic; reason: string }[];
  fixes?: FixReport;
}

export interface FixReport {
  applied: Edit[];
  skipped: { edit: Edit; reason: string }[];
  /** Where the fixed workbook was written (the input itself for .xlsx). */
  output?: string;
  dryRun: boolean;
}

export interface UnusedSuppression {
  /** The suppressions file. */
  source: string;
  /** 0-based position in it. */
  index: number;
  entry: { file: string; rule: string; cell?: string; indicator?: string; reason: string };
}

/** What formats that describe rules (SARIF) need to know of each rule of the run. */
export interface RuleInfo {
  id: string;
  category: string;
  defaultSeverity: 'error' | 'warning' | 'info';
  docs: { description: { zh: string; en: string } };
  fixable?: boolean;
  hasSuggestions?: boolean;
}

export interface LintRunResult {
  files: LintFileResult[];
  unusedSuppressions: UnusedSuppression[];
  /** The rules the run could report (built-in and plugins), for formats that list rule metadata. */
  rules?: RuleInfo[];
}
