import type { CellRef } from './cell.js';

/** How much a finding matters. `info` is advice; only `error` fails a run (exit code 1). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One change to one cell, stated as before → after so it can be checked before it is applied
 * (a cell that no longer says `before` is left alone) and shown to a person.
 */
export interface Edit {
  sheet: string;
  a1: string;
  before: string;
  after: string;
}

/** A rewrite a person accepts or not (adding a verb, moving a row to 时效指标…). */
export interface Suggestion {
  messageId: string;
  /** Rendered in the run's locale. */
  desc: string;
  data?: Record<string, string | number>;
  edits: Edit[];
}

export interface DiagnosticLocation extends Partial<CellRef> {
  file?: string;
  /** JSON pointer into the declaration, for inputs without cells (JSON/YAML) and for whole-form findings. */
  path?: string;
}

export type RuleCategory = 'naming' | 'classification' | 'completeness' | 'values' | 'consistency' | 'budget' | 'form';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  category: RuleCategory;
  messageId: string;
  message: string;
  data?: Record<string, string | number>;
  location: DiagnosticLocation;
  /** Which indicator row the finding is about, when it is about one. */
  indicator?: { level1?: string; level2?: string; name: string; row: number };
  /** 0-based index of the declaration in its file. */
  declarationIndex?: number;
  /** A safe, deterministic change that --fix applies. */
  fix?: { edits: Edit[] };
  suggestions?: Suggestion[];
}
