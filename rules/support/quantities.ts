/**
 * Figures in prose and in values, put on one scale so they can be compared: "36万人次" in a goal is
 * the 360000 人次 of an indicator written ≥36万人次; "349.80万元" is the 3,498,000 元 of a header in
 * 元. Used by the goal and budget rules (R33, R34, R35, R38). Isomorphic, linear-time.
 */
import { distance } from 'fastest-levenshtein';
import type { Operator } from '../../src/model/declaration.js';
import { foldWidth, normalizeUnit } from '../../src/text/normalize.js';
import { cleanName, unitKindsOf } from '../lexicon/match.js';
import type { Lexicon, UnitKind } from '../lexicon/types.js';

// ── scales ────────────────────────────────────────────────────────────────────────────────────

const MAGNITUDES: readonly [string, number][] = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
];

/** Spellings of one unit: people are counted in 人, 名 or 位; 千米 is 公里. */
const SAME_UNIT: Readonly<Record<string, string>> = { 名: '人', 位: '人', 千米: '公里', 平方千米: '平方公里', 千克: '公斤', 延米: '米', 个百分点: '百分点', 千元: '元' };
const UNIT_FACTOR: Readonly<Record<string, number>> = { 千元: 1000 };

export interface Scaled {
  /** The figure in the base unit: 36 万人次 → 360000. */
  value: number;
  /** 人次, 元, 亩, 元/公里, % … */
  base: string;
  /** What the base unit measures (money, area, count …); undefined for units the lexicon does not know. */
  kind?: UnitKind;
}

/** A figure and its unit as written (万人次, 万元/公里, 平米, 万) → the base unit and the figure on it. */
export function scaleFigure(number: number, unit: string | undefined, lexicon: Lexicon): Scaled | undefined {
  if (!Number.isFinite(number)) return undefined;
  let written = normalizeUnit(unit ?? '').unit.replace(/^\((.*)\)$/u, '$1');
  if (written === '') return { value: number, base: '' };
  const slash = written.search(/[/·]/u);
  const head = slash < 0 ? written : written.slice(0, slash);
  const tail = slash < 0 ? '' : written.slice(slash);
  let factor = 1;
  let base = head;
  for (const [prefix, times] of MAGNITUDES) {
    if (head.startsWith(prefix)) {
      factor = times;
      base = head.slice(prefix.length) || '元'; // 250万 means 万元
      break;
    }
  }
  factor *= UNIT_FACTOR[base] ?? 1;
  base = (SAME_UNIT[base] ?? base) + tail;
  written = base;
  const kinds = unitKindsOf(written, lexicon);
  const kind = kinds.includes('unitCost') ? 'unitCost' : kinds[0];
  return { value: number * factor, base, ...(kind ? { kind } : {}) };
}

/** Two figures are the same amount (relative tolerance for rounding such as 0.6万亩 = 6000亩). */
export function sameAmount(a: number, b: number, relative = 1e-6): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * relative + 1e-9;
}

/** A figure as a person writes it: no float noise, no trailing zeros (0.6, 150, 1.06). */
export function formatFigure(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(6)));
}

/** The figure expressed in another unit of the same base: 360000 人次 in 万人次 → 36. */
export function inUnitOf(value: number, unit: string | undefined, lexicon: Lexicon): number | undefined {
  const one = scaleFigure(1, unit, lexicon);
  return one && one.value !== 0 ? value / one.value : undefined;
}

// ── figures in prose ──────────────────────────────────────────────────────────────────────────

/**
 * Units a goal sentence puts after a figure, longest first. Years, months and days are left out on
 * purpose: 2024年, 9月30日 are dates, not targets.
 */
const PROSE_UNITS = [
  '个百分点', '百分点', '个工作日', '工作日', '个季度', '个月', '小时', '分钟',
  '平方公里', '平方千米', '平方米', '平米', '万亩', '亩', '公顷', '公里', '千米', '延米', '米', 'km',
  '立方米', '万吨', '吨', '公斤', '千克',
  '亿元', '万元', '千元', '元',
  '人次', '户次', '台套', '台次', '辆次', '场次', '课时', '学时',
  '个', '家', '项', '台', '套', '辆', '件', '份', '篇', '册', '本', '部', '张', '株', '棵', '座', '处', '眼', '条', '笔', '门',
  '人', '名', '位', '户', '所', '次', '场', '期', '批', '班', '种', '间', '栋', '幢', '床', '宗', '例', '头', '只', '天',
  '%', '‰',
];

