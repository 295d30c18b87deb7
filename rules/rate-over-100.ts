import { defineRule } from '../src/engine/rule.js';
import { polarityOf, unitKindOfName } from './lexicon/match.js';
import { nameOf, placementOf } from './support/form.js';
import { rewriteValue } from './support/values.js';

/** Rates that may pass 100%: growth and comparisons with a base (rule-catalog R26 FP). */
const DEFAULT_GROWTH_WORDS = ['增长', '增幅', '增速', '同比', '环比', '提高率', '提升率', '增加率', '超额', '带动率'];

export default defineRule({
  meta: {
    id: 'rate-over-100',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '合格率、完成率、到位率等比率最高为100%，不应写“≥100%”“>100%”或超过100%的目标',
        en: 'Rates such as pass, completion or funding rates top out at 100%: no "≥100%", ">100%" or targets above 100%',
      },
    },
    messages: {
      atLeast100: {
        zh: '“{name}”最高只能达到100%，“{value}”实际上就是要求100%，写“{operator}”不合理，评审按“绩效指标合理性”扣分；应写作“=100%”。',
        en: '"{name}" cannot exceed 100%, so "{value}" can only mean 100% and "{operator}" is meaningless; write "=100%".',
      },
      over100: {
        zh: '“{name}”最高只能达到100%，目标“{value}”不可能实现，评审按“绩效指标合理性”扣分；应写作不超过100%的目标，如“=100%”。',
        en: '"{name}" cannot exceed 100%, so the target "{value}" cannot be met; state a target of at most 100%, such as "=100%".',
      },
      exactly100: {
        zh: '改为“=100%”',
        en: 'Write "=100%"',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        growthWords: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: '名称含这些词的比率可以超过100%（增长率、同比等），不检查',
        },
      },
    },
    defaultOptions: { growthWords: DEFAULT_GROWTH_WORDS },
  },
  create(context) {
    const { lexicon, profile } = context;
    const growthWords = context.options.growthWords ?? DEFAULT_GROWTH_WORDS;
    return {
      indicator(indicator) {
        const { value } = indicator;
        if (value.kind !== 'number' || value.unit !== '%' || value.number === undefined) return;
        const { operator, number } = value;
        const atLeast = number >= 100 && (operator === '≥' || operator === '>');
        const over = number > 100 && operator !== '≤' && operator !== '<';
        if (!atLeast && !over) return;
        const name = nameOf(indicator);
        if (unitKindOfName(name, lexicon)?.kind !== 'rate') return;
        if (growthWords.some((w) => name.includes(w))) return;
        // 成本控制率 ≥100%: the sign is wrong, not the figure (wrong-comparison-direction).
        if (polarityOf(name, lexicon)?.polarity === 'negative') return;
        // 满意度 =100% / ≥100%: satisfaction-value-odd says what to write instead.
        if (placementOf(indicator, lexicon, profile).family === 'satisfaction' || /满意|认可度|好评/u.test(name)) return;
        const written = value.parts ? value.raw : value.raw.trim();
        context.report({
          messageId: over ? 'over100' : 'atLeast100',
          data: { name: indicator.name.text, value: written, operator: operator ?? '' },
          at: value.at ?? indicator.name,
          suggest: [{ messageId: 'exactly100', edits: rewriteValue(indicator, { operator: '=', number: 100, unit: '%' }) }],
        });
      },
    };
  },
});
