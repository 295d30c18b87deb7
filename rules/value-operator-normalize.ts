import type { CellRef } from '../src/model/cell.js';
import { defineRule } from '../src/engine/rule.js';

/** Symbol spellings that mean ≥ / ≤ / = but are not the standard sign (ASCII pairs, ≧ ≦ ⩾ ⩽, full width). */
const SYMBOLS: [RegExp, string][] = [
  [/^(?:>=|=>|≧|⩾|＞＝|＞=|>＝|≮)/, '≥'],
  [/^(?:<=|=<|≦|⩽|＜＝|＜=|<＝|≯)/, '≤'],
  [/^(?:==|＝)/, '='],
  [/^＞/, '>'],
  [/^＜/, '<'],
];

const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * The standard spelling of a value cell: standard comparison sign at the start, half-width digits
 * and decimal point, `%` for ％ / 百分比 / (%) right after a figure. Words such as 不低于 or 以上 are
 * correct Chinese and are left alone; so is everything that is not a figure's notation.
 */
export function normalizeValueNotation(text: string): string {
  let out = text.trim();
  for (const [re, sign] of SYMBOLS) {
    if (re.test(out)) {
      out = out.replace(re, sign);
      break;
    }
  }
  out = out.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  out = out.replace(/(\d)．(?=\d)/g, '$1.');
  out = out.replace(/(\d)\s*(?:％|百分比|百分率|[(（]\s*[%％]\s*[)）])/g, '$1%').replace(/(\d)\s+%/g, '$1%');
  // A sign followed by spaces before the figure: "≥ 90%" → "≥90%".
  out = out.replace(/^([≥≤=<>])\s+(?=[\d.])/, '$1');
  return out;
}

export default defineRule({
  meta: {
    id: 'value-operator-normalize',
    category: 'values',
    defaultSeverity: 'info',
    recommended: true,
    fixable: true,
    docs: {
      description: {
        zh: '指标值的比较符号和数字应使用标准写法（≥ ≤ =、半角数字、%）',
        en: 'Target values use the standard notation (≥ ≤ =, half-width digits, %)',
      },
    },
    messages: {
      notation: {
        zh: '“{before}”应写作“{after}”：比较符号和数字请用标准写法，系统才能识别和汇总。',
        en: '"{before}" should be written "{after}": standard signs and digits let systems read and total the value.',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const check = (text: string | undefined, at: CellRef | undefined) => {
      if (!text || !at) return;
      const after = normalizeValueNotation(text);
      if (after === text.trim()) return;
      context.report({ messageId: 'notation', data: { before: text.trim(), after }, at, fix: [{ sheet: at.sheet, a1: at.a1, before: text, after }] });
    };
    return {
      indicator(indicator) {
        const { value } = indicator;
        if (value.parts) {
          // Split columns: the sign and the figure sit in cells of their own.
          check(value.parts.operator, value.operatorAt);
          check(value.parts.value, value.at);
        } else check(value.raw, value.at);
      },
    };
  },
});
