import type { Diagnostic } from '../model/diagnostic.js';
import type { LintRunResult } from '../model/result.js';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { formatWord } from '../i18n/formats.js';
import { ui } from '../i18n/ui.js';
import { countBySeverity } from './stylish.js';
import { clip, describeEdit, findingPlace, qualifiedCell, truncateNoting } from './common.js';

/**
 * GitHub Actions: workflow-command annotations for the log and the checks page, and a Markdown
 * step summary (for $GITHUB_STEP_SUMMARY) listing every finding in a table per file.
 *
 * Annotations name the file and carry the cell in their title, without `line=`: a workbook has
 * no text lines for GitHub to point into. GitHub shows at most 10 annotations of each level per
 * step, so only the first 10 errors, 10 warnings and 10 notices are written, and a plain log line
 * says how many were left out; the step summary has them all.
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface GithubOutput {
  /** Workflow commands (and at most one plain line), for the step's standard output. */
  annotations: string;
  /** Markdown for $GITHUB_STEP_SUMMARY. */
  summary: string;
  /** Annotations left out by the per-step cap, by level. */
  omitted: Record<AnnotationLevel, number>;
}

/** GitHub shows this many annotations of each level per step and drops the rest. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** $GITHUB_STEP_SUMMARY takes at most 1 MiB per step; stay below it. */
const SUMMARY_BUDGET_BYTES = 1_000_000;
/** An annotation quotes cell text, which can be a megabyte long. */
const MESSAGE_MAX = 1000;
const CELL_MAX = 500;

const LEVEL: Record<Diagnostic['severity'], AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };
// C0/C1 controls other than tab and line breaks could drive the log's terminal renderer (ANSI escapes).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A command's message: `%`, CR and LF are encoded so the text cannot end the line and start a command of its own. */
export function escapeCommandData(text: string): string {
  return text.replace(CONTROL, '\uFFFD').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property (`file=`, `title=`): additionally `:` and `,`, which end a property. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const MARKDOWN_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\n': '<br>', '\t': ' ' };

/**
 * Text for a Markdown table cell or heading, shown as written: HTML is escaped; what opens inline
 * syntax (emphasis `*_`, code `` ` ``, links and images `[`, strike-through `~`, math `$`, issue
 * references `#`, table pipes `|`, and `\` itself) is backslash-escaped; line breaks become <br>.
 */
export function markdownText(text: string): string {
  return text
    .replace(CONTROL, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]|~#$]/g, '\\$&')
    .replace(/[&<>\n\t]/g, (c) => MARKDOWN_ESCAPES[c]!);
}

interface Annotation {
  level: AnnotationLevel;
  file: string;
  title: string;
  message: string;
}

function command(a: Annotation): string {
  return `::${a.level} file=${escapeCommandProperty(a.file)},title=${escapeCommandProperty(a.title)}::${escapeCommandData(a.message)}`;
}

function findingMessage(d: Diagnostic, locale: Locale): string {
  const colon = locale === 'zh' ? '：' : ': ';
  const lines = [truncateNoting(d.message, MESSAGE_MAX, locale)];
  if (d.fix) lines.push(`${formatWord(locale, 'fix')}${colon}${d.fix.edits.map((e) => describeEdit(e, locale, 40)).join(locale === 'zh' ? '；' : '; ')}`);
  for (const s of d.suggestions ?? []) lines.push(`${formatWord(locale, 'suggestion')}${colon}${clip(s.desc, 200)}`);
  return lines.join('\n');
}

function annotationsOf(run: LintRunResult, locale: Locale): Annotation[] {
  const list: Annotation[] = [];
  for (const f of run.files) {
    for (const p of f.problems) {
      const place = p.at ? `${qualifiedCell(p.at.sheet, p.at.a1)} ` : '';
      list.push({
        level: p.fatal ? 'error' : 'notice',
        file: f.file,
        title: `${place}${p.fatal ? formatWord(locale, 'unreadable') : formatWord(locale, 'readProblem')}`,
        message: truncateNoting(formatReadProblem(p, locale), MESSAGE_MAX, locale),
      });
    }
    for (const d of f.diagnostics) {
      const place = findingPlace(d);
      list.push({ level: LEVEL[d.severity], file: f.file, title: clip(`${place ? `${place} ` : ''}${d.ruleId}`, 200), message: findingMessage(d, locale) });
    }
  }
  for (const u of run.unusedSuppressions) {
    list.push({ level: 'notice', file: u.source, title: u.entry.rule, message: formatWord(locale, 'unusedSuppression', { index: u.index + 1, rule: u.entry.rule, file: u.entry.file }) });
  }
  return list;
}

function annotationText(all: Annotation[], locale: Locale): { text: string; omitted: Record<AnnotationLevel, number> } {
  const shown: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const omitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const a of all) {
    if (shown[a.level] < ANNOTATIONS_PER_LEVEL) {
      shown[a.level]++;
      lines.push(command(a));
    } else omitted[a.level]++;
  }
  // A plain line (not a command): it is only printed in the log.
  if (omitted.error + omitted.warning + omitted.notice > 0) lines.push(formatWord(locale, 'annotationsOmitted', omitted));
  return { text: lines.length ? lines.join('\n') + '\n' : '', omitted };
}

