import type { Declaration, Indicator } from '../src/model/declaration.js';
import { defineRule, type SuggestionDescriptor } from '../src/engine/rule.js';
import { foldWidth, normalizeUnit } from '../src/text/normalize.js';
import type { UnitKind } from './lexicon/types.js';
import { editOf, valueEdit } from './support/form.js';
import { isPunctuatedSentence, maskQuoted } from './support/naming.js';
import { kindsOfUnit } from './support/values.js';

/** Units a value is written in; longest first so 平方米 wins over 米 and 万元 over 元. */
const MEASURE_UNITS = ['平方公里', '平方千米', '平方米', '立方米', '万平方米', '平米', '㎡', '万亩', '亩', '公顷', '公里', '千米', '延米', '米', '亿元', '万元', '千元', '元', '万吨', '吨', '千克', '公斤'];
const COUNT_UNITS = ['个百分点', '%', '‰', '万人次', '人次', '人', '户', '个', '台', '套', '辆', '座', '株', '家', '项', '件', '册', '份', '间', '所', '处', '眼', '头', '只', '场', '张', '块', '条', '篇', '本', '部', '卷', '门', '课时', '学时', '天', '小时'];
const ALL_UNITS = [...MEASURE_UNITS, ...COUNT_UNITS].sort((a, b) => b.length - a.length);
const UNIT_ALT = ALL_UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');

/**
 * A figure with a unit (and a sign before it, maybe): ≥90%, 120平米, 490元/平米. Compound units take
 * a second unit or one or two characters after the slash.
 */
// A match starts only where a number starts and takes the whole number, and spaces count only after
// a sign: otherwise a run of 30 000 digits or spaces is tried from every position (quadratic).
const FIGURE = new RegExp(`(?:([≥≤><=≧≦]|不低于|不少于|不超过|不高于)\\s*)?(?<![\\d.])(\\d+(?:\\.\\d+)?)(?!\\d)\\s*((?:${UNIT_ALT})(?:/(?:${UNIT_ALT}|[\\u4e00-\\u9fff]{1,2}))?)`, 'gu');
/** A sign followed by a figure, with or without a unit: 完成率≥95. */
const SIGNED = /([≥≤><=≧≦])\s*(\d+(?:\.\d+)?)/gu;

/** After a figure, these make it part of what is counted (3000万元以上企业, 24小时内), not a target. */
const QUALIFYING_AFTER = /^(?:以上|以下|及以上|及以下|以内|内|规模|级|左右)/u;

export interface ValueInName {
  /** The figure as written in the name, sign included: "≥90%", "120平米". */
  written: string;
  operator?: string;
  figure: string;
  unit?: string;
  start: number;
  end: number;
}

const SIGN_NORMAL: Readonly<Record<string, string>> = { '≧': '≥', '≦': '≤', 不低于: '≥', 不少于: '≥', 不超过: '≤', 不高于: '≤' };

/**
 * The target value written into a name: a signed figure anywhere, a figure with a unit at the end
 * of the name or in a bracketed note there ("培训人数(≥200人)"), or a measure (area, length, money,
 * weight) in the middle. Years (2024年), ordinals (第8), Latin words (5G, PM2.5), quoted text
 * (“1535”) and figures that qualify what is counted (3000万元以上企业) are not values.
 */
export function valueInName(name: string): ValueInName | undefined {
  const text = maskQuoted(foldWidth(name));
  const candidates: ValueInName[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index!;
    const end = start + m[0].length;
    candidates.push({ written: m[0].trim(), figure: m[2]!, unit: m[3]!, start, end, ...(m[1] ? { operator: SIGN_NORMAL[m[1]] ?? m[1] } : {}) });
  }
  for (const m of text.matchAll(SIGNED)) {
    if (candidates.some((c) => c.start <= m.index! && m.index! < c.end)) continue;
    candidates.push({ written: m[0], operator: SIGN_NORMAL[m[1]!] ?? m[1]!, figure: m[2]!, start: m.index!, end: m.index! + m[0].length });
  }
  for (const c of candidates.sort((a, b) => a.start - b.start)) {
    const digitsAt = text.indexOf(c.figure, c.start);
    const before = text.slice(0, digitsAt);
    const after = text.slice(c.end);
    if (/第\s*$/u.test(before) || /[A-Za-z.]$/u.test(before) || /^[A-Za-z]/u.test(after)) continue;
    if (/^\d{4}$/u.test(c.figure) && /^(?:年|-|—|至)/u.test(text.slice(digitsAt + 4))) continue;
    if (c.operator) return c;
    if (QUALIFYING_AFTER.test(after)) continue;
    const rest = after.replace(/[)）\]】\s]+$/u, '');
    if (rest === '' || MEASURE_UNITS.some((u) => c.unit!.startsWith(u))) return c;
  }
  return undefined;
}

