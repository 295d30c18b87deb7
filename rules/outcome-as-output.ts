import { defineRule } from '../src/engine/rule.js';
import { MOVE_MESSAGES, misfiledData, moveSuggestion, verdictOf } from './support/classification.js';

export default defineRule({
  meta: {
    id: 'outcome-as-output',
    category: 'classification',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '收入、带动、签约金额、就业等效果不应填作产出指标，完成的工作量也不应填作效益指标',
        en: 'Effects (收入, 带动, 签约金额, 就业 …) are not outputs, and work done is not an effect',
      },
    },
    messages: {
      outcome: {
        zh: '“{name}”含“{cue}”，反映的是项目带来的效果，不是项目直接提供的产品或服务，却填在“{level2}”下；产出指标与效益指标混淆，评价时按“绩效指标明确性”扣分。请移到“{target}”下。',
        en: '"{name}" contains "{cue}": it is an effect of the project, not a product or service it delivers, yet it is filed under "{level2}" (deducted under 绩效指标明确性). Move it to {target}.',
      },
      output: {
        zh: '“{name}”是项目完成的工作量（产出），不是效果，却填在“{level2}”下。请移到“{target}”下；效益指标应写这些产出带来的变化（受益人数、收入增加、知晓率提高等）。',
        en: '"{name}" counts work done (an output), not an effect, yet it is filed under "{level2}". Move it to {target}; effect rows state what the outputs change (people benefiting, income gained …).',
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
        if (verdict?.owner !== 'outcome-as-output' || !verdict.to) return;
        const { to } = verdict;
        const { cue, ...data } = misfiledData(indicator, verdict, to);
        context.report({
          ...(verdict.direction === 'into' && cue !== undefined ? { messageId: 'outcome' as const, data: { ...data, cue } } : { messageId: 'output' as const, data }),
          at: indicator.name,
          suggest: [
            moveSuggestion(indicator, declaration, to, lexicon, profile, locale),
          ],
        });
      },
    };
  },
});
