import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { LintFileResult, LintRunResult } from '../model/result.js';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { ui } from '../i18n/ui.js';
import { alignColumns, truncateWidth } from '../text/width.js';

const SEVERITY_KEY = { error: 'error', warning: 'warning', info: 'info' } as const;

function where(d: Diagnostic): string {
  if (d.location.a1) return d.location.a1;
  return d.location.path ?? '';
}

function fileBlock(result: LintFileResult, locale: Locale, quiet: boolean): string[] {
  const lines: string[] = [];
  const shown = result.diagnostics.filter((d) => !quiet || d.severity === 'error');
  const problems = result.problems.filter((p) => p.fatal || !quiet);
  if (shown.length === 0 && problems.length === 0) return lines;
  lines.push(result.file);
  const rows: string[][] = [];
  const notes: Map<number, string[]> = new Map();
  const ruleIds: string[] = [];
  for (const p of problems) {
    rows.push(['', p.at?.a1 ?? '', ui(locale, p.fatal ? 'fatal' : 'notice'), formatReadProblem(p, locale)]);
    ruleIds.push('');
  }
  for (const d of shown) {
    rows.push(['', where(d), ui(locale, SEVERITY_KEY[d.severity]), d.message]);
    ruleIds.push(d.ruleId);
    const extra: string[] = [];
    if (d.fix) extra.push(`${ui(locale, 'fixable')}：${d.fix.edits.map((e) => `${e.a1} ${truncateWidth(e.before, 24)} → ${truncateWidth(e.after, 24)}`).join('；')}`);
    for (const s of d.suggestions ?? []) extra.push(`${ui(locale, 'suggestion')}：${s.desc}`);
    if (extra.length) notes.set(rows.length - 1, extra);
  }
  // Cell and level are aligned; the rule id follows the message rather than forming a column
  // that long Chinese messages would push off the screen.
  const aligned = alignColumns(rows);
  aligned.forEach((line, i) => {
    lines.push(ruleIds[i] ? `${line}  ${ruleIds[i]}` : line);
    for (const note of notes.get(i) ?? []) lines.push(`${' '.repeat(8)}↳ ${note}`);
  });
  lines.push('');
  return lines;
}

/** Findings by severity; a file that could not be read counts as an error, as a parse failure does in ESLint. */
export function countBySeverity(results: LintFileResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    for (const d of r.diagnostics) counts[d.severity]++;
    counts.error += r.problems.filter((p) => p.fatal).length;
  }
  return counts;
}

/** The terminal format: findings grouped by file, aligned for Chinese text, with a summary. */
export function formatStylish(run: LintRunResult, locale: Locale = 'zh', options: { quiet?: boolean } = {}): string {
  const quiet = options.quiet ?? false;
  const lines: string[] = [];
  for (const result of run.files) lines.push(...fileBlock(result, locale, quiet));
  for (const u of run.unusedSuppressions) lines.push(`${u.source}  ${ui(locale, 'unusedSuppression', { index: u.index + 1, rule: u.entry.rule, file: u.entry.file })}`);
  if (run.unusedSuppressions.length) lines.push('');
  const counts = countBySeverity(run.files);
  const total = counts.error + counts.warning + counts.info;
  const unreadable = run.files.filter((f) => f.problems.some((p) => p.fatal)).length;
  const suppressed = run.files.reduce((n, f) => n + f.suppressed.length, 0);
  const fixable = run.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.fix).length, 0);
  const forms = run.files.reduce((n, f) => n + f.declarations.length, 0);
  const indicators = run.files.reduce((n, f) => n + f.declarations.reduce((m, d) => m + d.indicators.length, 0), 0);
  const read = { files: run.files.length, forms, indicators };
  if (total === 0 && unreadable === 0) lines.push(ui(locale, 'clean', read));
  else lines.push(ui(locale, 'lintSummary', { ...read, total, error: counts.error, warning: counts.warning, info: counts.info, unreadable }));
  if (suppressed) lines.push(ui(locale, 'suppressedSummary', { count: suppressed }));
  if (fixable) lines.push(ui(locale, 'fixableSummary', { count: fixable }));
  return lines.join('\n') + '\n';
}
