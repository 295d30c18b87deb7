import { defineRule } from '../src/engine/rule.js';
import { MOVE_MESSAGES, misfiledData, moveSuggestion, verdictOf } from './support/classification.js';

export default defineRule({
  meta: {
    id: 'quality-misfiled',
    category: 'classification',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '合格率、达标率、验收通过率、准确率、成活率等质量指标应放在质量指标下',
        en: 'Quality measures (合格率, 达标率, 验收通过率, 准确率, 成活率 …) belong under 质量指标',
      },
    },
    messages: {
      misfiled: {
        zh: '“{name}”含“{cue}”，衡量的是产出达到的质量标准，应为质量指标，却填在“{level2}”下，评价时按“绩效指标明确性”扣分。请移到“{target}”下。',
        en: '"{name}" contains "{cue}": it measures the standard the output reaches, so it is a 质量指标, but it is filed under "{level2}" (deducted under 绩效指标明确性). Move it to {target}.',
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
        if (verdict?.owner !== 'quality-misfiled' || !verdict.claim || !verdict.to) return;
        const { to } = verdict;
        context.report({
          messageId: 'misfiled',
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
