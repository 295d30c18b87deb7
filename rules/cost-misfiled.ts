import { defineRule } from '../src/engine/rule.js';
import { MOVE_MESSAGES, misfiledData, moveSuggestion, verdictOf } from './support/classification.js';

export default defineRule({
  meta: {
    id: 'cost-misfiled',
    category: 'classification',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '成本、费用、经费、单价、造价、投资、补助标准等成本内容应放在成本指标下',
        en: 'Costs (成本, 费用, 经费, 单价, 造价, 投资, 补助标准 …) belong under 成本指标',
      },
    },
    messages: {
      economic: {
        zh: '“{name}”含“{cue}”，反映的是实施项目的直接经济成本，应为成本指标，却填在“{level2}”下；成本不是产出或效果，评价时按“绩效指标明确性”扣分。请移到“{target}”下，并以金额上限（≤ X 万元、≤ X 元/人）表述。',
        en: '"{name}" contains "{cue}": it is a direct economic cost of the project, so it is a 成本指标, but it is filed under "{level2}" (a cost is neither an output nor an effect). Move it to {target} and state it as a cap (≤ X 万元, ≤ X 元/人).',
      },
      unitCost: {
        zh: '“{name}”的指标值单位是“{cue}”，是单位成本，应为成本指标，却填在“{level2}”下，评价时按“绩效指标明确性”扣分。请移到“{target}”下。',
        en: 'The value of "{name}" is in "{cue}", a unit cost, so it is a 成本指标, but it is filed under "{level2}". Move it to {target}.',
      },
      externality: {
        zh: '“{name}”含“{cue}”，反映的是项目可能造成的负面影响，按成本指标的定义属于社会成本或生态环境成本，却填在“{level2}”下。请移到“{target}”下，并写明控制上限。',
        en: '"{name}" contains "{cue}": it is a negative effect of the project, which the taxonomy counts as a social or ecological cost, but it is filed under "{level2}". Move it to {target} with a cap.',
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
        const verdict = verdictOf(indicator, lexicon, profile);
        if (verdict?.owner !== 'cost-misfiled' || !verdict.claim || !verdict.to) return;
        const { claim, to } = verdict;
        context.report({
          messageId: claim.index < 0 ? 'unitCost' : claim.sub === 'economic' ? 'economic' : 'externality',
          data: misfiledData(indicator, verdict, to),
          at: indicator.name,
          suggest: [
            moveSuggestion(indicator, declaration, to, lexicon, profile, locale),
          ],
        });
      },
    };
  },
});
