import type { TextField } from '../src/model/cell.js';
import type { Indicator, IndicatorPeriod } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { anchorAfter, isNamed, pathTarget } from './support/completeness.js';
import { placementOf } from './support/form.js';

interface Options {
  minTotal: number;
  maxTotal: number;
  maxPerLevel2: number;
}

const PERIOD_NAMES = {
  zh: { annual: '年度', 'mid-term': '中期', 'long-term': '长期' },
  en: { annual: 'annual ', 'mid-term': 'mid-term ', 'long-term': 'long-term ' },
} as const;

export default defineRule({
  meta: {
    id: 'too-few-indicators',
    category: 'completeness',
    defaultSeverity: 'info',
    recommended: true,
    docs: {
      description: {
        zh: '三级指标不宜过少（不足以分解目标），也不宜堆砌',
        en: 'Neither too few indicators to break the goal down, nor a padded set',
      },
    },
    messages: {
      tooFew: {
        zh: '{period}绩效指标只有{count}个三级指标：绩效目标应从数量、质量、时效、成本和效益等方面细化分解，{count}个指标难以覆盖。请按目标补充产出和效益指标（常见要求不少于{min}个）。',
        en: 'The {period}indicator set has only {count} indicator(s): the goal should be broken down by quantity, quality, timeliness, cost and effect. Add output and benefit indicators (at least {min} is the usual expectation).',
      },
      tooMany: {
        zh: '{period}绩效指标有{count}个三级指标：指标过多往往是堆砌，会冲淡核心指标，评审也难以逐项核实。请保留能反映主要产出和效果的核心指标（建议不超过{max}个）。',
        en: 'The {period}indicator set has {count} indicators: a padded set buries the core ones and cannot be checked item by item. Keep the indicators that show the main outputs and effects (at most {max} suggested).',
      },
      tooManyInLevel2: {
        zh: '二级指标“{level2}”下有{count}个三级指标：同一维度指标过多，多是把工作任务逐项罗列。请合并同类、保留核心指标（建议不超过{max}个）。',
        en: '{count} indicators under "{level2}": one dimension with this many usually lists tasks one by one. Merge similar ones and keep the core (at most {max} suggested).',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minTotal: { type: 'integer', minimum: 1 },
        maxTotal: { type: 'integer', minimum: 1 },
        maxPerLevel2: { type: 'integer', minimum: 1 },
      },
    },
    defaultOptions: { minTotal: 3, maxTotal: 30, maxPerLevel2: 10 },
  },
  create(context) {
    const { lexicon, profile, locale, options } = context;

    return {
      declarationExit(declaration) {
        if (declaration.kind === 'self-evaluation') return;
        // Each indicator set on its own: stacked 长期 + 年度 tables, 中期 + 年度 side by side.
        const sets = new Map<IndicatorPeriod, Indicator[]>();
        for (const indicator of declaration.indicators) sets.set(indicator.period, [...(sets.get(indicator.period) ?? []), indicator]);
        const several = sets.size > 1;
        for (const [period, rows] of sets) {
          const named = rows.filter(isNamed);
          const periodName = several ? PERIOD_NAMES[locale][period] : '';
          if (named.length === 0) continue; // nothing to count: empty-indicator-row reports the rows
          const last = rows.reduce((a, b) => (b.row > a.row ? b : a));
          const first = rows.reduce((a, b) => (b.row < a.row ? b : a));
          if (named.length < options.minTotal) {
            context.report({ messageId: 'tooFew', data: { period: periodName, count: named.length, min: options.minTotal }, at: anchorAfter(last, 1) ?? pathTarget('/indicators') });
          } else if (named.length > options.maxTotal) {
            context.report({ messageId: 'tooMany', data: { period: periodName, count: named.length, max: options.maxTotal }, at: anchorAfter(first, 1) ?? pathTarget('/indicators') });
          }

          // Rows per 二级: by the label as the taxonomy names it, within its 一级.
          const groups = new Map<string, { label: TextField; rows: Indicator[] }>();
          for (const indicator of named) {
            if (!indicator.level2?.text) continue;
            const placement = placementOf(indicator, lexicon, profile);
            const key = `${placement.family ?? indicator.level1?.text ?? ''}|${placement.level2?.canonical ?? indicator.level2.text}`;
            const group = groups.get(key) ?? { label: indicator.level2, rows: [] };
            group.rows.push(indicator);
            groups.set(key, group);
          }
          for (const { label, rows: members } of groups.values()) {
            if (members.length <= options.maxPerLevel2) continue;
            context.report({ messageId: 'tooManyInLevel2', data: { level2: label.text, count: members.length, max: options.maxPerLevel2 }, at: label.at ? label : members[0]!.name });
          }
        }
      },
    };
  },
});
