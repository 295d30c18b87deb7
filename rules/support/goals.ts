/**
 * The goal texts of a form and the indicator set each one speaks for, an indicator's target as a
 * figure on a base unit, and where a new indicator would be filed. Shared by R33, R34, R38.
 */
import type { TextField } from '../../src/model/cell.js';
import type { Declaration, Goals, Indicator } from '../../src/model/declaration.js';
import type { Locale } from '../../src/i18n/read-messages.js';
import type { Profile } from '../../src/engine/rule.js';
import { findFirst } from '../lexicon/match.js';
import type { CueEntry, Level2Kind, Lexicon } from '../lexicon/types.js';
import { scaleFigure, type Scaled } from './quantities.js';

export type GoalKey = keyof Goals;

export const GOAL_NAMES: Record<Locale, Record<GoalKey, string>> = {
  zh: { annual: '年度目标', overall: '总体目标', midTerm: '中期目标' },
  en: { annual: 'the annual goal', overall: 'the overall goal', midTerm: 'the mid-term goal' },
};

export interface GoalSet {
  key: GoalKey;
  field: TextField;
  /** The indicator rows the goal is stated for: 年度 rows for the annual goal, 长期/中期 rows for the others. */
  rows: Indicator[];
  /** Whether this goal is the form's annual one (or stands in for it on a form with no 年度目标). */
  annual: boolean;
}

/**
 * Each goal with the indicators it speaks for. The annual goal goes with the 年度 rows; the
 * 中期/总体 goal with the 长期/中期 rows when the form has such a set, or — on a form with no annual
 * goal — with the rows there are.
 */
export function goalSets(declaration: Declaration): GoalSet[] {
  const { goals, indicators } = declaration;
  const annualRows = indicators.filter((i) => i.period === 'annual');
  const longRows = indicators.filter((i) => i.period !== 'annual');
  const sets: GoalSet[] = [];
  if (goals.annual?.text) sets.push({ key: 'annual', field: goals.annual, rows: annualRows.length ? annualRows : indicators, annual: true });
  const longKey: GoalKey | undefined = goals.midTerm?.text ? 'midTerm' : goals.overall?.text ? 'overall' : undefined;
  if (longKey) {
    const field = goals[longKey]!;
    if (longRows.length) sets.push({ key: longKey, field, rows: longRows, annual: false });
    else if (!goals.annual?.text) sets.push({ key: longKey, field, rows: indicators, annual: true });
  }
  return sets;
}

/** The indicator's target as a figure on a base unit, when it states one. */
export function figureOf(indicator: Indicator, lexicon: Lexicon): Scaled | undefined {
  const { value } = indicator;
  if ((value.kind !== 'number' && value.kind !== 'duration') || value.number === undefined) return undefined;
  return scaleFigure(value.number, value.unit, lexicon);
}

/** The 一级 and 二级 labels of a kind in the active taxonomy: economicBenefit → 效益指标 / 经济效益指标. */
export function labelsOfKind(kind: Level2Kind, lexicon: Lexicon, profile: Profile): { level1: string; level2: string } | undefined {
  for (const l1 of lexicon.taxonomy.profiles[profile].level1) {
    const l2 = l1.level2.find((entry) => entry.kind === kind);
    if (l2) return { level1: l1.word, level2: l2.word };
  }
  return undefined;
}

/**
 * Where a new indicator with this name belongs, by its cue words: 满意度 → satisfaction, 到位资金 →
 * economicBenefit, 合格率 → quality … and a count or measure of work → quantity.
 */
export function kindForName(name: string, lexicon: Lexicon, profile: Profile): Level2Kind {
  const { cues } = lexicon;
  const strong = (list: readonly CueEntry[]) => list.filter((e) => !e.weak);
  if (findFirst(cues.satisfaction, name)) return 'satisfaction';
  if (findFirst(cues.savings, name)) return 'economicBenefit';
  if (findFirst(strong(cues.quality), name)) return 'quality';
  if (findFirst(cues.timeliness, name)) return 'timeliness';
  if (findFirst(strong(cues.benefit.economic), name) || findFirst(cues.outcome, name)) return 'economicBenefit';
  if (findFirst(strong(cues.benefit.ecological), name)) return 'ecologicalBenefit';
  if (findFirst(strong(cues.benefit.sustainable), name)) return 'sustainable';
  if (findFirst(strong(cues.benefit.social), name)) return 'socialBenefit';
  if (findFirst(cues.cost.economic, name)) return profile === 'legacy' ? 'cost' : 'economicCost';
  return 'quantity';
}
