/**
 * What the value rules (vague-qualitative-value … date-value-format) ask of a target value again and
 * again: the text of the value cell, null-like values, cost rows, unit kinds, and edits that rewrite
 * an operator or a whole value in one-cell and split-column layouts alike. Isomorphic.
 */
import type { Declaration, Indicator, Operator } from '../../src/model/declaration.js';
import type { Edit } from '../../src/model/diagnostic.js';
import type { Profile } from '../../src/engine/rule.js';
import { OPERATOR_WORDS_LONGEST_FIRST, foldWidth, normalizeOperator, normalizeUnit } from '../../src/text/normalize.js';
import { findFirst, unitKindOfName, unitKindsOf } from '../lexicon/match.js';
import type { Lexicon, UnitKind } from '../lexicon/types.js';
import { nameOf, placementOf, valueEdit, type Placement } from './form.js';

/** The text of the value cell itself: with split columns, the figure's cell without sign and unit. */
export function valueCellText(indicator: Indicator): string {
  const { value } = indicator;
  return (value.parts ? (value.parts.value ?? '') : value.raw).trim();
}

// ── null-like values (placeholder-or-null-value owns them) ────────────────────────────────────

/** Dashes or slashes only. `…` / `……` are template text and belong to template-placeholder-left. */
const NULL_FILLER = /^[/\\\-—–_~－／]+$/u;

/** Words that say "nothing here" instead of a target. */
const NULL_WORDS: ReadonlySet<string> = new Set([
  '无', '暂无', '没有', '待定', '未定', '暂定', '另定', '另行确定', '待确定', '待核定', '待补充', '待测算',
  '未知', '不详', '空', '缺', '略', '不适用', '不涉及', 'n/a', 'na', 'null', 'none', 'nil',
]);

/**
 * A value that is no target at all: "/", "——", "无", "待定", "N/A". Brackets around the word are
 * ignored ("（无）"). Zeros are not null-like: they are judged by polarity.
 */
export function nullLikeValue(indicator: Indicator): { text: string; kind: 'filler' | 'word' } | undefined {
  const text = valueCellText(indicator);
  if (text === '') return undefined;
  const bare = foldWidth(text).replace(/\s+/gu, '').replace(/^[(（[【](.*)[)）\]】]$/u, '$1');
  if (NULL_FILLER.test(bare)) return { text, kind: 'filler' };
  if (NULL_WORDS.has(bare.toLowerCase())) return { text, kind: 'word' };
  return undefined;
}

/** Names of things a project wants none of: 0, "无" or "≤0" is a real target for them (安全事故 0 起). */
const UNWANTED_OUTCOME = /事故|投诉|污染|噪声|噪音|扬尘|违规|违纪|违法|差错|故障|损失|隐患|负面|不良|排放|纠纷|信访|上访|伤亡|死亡|返工|超支|浪费|闲置|流失|辍学|发病|疫情|停课|停工|延误|逾期|拖欠|漏报|错报/u;

export function namesUnwantedOutcome(indicator: Indicator): boolean {
  return UNWANTED_OUTCOME.test(nameOf(indicator));
}

// ── where a row sits ──────────────────────────────────────────────────────────────────────────

const COST_KINDS: ReadonlySet<string> = new Set(['cost', 'economicCost', 'socialCost', 'ecologicalCost']);

/** Any 成本 row: under the 2021 一级 成本指标, or the legacy 二级 成本指标 under 产出. */
export function isCostRow(placement: Placement): boolean {
  return placement.family === 'cost' || (placement.kind !== undefined && COST_KINDS.has(placement.kind));
}

/** A 成本 row about money: 经济成本, the legacy 成本指标, or a 成本 row with no 二级 (社会/生态环境成本 are not money). */
export function isEconomicCostRow(placement: Placement): boolean {
  if (!isCostRow(placement)) return false;
  return placement.kind === undefined || placement.kind === 'economicCost' || placement.kind === 'cost';
}

// ── units ─────────────────────────────────────────────────────────────────────────────────────

/** Magnitudes written before a unit (万人次, 万亩, 亿元): the kind is the unit's after them. */
const MAGNITUDE_PREFIX = /^(千万|百万|十万|万|亿|千|百)(?=.)/u;

