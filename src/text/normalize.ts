/**
 * Width folding and the operator / unit vocabularies of target values. Pure and isomorphic: the
 * tables are plain data so rules can reuse them (e.g. to spot a unit or a symbol inside a name).
 */

import type { Operator } from '../model/declaration.js';

/**
 * Full-width ASCII (U+FF01–FF5E) → ASCII and the ideographic space → space. Deliberately not NFKC:
 * NFKC would also rewrite ㎡ → m2, ① → 1 and ™ → TM, which changes what the form says.
 */
export function foldWidth(s: string): string {
  // One regex pass, and none at all for the usual text: building the result character by character
  // made megabyte cells (hostile files) spend seconds in the garbage collector.
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

/** Where an operator word stands relative to the figure: `不少于30` vs `30以上`. */
export type OperatorPosition = 'prefix' | 'suffix';

export interface OperatorWord {
  written: string;
  operator: Operator;
  position: OperatorPosition;
}

function words(operator: Operator, position: OperatorPosition, list: string[]): OperatorWord[] {
  return list.map((written) => ({ written, operator, position }));
}

/**
 * Every operator spelling seen on forms. Full-width spellings (＞＝) are listed for readers of the
 * table; lookups fold width first, so they also match as `>=`. `前` / `内` are not here: they only
 * mean ≤ after a date or a duration (see locate/value.ts).
 */
export const OPERATOR_WORDS: readonly OperatorWord[] = [
  ...words('≥', 'prefix', ['≥', '>=', '≧', '⩾', '＞＝', '=>', '≮', '不低于', '不少于', '不小于', '大于等于', '大于或等于', '至少', '不早于']),
  ...words('≥', 'suffix', ['以上', '及以上']),
  ...words('≤', 'prefix', ['≤', '<=', '≦', '⩽', '＜＝', '=<', '≯', '不高于', '不超过', '不多于', '不大于', '小于等于', '小于或等于', '不晚于']),
  ...words('≤', 'suffix', ['以内', '以下', '及以下']),
  ...words('=', 'prefix', ['=', '＝', '==', '等于', '达到']),
  ...words('>', 'prefix', ['>', '＞', '大于', '超过', '高于']),
  ...words('<', 'prefix', ['<', '＜', '小于', '低于']),
];

const OPERATOR_BY_WRITTEN: ReadonlyMap<string, OperatorWord> = new Map(
  OPERATOR_WORDS.map((w) => [foldWidth(w.written), w] as const),
);

/** Operator spellings ordered longest first, so `大于等于` wins over `大于` and `>=` over `>`. */
export const OPERATOR_WORDS_LONGEST_FIRST: readonly OperatorWord[] = [...OPERATOR_WORDS]
  .map((w) => ({ ...w, written: foldWidth(w.written) }))
  .filter((w, i, all) => all.findIndex((o) => o.written === w.written) === i)
  .sort((a, b) => b.written.length - a.written.length);

/**
 * An operator cell or token on its own (`>=`, `不少于`, `以上`). `written` is the width-folded token
 * without whitespace, i.e. the form parseValue reports in `operatorText`. Anything else (including
 * 定性 / 定量) → undefined.
 */
export function normalizeOperator(text: string): { operator: Operator; written: string } | undefined {
  const written = foldWidth(text).replace(/\s+/g, '');
  const hit = OPERATOR_BY_WRITTEN.get(written);
  return hit ? { operator: hit.operator, written } : undefined;
}

/**
 * Unit spellings → normal form, applied to each part of a compound unit (`元/㎡` → `元/平方米`).
 * Keys are width-folded (％ is looked up as %).
 */
export const UNIT_ALIASES: Readonly<Record<string, string>> = {
  百分比: '%',
  百分率: '%',
  平米: '平方米',
  平方: '平方米',
  '㎡': '平方米',
  'm²': '平方米',
  m2: '平方米',
  '㎞': '公里',
  km: '公里',
  KM: '公里',
  Km: '公里',
  立方: '立方米',
  '㎥': '立方米',
  'm³': '立方米',
  m3: '立方米',
};

/** Aliases that apply only to the whole unit: `250万` means 万元, but `万/月` stays as written. */
export const WHOLE_UNIT_ALIASES: Readonly<Record<string, string>> = {
  万: '万元',
};

/** Separators inside compound units: 元/亩, 元/人·月, 元/人*月. */
const UNIT_JOINERS = /([/·*•・∙])/;

/**
 * A unit as written (`百分比`, `(%)`, `㎡`, `250万`'s `万`) → its normal form. Unknown units are kept
 * as written; `written` is the width-folded, trimmed text.
 */
export function normalizeUnit(text: string): { unit: string; written: string } {
  const written = foldWidth(text).trim();
  let inner = written;
  // `(%)` / `（%）`: the brackets only say "this is the unit".
  if (inner.length > 2 && inner.startsWith('(') && inner.endsWith(')')) inner = inner.slice(1, -1).trim();
  const whole = WHOLE_UNIT_ALIASES[inner];
  if (whole !== undefined) return { unit: whole, written };
  const unit = inner
    .split(UNIT_JOINERS)
    .map((part) => UNIT_ALIASES[part] ?? part)
    .join('');
  return { unit, written };
}
