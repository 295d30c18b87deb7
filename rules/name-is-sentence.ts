import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import type { Locale } from '../src/i18n/read-messages.js';
import { findAll, findFirst, unitKindOfName } from './lexicon/match.js';
import type { Lexicon } from './lexicon/types.js';
import { editOf, valueEdit } from './support/form.js';
import { benefitCue, goalBenefitTargets, goalFigures, quoteOf, sentenceShape, vagueEffectOf, type GoalTarget, type SentenceShape } from './support/naming.js';

/** Words that open a clause and say only "more" or "better": 提高森林覆盖率 → 森林覆盖率. */
const DIRECTION_WORDS = /^(?:进一步|不断|持续|逐步|稳步|有效|显著|明显|大幅|切实|全面|积极)*(?:提高|提升|增加|增强|扩大|改善|促进|推动|加强|优化|保持|巩固|降低|减少)/u;

/** Two-character words too common to tie a sentence to a goal. */
const COMMON_PAIRS = /^(?:提高|提升|增加|改善|促进|推动|项目|地区|周边|进一|一步|显著|有效|明显|发展|工作|建设|服务|管理|实施|全面|持续|群众|相关)$/u;

function reasonText(shape: SentenceShape, locale: Locale): string {
  if (locale === 'zh') {
    if (shape.reason === 'punctuation') return `用“${shape.detail}”断成了句子`;
    if (shape.reason === 'slogan') return `是“${shape.detail}”一类的口号`;
    return `长达${shape.detail}字、含多个动作，却没有可衡量的对象`;
  }
  if (shape.reason === 'punctuation') return `it is broken into clauses by "${shape.detail}"`;
  if (shape.reason === 'slogan') return `it is a slogan ("${shape.detail}")`;
  return `it runs to ${shape.detail} characters with several actions and nothing to measure`;
}

/** A goal target that speaks of the same thing as the sentence: the same 效益 cue word, or a shared two-character word. */
function relevant(target: GoalTarget, sentence: string, lexicon: Lexicon): boolean {
  const cue = benefitCue(sentence, lexicon);
  if (cue && target.cue === cue.match.matched) return true;
  const chars = [...sentence.replace(/[^\u4e00-\u9fff]/gu, '')];
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    if (!COMMON_PAIRS.test(pair) && target.quote.text.includes(pair)) return true;
  }
  return false;
}

/** A rate stated in the goals for a rate name: 森林覆盖率 … 45% → ≥45%. */
function rateFromGoals(rateName: string, declaration: Declaration, lexicon: Lexicon): string | undefined {
  const ending = rateName.slice(-3);
  const found = goalFigures(declaration, lexicon).filter((f) => f.unit === '%' && f.clause.includes(ending));
  const numbers = new Set(found.map((f) => f.number));
  if (numbers.size !== 1) return undefined;
  return `${found[0]!.operator ?? '≥'}${found[0]!.figure}%`;
}

export default defineRule({
  meta: {
    id: 'name-is-sentence',
    category: 'naming',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '三级指标名称不应是一句话或口号（“增加就业机会，提高农民收入。”），应是可衡量的名称',
        en: 'Indicator names are measurable names, not sentences or slogans',
      },
    },
    messages: {
      sentence: {
        zh: '三级指标“{name}”是一句话，不是指标名称（{reason}）：看不出衡量什么，也无法与指标值对应打分，评价时按“绩效指标明确性”扣分。请改为“可衡量的名称 + 指标值”，一条指标只衡量一件事。',
        en: 'The name "{name}" is a sentence, not an indicator ({reason}): it says nothing measurable and cannot be scored against a value. Write a measurable name plus a value, one thing per row.',
      },
      useGoalTarget: {
        zh: '改为“{after}”，指标值“{value}”（{evidence}）',
        en: 'Rename to "{after}" with the value "{value}" ({evidence})',
      },
      useRate: {
        zh: '改为“{after}”{value}',
        en: 'Rename to "{after}"{value}',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxLength: { type: 'integer', minimum: 8, description: '名称（去掉括注后）超过这么多字、又含两个以上动作且没有可衡量的结尾时，视为句子' },
      },
    },
    defaultOptions: { maxLength: 20 },
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    type Suggest = SuggestionDescriptor<'useGoalTarget' | 'useRate'>;
    return {
      indicator(indicator: Indicator, declaration: Declaration) {
        const text = indicator.name.text.trim();
        if (!text) return;
        const shape = sentenceShape(text, lexicon, context.options.maxLength);
        if (!shape) return;
        // A vague 效益 phrase that is not punctuated as a sentence is vague-effect-indicator's.
        if (shape.reason !== 'punctuation' && vagueEffectOf(indicator, lexicon, profile)) return;

        const suggest: Suggest[] = [];
        const sentence = shape.clauses.join('');
        for (const target of goalBenefitTargets(declaration, lexicon)) {
          if (!relevant(target, sentence, lexicon)) continue;
          suggest.push({
            messageId: 'useGoalTarget',
            data: { after: target.name, value: target.value, evidence: quoteOf(target.quote, locale) },
            edits: [...editOf(indicator.name, target.name), ...valueEdit(indicator, target.value)],
          });
        }
        // A clause that is "提高 + a rate" names its own measure: 提高森林覆盖率 → 森林覆盖率.
        for (const clause of shape.clauses) {
          const rest = clause.replace(DIRECTION_WORDS, '').replace(/^(?:的|了)/u, '');
          if (rest === clause || rest.length < 3 || unitKindOfName(rest, lexicon)?.kind !== 'rate') continue;
          // 满意度 belongs in the 满意度 block, not in this row (satisfaction-misfiled).
          if (findAll(lexicon.vague.abstractNouns, rest).length > 0 || findFirst(lexicon.cues.satisfaction, rest) || suggest.some((s) => s.data?.after === rest)) continue;
          const value = rateFromGoals(rest, declaration, lexicon);
          const note = value ? (locale === 'zh' ? `，指标值“${value}”` : `, value "${value}"`) : locale === 'zh' ? '，指标值写明目标比率（如“≥N%”）' : ', with a target rate as the value (e.g. "≥N%")';
          suggest.push({ messageId: 'useRate', data: { after: rest, value: note }, edits: [...editOf(indicator.name, rest), ...(value ? valueEdit(indicator, value) : [])] });
        }
        context.report({ messageId: 'sentence', data: { name: text, reason: reasonText(shape, locale) }, at: indicator.name, suggest: suggest.slice(0, 3) });
      },
    };
  },
});
