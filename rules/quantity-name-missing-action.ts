import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import type { Locale } from '../src/i18n/read-messages.js';
import { unitKindOfName } from './lexicon/match.js';
import type { Lexicon } from './lexicon/types.js';
import { editOf } from './support/form.js';
import { nameWithUnit, quantityVerdict, rewriteNameText, sourceLabel, type Candidate } from './support/naming.js';

/** "总体目标写有“…组织设计搭建展位”" — where the form says what is done. */
function evidenceOf(candidate: Candidate, locale: Locale): string {
  const quote = candidate.quote;
  if (!quote) return '';
  return locale === 'zh' ? `${sourceLabel(quote.label, locale)}写有“${quote.text}”` : `${sourceLabel(quote.label, locale)} says "${quote.text}"`;
}

/** What a suggestion adds after the new name: its evidence, and the unit when the value has none. */
function noteOf(candidate: Candidate, indicator: Indicator, lexicon: Lexicon, locale: Locale): string {
  const parts: string[] = [];
  const evidence = evidenceOf(candidate, locale);
  if (evidence) parts.push(evidence);
  const unit = unitKindOfName(candidate.name, lexicon)?.unit;
  if (indicator.value.kind === 'number' && !indicator.value.unit && unit) parts.push(locale === 'zh' ? `指标值写明单位“${unit}”` : `state the unit "${unit}" in the value`);
  if (parts.length === 0) return '';
  return locale === 'zh' ? `（${parts.join('；')}）` : ` (${parts.join('; ')})`;
}

export default defineRule({
  meta: {
    id: 'quantity-name-missing-action',
    category: 'naming',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '数量指标名称应写明具体任务（动作）：“搭建展位面积”而不是“展位面积”',
        en: 'Quantity indicator names state the work done: 搭建展位面积, not 展位面积',
      },
    },
    messages: {
      missingAction: {
        zh: '数量指标“{name}”只有对象和计量，没有写明具体任务（动作），看不出做了什么工作；指标名称应为“具体任务（动作）+关键结果”，评价时按“绩效指标明确性”扣分。{evidence}，建议将“{name}”调整为“{after}”。',
        en: 'The quantity indicator "{name}" names an object and a measure but not the work done; a name states "task (action) + result", and evaluators deduct for it. {evidence}: rename it "{after}".',
      },
      missingActionCommon: {
        zh: '数量指标“{name}”只有对象和计量，没有写明具体任务（动作），看不出做了什么工作；指标名称应为“具体任务（动作）+关键结果”，评价时按“绩效指标明确性”扣分。请写明动作，常见写法如“{after}”。',
        en: 'The quantity indicator "{name}" names an object and a measure but not the work done; a name states "task (action) + result", and evaluators deduct for it. State the action, e.g. "{after}".',
      },
      missingActionBare: {
        zh: '数量指标“{name}”只有对象和计量，没有写明具体任务（动作），看不出做了什么工作；指标名称应为“具体任务（动作）+关键结果”，评价时按“绩效指标明确性”扣分。请在“{object}”前写明动作，如新建、购置、组织、发放。',
        en: 'The quantity indicator "{name}" names an object and a measure but not the work done; a name states "task (action) + result", and evaluators deduct for it. Put the action before "{object}" (新建, 购置, 组织, 发放 …).',
      },
      rename: {
        zh: '将“{name}”调整为“{after}”{note}',
        en: 'Rename "{name}" to "{after}"{note}',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    return {
      indicator(indicator: Indicator, declaration: Declaration) {
        const verdict = quantityVerdict(indicator, declaration, lexicon, profile);
        if (verdict?.rule !== 'missing-action') return;
        const name = indicator.name.text.trim();
        const { candidates, q } = verdict;
        const suggest = candidates.map((c) => {
          const after = rewriteNameText(indicator.name.text, q.name, c.name) ?? nameWithUnit(c.name, unitKindOfName(c.name, lexicon)?.unit, declaration);
          return { messageId: 'rename' as const, data: { name, after, note: noteOf(c, indicator, lexicon, locale) }, edits: editOf(indicator.name, after) };
        });
        const best = candidates[0];
        const data = { name, object: q.object, measure: q.measure };
        if (!best) return context.report({ messageId: 'missingActionBare', data, at: indicator.name });
        const after = suggest[0]!.data.after;
        if (best.origin === 'form' && best.quote) {
          const evidence = evidenceOf(best, locale);
          // In English the evidence starts a sentence.
          const opening = locale === 'en' ? evidence.charAt(0).toUpperCase() + evidence.slice(1) : evidence;
          return context.report({ messageId: 'missingAction', data: { ...data, after, evidence: opening }, at: indicator.name, suggest });
        }
        context.report({ messageId: 'missingActionCommon', data: { ...data, after }, at: indicator.name, suggest });
      },
    };
  },
});
