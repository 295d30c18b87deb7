import type { Declaration, Indicator } from '../src/model/declaration.js';
import type { Edit } from '../src/model/diagnostic.js';
import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import { editOf, nameOf, placementOf } from './support/form.js';
import { QUANTITY_MEASURE_ENDING } from './support/quantities.js';
import { costRowShape, formatFigure, kindsOfUnit, rewriteValue, uninformativeCostRows } from './support/values.js';

/** What a rate-shaped cost name says after its ratio word: 展位搭建成本控制率 → 展位搭建. */
const RATIO_ENDING = /(?:成本|费用|经费|资金|预算)?(?:控制率|执行率|完成率|节约率|节支率|控制|率)$/u;
const MONEY_ENDING = /(?:成本|费用|经费|造价|投资|投入|支出|资金)$/u;

export default defineRule({
  meta: {
    id: 'cost-indicator-uninformative',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '经济成本指标应写成本金额（总成本、单位成本或分项成本），不应只写成本控制率或“不超预算”一类表述',
        en: 'Economic cost indicators state amounts (total, unit or itemised cost), not only a control rate or words such as 不超预算',
      },
    },
    messages: {
      asRate: {
        zh: '成本指标“{name}”写成比率“{value}”，没有说明花多少钱，表中也没有写金额的成本指标：经济成本指标应写总成本、单位成本或分项成本的金额，评审按“绩效指标明确性”扣分。',
        en: 'The cost indicator "{name}" is a rate, "{value}", and no cost row on the form states an amount; state the total, unit or itemised cost in money.',
      },
      asWords: {
        zh: '成本指标“{name}”的指标值“{value}”是一句表述，不是金额，表中也没有写金额的成本指标：经济成本指标应写总成本、单位成本或分项成本的金额，评审按“绩效指标明确性”扣分。',
        en: 'The cost indicator "{name}" says "{value}", not an amount, and no cost row on the form states one; state the total, unit or itemised cost in money.',
      },
      totalCost: {
        zh: '改为总成本：“{name}” “{after}”（金额取自{source}）',
        en: 'State the total cost: "{name}" "{after}" (the amount from the {source})',
      },
      itemCost: {
        zh: '改为分项成本金额：“{name}” “≤ N {unit}”',
        en: 'State the itemised cost: "{name}" "≤ N {unit}"',
      },
      unitCost: {
        zh: '另增单位成本指标：“{name}” “≤ N {unit}”（按“{quantity}”测算）',
        en: 'Add a unit cost row: "{name}" "≤ N {unit}" (per "{quantity}")',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const SOURCE = { zh: '年度资金总额', en: 'annual funds' }[locale];
    type Id = 'totalCost' | 'itemCost' | 'unitCost';

    /** The first 数量 row with a figure in a count, area or length unit: the base of a unit cost. */
    const quantityBase = (declaration: Declaration): { name: string; unit: string } | undefined => {
      for (const row of declaration.indicators) {
        const { value } = row;
        if (placementOf(row, lexicon, profile).kind !== 'quantity' || value.kind !== 'number' || !value.unit) continue;
        const kinds = kindsOfUnit(value.unit, lexicon);
        if (kinds.some((k) => k === 'count' || k === 'area' || k === 'length')) return { name: nameOf(row), unit: value.unit };
      }
      return undefined;
    };

    const suggestions = (indicator: Indicator, declaration: Declaration, rows: Indicator[]): SuggestionDescriptor<Id>[] => {
      const out: SuggestionDescriptor<Id>[] = [];
      const name = nameOf(indicator);
      const unit = declaration.funds?.unit ?? '万元';
      const stem = name.replace(RATIO_ENDING, '');
      const generic = stem === '' || stem === '项目' || /^(?:经济)?成本$/u.test(stem);
      const total = declaration.funds?.annual.total?.amount;
      if (generic || rows.length === 1) {
        const costName = generic ? '项目总成本' : MONEY_ENDING.test(stem) ? stem : `${stem}成本`;
        if (total !== undefined && total > 0) {
          const after = `≤${formatFigure(total)}${unit}`;
          const edits: Edit[] = [...(costName !== name ? editOf(indicator.name, costName) : []), ...rewriteValue(indicator, { operator: '≤', number: formatFigure(total), unit })];
          out.push({ messageId: 'totalCost', data: { name: costName, after, source: SOURCE }, edits });
        } else out.push({ messageId: 'itemCost', data: { name: costName, unit }, edits: [] });
      } else {
        const costName = MONEY_ENDING.test(stem) ? stem : `${stem}成本`;
        // The amount is unknown, and a new name over the old rate would read as a unit mismatch: advice only.
        out.push({ messageId: 'itemCost', data: { name: costName, unit }, edits: [] });
      }
      const base = quantityBase(declaration);
      if (base) {
        const object = base.name.replace(QUANTITY_MEASURE_ENDING, '') || base.name;
        out.push({ messageId: 'unitCost', data: { name: `${object}单位成本`, unit: `元/${base.unit}`, quantity: base.name }, edits: [] });
      }
      return out;
    };

    return {
      indicator(indicator, declaration) {
        const rows = uninformativeCostRows(declaration, lexicon, profile);
        if (!rows.includes(indicator)) return;
        const shape = costRowShape(indicator, lexicon);
        const value = indicator.value.parts ? indicator.value.raw : indicator.value.raw.trim();
        context.report({
          messageId: shape === 'rate' ? 'asRate' : 'asWords',
          data: { name: indicator.name.text, value },
          at: indicator.value.at ?? indicator.name,
          suggest: suggestions(indicator, declaration, rows),
        });
      },
    };
  },
});