/** The kinds of a unit as written, magnitudes aside (万人次 is a count, 万元/个 a unit cost). */
export function kindsOfUnit(unit: string, lexicon: Lexicon): UnitKind[] {
  const direct = unitKindsOf(unit, lexicon);
  if (direct.length > 0) return direct;
  const normal = normalizeUnit(unit).unit;
  const stripped = normal.replace(MAGNITUDE_PREFIX, '');
  return stripped !== normal ? unitKindsOf(stripped, lexicon) : [];
}

/** Money, per-item money included: 元, 万元, 250万's 万, 元/人, 万/月. */
export function isCurrencyUnit(unit: string, lexicon: Lexicon): boolean {
  const kinds = kindsOfUnit(unit, lexicon);
  return kinds.includes('money') || kinds.includes('unitCost') || /^(元|万元|万|亿元|千元|美元)(\/|$)/u.test(normalizeUnit(unit).unit);
}

/** Which unit kinds a name of each kind accepts: a total cost may be stated per item and back. */
const COMPATIBLE: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  rate: ['rate'],
  money: ['money', 'unitCost'],
  unitCost: ['unitCost', 'money'],
  area: ['area'],
  length: ['length'],
  volume: ['volume'],
  weight: ['weight'],
  time: ['time'],
  count: ['count'],
};

/** Count endings that name no particular thing counted. */
const GENERIC_COUNT = /^(?:数量|数)$/u;

export interface UnitClash {
  /** The kind the name calls for, with the unit to suggest (undefined for unitCost). */
  nameKind: UnitKind;
  suggest?: string;
  /** The kinds the written unit belongs to. */
  unitKinds: UnitKind[];
  unit: string;
}

/**
 * The name calls for one kind of unit and the value states a unit of a known, different kind:
 * 满意度 in 人, 费用 in 个, 面积 in 个, 数量 in 平方米. Unknown units (分, 床) never clash: many count
 * words are not in any list.
 */
export function unitClashOf(indicator: Indicator, lexicon: Lexicon): UnitClash | undefined {
  const unit = indicator.value.unit;
  if (!unit) return undefined;
  const named = unitKindOfName(nameOf(indicator), lexicon);
  if (!named) return undefined;
  const unitKinds = kindsOfUnit(unit, lexicon);
  if (unitKinds.length === 0) return undefined;
  if (COMPATIBLE[named.kind].some((k) => unitKinds.includes(k))) return undefined;
  // 数量 / 数 say little: 造林数量 1000亩, 回收物资数量 50吨 are fine. Only a rate or money clashes there.
  if (named.kind === 'count' && GENERIC_COUNT.test(named.match.matched) && !unitKinds.some((k) => k === 'rate' || k === 'money' || k === 'unitCost')) return undefined;
  return { nameKind: named.kind, ...(named.unit ? { suggest: named.unit } : {}), unitKinds, unit };
}

// ── cost rows that state no amount (cost-indicator-uninformative) ─────────────────────────────

/** A 成本 row that states an amount: a figure in 元 / 万元 / 元每单位. */
export function statesCostAmount(indicator: Indicator, lexicon: Lexicon): boolean {
  const { value } = indicator;
  return value.kind === 'number' && value.number !== undefined && value.unit !== undefined && isCurrencyUnit(value.unit, lexicon);
}

/**
 * Economic-cost rows stated as a rate (成本控制率 100%) or in words (不超预算, 符合相关规定) on a form
 * where no cost row states an amount. With an amount beside them such rows are supplementary and
 * the form is left alone (rule-catalog R30 FP). Cached per form and lexicon.
 */
const uninformativeCache = new WeakMap<Declaration, WeakMap<Lexicon, Map<Profile, Indicator[]>>>();

export function uninformativeCostRows(declaration: Declaration, lexicon: Lexicon, profile: Profile): Indicator[] {
  let byLexicon = uninformativeCache.get(declaration);
  if (!byLexicon) uninformativeCache.set(declaration, (byLexicon = new WeakMap()));
  let byProfile = byLexicon.get(lexicon);
  if (!byProfile) byLexicon.set(lexicon, (byProfile = new Map()));
  const cached = byProfile.get(profile);
  if (cached) return cached;
  const costRows = declaration.indicators.filter((i) => i.name.text !== '' && isEconomicCostRow(placementOf(i, lexicon, profile)));
  const found = costRows.some((i) => statesCostAmount(i, lexicon)) ? [] : costRows.filter((i) => costRowShape(i, lexicon) !== undefined);
  byProfile.set(profile, found);
  return found;
}

