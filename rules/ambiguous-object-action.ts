import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import type { Locale } from '../src/i18n/read-messages.js';
import { normalizeUnit } from '../src/text/normalize.js';
import { editOf } from './support/form.js';
import { kindsOfUnit } from './support/values.js';
import { nameWithUnit, quantityVerdict, quoteOf, rewriteNameText, type Candidate } from './support/naming.js';

/** "购置、维修维护、办理车辆通行证还是租赁" / "购置, 维修维护, 办理车辆通行证 or 租赁". */
function choicesOf(candidates: Candidate[], locale: Locale): string {
  const verbs = candidates.map((c) => c.verb);
  if (verbs.length === 1) return verbs[0]!;
  const last = verbs.at(-1)!;
  return locale === 'zh' ? `${verbs.slice(0, -1).join('、')}还是${last}` : `${verbs.slice(0, -1).join(', ')} or ${last}`;
}

/** What a pick adds after the new name: where the form points to it, and the unit it is counted in. */
function noteOf(candidate: Candidate, indicator: Indicator, locale: Locale): string {
  const parts: string[] = [];
  if (candidate.quote) parts.push(locale === 'zh' ? `表中${quoteOf(candidate.quote, locale)}` : `the form has ${quoteOf(candidate.quote, locale)}`);
  const { value } = indicator;
  const unit = candidate.unit;
  if (unit && value.kind === 'number') {
    if (!value.unit) parts.push(locale === 'zh' ? `指标值写明单位“${unit}”` : `state the unit "${unit}" in the value`);
    else if (normalizeUnit(value.unit).unit !== unit) parts.push(locale === 'zh' ? `指标值单位相应改为“${unit}”` : `count it in "${unit}"`);
  }
  if (parts.length === 0) return '';
  return locale === 'zh' ? `（${parts.join('；')}）` : ` (${parts.join('; ')})`;
}

export default defineRule({
  meta: {
    id: 'ambiguous-object-action',
    category: 'naming',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '对象可做多种工作的数量指标（车辆、设备、展位、房屋……）应写明是哪一种：购置、维修维护还是租赁',
        en: 'Quantity names whose object admits several kinds of work (车辆, 设备, 展位 …) say which one',
      },
    },
    messages: {
      ambiguous: {
        zh: '“{name}”是{choices}的{measure}？名称只有对象“{object}”，没有写明具体任务（动作），同一对象可以做不同的工作，无法判断目标指的是什么；评价时按“绩效指标明确性”扣分。请选定一种写法，如“{first}”。',
        en: 'Which work does "{name}" count — {choices}? The name has the object "{object}" and the measure "{measure}" but no action, and several kinds of work fit it, so the target is unclear; pick one, e.g. "{first}".',
      },
      pick: {
        zh: '改为“{after}”{note}',
        en: 'Rename to "{after}"{note}',
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
        if (verdict?.rule !== 'ambiguous' || verdict.candidates.length === 0) return;
        const { q, candidates } = verdict;
        const suggest = candidates.map((c) => {
          // A unit note the name carries follows the pick: 车辆数量（辆） → 办理车辆通行证数量（张）.
          const kept = rewriteNameText(indicator.name.text, q.name, c.name)?.replace(/([(（])([^()（）]{1,3})([)）])$/u, (all, open: string, unit: string, close: string) =>
            c.unit && unit !== c.unit && kindsOfUnit(unit, lexicon).length > 0 ? `${open}${c.unit}${close}` : all,
          );
          const after = kept ?? nameWithUnit(c.name, c.unit, declaration);
          return { messageId: 'pick' as const, data: { after, note: noteOf(c, indicator, locale) }, edits: editOf(indicator.name, after) };
        });
        context.report({
          messageId: 'ambiguous',
          data: { name: indicator.name.text.trim(), object: q.object, measure: q.measure, choices: choicesOf(candidates, locale), first: suggest[0]!.data.after },
          at: indicator.name,
          suggest,
        });
      },
    };
  },
});
