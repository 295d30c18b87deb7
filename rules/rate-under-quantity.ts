import { defineRule } from '../src/engine/rule.js';
import { unitKindOfName, unitKindsOf } from './lexicon/match.js';
import { MOVE_MESSAGES, claimsOf, destinationOf, levelPairOf, moveSuggestion, targetText, verdictOf } from './support/classification.js';
import { nameOf, placementOf } from './support/form.js';

const BENEFIT_KIND = { economic: 'economicBenefit', social: 'socialBenefit', ecological: 'ecologicalBenefit', sustainable: 'sustainable' } as const;

export default defineRule({
  meta: {
    id: 'rate-under-quantity',
    category: 'classification',
    defaultSeverity: 'info',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '数量指标应是任务量或产品数量，百分比和“……率”“……比例”一般不是数量指标',
        en: 'Quantity indicators count work or products; percentages and 率/比例 names usually are not quantities',
      },
    },
    messages: {
      rateName: {
        zh: '数量指标“{name}”是比率（名称以“{ending}”结尾）；数量指标反映完成的任务量或提供的产品数量（如“……人次”“……个”），比率一般属于其他二级指标。请改为绝对数，或移到“{target}”下。',
        en: 'The quantity indicator "{name}" is a rate (it ends in "{ending}"); quantities count work done or products delivered (… 人次, … 个). State the absolute number, or move it to {target}.',
      },
      percentValue: {
        zh: '数量指标“{name}”的指标值是百分比（“{value}”）；数量指标反映完成的任务量或提供的产品数量，应写绝对数和单位（如“≥ 500 人次”）。请改为绝对数，或移到“{target}”下。',
        en: 'The quantity indicator "{name}" has a percentage as its value ("{value}"); quantities are absolute numbers with a unit (≥ 500 人次). State the number, or move it to {target}.',
      },
      ...MOVE_MESSAGES,
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    return {
      indicator(indicator, declaration) {
        // A row another classification rule moves is reported there only.
        if (verdictOf(indicator, lexicon, profile)) return;
        if (levelPairOf(indicator, lexicon, profile).status !== 'ok') return;
        if (placementOf(indicator, lexicon, profile).kind !== 'quantity') return;
        const name = nameOf(indicator);
        if (!name) return;
        const { unit } = indicator.value;
        const percent = unit !== undefined && unitKindsOf(unit, lexicon).includes('rate');
        const rateName = unitKindOfName(name, lexicon);
        const ending = rateName?.kind === 'rate' ? rateName.match.matched : undefined;
        if (!percent && !ending) return;

        // 覆盖率, 知晓率 … are effects when they are not quality measures.
        const benefit = claimsOf(indicator, lexicon).find((c) => c.target === 'benefit' && !c.weak && c.sub !== undefined);
        const to = destinationOf(benefit ? BENEFIT_KIND[benefit.sub as keyof typeof BENEFIT_KIND] : 'quality', lexicon, profile);
        if (!to) return;
        const target = targetText(to);
        context.report({
          ...(ending
            ? { messageId: 'rateName' as const, data: { name: indicator.name.text, ending, target } }
            : { messageId: 'percentValue' as const, data: { name: indicator.name.text, value: indicator.value.raw, target } }),
          at: indicator.name,
          suggest: [
            moveSuggestion(indicator, declaration, to, lexicon, profile, locale),
          ],
        });
      },
    };
  },
});
