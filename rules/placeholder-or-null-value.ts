import type { Indicator } from '../src/model/declaration.js';
import { defineRule } from '../src/engine/rule.js';
import { polarityOf, unitKindOfName } from './lexicon/match.js';
import { nameOf, placementOf } from './support/form.js';
import { namesUnwantedOutcome, nullLikeValue } from './support/values.js';

export default defineRule({
  meta: {
    id: 'placeholder-or-null-value',
    category: 'values',
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '指标值不应是“/”“——”“无”“待定”等空值，也不应是 0（“安全事故 0 起”这类越少越好的指标除外）',
        en: 'Target values are not "/", "——", "无", "待定" or 0 (except 0 for things to avoid, such as accidents)',
      },
    },
    messages: {
      nullValue: {
        zh: '“{name}”的指标值“{value}”等于没有填写：没有目标值就无法衡量和评价，审核按“无缺项、错项”退回；请填写目标值，不适用的指标应删除整行。',
        en: 'The value "{value}" of "{name}" is no target at all; state a target, or delete the row if the indicator does not apply.',
      },
      zero: {
        zh: '“{name}”的目标值是“{value}”，等于计划不做这件事；0 只适合“安全事故 0 起”这类越少越好的指标。请填写计划达到的数值。',
        en: 'The target of "{name}" is "{value}", i.e. nothing is planned; 0 only fits things to avoid (0 accidents). State the planned figure.',
      },
      zeroAtLeast: {
        zh: '“{name}”的目标值“{value}”任何结果都能满足，等于没有目标；请填写计划达到的数值。',
        en: 'Any result meets "{value}" for "{name}", so it sets no target; state the planned figure.',
      },
      fillIn: {
        zh: '填写目标值，如“{example}”；不适用的指标删除整行',
        en: 'State a target such as "{example}"; delete the row if it does not apply',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon, profile } = context;
    /** 社会成本 / 生态环境成本 rows name harm done: "无" or 0 says none is expected. */
    const harmRow = (indicator: Indicator) => {
      const kind = placementOf(indicator, lexicon, profile).kind;
      return kind === 'socialCost' || kind === 'ecologicalCost';
    };

    const fillIn = (indicator: Indicator) => {
      const name = nameOf(indicator);
      const kind = unitKindOfName(name, lexicon);
      const negative = polarityOf(name, lexicon)?.polarity === 'negative';
      const unit = indicator.value.unit ?? kind?.unit ?? '';
      const example = `${negative ? '≤' : '≥'} N${unit ? ` ${unit}` : ''}`;
      return [{ messageId: 'fillIn' as const, data: { example }, edits: [] }];
    };

    return {
      indicator(indicator) {
        const { value } = indicator;
        const name = nameOf(indicator);
        const at = value.at ?? indicator.name;
        const nullLike = nullLikeValue(indicator);
        if (nullLike) {
          // "无" for 安全事故 / 投诉 / 污染 means none happened: a target like 0 起.
          if (nullLike.kind === 'word' && (namesUnwantedOutcome(indicator) || harmRow(indicator))) return;
          context.report({ messageId: 'nullValue', data: { name: indicator.name.text, value: nullLike.text }, at, suggest: fillIn(indicator) });
          return;
        }
        if (value.kind !== 'number' || value.number !== 0 || !name) return;
        const { operator } = value;
        // 投诉率 0%, 故障停课 0 节: less is better, 0 is the best target. A cost of 0 is no plan at all.
        const moneyKind = ['money', 'unitCost'].includes(unitKindOfName(name, lexicon)?.kind ?? '');
        const unwanted = namesUnwantedOutcome(indicator) || harmRow(indicator) || (polarityOf(name, lexicon)?.polarity === 'negative' && !moneyKind);
        if (operator === '≥' || operator === '>') {
          // A negative name with ≥ is wrong-comparison-direction's to say.
          if (polarityOf(name, lexicon)?.polarity === 'negative') return;
          context.report({ messageId: 'zeroAtLeast', data: { name: indicator.name.text, value: value.raw.trim() }, at, severity: 'warning', suggest: fillIn(indicator) });
          return;
        }
        if (unwanted) return;
        context.report({ messageId: 'zero', data: { name: indicator.name.text, value: value.raw.trim() }, at, severity: 'warning', suggest: fillIn(indicator) });
      },
    };
  },
});