function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => markdownText(clip(c, CELL_MAX)) || ' ').join(' | ')} |`;
}

function summaryText(run: LintRunResult, locale: Locale): string {
  const encoder = new TextEncoder();
  const counts = countBySeverity(run.files);
  const unreadable = run.files.filter((f) => f.problems.some((p) => p.fatal)).length;
  const suppressed = run.files.reduce((n, f) => n + f.suppressed.length, 0);
  const head = [`## ${formatWord(locale, 'summaryTitle')}`, ''];
  const clean = counts.error + counts.warning + counts.info === 0 && unreadable === 0;
  head.push(clean ? formatWord(locale, 'summaryClean', { files: run.files.length }) : formatWord(locale, 'summaryTotals', { files: run.files.length, ...counts, unreadable, suppressed }), '');

  const columns = [formatWord(locale, 'cell'), formatWord(locale, 'level'), formatWord(locale, 'rule'), formatWord(locale, 'message'), formatWord(locale, 'suggestion')];
  const tableHead = [tableRow(columns), `|${' --- |'.repeat(columns.length)}`];
  const bytes = (line: string) => encoder.encode(line).length + 1;
  // From the first row that does not fit, the rest are left out (never half a row); the note
  // saying so needs room too.
  let budget = SUMMARY_BUDGET_BYTES - head.reduce((n, line) => n + bytes(line), 0) - 1024;
  let omittedRows = 0;
  let full = false;
  const body: string[] = [];
  for (const f of run.files) {
    const rows: string[] = [];
    for (const p of f.problems) rows.push(tableRow([p.at ? qualifiedCell(p.at.sheet, p.at.a1) : '', ui(locale, p.fatal ? 'error' : 'info'), p.code, formatReadProblem(p, locale), '']));
    for (const d of f.diagnostics) {
      const fix = d.fix ? [`${formatWord(locale, 'fix')}${locale === 'zh' ? '：' : ': '}${d.fix.edits.map((e) => describeEdit(e, locale, 40)).join(' ')}`] : [];
      const advice = [...fix, ...(d.suggestions ?? []).map((s) => s.desc)].map((a) => clip(a, 200));
      rows.push(tableRow([findingPlace(d), ui(locale, d.severity), d.ruleId, d.message, advice.join('\n')]));
    }
    if (rows.length === 0) continue;
    const block = [`### ${markdownText(f.file)}`, '', ...tableHead];
    let size = block.reduce((n, line) => n + bytes(line), 0) + 1;
    const kept: string[] = [];
    for (const row of rows) {
      full ||= size + bytes(row) > budget;
      if (full) omittedRows++;
      else {
        kept.push(row);
        size += bytes(row);
      }
    }
    if (kept.length === 0) continue;
    body.push(...block, ...kept, '');
    budget -= size;
  }
  if (omittedRows) body.push(formatWord(locale, 'summaryOmittedRows', { count: omittedRows }), '');
  return [...head, ...body].join('\n');
}

/** Annotations and step summary of a run. */
export function formatGithub(run: LintRunResult, locale: Locale = 'zh'): GithubOutput {
  const { text, omitted } = annotationText(annotationsOf(run, locale), locale);
  return { annotations: text, summary: summaryText(run, locale), omitted };
}
