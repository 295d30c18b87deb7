import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import { findFirst } from './lexicon/match.js';
import type { Lexicon } from './lexicon/types.js';
import { MOVE_MESSAGES, filedUnder, misfiledData, moveSuggestion, verdictOf } from './support/classification.js';
import { editOf, nameOf, valueEdit } from './support/form.js';

type MessageId = 'outside' | 'inside' | 'relabel' | 'move' | 'replace';

/** The satisfaction name to offer: the beneficiary in the row's name, else in the project name and goals. */
function satisfactionName(indicator: Indicator, declaration: Declaration, lexicon: Lexicon): string {
  const external = lexicon.beneficiaries.filter((b) => !b.internal);
  const texts = [indicator.name.text, declaration.project.name?.text, declaration.goals.annual?.text, declaration.goals.overall?.text];
  for (const text of texts) {
    const found = text ? findFirst(external, text) : undefined;
    if (found) return found.entry.satisfaction ?? `${found.matched}满意度`;
  }
  return '服务对象满意度';
}

export default defineRule({
  meta: {
    id: 'satisfaction-misfiled',
    category: 'classification',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '满意度指标应单列在满意度指标下，满意度指标下也只填满意度',
        en: 'Satisfaction rows go under 满意度指标, and only satisfaction rows go there',
      },
    },
    messages: {
      outside: {
        zh: '“{name}”是满意度指标，却填在“{level2}”下；满意度反映服务对象对产出及其影响的认可程度，应单列在“{target}”下，混在其他指标中评价时按“绩效指标明确性”扣分。',
        en: '"{name}" measures satisfaction but is filed under "{level2}"; satisfaction has its own block, {target} (deducted under 绩效指标明确性 otherwise).',
      },
      inside: {
        zh: '“{name}”填在满意度指标下，但它衡量的不是满意度；满意度指标应反映服务对象对产出及其影响的满意程度，如“{example} ≥90%”。',
        en: '"{name}" is filed under 满意度指标 but does not measure satisfaction; that block holds how satisfied the people served are, e.g. "{example} ≥90%".',
      },
      ...MOVE_MESSAGES,
      replace: {
        zh: '改为“{after}”（指标值 {value}），满意度指标下另填的内容移到对应的产出或效益指标下',
        en: 'Replace it with "{after}" ({value}), moving what it measured to the matching output or effect block',
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
        if (verdict?.owner !== 'satisfaction-misfiled') return;
        const suggest: SuggestionDescriptor<MessageId>[] = [];
        const { to } = verdict;
        if (to) {
          suggest.push(
            moveSuggestion(indicator, declaration, to, lexicon, profile, locale),
          );
        }
        if (verdict.direction === 'into' && verdict.claim && to) {
          context.report({
            messageId: 'outside',
            data: misfiledData(indicator, verdict, to),
            at: indicator.name,
            suggest,
          });
          return;
        }
        const example = satisfactionName(indicator, declaration, lexicon);
        const taken = declaration.indicators.some((other) => nameOf(other) === example);
        if (!taken) {
          const value = indicator.value.unit === '%' && indicator.value.number !== undefined ? indicator.value.raw : '≥90%';
          suggest.push({
            messageId: 'replace',
            data: { after: example, value },
            edits: [...editOf(indicator.name, example), ...(value === indicator.value.raw ? [] : valueEdit(indicator, value))],
          });
        }
        context.report({ messageId: 'inside', data: { name: indicator.name.text, level2: filedUnder(indicator), example }, at: indicator.name, suggest });
      },
    };
  },
});