/** The name without the figure, and without the brackets or joiners left around it. */
export function nameWithoutValue(name: string, found: ValueInName): string {
  // Width folding keeps lengths, so positions found in the folded text hold in the name as written.
  const out = `${name.slice(0, found.start)}${name.slice(found.end)}`;
  // "(≥200人)" leaves "()": drop the empty brackets; "苗木成活率:" drops its joiner.
  return out
    .replace(/[(（]\s*[)）]/gu, '')
    .replace(/[\s:：,，、\-—]+$/u, '')
    .replace(/^[\s:：,，、]+/u, '')
    .replace(/\s{2,}/gu, ' ')
    .trim();
}

const MEASURE_NOUN: Partial<Record<UnitKind, string>> = { area: '面积', length: '长度', money: '金额', weight: '重量', volume: '容量', count: '数量', rate: '比例' };

export default defineRule({
  meta: {
    id: 'name-contains-value',
    category: 'naming',
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    docs: {
      description: {
        zh: '三级指标名称里不应写指标值、比较符号或单位（“饲料库120平米”“满意度(≥90%)”）',
        en: 'Indicator names carry no target value, sign or unit (饲料库120平米, 满意度(≥90%))',
      },
    },
    messages: {
      valueInName: {
        zh: '三级指标“{name}”的名称里写了指标值“{value}”：指标值和度量单位应填在指标值栏，写在名称里无法比对和打分，评价时按“绩效指标明确性”扣分。',
        en: 'The name "{name}" contains the value "{value}": the value and its unit belong in the value column, where they can be checked and scored.',
      },
      moveValue: {
        zh: '名称改为“{after}”，指标值填“{value}”',
        en: 'Rename to "{after}" and write "{value}" as the value',
      },
      dropValue: {
        zh: '名称改为“{after}”（指标值栏已写“{current}”）',
        en: 'Rename to "{after}" (the value column already says "{current}")',
      },
      splitRow: {
        zh: '名称中的“{value}”与指标值“{current}”不是同一个量：另设一条指标写它（如“{row}”，指标值“{value}”），本行名称改为“{after}”',
        en: 'The "{value}" in the name is not the value "{current}": give it a row of its own (e.g. "{row}", value "{value}") and rename this one "{after}"',
      },
    },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
  },
  create(context) {
    const { lexicon } = context;
    return {
      indicator(indicator: Indicator, _declaration: Declaration) {
        const text = indicator.name.text.trim();
        if (!text || /\*{2}|＊{2}|×{2}|[Xx]{2}/u.test(text)) return; // template-placeholder-left
        if (isPunctuatedSentence(text, lexicon)) return; // name-is-sentence
        const found = valueInName(text);
        if (!found) return;
        const after = nameWithoutValue(text, found);
        if (!after || after === text) return;
        const value = `${found.operator ?? ''}${found.figure}${found.unit ?? ''}`;
        const { value: current } = indicator;
        const unit = found.unit ? normalizeUnit(found.unit).unit : undefined;
        const sameFigure = current.kind === 'number' && current.number === Number(found.figure) && (!unit || !current.unit || current.unit === unit);
        type Id = 'moveValue' | 'dropValue' | 'splitRow';
        let suggestion: SuggestionDescriptor<Id>;
        if (current.kind === 'empty' || current.kind === 'placeholder') {
          suggestion = { messageId: 'moveValue', data: { after, value }, edits: [...editOf(indicator.name, after), ...valueEdit(indicator, value)] };
        } else if (sameFigure) {
          suggestion = { messageId: 'dropValue', data: { after, current: current.raw }, edits: editOf(indicator.name, after) };
        } else {
          const kind = unit ? kindsOfUnit(unit, lexicon)[0] : undefined;
          const row = `${after}${(kind && MEASURE_NOUN[kind]) ?? ''}`;
          suggestion = { messageId: 'splitRow', data: { after, value, current: current.raw, row }, edits: [] };
        }
        context.report({ messageId: 'valueInName', data: { name: text, value: found.written }, at: indicator.name, suggest: [suggestion] });
      },
    };
  },
});
