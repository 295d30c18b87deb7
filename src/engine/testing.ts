import type { Declaration } from '../model/declaration.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Grid, GridCell } from '../model/grid.js';
import { locateDeclarations } from '../locate/forms.js';
import type { Locale } from '../i18n/read-messages.js';
import type { Lexicon } from '../../rules/lexicon/types.js';
import { enableRules } from './config.js';
import { lintDeclarations } from './linter.js';
import type { AnyRule, Profile } from './rule.js';

/**
 * A form written as data, laid out as the standard template so the real reader turns it into a
 * Declaration with real cell addresses: rule tests then exercise the same path users do.
 */
export interface FormSpec {
  title?: string;
  year?: string;
  project?: { name?: string; department?: string; implementer?: string; attribute?: string; term?: string };
  funds?: { unit?: '万元' | '元'; total?: string | number; fiscal?: string | number; carryover?: string | number; other?: string | number };
  goals?: { overall?: string; annual?: string };
  /** Rows of [一级, 二级, 三级, 指标值] (more columns: 权重, 指标值设定依据). '' leaves a cell empty (filled from above, as merged labels are). */
  indicators: string[][];
  /** Extra grid columns after 指标值, e.g. ['权重', '指标值设定依据']. */
  extraColumns?: string[];
}

/** Where the first indicator row lands: rule tests name cells from it (A12 is the first row's 一级, D12 its 指标值). */
export const FIRST_INDICATOR_ROW = 12;

export function gridFromSpec(spec: FormSpec): Grid {
  const rows: (string | number | undefined)[][] = [];
  rows.push([spec.title ?? '项目支出绩效目标申报表']);
  rows.push([spec.year ?? '（2024年度）']);
  rows.push(['项目名称', spec.project?.name ?? '测试项目']);
  rows.push(['主管部门', spec.project?.department ?? '某市某局', '实施单位', spec.project?.implementer ?? '某市某局']);
  rows.push(['项目属性', spec.project?.attribute ?? '延续项目', '项目期', spec.project?.term ?? '1年']);
  const f = spec.funds ?? {};
  rows.push([`资金情况（${f.unit ?? '万元'}）`, '年度资金总额', f.total ?? 100]);
  rows.push(['', '其中：财政拨款', f.fiscal ?? f.total ?? 100]);
  rows.push(['', '其他资金', f.other ?? 0]);
  rows.push(['总体目标', spec.goals?.overall ?? '']);
  rows.push(['年度目标', spec.goals?.annual ?? '']);
  rows.push(['一级指标', '二级指标', '三级指标', '指标值', ...(spec.extraColumns ?? [])]);
  for (const row of spec.indicators) rows.push(row);
  const cell = (v: string | number | undefined): GridCell | null => (v === undefined || v === '' ? null : typeof v === 'number' ? { t: String(v), v } : { t: v });
  return { format: 'xlsx', sheets: [{ name: 'Sheet1', rows: rows.map((r) => r.map(cell)), merges: [] }] };
}

export function declarationFromSpec(spec: FormSpec, file = 'form.xlsx'): Declaration {
  const { declarations } = locateDeclarations(gridFromSpec(spec));
  if (declarations.length !== 1) throw new Error(`the spec should make one form, it made ${declarations.length}`);
  const decl = declarations[0]!;
  decl.source = { ...decl.source, file, format: 'xlsx' };
  return decl;
}

export interface LintOneOptions {
  lexicon: Lexicon;
  options?: unknown;
  profile?: Profile | 'auto';
  locale?: Locale;
}

/** Runs one rule, as configured by a user would, over one form. */
export function lintWithRule(rule: AnyRule, form: FormSpec | Declaration, run: LintOneOptions): Diagnostic[] {
  const declaration = 'source' in form ? form : declarationFromSpec(form);
  const registry = new Map([[rule.meta.id, rule]]);
  const severity = rule.meta.defaultSeverity === 'warning' ? 'warn' : rule.meta.defaultSeverity;
  const enabled = enableRules({ profile: 'auto', rules: { [rule.meta.id]: { severity, ...(run.options !== undefined ? { options: run.options } : {}) } }, lexicon: [], plugins: [], sources: [] }, registry);
  return lintDeclarations([declaration], { rules: enabled, lexicon: run.lexicon, profile: run.profile ?? 'auto', locale: run.locale ?? 'zh', file: 'form.xlsx' });
}

/** What a test expects of one finding; only the fields given are compared. */
export interface ExpectedDiagnostic {
  messageId: string;
  /** Cell of the finding, e.g. "C12". */
  a1?: string;
  data?: Record<string, string | number>;
  /** The fix's edits as "A1 → after" pairs. */
  fix?: { a1: string; after: string }[];
  /** Each suggestion's edits' `after` texts, in order. */
  suggestions?: string[][];
}

export interface RuleTestCases {
  valid: (FormSpec | { form: FormSpec; options?: unknown; profile?: Profile; name?: string })[];
  invalid: { form: FormSpec; options?: unknown; profile?: Profile; name?: string; errors: ExpectedDiagnostic[] }[];
}

/** Compares findings with expectations; returns a readable list of differences (empty when they match). */
export function compareDiagnostics(actual: Diagnostic[], expected: ExpectedDiagnostic[]): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) {
    problems.push(`expected ${expected.length} finding(s), got ${actual.length}: ${actual.map((d) => `${d.messageId}@${d.location.a1 ?? '-'} ${d.message}`).join(' | ')}`);
    return problems;
  }
  expected.forEach((want, i) => {
    const got = actual[i]!;
    const where = `finding ${i + 1} (${got.messageId}@${got.location.a1 ?? '-'})`;
    if (got.messageId !== want.messageId) problems.push(`${where}: messageId ${got.messageId} ≠ ${want.messageId}`);
    if (want.a1 !== undefined && got.location.a1 !== want.a1) problems.push(`${where}: cell ${got.location.a1} ≠ ${want.a1}`);
    if (want.data) {
      for (const [k, v] of Object.entries(want.data)) if (got.data?.[k] !== v) problems.push(`${where}: data.${k} ${String(got.data?.[k])} ≠ ${String(v)}`);
    }
    if (want.fix) {
      const edits = (got.fix?.edits ?? []).map((e) => ({ a1: e.a1, after: e.after }));
      if (JSON.stringify(edits) !== JSON.stringify(want.fix)) problems.push(`${where}: fix ${JSON.stringify(edits)} ≠ ${JSON.stringify(want.fix)}`);
    } else if (got.fix) problems.push(`${where}: unexpected fix ${JSON.stringify(got.fix.edits)}`);
    if (want.suggestions) {
      const afters = (got.suggestions ?? []).map((s) => s.edits.map((e) => e.after));
      if (JSON.stringify(afters) !== JSON.stringify(want.suggestions)) problems.push(`${where}: suggestions ${JSON.stringify(afters)} ≠ ${JSON.stringify(want.suggestions)}`);
    }
  });
  return problems;
}
