import type { Declaration, Indicator, Operator } from '../src/model/declaration.js';
import type { Edit } from '../src/model/diagnostic.js';
import { defineRule, type Profile, type SuggestionDescriptor } from '../src/engine/rule.js';
import { findFirst, unitKindOfName } from './lexicon/match.js';
import type { Lexicon, UnitKind } from './lexicon/types.js';
import { editOf, formTexts, nameOf, placementOf } from './support/form.js';
import { QUANTITY_MEASURE_ENDING } from './support/quantities.js';
import { formatFigure, nullLikeValue, rewriteValue, valueCellText } from './support/values.js';

/**
 * The figure the goals give for the thing counted: "为12所中小学采购…" gives 12所 for 受益中小学数量.
 * Any unit of the name's kind counts (the kind's default 个 is only a guess); only when exactly one
 * figure stands within a few characters of the object's last two characters.
 */
function figureFromGoals(name: string, kind: UnitKind, declaration: Declaration, lexicon: Lexicon, profile: Profile): { figure: number; unit: string } | undefined {
  const object = name.replace(QUANTITY_MEASURE_ENDING, '');
  if (object.length < 2) return undefined;
  const core = object.slice(-2);
  const units = [...lexicon.units[kind].units].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  if (units.length === 0) return undefined;
  const re = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${units.join('|')})`, 'gu');
  const found = new Map<string, { figure: number; unit: string }>();
  for (const piece of formTexts(declaration, lexicon, profile)) {
    if (piece.source !== 'goal' && piece.source !== 'project') continue;
    for (const clause of piece.text.split(/[，。；;,]/u)) {
      if (!clause.includes(core)) continue;
      for (const m of clause.matchAll(re)) {
        const start = m.index ?? 0;
        const near = clause.slice(Math.max(0, start - 8), start + m[0].length + 8);
        if (near.includes(core)) found.set(`${m[1]}${m[2]}`, { figure: Number(m[1]), unit: m[2]! });
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

export default defineRule({
  meta: {
    id: 'non-numeric-quantity',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '数量指标的指标值应是具体数字（不写若干、多个、全部、全覆盖、按需）',
        en: 'Quantity targets are figures, not words such as 若干, 多个, 全部, 全覆盖, 按需',
      },
    },
    messages: {
      vagueQuantity: {
        zh: '数量指标“{name}”的指标值“{value}”没有给出数量（“{word}”），无法核对完成了多少，评审按“绩效指标明确性”扣分；应写具体数字和单位。',
        en: 'The quantity "{name}" has no figure ("{word}" in "{value}"), so what was done cannot be checked; state a figure and a unit.',
      },
      fullCoverage: {
        zh: '数量指标“{name}”的指标值“{value}”没有说覆盖多少：应写覆盖对象的具体数量，或把指标改为覆盖率“=100%”并在指标解释中写明覆盖范围。',
        en: 'The quantity "{name}" says "{value}" without a number; state how many are covered, or make it a coverage rate "=100%" with the base defined.',
      },
      notNumeric: {
        zh: '数量指标“{name}”的指标值“{value}”不是数字：数量指标反映计划完成的工作量，应写具体数字和单位，评审按“绩效指标明确性”扣分。',
        en: 'The quantity "{name}" has the value "{value}", not a figure; a quantity target states the planned amount of work with a unit.',
      },
      useFigure: {
        zh: '写成“{after}”（数字取自{source}）',
        en: 'Write "{after}" (the figure from the {source})',
      },
      useNumber: {
        zh: '写成具体数量，如“{operator} N {unit}”',
        en: 'State a figure, such as "{operator} N {unit}"',
      },
      coverageRate: {
        zh: '改为覆盖率指标：“{name}” “=100%”，并在指标解释中写明覆盖对象总数',
        en: 'Make it a coverage rate: "{name}" "=100%", defining the base in the basis column',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const SOURCE = { zh: '年度目标', en: 'goals' }[locale];
    type Id = 'useFigure' | 'useNumber' | 'coverageRate';

    const suggestions = (indicator: Indicator, declaration: Declaration, whole: boolean, coverage: boolean): SuggestionDescriptor<Id>[] => {
      const name = nameOf(indicator);
      const out: SuggestionDescriptor<Id>[] = [];
      const kind = unitKindOfName(name, lexicon);
      const unit = kind && kind.kind !== 'rate' ? kind.unit : undefined;
      const operator: Operator = whole ? '=' : '≥';
      if (kind && unit) {
        const found = figureFromGoals(name, kind.kind, declaration, lexicon, profile);
        if (found) {
          const figure = formatFigure(found.figure);
          out.push({ messageId: 'useFigure', data: { after: `${operator}${figure}${found.unit}`, source: SOURCE }, edits: rewriteValue(indicator, { operator, number: figure, unit: found.unit }) });
        } else out.push({ messageId: 'useNumber', data: { operator, unit }, edits: [] });
      }
      if (coverage) {
        const object = name.replace(QUANTITY_MEASURE_ENDING, '').replace(/覆盖$/u, '') || name;
        const rateName = `${object}覆盖率`;
        const edits: Edit[] = [...editOf(indicator.name, rateName), ...rewriteValue(indicator, { operator: '=', number: 100, unit: '%' })];
        out.push({ messageId: 'coverageRate', data: { name: rateName }, edits });
      }
      return out;
    };

    return {
      indicator(indicator, declaration) {
        const { value } = indicator;
        if (value.kind !== 'qualitative' || !indicator.name.text) return;
        if (placementOf(indicator, lexicon, profile).kind !== 'quantity') return;
        const text = valueCellText(indicator);
        if (!text || nullLikeValue(indicator)) return; // placeholder-or-null-value
        const name = nameOf(indicator);
        const at = value.at ?? indicator.name;
        const word = findFirst(lexicon.vague.quantities, text);
        const whole = word !== undefined && /全部|全覆盖/u.test(word.matched);
        if (word?.matched === '全覆盖') {
          context.report({ messageId: 'fullCoverage', data: { name: indicator.name.text, value: text }, at, suggest: suggestions(indicator, declaration, true, true) });
          return;
        }
        const suggest = suggestions(indicator, declaration, whole, false);
        context.report({
          messageId: word ? 'vagueQuantity' : 'notNumeric',
          data: { name: indicator.name.text, value: text, ...(word ? { word: word.matched } : {}) },
          at,
          ...(suggest.length ? { suggest } : {}),
        });
      },
    };
  },
});
