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

// The rule engine: lint declarations with a config given as data, write rules and plugins.
export { lint, type LintOptions } from './engine/api.js';
export { lintDeclarations, type EnabledRule, type LintSettings } from './engine/linter.js';
export { defineRule, type AnyRule, type Rule, type RuleContext, type RuleMeta, type RuleVisitors, type Profile } from './engine/rule.js';
export { ConfigError, RuleContractError } from './engine/errors.js';
export type { ConfigData, RuleSetting, SeverityWord } from './engine/config.js';
export type { Plugin } from './engine/plugins.js';
export { detectProfile } from './engine/profile.js';
export { declarationFromSpec, lintWithRule, compareDiagnostics, type FormSpec, type ExpectedDiagnostic, type RuleTestCases } from './engine/testing.js';
export type { Diagnostic, DiagnosticLocation, Edit, RuleCategory, Severity, Suggestion } from './model/diagnostic.js';
export type { LintFileResult, LintRunResult } from './model/result.js';
export { applyEditsToXlsx, copyAsXlsxWithEdits, type FixResult } from './fix/apply.js';
export { builtinRules } from '../rules/index.js';
export { defaultLexicon } from '../rules/lexicon/data.generated.js';
export type { Lexicon, LexiconAdditions } from '../rules/lexicon/types.js';

// Output formats: pure functions of a run's results (the CLI writes them; so can you).
export { formatStylish } from './format/stylish.js';
export { formatLintJson } from './format/json.js';
export { formatSarif, type SarifOptions } from './format/sarif.js';
export { formatJunit } from './format/junit.js';
export { formatGithub, type GithubOutput } from './format/github.js';
export { formatHtml, type HtmlReportOptions } from './format/html.js';
export { annotateWorkbook, AnnotateError } from './format/xlsx.js';