const UNIT_ALTERNATION = PROSE_UNITS.join('|');
/** A figure (12,000 / 0.6 / 150), a magnitude, a unit. Bounded pieces only: linear-time. */
const FIGURE = new RegExp(`(?<![\\d.,A-Za-z第])(\\d{1,3}(?:,\\d{3})+|\\d{1,12})(?:\\.(\\d{1,6}))?\\s?(千万|百万|十万|亿|万)?(?:(${UNIT_ALTERNATION})(/[\\u4e00-\\u9fff]{1,3})?)?`, 'gu');

/** Clause ends, width-folded (， is , by then); a comma between digits is a thousands separator. */
const CLAUSE_END = /[。;:!?\n、]/u;
const isClauseEnd = (text: string, i: number): boolean => CLAUSE_END.test(text[i]!) || (text[i] === ',' && !(/\d/u.test(text[i - 1] ?? '') && /\d/u.test(text[i + 1] ?? '')));
/** Longest first: 不超过 before 超过. */
const PREFIX_OPERATORS: readonly [string, Operator][] = [
  ['大于等于', '≥'], ['不少于', '≥'], ['不低于', '≥'], ['不小于', '≥'], ['不超过', '≤'], ['不高于', '≤'], ['不多于', '≤'],
  ['不大于', '≤'], ['控制在', '≤'], ['至少', '≥'], ['超过', '>'], ['低于', '<'],
];
const SUFFIX_OPERATORS: readonly [string, Operator][] = [['及以上', '≥'], ['以上', '≥'], ['及以下', '≤'], ['以下', '≤'], ['以内', '≤'], ['之内', '≤'], ['内', '≤']];
/** Words between a noun and its figure that carry no meaning for matching (达到90%, 约8600名). */
const LINKING_WORDS = /(?:大于等于|不少于|不低于|不小于|不超过|不高于|不多于|不大于|控制在|提高到|提高至|提升到|提升至|增长到|增长至|增加到|增加至|达到|达|至少|超过|低于|约|共计|共|累计|合计|总计|为|到|至|在)$/u;
/** Framing in front of a goal clause: 目标1, years, 力争, 确保 … */
const FRAMING = /^(?:目标\d{1,2}|\d{4}(?:年度?|—|-)|\d{1,2}月(?:\d{1,2}日)?(?:前|底|末)?|全年|年内|当年|本年度?|今年|到|至|力争|确保|争取|计划|预计|努力|全力|通过|实现了?)/u;

export interface ProseFigure {
  /** Offset of the figure in the (width-folded) text, and the end of figure + unit + 以上. */
  index: number;
  end: number;
  number: number;
  /** The unit as written, with its magnitude: 万人次, 平方米, % (may be '' for a bare 万). */
  unit: string;
  /** How the figure was written, with its unit: 36万人次, 25%. */
  written: string;
  operator?: Operator;
  /** The clause up to and including the figure, as written: 力争2024年招商引资到位资金同比增长25%. */
  quote: string;
  /** What the figure counts, from the words before it in its clause (framing and linking words dropped). */
  noun: string;
  /** The words after the figure in its clause (12所 → 中小学采购交互式智慧黑板). */
  after: string;
  /** Offset of the clause start, so figures of one clause can be told apart from others. */
  clause: number;
}

/**
 * Figures with units in a goal text: 2024年新建社区养老服务设施50个 gives 50 个 counting
 * 新建社区养老服务设施. Years, dates, ordinals (第八届), quoted codes (“1535”) and bare numbers
 * (世界500强) are not figures.
 */