/** How a cost row fails to state an amount: as a rate, or in words. */
export function costRowShape(indicator: Indicator, lexicon: Lexicon): 'rate' | 'words' | undefined {
  const { value } = indicator;
  if (nullLikeValue(indicator)) return undefined; // placeholder-or-null-value
  if (value.kind === 'qualitative') return 'words';
  if (value.kind !== 'number') return undefined;
  if (value.unit === '%' || unitKindOfName(nameOf(indicator), lexicon)?.kind === 'rate') return 'rate';
  return undefined;
}

// ── time limits (date-value-format) ───────────────────────────────────────────────────────────

/**
 * A 时效 value that states a time limit: a date or deadline, a period, a duration, an on-time rate,
 * or a deadline in words (每月15日前, 年底前, 第三季度). date-value-format reports the others.
 */
export function statesTimeLimit(indicator: Indicator, lexicon: Lexicon): boolean {
  const { value } = indicator;
  if (value.kind === 'date' || value.kind === 'period' || value.kind === 'duration') return true;
  if (value.kind === 'number' && value.unit === '%') return true;
  return value.kind === 'qualitative' && findFirst(lexicon.cues.dateValues, valueCellText(indicator)) !== undefined;
}

// ── edits ─────────────────────────────────────────────────────────────────────────────────────

const PREFIX_WORDS = OPERATOR_WORDS_LONGEST_FIRST.filter((w) => w.position === 'prefix');
const SUFFIX_WORDS = OPERATOR_WORDS_LONGEST_FIRST.filter((w) => w.position === 'suffix');

/**
 * The value with its comparison changed to `operator`: the operator cell with split columns, else
 * the sign or word at the start of the value cell (≥ / 不低于 / >=), a suffix word (以上 / 以内), or a
 * sign put in front. Width folding keeps lengths, so positions in the folded text hold in the raw.
 */
export function operatorEdits(indicator: Indicator, operator: Operator): Edit[] {
  const { value } = indicator;
  if (value.parts) {
    const written = value.parts.operator;
    if (!value.operatorAt || written === undefined || !normalizeOperator(written)) return [];
    return [{ sheet: value.operatorAt.sheet, a1: value.operatorAt.a1, before: written, after: operator }];
  }
  const raw = value.raw;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const folded = foldWidth(text);
  const prefix = PREFIX_WORDS.find((w) => folded.startsWith(w.written));
  if (prefix) return valueEdit(indicator, raw.slice(0, lead) + operator + text.slice(prefix.written.length).trimStart());
  const suffix = SUFFIX_WORDS.find((w) => folded.endsWith(w.written));
  if (suffix) return valueEdit(indicator, operator + text.slice(0, text.length - suffix.written.length).trimEnd());
  return valueEdit(indicator, operator + text);
}

/**
 * The whole value rewritten as operator, figure and unit: one cell, or each of the split cells
 * that must change. Empty when a split layout has no cell to hold the sign (the operator column
 * left blank): the suggestion's text then says what to write.
 */
export function rewriteValue(indicator: Indicator, target: { operator: Operator; number: number | string; unit: string }): Edit[] {
  const { value } = indicator;
  const figure = String(target.number);
  if (!value.parts) {
    // A remark after the figure stays: 90%（抽样调查） → ≥90%（抽样调查）.
    const note = value.note && !normalizeOperator(value.note) ? `（${value.note}）` : '';
    return valueEdit(indicator, `${target.operator}${figure}${target.unit}${note}`);
  }
  if (!value.operatorAt || value.parts.operator === undefined || !value.at) return [];
  const edits: Edit[] = [];
  if (value.parts.operator !== target.operator) edits.push({ sheet: value.operatorAt.sheet, a1: value.operatorAt.a1, before: value.parts.operator, after: target.operator });
  const unitCell = value.unitAt && value.parts.unit !== undefined;
  const figureText = unitCell ? figure : `${figure}${target.unit}`;
  if ((value.parts.value ?? '') !== figureText) edits.push({ sheet: value.at.sheet, a1: value.at.a1, before: value.parts.value ?? '', after: figureText });
  if (unitCell && value.parts.unit !== target.unit) edits.push({ sheet: value.unitAt!.sheet, a1: value.unitAt!.a1, before: value.parts.unit!, after: target.unit });
  return edits;
}

/** A figure as a form writes it: no trailing zeros, no float noise (0.1 + 0.2). */
export function formatFigure(n: number): string {
  return String(Number(n.toFixed(6)));
}
