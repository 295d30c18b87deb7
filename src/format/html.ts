import type { CellRef, TextField } from '../model/cell.js';
import type { Declaration, Indicator, IndicatorPeriod } from '../model/declaration.js';
import type { Diagnostic, Edit, RuleCategory, Severity } from '../model/diagnostic.js';
import { isUnreadable, type LintFileResult, type LintRunResult } from '../model/result.js';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { CATEGORY_ORDER, categoryName, reportText, type ReportKey } from '../i18n/report.js';
import { ui, type UiKey } from '../i18n/ui.js';
import { textWidth, truncateWidth } from '../text/width.js';
import { truncateNoting } from './common.js';
import { REPORT_CSS, REPORT_SCRIPT } from './html-assets.js';
import { cspHash } from './sha256.js';
import { countBySeverity } from './stylish.js';

export interface HtmlReportOptions {
  /** The page's heading; default 绩效目标申报表检查报告. */
  title?: string;
  /** Shown as given (the formatter is pure: the caller reads the clock). */
  generatedAt?: string;
  /** jxlint's version, shown under the title and in the generator meta tag. */
  version?: string;
}

/**
 * The report a reviewer opens: one self-contained HTML file (inline CSS, inline SVG charts, a small
 * inline script; a Content-Security-Policy that allows exactly those by hash and no network at all).
 * Every piece of text from the files is escaped; the script reads its data from a JSON block.
 */
