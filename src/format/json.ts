import type { LintRunResult } from '../model/result.js';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { countBySeverity } from './stylish.js';

/**
 * Machine-readable results: every file with its forms (summarised), reading problems (with their
 * message), findings, suppressed findings and fixes, plus totals.
 */
export function formatLintJson(run: LintRunResult, locale: Locale = 'zh'): string {
  const files = run.files.map((f) => ({
    file: f.file,
    ...(f.format ? { format: f.format } : {}),
    declarations: f.declarations.map((d) => ({
      index: d.source.index,
      kind: d.kind,
      ...(d.source.sheet ? { sheet: d.source.sheet } : {}),
      ...(d.project.name ? { project: d.project.name.text } : {}),
      indicators: d.indicators.length,
    })),
    problems: f.problems.map((p) => ({ ...p, message: formatReadProblem(p, locale) })),
    diagnostics: f.diagnostics,
    suppressed: f.suppressed,
    ...(f.fixes ? { fixes: f.fixes } : {}),
  }));
  const counts = countBySeverity(run.files);
  const summary = {
    files: run.files.length,
    unreadable: run.files.filter((f) => f.problems.some((p) => p.fatal)).length,
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    suppressed: run.files.reduce((n, f) => n + f.suppressed.length, 0),
    fixable: run.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.fix).length, 0),
  };
  return JSON.stringify({ files, unusedSuppressions: run.unusedSuppressions, summary }, null, 2) + '\n';
}