export function figuresIn(text: string): ProseFigure[] {
  const folded = foldWidth(text);
  const out: ProseFigure[] = [];
  FIGURE.lastIndex = 0;
  let previousEnd = 0;
  for (let m = FIGURE.exec(folded); m; m = FIGURE.exec(folded)) {
    const [, whole, decimals, magnitude, unitHead, per] = m;
    const unit = unitHead && per ? `${unitHead}${per}` : unitHead;
    if (!unit && !magnitude) continue;
    // 3个月 is a span of time, not three things; 个 before 月 is not a count.
    const next = folded[m.index + m[0].length] ?? '';
    if (unitHead === '个' && /[月]/u.test(next)) continue;
    if (!unit && magnitude !== '万' && magnitude !== '亿') continue;
    const number = Number(`${whole!.replace(/,/gu, '')}${decimals ? `.${decimals}` : ''}`);
    let end = m.index + m[0].length;
    let operator: Operator | undefined;
    for (const [word, op] of SUFFIX_OPERATORS) {
      if (folded.startsWith(word, end)) {
        operator = op;
        end += word.length;
        break;
      }
    }
    let clause = m.index;
    while (clause > 0 && !isClauseEnd(folded, clause - 1)) clause--;
    let clauseEnd = end;
    while (clauseEnd < folded.length && !isClauseEnd(folded, clauseEnd)) clauseEnd++;
    const from = Math.max(clause, previousEnd);
    let noun = folded.slice(from, m.index).replace(/\([^()]{0,20}\)/gu, '').replace(/[“”"'‘’《》〈〉\s]/gu, '');
    for (const [word, op] of PREFIX_OPERATORS) {
      if (noun.endsWith(word)) {
        operator ??= op;
        break;
      }
    }
    for (let i = 0; i < 4 && LINKING_WORDS.test(noun); i++) noun = noun.replace(LINKING_WORDS, '');
    for (let i = 0; i < 4 && FRAMING.test(noun); i++) noun = noun.replace(FRAMING, '');
    const unitText = magnitude && !unit ? `${magnitude}元` : `${magnitude ?? ''}${unit ?? ''}`;
    out.push({
      index: m.index,
      end,
      number,
      unit: unitText,
      written: folded.slice(m.index, m.index + m[0].length).replace(/\s/gu, ''),
      ...(operator ? { operator } : {}),
      quote: folded.slice(clause, end).replace(/^目标\d{1,2}/u, ''),
      noun,
      after: folded.slice(end, clauseEnd).replace(/[“”"'‘’《》〈〉\s]/gu, ''),
      clause,
    });
    previousEnd = end;
  }
  return out;
}

// ── names compared with prose ─────────────────────────────────────────────────────────────────

/**
 * The measure noun a quantity name ends with (培训人次 → 培训; a bare 数 too): what is left is the
 * counted object. Narrower than MEASURE_ENDING below, which also strips 金额/总量 for comparisons.
 */
export const QUANTITY_MEASURE_ENDING = /(?:数量|个数|人数|人次数|人次|户数|次数|场次|班次|批次|期数|面积|长度|里程|规模|数)$/u;

/** Measure nouns that end an indicator name and say nothing about its object (展位面积 → 展位). */
const MEASURE_ENDING = /(?:数量|个数|人数|人次数|人次|户数|次数|场次|期数|批次|面积|长度|里程|规模|总量|金额|台数|套数|份数|篇数|条数|笔数)$/u;

/** An indicator name without notes and without its measure noun: what it counts or measures. */
export function objectOfName(name: string): string {
  const clean = cleanName(name);
  const core = clean.replace(MEASURE_ENDING, '');
  return core.length >= 2 ? core : clean;
}

/**
 * Names and clauses are short, so both comparisons below are quadratic; a hostile cell is not, so
 * each side is cut to this many characters first (a megabyte cell would otherwise take hours).
 */
const MAX_COMPARED = 400;

/** Length of the longest common substring (of the first MAX_COMPARED characters of each). */
export function commonRun(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a.length > MAX_COMPARED) a = a.slice(0, MAX_COMPARED);
  if (b.length > MAX_COMPARED) b = b.slice(0, MAX_COMPARED);
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = previous[j - 1]! + 1;
        if (row[j]! > best) best = row[j]!;
      }
    }
    previous = row;
  }
  return best;
}

/**
 * 1 for equal strings, 0 for nothing in common (edit distance over the longer length). Exact from
 * 0.5 up, which is all callers ask about; below that it may return the cheaper upper bound.
 */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // Paragraph-length text is never "the same" as a name, and its distance would cost n × m.
  if (longest > MAX_COMPARED) return 0;
  // The distance is at least the difference in length: when that already decides, skip it.
  const bound = 1 - Math.abs(a.length - b.length) / longest;
  if (bound < 0.5) return bound;
  return 1 - distance(a, b) / longest;
}

/**
 * Does the phrase name the same thing as the indicator? Strong: one contains the other (at least
 * three characters) or they are mostly the same characters in the same order.
 */
export function namesSameThing(phrase: string, name: string): boolean {
  const object = objectOfName(name);
  const whole = cleanName(name);
  if (phrase.length < 2) return false;
  if (object.length >= 3 && phrase.includes(object)) return true;
  if (phrase.length >= 3 && (object.includes(phrase) || whole.includes(phrase))) return true;
  return similarity(phrase, object) >= 0.6 || similarity(phrase, whole) >= 0.6;
}

/** Does the phrase share enough with the name to count as the indicator's subject (weaker)? */
export function mentions(phrase: string, name: string): boolean {
  const object = objectOfName(name);
  const run = commonRun(phrase, object);
  return run >= 3 || (run >= 2 && run === object.length);
}
