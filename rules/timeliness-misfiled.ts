import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import { MOVE_MESSAGES, evidenceOf, mainOutputOf, misfiledData, moveSuggestion, verdictOf } from './support/classification.js';
import { editOf, nameOf } from './support/form.js';

/** A name whose subject says nothing about the work (活动按期完成率): the form's main output can replace it. */
const VAGUE_SUBJECT = /^(?:各项|相关|全部|整体|年度)?(?:活动|工作|任务|项目|事项|计划|项目实施|项目建设)$/u;

type MessageId = 'misfiled' | 'relabel' | 'move' | 'rename';

export default defineRule({
  meta: {
    id: 'timeliness-misfiled',
    category: 'classification',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '含明确时效词（按期、及时率、完成时间、工期、进度……）的指标应放在时效指标下',
        en: 'Indicators with an explicit timeliness cue (按期, 及时率, 完成时间, 工期, 进度 …) belong under 时效指标',
      },
    },
    messages: {
      misfiled: {
        zh: '“{name}”含“{cue}”，反映的是工作进度和完成时限，应为时效指标，却填在“{level2}”下，评价时按“绩效指标明确性”扣分。请移到“{target}”下。',
        en: '"{name}" contains "{cue}": it measures progress against a deadline, so it is a 时效指标, but it is filed under "{level2}" (deducted under 绩效指标明确性). Move it to {target}.',
      },
      ...MOVE_MESSAGES,
      rename: {
        zh: '改名为“{after}”，写明按期完成的是什么工作（{evidence}）；也可改为完成时限“{dateName}”，指标值填具体日期',
        en: 'Rename it "{after}" to say which work is to be done on time ({evidence}); or state a deadline, "{dateName}", with a date as its value',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    return {
      indicator(indicator, declaration) {
        const verdict = verdictOf(indicator, lexicon, profile);
        if (verdict?.owner !== 'timeliness-misfiled' || !verdict.claim || !verdict.to) return;
        const { claim, to } = verdict;
        const suggest: SuggestionDescriptor<MessageId>[] = [];
        suggest.push(moveSuggestion(indicator, declaration, to, lexicon, profile, locale));

        // 活动按期完成率 → 展位搭建按期完成率: the vague subject replaced by the form's main output.
        const name = nameOf(indicator);
        const subject = name.slice(0, Math.max(0, claim.index));
        const main = mainOutputOf(declaration, lexicon, profile);
        if (claim.index > 0 && VAGUE_SUBJECT.test(subject) && main?.verb) {
          const work = `${main.object}${main.verb}`;
          const after = `${work}${name.slice(claim.index)}`;
          suggest.push({
            messageId: 'rename',
            data: { after, evidence: evidenceOf(main, locale), dateName: `${work}完成时间` },
            edits: editOf(indicator.name, after),
          });
        }

        context.report({
          messageId: 'misfiled',
          data: misfiledData(indicator, verdict, to),
          at: indicator.name,
          suggest,
        });
      },
    };
  },
});
