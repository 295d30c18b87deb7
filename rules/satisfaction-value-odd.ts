import { defineRule } from '../src/engine/rule.js';
import { findFirst } from './lexicon/match.js';
import { nameOf, placementOf } from './support/form.js';
import { formatFigure, rewriteValue, unitClashOf } from './support/values.js';

export default defineRule({
  meta: {
    id: 'satisfaction-value-odd',
    category: 'values',
    defaultSeverity: 'info',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '满意度指标值宜写“≥90%”一类：带“≥”、不写“=100%”、不过低、以%计',
        en: 'Satisfaction targets read like "≥90%": with ≥, not "=100%", not too low, in %',
      },
    },
    messages: {
      noOperator: {
        zh: '满意度“{name}”的指标值“{value}”没有比较符号，会被理解为“恰好等于{figure}%”；满意度是抽样调查结果，应写作“≥{figure}%”。',
        en: 'The satisfaction target "{value}" of "{name}" has no sign and reads as exactly {figure}%; write "≥{figure}%".',
      },
      exactly: {
        zh: '满意度“{name}”的指标值“{value}”要求恰好等于{figure}%；满意度是抽样调查结果，应写作“≥{figure}%”。',
        en: 'The satisfaction target "{value}" of "{name}" asks for exactly {figure}%; write "≥{figure}%".',
      },
      hundred: {
        zh: '满意度“{name}”的目标“{value}”要求人人满意，抽样调查几乎不可能做到，评审视为目标不合理；常见写法是“≥{suggested}%”。',
        en: 'The satisfaction target "{value}" of "{name}" asks for everyone to be satisfied, which no survey delivers; "≥{suggested}%" is usual.',
      },
      low: {
        zh: '满意度“{name}”的目标“{value}”偏低（低于{minimum}%），看不出项目要达到的服务水平；常见写法是“≥{suggested}%”，如确有依据请在设定依据中说明。',
        en: 'The satisfaction target "{value}" of "{name}" is low (under {minimum}%); "≥{suggested}%" is usual — give the reason in the basis column if it is deliberate.',
      },
      unitNotPercent: {
        zh: '满意度“{name}”的指标值以“{unit}”计，满意度一般按满意人数占调查人数的百分比计算，应以“%”计，如“≥{suggested}%”。',
        en: 'The satisfaction target of "{name}" is in "{unit}"; satisfaction is a share of respondents, in %, such as "≥{suggested}%".',
      },
      write: {
        zh: '改为“{after}”',
        en: 'Write "{after}"',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minimum: { type: 'number', minimum: 0, maximum: 100, description: '低于此值（%）的满意度目标提示偏低' },
        suggested: { type: 'number', minimum: 0, maximum: 100, description: '建议写法中的满意度目标（%）' },
      },
    },
    defaultOptions: { minimum: 80, suggested: 90 },
  },
  create(context) {
    const { lexicon, profile } = context;
    const minimum = context.options.minimum ?? 80;
    const suggested = context.options.suggested ?? 90;
    return {
      indicator(indicator) {
        const { value } = indicator;
        if (value.kind !== 'number' || value.number === undefined) return;
        const name = nameOf(indicator);
        if (!name) return;
        const satisfaction = placementOf(indicator, lexicon, profile).family === 'satisfaction' || findFirst(lexicon.cues.satisfaction, name) !== undefined;
        if (!satisfaction) return;
        const { operator, number } = value;
        // ≤ / < on a satisfaction target: wrong-comparison-direction. A target of 0: placeholder-or-null-value.
        if (operator === '≤' || operator === '<' || number === 0) return;
        const at = value.at ?? indicator.name;
        const written = value.parts ? value.raw : value.raw.trim();
        const write = (n: number) => {
          const after = `≥${formatFigure(n)}%`;
          return [{ messageId: 'write' as const, data: { after }, edits: rewriteValue(indicator, { operator: '≥', number: formatFigure(n), unit: '%' }) }];
        };

        if (value.unit !== '%') {
          // No unit: missing-unit. A unit of another known kind (人, 元): unit-mismatch.
          if (value.unit === undefined || unitClashOf(indicator, lexicon)) return;
          context.report({ messageId: 'unitNotPercent', data: { name: indicator.name.text, unit: value.unitText ?? value.unit, suggested }, at, suggest: write(number <= 100 && number >= minimum ? number : suggested) });
          return;
        }
        if (number >= 100) {
          context.report({ messageId: 'hundred', data: { name: indicator.name.text, value: written, suggested }, at, suggest: write(suggested) });
          return;
        }
        if (number < minimum) {
          context.report({ messageId: 'low', data: { name: indicator.name.text, value: written, minimum, suggested }, at, suggest: write(suggested) });
          return;
        }
        if (operator === undefined || operator === '=') {
          const figure = formatFigure(number);
          context.report({ messageId: operator ? 'exactly' : 'noOperator', data: { name: indicator.name.text, value: written, figure }, at, suggest: write(number) });
        }
      },
    };
  },
});
