import type { TextField } from '../model/cell.js';
import type { AmountField, Declaration, FundsSection, Indicator, IndicatorPeriod, ValueKind } from '../model/declaration.js';
import type { FileReadResult } from '../model/result.js';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { ui, type UiKey } from '../i18n/ui.js';
import { alignColumns, truncateWidth } from '../text/width.js';

const PERIOD_KEY: Record<IndicatorPeriod, UiKey> = { annual: 'periodAnnual', 'mid-term': 'periodMidTerm', 'long-term': 'periodLongTerm' };
const KIND_KEY: Record<ValueKind, UiKey> = {
  number: 'kindNumber',
  date: 'kindDate',
  period: 'kindPeriod',
  duration: 'kindDuration',
  qualitative: 'kindQualitative',
  placeholder: 'kindPlaceholder',
  empty: 'kindEmpty',
};

const where = (f: { at?: { sheet: string; a1: string } } | undefined) => (f?.at ? f.at.a1 : '');

function factRows(decl: Declaration, locale: Locale, width: number): string[][] {
  const rows: string[][] = [];
  const add = (key: UiKey, f: TextField | undefined) => {
    if (f && f.text) rows.push([ui(locale, key), truncateWidth(f.text.replace(/\n/g, ' '), width), where(f)]);
  };
  add('title', decl.title);
  add('year', decl.year);
  const p = decl.project;
  add('projectName', p.name);
  add('code', p.code);
  add('department', p.department);
  add('implementer', p.implementer);
  add('owner', p.owner);
  add('phone', p.phone);
  add('attribute', p.attribute);
  add('term', p.term);
  add('startDate', p.startDate);
  add('endDate', p.endDate);
  add('overview', p.overview);
  if (decl.funds) {
    const unit = decl.funds.unit;
    const section = (key: UiKey, s: FundsSection | undefined) => {
      if (!s) return;
      const parts: [UiKey, AmountField | undefined][] = [
        ['total', s.total],
        ['fiscal', s.fiscal],
        ['carryover', s.carryover],
        ['other', s.other],
      ];
      for (const [k, f] of parts) {
        if (!f) continue;
        const figure = f.amount !== undefined ? `${f.amount} ${unit}` : f.text;
        rows.push([`${ui(locale, key)}·${ui(locale, k)}`, figure, where(f)]);
      }
    };
    section('annualFunds', decl.funds.annual);
    section('projectFunds', decl.funds.project);
  }
  add('goalOverall', decl.goals.overall);
  add('goalMidTerm', decl.goals.midTerm);
  add('goalAnnual', decl.goals.annual);
  add('targetColumn', decl.targetColumn);
  return rows;
}

function indicatorRows(decl: Declaration, locale: Locale): string[][] {
  const periods = new Set(decl.indicators.map((i) => i.period));
  const showPeriod = periods.size > 1 || !periods.has('annual');
  // Optional columns appear only when the form has them.
  type Column = { key: UiKey; text: (i: Indicator) => string };
  const columns: Column[] = [
    { key: 'weight', text: (i) => i.weight?.text ?? '' },
    { key: 'actual', text: (i) => i.actual?.text ?? '' },
    { key: 'score', text: (i) => i.score?.text ?? '' },
    { key: 'basis', text: (i) => truncateWidth(i.basis?.text ?? '', 20) },
  ];
  const optional = columns.filter((c) => decl.indicators.some((i) => c.text(i)));
  const head = [ui(locale, 'row'), ui(locale, 'level1'), ui(locale, 'level2'), ui(locale, 'name'), ui(locale, 'operator'), ui(locale, 'value'), ui(locale, 'unit'), ui(locale, 'kind'), ...optional.map((c) => ui(locale, c.key)), ui(locale, 'cell')];
  if (showPeriod) head.unshift('');
  const rows = [head];
  for (const ind of decl.indicators) {
    const v = ind.value;
    const figure = v.kind === 'number' && v.number !== undefined ? String(v.number) : v.raw;
    const cells = [
      ind.row >= 0 ? String(ind.row + 1) : '',
      truncateWidth(ind.level1?.text ?? '', 14),
      truncateWidth(ind.level2?.text ?? '', 20),
      truncateWidth(ind.name.text || '—', 28),
      v.operator ?? '',
      truncateWidth(figure, 24),
      v.unit ?? '',
      ui(locale, KIND_KEY[v.kind]),
      ...optional.map((c) => c.text(ind)),
      [where(ind.name), where(v)].filter(Boolean).join(' '),
    ];
    if (showPeriod) cells.unshift(ui(locale, PERIOD_KEY[ind.period]));
    rows.push(cells);
  }
  return rows;
}

/** Human-readable account of what was read: the check a user runs to see jxlint understood the form. */
export function formatInspectText(results: FileReadResult[], locale: Locale = 'zh'): string {
  const out: string[] = [];
  for (const result of results) {
    out.push(result.file);
    result.declarations.forEach((decl, i) => {
      const kind = ui(locale, decl.kind === 'self-evaluation' ? 'selfEvaluation' : 'declaration');
      const sheet = decl.source.sheet ? `${ui(locale, 'sheet')}「${decl.source.sheet}」` : '';
      out.push('', `  ${ui(locale, 'form')} ${i + 1}/${result.declarations.length}  ${sheet}  ${kind}`);
      for (const line of alignColumns(factRows(decl, locale, 60))) out.push(`    ${line}`);
      out.push('', `    ${ui(locale, 'indicators')}（${decl.indicators.length} ${ui(locale, 'rowsUnit')}）`);
      for (const line of alignColumns(indicatorRows(decl, locale))) out.push(`    ${line}`);
    });
    if (result.problems.length) {
      out.push('', `  ${ui(locale, 'problems')}`);
      for (const p of result.problems) {
        const tag = ui(locale, p.fatal ? 'fatal' : 'notice');
        out.push(`    ${tag}  ${p.at ? p.at.a1 + '  ' : ''}${formatReadProblem(p, locale)}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** One line per file for the default command, before rules exist: what was read, what failed. */
export function formatReadSummary(results: FileReadResult[], locale: Locale = 'zh'): string {
  const out: string[] = [];
  let forms = 0;
  let indicators = 0;
  let failed = 0;
  for (const result of results) {
    const fatal = result.problems.some((p) => p.fatal);
    if (fatal) failed++;
    forms += result.declarations.length;
    const count = result.declarations.reduce((n, d) => n + d.indicators.length, 0);
    indicators += count;
    if (!fatal) {
      const names = result.declarations.map((d) => d.project.name?.text ?? d.title?.text ?? d.source.sheet ?? '').filter(Boolean);
      out.push(`${result.file}`);
      out.push(`  ${ui(locale, 'readOk')} ${result.declarations.length} ${ui(locale, 'formsFound')}、${count} ${ui(locale, 'rowsUnit')}${ui(locale, 'indicators')}${names.length ? '：' + truncateWidth(names.join('；'), 70) : ''}`);
    } else {
      out.push(`${result.file}`);
    }
    const rows = result.problems.map((p) => ['', ui(locale, p.fatal ? 'fatal' : 'notice'), p.at ? p.at.a1 : '', formatReadProblem(p, locale)]);
    for (const line of alignColumns(rows)) out.push(line);
  }
  out.push('', ui(locale, 'summary', { files: results.length, forms, indicators, failed }));
  return out.join('\n') + '\n';
}
