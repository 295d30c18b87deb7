import type { Indicator, Operator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { polarityOf } from './lexicon/match.js';
import { editOf, nameOf, placementOf } from './support/form.js';
import { isCostRow, operatorEdits, uninformativeCostRows } from './support/values.js';
import type { Lexicon } from './lexicon/types.js';
import type { Placement } from './support/form.js';

type Direction = 'positive' | 'negative';

/** Counts and measures: more is better for an output, but under 成本 they are a cost kept low (占用耕地面积). */
const MEASURE_ENDING = /^(?:数量|人数|人次|户数|次数|场次|面积|长度|里程|数)$/u;
/** Time endings that are ≤ as waits and deadlines (响应时间, 时长, 工期). */
const TIME_ENDING = /(?:时间|时长|时限|工期|周期)$/u;
/** Under 成本 a ratio of actual to budget is a cap (rule-catalog R25 FP: 成本控制率 ≤ 100%). */
const BUDGET_RATIO = /(?:控制率|执行率|完成率)$/u;

interface Expected {
  direction: Direction;
  /** Why: the name's ending, or the row being a cost. */
  reason: { kind: 'name'; word: string } | { kind: 'cost' };
}

/** The comparison a row calls for, from its name's ending and its place under 成本. */
function expectedDirection(name: string, placement: Placement, lexicon: Lexicon): Expected | undefined {
  const polarity = polarityOf(name, lexicon);
  if (isCostRow(placement)) {
    if (!polarity || BUDGET_RATIO.test(name) || (polarity.polarity === 'positive' && MEASURE_ENDING.test(polarity.match.matched))) {
      return { direction: 'negative', reason: { kind: 'cost' } };
    }
  }
  if (!polarity || polarity.polarity === 'equal') return undefined;
  // Under 数量 a length of time is work done (培训时长 ≥40学时), not a wait to keep short.
  if (placement.kind === 'quantity' && polarity.polarity === 'negative' && TIME_ENDING.test(polarity.match.matched)) return undefined;
  return { direction: polarity.polarity, reason: { kind: 'name', word: polarity.match.matched } };
}

/** 正向 / 反向 as written in an 指标方向性 column (正向指标, 反向, 越大越好 …). */
function columnDirection(text: string | undefined): Direction | undefined {
  if (!text) return undefined;
  if (/反向|越小越好|越低越好/u.test(text)) return 'negative';
  if (/正向|越大越好|越高越好/u.test(text)) return 'positive';
  return undefined;
}

function directionOf(operator: Operator | undefined): Direction | undefined {
  if (operator === '≥' || operator === '>') return 'positive';
  if (operator === '≤' || operator === '<') return 'negative';
  return undefined;
}

const SIGN: Record<Direction, Operator> = { positive: '≥', negative: '≤' };

export default defineRule({
  meta: {
    id: 'wrong-comparison-direction',
    category: 'values',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '比较符号应与指标方向一致：成本、费用用 ≤，合格率、满意度等正向指标用 ≥，投诉率、事故率等反向指标用 ≤',
        en: 'The comparison matches the indicator’s direction: ≤ for costs and failure rates, ≥ for pass rates and satisfaction',
      },
    },
    messages: {
      againstName: {
        zh: '“{name}”是{expected}指标（{reason}），指标值却用“{operator}”，方向反了，评审按“绩效指标合理性”扣分；应改为“{sign}”。',
        en: '"{name}" is a {expected} indicator ({reason}) but its value uses "{operator}"; use "{sign}".',
      },
      againstColumn: {
        zh: '指标方向性写的是“{direction}”，指标值却用“{operator}”，表内自相矛盾；应改为“{sign}”。',
        en: 'The direction column says "{direction}" but the value uses "{operator}"; use "{sign}".',
      },
      columnWrong: {
        zh: '指标方向性写的是“{direction}”，但“{name}”是{expected}指标（{reason}），指标值“{operator}”也是这个方向，表内自相矛盾；方向性应为“{fixed}”。',
        en: 'The direction column says "{direction}" but "{name}" is a {expected} indicator ({reason}), as its "{operator}" says; the column should read "{fixed}".',
      },
      flipOperator: {
        zh: '把比较符号改为“{sign}”',
        en: 'Change the comparison to "{sign}"',
      },
      fixColumn: {
        zh: '把指标方向性改为“{fixed}”',
        en: 'Change the direction column to "{fixed}"',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile, locale } = context;
    const WORDS = {
      zh: { positive: '越高越好的正向', negative: '越低越好的反向', cost: '成本类指标填的是控制上限', ending: (w: string) => `名称以“${w}”结尾` },
      en: { positive: 'positive (more is better)', negative: 'negative (less is better)', cost: 'a cost states an upper limit', ending: (w: string) => `its name ends in "${w}"` },
    }[locale];
    const reasonText = (e: Expected) => (e.reason.kind === 'cost' ? WORDS.cost : WORDS.ending(e.reason.word));

    return {
      indicator(indicator: Indicator, declaration) {
        const { value } = indicator;
        // A cost stated only as a rate on a form with no amount: cost-indicator-uninformative rewrites the whole row.
        if (uninformativeCostRows(declaration, lexicon, profile).includes(indicator)) return;
        if (value.kind !== 'number' && value.kind !== 'duration' && value.kind !== 'date') return;
        // 9月前 / 10个工作日内: a deadline's ≤ comes from the word itself, not a sign to flip.
        if (value.qualifier === 'before' || value.qualifier === 'within') return;
        const written = directionOf(value.operator);
        if (!written || !value.operator) return;
        const name = nameOf(indicator);
        const expected = name ? expectedDirection(name, placementOf(indicator, lexicon, profile), lexicon) : undefined;
        const column = columnDirection(indicator.direction?.text);
        const at = value.parts && value.operatorAt ? value.operatorAt : (value.at ?? indicator.name);

        if (column && column !== written) {
          if (expected?.direction === written && indicator.direction) {
            // The sign and the name agree: the 方向性 cell is the one that is wrong.
            const fixed = indicator.direction.text.replace(column === 'positive' ? '正向' : '反向', written === 'positive' ? '正向' : '反向');
            const fixedText = fixed === indicator.direction.text ? (written === 'positive' ? '正向指标' : '反向指标') : fixed;
            context.report({
              messageId: 'columnWrong',
              data: { direction: indicator.direction.text, name: indicator.name.text, expected: WORDS[expected.direction], reason: reasonText(expected), operator: value.operator, fixed: fixedText },
              at: indicator.direction,
              severity: 'error',
              suggest: [{ messageId: 'fixColumn', data: { fixed: fixedText }, edits: editOf(indicator.direction, fixedText) }],
            });
            return;
          }
          const sign = SIGN[column];
          context.report({
            messageId: 'againstColumn',
            data: { direction: indicator.direction!.text, operator: value.operator, sign },
            at,
            severity: 'error',
            suggest: [{ messageId: 'flipOperator', data: { sign }, edits: operatorEdits(indicator, sign) }],
          });
          return;
        }
        if (!expected || expected.direction === written) return;
        const sign = SIGN[expected.direction];
        context.report({
          messageId: 'againstName',
          data: { name: indicator.name.text, expected: WORDS[expected.direction], reason: reasonText(expected), operator: value.operator, sign },
          at,
          suggest: [{ messageId: 'flipOperator', data: { sign }, edits: operatorEdits(indicator, sign) }],
        });
      },
    };
  },
});