export function formatHtml(run: LintRunResult, locale: Locale = 'zh', options: HtmlReportOptions = {}): string {
  const t = (key: ReportKey, data?: Record<string, string | number>) => reportText(locale, key, data);
  const files = run.files.map((result, index) => summariseFile(result, index, locale));
  const batch = run.files.length > 1;
  const title = options.title ?? t('reportTitle');
  const out: string[] = [];

  out.push('<!DOCTYPE html>\n');
  out.push(`<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n`);
  out.push(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">\n`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n');
  out.push(`<meta name="generator" content="jxlint${options.version ? ` ${esc(options.version)}` : ''}">\n`);
  out.push(`<title>${esc(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n`);
  out.push(`<header>\n<h1>${esc(title)}</h1>\n`);
  const meta = [options.generatedAt ? t('generatedAt', { at: options.generatedAt }) : '', options.version ? t('generatedBy', { version: options.version }) : ''].filter(Boolean);
  if (!batch && run.files[0]) meta.unshift(run.files[0].file);
  if (meta.length) out.push(`<p class="meta">${meta.map(esc).join(' · ')}</p>\n`);
  out.push('</header>\n<main>\n');

  renderSummary(out, run, files, locale);
  if (batch) renderOverview(out, files, locale);
  for (const file of files) renderFile(out, file, batch, locale);

  out.push('</main>\n');
  if (batch) out.push(`<script type="application/json" id="overview-data">${overviewData(files, locale)}</script>\n`);
  out.push(`<script>${REPORT_SCRIPT}</script>\n</body>\n</html>\n`);
  return out.join('');
}

// ── escaping ─────────────────────────────────────────────────────────────────────────────

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
const esc = escapeHtml;

/** Cells come from other units' files and may hold a megabyte: the report shows this much of one text. */
const MAX_SHOWN = 4000;

/** Untrusted text, cut to MAX_SHOWN code points (saying so) and escaped. */
function shown(text: string, locale: Locale, max = MAX_SHOWN): string {
  return esc(truncateNoting(text, max, locale));
}

/**
 * JSON for a `<script type="application/json">` block: `<` (and `>`, `&`) as \u escapes so no
 * `</script>` or `<!--` inside a string can end or bend the block; U+2028/2029 for old parsers.
 */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

let cachedPolicy: string | undefined;

/** No network of any kind; the one stylesheet and the one script, allowed by their SHA-256. */
function contentSecurityPolicy(): string {
  cachedPolicy ??= `default-src 'none'; style-src ${cspHash(REPORT_CSS)}; script-src ${cspHash(REPORT_SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return cachedPolicy;
}

// ── per-file facts shared by the summary, the overview and the sections ─────────────────

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const SEVERITY_GLYPH: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

interface FileSummary {
  index: number;
  result: LintFileResult;
  anchor: string;
  counts: Record<Severity, number>;
  /** 0 clean, 1 info, 2 warning, 3 error (an unreadable file is an error). */
  worst: number;
  worstText: string;
  forms: number;
  indicators: number;
  unreadable: boolean;
}

function summariseFile(result: LintFileResult, index: number, locale: Locale): FileSummary {
  const counts = countBySeverity([result]);
  const unreadable = isUnreadable(result);
  let worstDiagnostic: Diagnostic | undefined;
  for (const d of result.diagnostics) if (!worstDiagnostic || SEVERITY_RANK[d.severity] > SEVERITY_RANK[worstDiagnostic.severity]) worstDiagnostic = d;
  const fatal = result.problems.find((p) => p.fatal);
  const worst = unreadable ? 3 : worstDiagnostic ? SEVERITY_RANK[worstDiagnostic.severity] : 0;
  const rule = worstDiagnostic ? (locale === 'zh' ? `（${worstDiagnostic.ruleId}）` : ` (${worstDiagnostic.ruleId})`) : '';
  const worstText = fatal ? formatReadProblem(fatal, locale) : worstDiagnostic ? worstDiagnostic.message + rule : '';
  return {
    index,
    result,
    anchor: `file-${index + 1}`,
    counts,
    worst,
    worstText,
    forms: result.declarations.length,
    indicators: result.declarations.reduce((n, d) => n + d.indicators.length, 0),
    unreadable,
  };
}

function severityLabel(severity: Severity, locale: Locale): string {
  return `${SEVERITY_GLYPH[severity]} ${ui(locale, severity)}`;
}

/** The worst-level badge: glyph and word, never colour alone. */
function worstBadge(file: FileSummary, locale: Locale): string {
  if (file.unreadable) return `<span class="badge sev-error">${SEVERITY_GLYPH.error} ${esc(reportText(locale, 'unreadable'))}</span>`;
  if (file.worst === 0) return `<span class="badge sev-ok">✔ ${esc(reportText(locale, 'clean'))}</span>`;
  const severity = SEVERITIES[3 - file.worst]!;
  return `<span class="badge sev-${severity}">${esc(severityLabel(severity, locale))}</span>`;
}

// ── summary ──────────────────────────────────────────────────────────────────────────────

function renderSummary(out: string[], run: LintRunResult, files: FileSummary[], locale: Locale): void {
  const t = (key: ReportKey, data?: Record<string, string | number>) => reportText(locale, key, data);
  const counts = countBySeverity(run.files);
  const diagnostics = run.files.flatMap((f) => f.diagnostics);
  const unreadable = files.filter((f) => f.unreadable).length;
  const stats: [string, number][] = [
    [t('statFiles'), run.files.length],
    [t('statUnreadable'), unreadable],
    [t('statForms'), files.reduce((n, f) => n + f.forms, 0)],
    [t('statIndicators'), files.reduce((n, f) => n + f.indicators, 0)],
    [t('statFindings'), counts.error + counts.warning + counts.info],
    [t('statFixable'), diagnostics.filter((d) => d.fix).length],
  ];
  const suppressed = run.files.reduce((n, f) => n + f.suppressed.length, 0);
  if (suppressed) stats.push([t('statSuppressed'), suppressed]);

  out.push(`<section id="summary" aria-labelledby="summary-h">\n<h2 id="summary-h">${esc(t('summary'))}</h2>\n<dl class="stats">`);
  for (const [label, value] of stats) out.push(`<div><dt>${esc(label)}</dt><dd>${value}</dd></div>`);
  out.push('</dl>\n');

  if (counts.error + counts.warning + counts.info === 0) out.push(`<p class="sev-ok">✔ ${esc(t('noFindings'))}</p>\n`);
  else {
    out.push('<div class="charts">\n');
    out.push(barChart('chart-severity', t('bySeverity'), SEVERITIES.map((s) => ({ label: severityLabel(s, locale), count: counts[s], className: `sev-${s}` }))));
    if (unreadable) out.push(`<p class="note">${esc(t('unreadableCounted', { count: unreadable }))}</p>`);
    out.push('</div>\n');

    const byCategory = new Map<RuleCategory, number>();
    for (const d of diagnostics) byCategory.set(d.category, (byCategory.get(d.category) ?? 0) + 1);
    // Plugins may bring categories of their own: after the built-in ones, under their own names.
    const categories = [...CATEGORY_ORDER, ...[...byCategory.keys()].filter((c) => !CATEGORY_ORDER.includes(c))];
    out.push(barChart('chart-category', t('byCategory'), categories.map((c) => ({ label: categoryName(locale, c), count: byCategory.get(c) ?? 0 }))));
    out.push('</div>\n');

    const byRule = new Map<string, number>();
    for (const d of diagnostics) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
    const ranked = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = ranked.slice(0, TOP_RULES);
    if (top.length) {
      out.push(barChart('chart-rule', t('byRule', { count: top.length }), top.map(([rule, count]) => ({ label: rule, count }))));
      const rest = ranked.slice(TOP_RULES);
      if (rest.length) out.push(`<p class="note">${esc(t('moreRules', { rules: rest.length, findings: rest.reduce((n, [, c]) => n + c, 0) }))}</p>`);
      out.push('</div>\n');
    }
    out.push('</div>\n');
  }

  if (run.unusedSuppressions.length) {
    out.push(`<h3>${esc(t('unusedSuppressions'))}</h3>\n<ul>`);
    for (const u of run.unusedSuppressions) out.push(`<li>${esc(`${u.source} #${u.index + 1}：${u.entry.rule} · ${u.entry.file}${u.entry.cell ? ` · ${u.entry.cell}` : ''}`)}</li>`);
    out.push('</ul>\n');
  }
  out.push('</section>\n');
}

const TOP_RULES = 10;

interface Bar {
  label: string;
  count: number;
  className?: string;
}

/**
 * A horizontal bar chart as inline SVG, opened in a `.chart` div the caller closes (so it can add a
 * note). Labels and numbers are printed, so it reads without colour; the title names every figure
 * for screen readers.
 */
function barChart(id: string, title: string, bars: Bar[]): string {
  const rowHeight = 26;
  const barSpace = 220;
  // 13px text: a Chinese character is about 13px wide, a Latin letter about 6.5px (textWidth counts 2 and 1).
  const labelWidth = Math.max(48, ...bars.map((b) => Math.ceil(textWidth(b.label) * 6.8) + 12));
  const width = labelWidth + barSpace + 56;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const description = `${title}：${bars.map((b) => `${b.label} ${b.count}`).join('，')}`;
  const parts = [`<div class="chart"><h3 id="${id}-h">${esc(title)}</h3>`];
  parts.push(`<svg id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t"><title id="${id}-t">${esc(description)}</title>`);
  bars.forEach((bar, i) => {
    const y = 4 + i * rowHeight;
    const length = bar.count === 0 ? 0 : Math.max(2, Math.round((bar.count / max) * barSpace));
    parts.push(`<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${esc(bar.label)}</text>`);
    if (length) parts.push(`<rect class="bar${bar.className ? ` ${bar.className}` : ''}" x="${labelWidth}" y="${y + 4}" width="${length}" height="${rowHeight - 8}"></rect>`);
    parts.push(`<text x="${labelWidth + length + 6}" y="${y + 17}">${bar.count}</text>`);
  });
  parts.push('</svg>\n');
  return parts.join('');
}

// ── the file list (batch) ────────────────────────────────────────────────────────────────

function renderOverview(out: string[], files: FileSummary[], locale: Locale): void {
  const t = (key: ReportKey, data?: Record<string, string | number>) => reportText(locale, key, data);
  const byWorst = [0, 0, 0, 0];
  for (const f of files) byWorst[f.worst]!++;
  out.push(`<section id="files" aria-labelledby="files-h">\n<h2 id="files-h">${esc(t('overview'))}</h2>\n`);
  // Shown by the script: without it they would do nothing.
  out.push('<div class="controls" id="overview-controls" hidden>\n');
  out.push(`<label for="overview-filter">${esc(t('filterLabel'))}</label> <input type="search" id="overview-filter" autocomplete="off">\n`);
  out.push(`<fieldset><legend>${esc(t('severityLegend'))}</legend>`);
  const choices: [number, string][] = [
    [3, severityLabel('error', locale)],
    [2, severityLabel('warning', locale)],
    [1, severityLabel('info', locale)],
    [0, `✔ ${t('clean')}`],
  ];
  for (const [worst, label] of choices) {
    out.push(`<label><input type="checkbox" id="worst-${worst}" data-worst="${worst}" checked> ${esc(t('choice', { label, count: byWorst[worst]! }))}</label>`);
  }
  out.push('</fieldset>\n');
  out.push(`<span id="overview-status" role="status" aria-live="polite"></span> <span class="note">${esc(t('sortHint'))}</span>\n</div>\n`);

  const columns: [string, boolean][] = [
    [t('colFile'), false],
    [t('colForms'), true],
    [t('colIndicators'), true],
    [t('colErrors'), true],
    [t('colWarnings'), true],
    [t('colInfos'), true],
    [t('colWorst'), false],
  ];
  out.push(`<div class="scroll" role="region" aria-labelledby="files-h" tabindex="0">\n<table id="overview">\n<thead><tr>`);
  for (const [label, numeric] of columns) out.push(`<th scope="col"${numeric ? ' class="num"' : ''}><button type="button">${esc(label)}</button></th>`);
  out.push('</tr></thead>\n<tbody>\n');
  for (const f of files) {
    out.push(`<tr><th scope="row" class="file-name"><a href="#${f.anchor}">${shown(f.result.file, locale, 500)}</a></th>`);
    out.push(`<td class="num">${f.forms}</td><td class="num">${f.indicators}</td>`);
    for (const s of SEVERITIES) out.push(`<td class="num${f.counts[s] ? ` sev-${s}` : ''}">${f.counts[s]}</td>`);
    const text = f.worstText ? ` ${esc(truncateWidth(f.worstText, 90))}` : '';
    out.push(`<td class="worst">${worstBadge(f, locale)}${text}</td></tr>\n`);
  }
  out.push('</tbody>\n</table>\n</div>\n</section>\n');
}

/** What the script sorts and filters by, one record per row in table order. */
function overviewData(files: FileSummary[], locale: Locale): string {
  const rows = files.map((f) => {
    const words = [f.result.file, ...f.result.declarations.map((d) => (d.project.name?.text ?? '').slice(0, 500)), ...new Set(f.result.diagnostics.map((d) => d.ruleId))];
    return [f.result.file, f.forms, f.indicators, f.counts.error, f.counts.warning, f.counts.info, f.worst, words.join('\n').toLowerCase()];
  });
  return jsonForScriptBlock({ shown: reportText(locale, 'shown'), rows });
}

// ── one file ─────────────────────────────────────────────────────────────────────────────

function renderFile(out: string[], file: FileSummary, batch: boolean, locale: Locale): void {
  const t = (key: ReportKey, data?: Record<string, string | number>) => reportText(locale, key, data);
  const { result, anchor } = file;
  out.push(`<section class="file" id="${anchor}" aria-labelledby="${anchor}-h">\n`);
  out.push(`<h2 id="${anchor}-h"><span class="file-name">${shown(result.file, locale, 500)}</span> ${worstBadge(file, locale)}</h2>\n`);
  if (batch) out.push(`<p class="back"><a href="#files">${esc(t('toOverview'))}</a></p>\n`);
  if (!file.unreadable) {
    const status = t('fileStatus', { forms: file.forms, indicators: file.indicators, error: file.counts.error, warning: file.counts.warning, info: file.counts.info });
    out.push(`<p class="status">${esc(status)}</p>\n`);
  }
  if (result.suppressed.length) out.push(`<p class="note">${esc(t('fileSuppressed', { count: result.suppressed.length }))}</p>\n`);
  if (result.problems.length) {
    out.push(`<h3>${esc(t('readingProblems'))}</h3>\n<ul class="problems">`);
    for (const p of result.problems) {
      const level = p.fatal ? `<span class="sev sev-error">${SEVERITY_GLYPH.error} ${esc(ui(locale, 'fatal'))}</span>` : `<span class="sev sev-info">${SEVERITY_GLYPH.info} ${esc(ui(locale, 'notice'))}</span>`;
      out.push(`<li>${level} ${p.at ? `<span class="where">${esc(`${p.at.sheet}!${p.at.a1}`)}</span> ` : ''}${shown(formatReadProblem(p, locale), locale)}</li>`);
    }
    out.push('</ul>\n');
  }

  // Findings that name no form (none today; a plugin could) are shown before the forms.
  const byForm = result.declarations.map((): Diagnostic[] => []);
  const fileLevel: Diagnostic[] = [];
  for (const d of result.diagnostics) {
    const index = d.declarationIndex ?? (result.declarations.length === 1 ? 0 : -1);
    (byForm[index] ?? fileLevel).push(d);
  }
  if (fileLevel.length) {
    const marks = new Map(fileLevel.map((d, i) => [d, i + 1]));
    out.push(`<div class="form-findings"><ol class="findings">${fileLevel.map((d) => findingItem(d, marks, `${anchor}-x`, locale)).join('')}</ol></div>\n`);
  }
  result.declarations.forEach((declaration, i) => renderForm(out, declaration, byForm[i]!, `${anchor}-${i + 1}`, i, locale));
  out.push('</section>\n');
}

// ── one form ─────────────────────────────────────────────────────────────────────────────

/** A cell of the form shown in the report, with every sheet cell whose findings flag it. */
interface ShownCell {
  text: string;
  cells: CellRef[];
}

function cellKey(ref: { sheet?: string; a1?: string }): string {
  return `${ref.sheet ?? ''}!${ref.a1 ?? ''}`;
}

function renderForm(out: string[], declaration: Declaration, diagnostics: Diagnostic[], anchor: string, index: number, locale: Locale): void {
  const t = (key: ReportKey, data?: Record<string, string | number>) => reportText(locale, key, data);
  const { indicators } = declaration;
  const name = declaration.project.name?.text;
  out.push(`<article class="form" id="${anchor}" aria-labelledby="${anchor}-h">\n`);
  out.push(`<h3 id="${anchor}-h">${esc(t('formHeading', { n: index + 1 }))}${name ? `：${shown(name, locale, 200)}` : ''}</h3>\n`);
  const where = [declaration.source.sheet ? `${ui(locale, 'sheet')} ${declaration.source.sheet}` : '', declaration.source.range ?? '', ui(locale, declaration.kind === 'self-evaluation' ? 'selfEvaluation' : 'declaration')].filter(Boolean);
  out.push(`<p class="where">${shown(where.join(' · '), locale)}`);
  if (declaration.targetColumn) out.push(` · ${shown(t('targetColumn', { column: declaration.targetColumn.text }), locale)}`);
  out.push('</p>\n');

  // Each finding goes beside its indicator row, or above the table when it is about the whole form
  // (its cell, if it names one, is still marked where it is: 满意度指标 missing at the 效益指标 label).
  const rowFindings = indicators.map((): Diagnostic[] => []);
  const formFindings: Diagnostic[] = [];
  for (const d of diagnostics) {
    const row = d.indicator ? indicatorOf(indicators, d) : -1;
    (row >= 0 ? rowFindings[row]! : formFindings).push(d);
  }
  // Numbered in reading order: the form's findings, then the rows top to bottom.
  const marks = new Map<Diagnostic, number>();
  for (const d of [...formFindings, ...rowFindings.flat()]) marks.set(d, marks.size + 1);

  renderFacts(out, declaration, formFindings, marks, anchor, locale);
  if (formFindings.length) {
    out.push(`<div class="form-findings"><h4>${esc(t('formFindings'))}</h4><ol class="findings">${formFindings.map((d) => findingItem(d, marks, anchor, locale)).join('')}</ol></div>\n`);
  }
  if (indicators.length === 0) out.push(`<p class="note">${esc(t('noIndicators'))}</p>\n`);
  else renderIndicatorTable(out, declaration, rowFindings, formFindings, marks, anchor, locale);
  out.push('</article>\n');
}

/** Which of the form's indicators a finding is about: by sheet row (or, for JSON/YAML, by name), the cell deciding between side-by-side tables. */
function indicatorOf(indicators: Indicator[], d: Diagnostic): number {
  const about = d.indicator!;
  const candidates: number[] = [];
  indicators.forEach((indicator, i) => {
    if (about.row >= 0 ? indicator.row === about.row : indicator.name.text === about.name) candidates.push(i);
  });
  if (candidates.length <= 1) return candidates[0] ?? -1;
  const key = cellKey(d.location);
  return (
    candidates.find((i) => indicatorCells(indicators[i]!).some((ref) => cellKey(ref) === key)) ??
    candidates.find((i) => {
      const indicator = indicators[i]!;
      return indicator.name.text === about.name && (about.level1 === undefined || indicator.level1?.text === about.level1) && (about.level2 === undefined || indicator.level2?.text === about.level2);
    }) ??
    candidates[0]!
  );
}

function indicatorCells(indicator: Indicator): CellRef[] {
  const fields = [indicator.level1, indicator.level2, indicator.name, indicator.weight, indicator.basis, indicator.direction, indicator.description, indicator.actual, indicator.score];
  const refs = fields.map((f) => f?.at);
  refs.push(indicator.value.at, indicator.value.operatorAt, indicator.value.unitAt);
  return refs.filter((r): r is CellRef => r !== undefined);
}

/** The class and the numbered marks for a cell flagged by some of `findings`. */
function flags(cells: CellRef[], findings: Diagnostic[], marks: Map<Diagnostic, number>, anchor: string, locale: Locale): { className: string; marks: string } {
  if (cells.length === 0) return { className: '', marks: '' };
  const keys = new Set(cells.map(cellKey));
  const hits = findings.filter((d) => d.location.a1 !== undefined && keys.has(cellKey(d.location)));
  if (hits.length === 0) return { className: '', marks: '' };
  const worst = hits.reduce((w, d) => (SEVERITY_RANK[d.severity] > SEVERITY_RANK[w] ? d.severity : w), hits[0]!.severity);
  const links = hits.map((d) => {
    const n = marks.get(d)!;
    const label = reportText(locale, 'cellMark', { cell: d.location.a1!, severity: ui(locale, d.severity), n });
    return `<a class="mark sev-${d.severity}" href="#${anchor}-f${n}" aria-label="${esc(label)}">${SEVERITY_GLYPH[d.severity]}${n}</a>`;
  });
  return { className: `flag-${worst}`, marks: links.join('') };
}

function findingItem(d: Diagnostic, marks: Map<Diagnostic, number>, anchor: string, locale: Locale): string {
  const t = (key: ReportKey, data?: Record<string, string | number>) => reportText(locale, key, data);
  const n = marks.get(d)!;
  const parts = [`<li id="${anchor}-f${n}" class="finding">`];
  parts.push(`<span class="badge sev-${d.severity}">${SEVERITY_GLYPH[d.severity]}${n} ${esc(ui(locale, d.severity))}</span>`);
  if (d.location.a1) parts.push(`<span class="at">${esc(d.location.a1)}</span>`);
  parts.push(` <span class="msg">${shown(d.message, locale)}</span>`);
  parts.push(`<span class="rule">${esc(d.ruleId)} · ${esc(categoryName(locale, d.category))}</span>`);
  const suggestions: string[] = [];
  if (d.fix) suggestions.push(`<li><strong>${esc(t('fix'))}</strong>${edits(d.fix.edits, locale)}</li>`);
  for (const s of d.suggestions ?? []) suggestions.push(`<li><strong>${esc(ui(locale, 'suggestion'))}</strong>：${shown(s.desc, locale)}${edits(s.edits, locale)}</li>`);
  if (suggestions.length) parts.push(`<ul class="suggestions">${suggestions.join('')}</ul>`);
  parts.push('</li>');
  return parts.join('');
}

function edits(list: Edit[], locale: Locale): string {
  const cut = (text: string) => truncateNoting(text, MAX_SHOWN, locale);
  return list.map((e) => `<span class="edit pre">${esc(reportText(locale, 'edit', { a1: e.a1, before: cut(e.before), after: cut(e.after) }))}</span>`).join('');
}

function renderFacts(out: string[], declaration: Declaration, findings: Diagnostic[], marks: Map<Diagnostic, number>, anchor: string, locale: Locale): void {
  const facts: [string, TextField][] = [];
  const add = (label: string, field: TextField | undefined) => {
    if (field && (field.text !== '' || field.at)) facts.push([label, field]);
  };
  const label = (key: UiKey) => ui(locale, key);
  add(label('title'), declaration.title);
  add(label('year'), declaration.year);
  const p = declaration.project;
  add(label('projectName'), p.name);
  add(label('code'), p.code);
  add(label('department'), p.department);
  add(label('implementer'), p.implementer);
  add(label('owner'), p.owner);
  add(label('phone'), p.phone);
  add(label('attribute'), p.attribute);
  add(label('term'), p.term);
  add(label('startDate'), p.startDate);
  add(label('endDate'), p.endDate);
  const funds = declaration.funds;
  if (funds) {
    for (const [sectionKey, section] of [['annualFunds', funds.annual], ['projectFunds', funds.project]] as const) {
      if (!section) continue;
      for (const part of ['total', 'fiscal', 'carryover', 'other'] as const) add(`${label(sectionKey)} · ${label(part)}（${funds.unit}）`, section[part]);
    }
  }
  add(label('goalOverall'), declaration.goals.overall);
  add(label('goalAnnual'), declaration.goals.annual);
  add(label('goalMidTerm'), declaration.goals.midTerm);
  add(label('overview'), p.overview);
  if (facts.length === 0) return;
  const showCells = facts.some(([, field]) => field.at);
  out.push(`<h4>${esc(reportText(locale, 'facts'))}</h4>\n<table class="facts"><tbody>\n`);
  for (const [name, field] of facts) {
    const flagged = flags(field.at ? [field.at] : [], findings, marks, anchor, locale);
    const text = field.text === '' ? `<span class="note">${esc(reportText(locale, 'empty'))}</span>` : shown(field.text, locale);
    out.push(`<tr><th scope="row">${esc(name)}</th><td class="pre${flagged.className ? ` ${flagged.className}` : ''}">${text}${flagged.marks}</td>${showCells ? `<td class="cell">${field.at ? esc(field.at.a1) : ''}</td>` : ''}</tr>\n`);
  }
  out.push('</tbody></table>\n');
}

type OptionalColumn = 'weight' | 'basis' | 'direction' | 'description' | 'actual' | 'score';
const OPTIONAL_COLUMNS: readonly OptionalColumn[] = ['weight', 'basis', 'direction', 'description', 'actual', 'score'];
const PERIOD_KEY: Record<IndicatorPeriod, UiKey> = { annual: 'periodAnnual', 'mid-term': 'periodMidTerm', 'long-term': 'periodLongTerm' };

function renderIndicatorTable(out: string[], declaration: Declaration, rowFindings: Diagnostic[][], formFindings: Diagnostic[], marks: Map<Diagnostic, number>, anchor: string, locale: Locale): void {
  const t = (key: ReportKey, data?: Record<string, string | number>) => reportText(locale, key, data);
  const { indicators } = declaration;
  const optional = OPTIONAL_COLUMNS.filter((c) => indicators.some((i) => i[c] !== undefined));
  const optionalLabel: Record<OptionalColumn, string> = {
    weight: ui(locale, 'weight'),
    basis: ui(locale, 'basis'),
    direction: t('direction'),
    description: t('description'),
    actual: ui(locale, 'actual'),
    score: ui(locale, 'score'),
  };
  const periods = new Set(indicators.map((i) => i.period));
  // JSON/YAML forms have no sheet rows; a clean form needs no findings column.
  const showRows = indicators.some((i) => i.row >= 0);
  const showFindings = rowFindings.some((f) => f.length > 0);
  const columnCount = 4 + optional.length + (showRows ? 1 : 0) + (showFindings ? 1 : 0);

  // Level cells span the rows they head, as merged cells do on the form; never across a period.
  const span = (field: (i: Indicator) => TextField | undefined, startsGroup: (i: number) => boolean): number[] => {
    const spans = indicators.map(() => 0);
    let head = -1;
    indicators.forEach((indicator, i) => {
      const here = field(indicator);
      const previous = head >= 0 ? field(indicators[head]!) : undefined;
      const same = head >= 0 && !startsGroup(i) && here?.text === previous?.text && cellKey(here?.at ?? {}) === cellKey(previous?.at ?? {});
      if (same) spans[head]!++;
      else {
        head = i;
        spans[i] = 1;
      }
    });
    return spans;
  };
  const periodStarts = (i: number) => i === 0 || indicators[i]!.period !== indicators[i - 1]!.period;
  const level1Spans = span((i) => i.level1, periodStarts);
  const level2Spans = span((i) => i.level2, (i) => periodStarts(i) || level1Spans[i]! > 0);

  out.push(`<h4 id="${anchor}-ind">${esc(t('indicatorTable'))}</h4>\n<div class="scroll" role="region" aria-labelledby="${anchor}-ind" tabindex="0">\n<table class="ind">\n<thead><tr>`);
  const headings = [...(showRows ? [t('colRow')] : []), ui(locale, 'level1'), ui(locale, 'level2'), ui(locale, 'name'), ui(locale, 'value'), ...optional.map((c) => optionalLabel[c]), ...(showFindings ? [t('colFindings')] : [])];
  for (const heading of headings) out.push(`<th scope="col">${esc(heading)}</th>`);
  out.push('</tr></thead>\n<tbody>\n');

  // A level cell heads several rows: it is flagged by any of their findings at its address.
  const spannedFindings = (spans: number[], i: number) => rowFindings.slice(i, i + spans[i]!).flat();
  const placedFormFindings = formFindings.filter((d) => d.location.a1 !== undefined);
  indicators.forEach((indicator, i) => {
    if (periods.size > 1 && periodStarts(i)) {
      if (i > 0) out.push('</tbody>\n<tbody>\n');
      out.push(`<tr class="period"><th colspan="${columnCount}" scope="rowgroup">${esc(t('periodGroup', { period: ui(locale, PERIOD_KEY[indicator.period]) }))}</th></tr>\n`);
    }
    const findings = rowFindings[i]!;
    const cell = (content: ShownCell, className: string, spanFindings = findings, rowspan = 1): string => {
      const flagged = flags(content.cells, placedFormFindings.length ? [...placedFormFindings, ...spanFindings] : spanFindings, marks, anchor, locale);
      const classes = [className, 'pre', flagged.className].filter(Boolean).join(' ');
      return `<td class="${classes}"${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>${shown(content.text, locale)}${flagged.marks}</td>`;
    };
    const field = (f: TextField | undefined): ShownCell => ({ text: f?.text ?? '', cells: f?.at ? [f.at] : [] });
    out.push(showRows ? `<tr><td class="rownum">${indicator.row >= 0 ? indicator.row + 1 : ''}</td>` : '<tr>');
    if (level1Spans[i]) out.push(cell(field(indicator.level1), 'level', spannedFindings(level1Spans, i), level1Spans[i]));
    if (level2Spans[i]) out.push(cell(field(indicator.level2), 'level', spannedFindings(level2Spans, i), level2Spans[i]));
    out.push(cell(field(indicator.name), 'name'));
    const value = indicator.value;
    out.push(cell({ text: value.raw, cells: [value.at, value.operatorAt, value.unitAt].filter((r): r is CellRef => r !== undefined) }, 'value'));
    for (const c of optional) out.push(cell(field(indicator[c]), c));
    if (showFindings) out.push(`<td class="findings-cell">${findings.length ? `<ol class="findings">${findings.map((d) => findingItem(d, marks, anchor, locale)).join('')}</ol>` : ''}</td>`);
    out.push('</tr>\n');
  });
  out.push('</tbody>\n</table>\n</div>\n');
}
