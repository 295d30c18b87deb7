/**
 * Parsing of target values (指标值) and funds amounts. Pure and isomorphic.
 *
 * Written as a small hand scanner rather than one big regex: cells come from untrusted files, and a
 * scanner that only moves forward stays linear-time whatever the input. Each reader takes a string
 * and a position and returns where it stopped, or undefined without consuming anything.
 */

import type { DateParts, Operator, ParsedValue } from '../model/declaration.js';
import { OPERATOR_WORDS_LONGEST_FIRST, foldWidth, normalizeOperator, normalizeUnit } from '../text/normalize.js';

// ---------------------------------------------------------------------------------------------
// Vocabularies

/** Units written as words; the scanner takes the longest one that matches. */
const KNOWN_UNITS: readonly string[] = [
  // money
  '元', '万元', '亿元', '千元', '百元', '美元',
  // counts
  '个', '家', '人', '人次', '人数', '人日', '人天', '人月', '名', '位', '户', '户次', '次', '场', '场次', '期',
  '期次', '批', '批次', '项', '件', '套', '台', '台套', '辆', '车次', '艘', '架', '架次', '座', '所', '间',
  '栋', '幢', '层', '张', '本', '册', '份', '篇', '部', '条', '根', '株', '棵', '头', '只', '匹', '羽', '口',
  '眼', '处', '组', '队', '支', '类', '种', '门', '节', '课时', '学时', '轮', '趟', '班', '届', '片', '块',
  '段', '宗', '笔', '例', '床', '村', '镇', '乡', '乡镇', '县', '校', '园', '倍', '级', '星', '分', '个数',
  // measures
  '米', '千米', '公里', '厘米', '毫米', '平方米', '平方公里', '平方千米', '平米', '平方', '立方米', '立方',
  '亩', '公顷', '吨', '千克', '公斤', '斤', '克', '升', '毫升', '千瓦', '千瓦时', '兆瓦', '瓦', '度',
  // rates
  '百分比', '百分率', '百分点', '个百分点', '成',
  // time
  '年', '月', '个月', '日', '天', '周', '个周', '星期', '个星期', '小时', '个小时', '分钟', '秒',
  '工作日', '个工作日', '季度', '个季度', '学期',
];
const KNOWN_UNIT_SET: ReadonlySet<string> = new Set(KNOWN_UNITS);
const KNOWN_UNIT_MAX = Math.max(...KNOWN_UNITS.map((u) => u.length));

/** Magnitudes that combine with the next unit (万亩, 亿元, 万人次); alone, 万 means 万元. */
const MAGNITUDES: ReadonlySet<string> = new Set(['万', '亿', '千万', '百万', '十万']);

/** One-character unit symbols. */
const UNIT_SYMBOLS = new Set(['%', '‰', '‱', '℃', '°', '㎡', '㎞', '㎥', '㎏', '㎜', '㎝']);

const UNIT_JOINERS = new Set(['/', '·', '*', '•', '・', '∙']);

/** Units that make a figure a length of time (30天, 3个月, 15个工作日). */
const DURATION_UNITS: ReadonlySet<string> = new Set([
  '年', '月', '个月', '日', '天', '周', '个周', '星期', '个星期', '小时', '个小时', '分钟', '秒',
  '工作日', '个工作日', '季度', '个季度', '学期',
]);

/** After a date: 9月前. Longest first. */
const BEFORE_WORDS = ['之前', '以前', '前'];
/** After a duration (or a date): 10个工作日内. `以内` is also a plain ≤ suffix in OPERATOR_WORDS. */
const WITHIN_WORDS = ['以内', '之内', '内'];
/** After a date: 年底 / 月末 (年底 only when no month was written). */
const YEAR_END_WORDS = ['年底', '年末', '年终', '底', '末'];
const MONTH_END_WORDS = ['月底', '月末', '底', '末'];

/** Between the two ends of a period. Longest first. */
const PERIOD_SEPARATORS = ['——', '--', '—', '–', '-', '~', '至', '到'];

/** Characters template authors use where the figure goes: ≥**%, XX个, ××. */
const SLOT_CHARS = new Set(['*', 'X', 'x', '×', '□', '?', '_']);

/** Cells that only hold a dash or a slash: "not applicable", not a target. */
const FILLER = /^[/\\\-—–_~.、…]+$/;

// ---------------------------------------------------------------------------------------------
// Character helpers

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

function isIdeograph(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function skipSpaces(s: string, i: number): number {
  while (s[i] === ' ') i++;
  return i;
}

/** The first of `list` that starts at `i` (lists are ordered longest first). */
function matchWord(s: string, i: number, list: readonly string[]): string | undefined {
  for (const w of list) if (s.startsWith(w, i)) return w;
  return undefined;
}

/** Unsigned integer of 1..maxDigits digits; fails if more digits follow (so 2024 is not a month). */
function readInt(s: string, i: number, maxDigits: number): { value: number; next: number; digits: number } | undefined {
  let j = i;
  while (isDigit(s[j])) j++;
  const digits = j - i;
  if (digits === 0 || digits > maxDigits) return undefined;
  return { value: Number(s.slice(i, j)), next: j, digits };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** `-3,498,000.00` → -3498000. Commas count as thousands separators only before exactly 3 digits. */
function readNumber(s: string, i: number): { value: number; next: number } | undefined {
  let j = i;
  if (s[j] === '-') j++;
  if (!isDigit(s[j])) return undefined;
  let text = j > i ? '-' : '';
  const intStart = j;
  while (isDigit(s[j])) j++;
  text += s.slice(intStart, j);
  while (s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3]) && !isDigit(s[j + 4])) {
    text += s.slice(j + 1, j + 4);
    j += 4;
  }
  if (s[j] === '.' && isDigit(s[j + 1])) {
    const fracStart = j;
    j++;
    while (isDigit(s[j])) j++;
    text += s.slice(fracStart, j);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  // "-0" is just 0 on a form; keep -0 out of results so equality checks stay simple.
  return { value: value === 0 ? 0 : value, next: j };
}

// ---------------------------------------------------------------------------------------------
// Units

interface Span {
  next: number;
}

/** A symbol, a latin word (km, M, m2) or a known Chinese unit other than a bare magnitude. */
function readPlainAtom(s: string, i: number): Span | undefined {
  const ch = s[i];
  if (ch === undefined) return undefined;
  if (UNIT_SYMBOLS.has(ch)) return { next: i + 1 };
  if (isLatin(ch)) {
    let j = i;
    while (isLatin(s[j])) j++;
    // m2 / m² / m³: a power sign directly after the letters, not the start of another figure.
    if (s[j] === '²' || s[j] === '³' || ((s[j] === '2' || s[j] === '3') && !isDigit(s[j + 1]) && s[j + 1] !== '.')) j++;
    return { next: j };
  }
  for (let len = KNOWN_UNIT_MAX; len >= 1; len--) {
    if (i + len > s.length) continue;
    if (KNOWN_UNIT_SET.has(s.slice(i, i + len))) return { next: i + len };
  }
  return undefined;
}

/** A single unit piece; after a figure (allowUnknown) also an unknown short word (3乡镇). */
function readUnitAtom(s: string, i: number, allowUnknown: boolean): Span | undefined {
  // Longest match between a magnitude (万, 千万) and a known unit (万元, 千米) decides.
  let magnitude = 0;
  for (let len = 2; len >= 1 && magnitude === 0; len--) {
    if (i + len <= s.length && MAGNITUDES.has(s.slice(i, i + len))) magnitude = len;
  }
  const plain = readPlainAtom(s, i);
  if (magnitude > 0 && (!plain || plain.next - i <= magnitude)) {
    // 万亩 / 亿元 / 万人次: the magnitude belongs to the unit that follows; alone, it is the unit.
    const after = isIdeograph(s[i + magnitude]) ? readPlainAtom(s, i + magnitude) : undefined;
    return after ?? { next: i + magnitude };
  }
  if (plain) return plain;
  if (!allowUnknown || !isIdeograph(s[i])) return undefined;
  // An unknown word right after a figure: take a short run of ideographs, stopping where an
  // operator suffix begins (5乡镇以上). Longer runs are prose, not a unit.
  let j = i;
  while (j - i <= 4 && isIdeograph(s[j]) && !startsSuffix(s, j)) j++;
  return j > i && j - i <= 4 ? { next: j } : undefined;
}

function startsSuffix(s: string, i: number): boolean {
  return matchSuffixOperator(s, i) !== undefined || matchWord(s, i, WITHIN_WORDS) !== undefined || matchWord(s, i, BEFORE_WORDS) !== undefined;
}

/** A unit, possibly compound (元/人·月) or bracketed ((%)). Returns the written text. */
function readUnit(s: string, i: number, allowUnknown: boolean): { written: string; next: number } | undefined {
  if (s[i] === '(') {
    const close = s.indexOf(')', i + 1);
    if (close < 0 || close - i > 12) return undefined;
    const inner = s.slice(i + 1, close).trim();
    const unit = readUnit(inner, 0, false);
    // Only a real unit in brackets is a unit: 220(预计) keeps 预计 as a note.
    if (!unit || unit.next !== inner.length) return undefined;
    return { written: s.slice(i, close + 1), next: close + 1 };
  }
  const first = readUnitAtom(s, i, allowUnknown);
  if (!first) return undefined;
  let next = first.next;
  while (UNIT_JOINERS.has(s[next] ?? '')) {
    const part = readUnitAtom(s, next + 1, allowUnknown);
    if (!part) break;
    next = part.next;
  }
  return { written: s.slice(i, next), next };
}

// ---------------------------------------------------------------------------------------------
// Operators

function matchPrefixOperator(s: string, i: number): { operator: Operator; written: string } | undefined {
  for (const w of OPERATOR_WORDS_LONGEST_FIRST) {
    if (w.position === 'prefix' && s.startsWith(w.written, i)) return { operator: w.operator, written: w.written };
  }
  return undefined;
}

function matchSuffixOperator(s: string, i: number): { operator: Operator; written: string } | undefined {
  for (const w of OPERATOR_WORDS_LONGEST_FIRST) {
    if (w.position === 'suffix' && s.startsWith(w.written, i)) return { operator: w.operator, written: w.written };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates and periods

interface DateHit {
  date: DateParts;
  next: number;
  /** 年底 / 月末 was written. */
  end?: boolean;
  /** YYYY年M-M月 reads as a period by itself. */
  until?: DateParts;
}

function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

/** 2024年9月30日, 2021年底, 9月前's 9月, 2024年1-12月. Needs a year or a month: 30日 alone is a duration. */
function readCjkDate(s: string, i: number): DateHit | undefined {
  const date: DateParts = {};
  let j = i;
  const y = readInt(s, j, 4);
  if (y && y.digits === 4 && s[y.next] === '年' && validYear(y.value)) {
    date.year = y.value;
    j = y.next + 1;
    if (s[j] === '度') j++; // 2024年度
  }
  const m = readInt(s, j, 2);
  if (m && validMonth(m.value)) {
    if (s[m.next] === '月') {
      date.month = m.value;
      j = m.next + 1;
      const d = readInt(s, j, 2);
      if (d && (s[d.next] === '日' || s[d.next] === '号') && validDay(d.value)) {
        date.day = d.value;
        j = d.next + 1;
      }
    } else {
      // 2024年1-12月 / 1至6月: a month range inside one date.
      const sep = matchWord(s, m.next, PERIOD_SEPARATORS);
      const m2 = sep === undefined ? undefined : readInt(s, m.next + sep.length, 2);
      if (sep !== undefined && m2 && s[m2.next] === '月' && validMonth(m2.value)) {
        return {
          date: { ...date, month: m.value },
          until: { ...date, month: m2.value },
          next: m2.next + 1,
        };
      }
    }
  }
  if (date.year === undefined && date.month === undefined) return undefined;
  if (date.day === undefined) {
    const endWord = matchWord(s, j, date.month === undefined ? YEAR_END_WORDS : MONTH_END_WORDS);
    if (endWord !== undefined) return { date, next: j + endWord.length, end: true };
  }
  return { date, next: j };
}

/** 2023.07, 2020.1.1, 2024-01-15, 2024/1/15 — one separator throughout. */
function readNumericDate(s: string, i: number): (DateHit & { sep: string; monthDigits: number }) | undefined {
  const y = readInt(s, i, 4);
  if (!y || y.digits !== 4 || !validYear(y.value)) return undefined;
  const sep = s[y.next];
  if (sep !== '.' && sep !== '-' && sep !== '/') return undefined;
  const m = readInt(s, y.next + 1, 2);
  if (!m || !validMonth(m.value)) return undefined;
  const date: DateParts = { year: y.value, month: m.value };
  let next = m.next;
  if (s[next] === sep) {
    const d = readInt(s, next + 1, 2);
    if (d && validDay(d.value)) {
      date.day = d.value;
      next = d.next;
    }
  }
  if (s[next] === '.' && isDigit(s[next + 1])) return undefined; // 2023.12.345: not a date
  return { date, next, sep, monthDigits: m.digits };
}

function readDate(s: string, i: number): (DateHit & { numeric?: { sep: string; monthDigits: number } }) | undefined {
  const numeric = readNumericDate(s, i);
  if (numeric) return { date: numeric.date, next: numeric.next, numeric: { sep: numeric.sep, monthDigits: numeric.monthDigits } };
  return readCjkDate(s, i);
}

/** The end of a period may leave out the year it shares with the start: 2024年1月至12月. */
function withYearFrom(end: DateParts, start: DateParts): DateParts {
  return end.year === undefined && start.year !== undefined ? { year: start.year, ...end } : end;
}

interface TimeHit {
  kind: 'date' | 'period';
  date: DateParts;
  end?: DateParts;
  next: number;
  endWord?: boolean;
}

function readPeriodEnd(s: string, i: number): { hit: DateHit; next: number } | undefined {
  const j = skipSpaces(s, i);
  const sep = matchWord(s, j, PERIOD_SEPARATORS);
  if (sep === undefined) return undefined;
  const k = skipSpaces(s, j + sep.length);
  const hit = readDate(s, k);
  return hit ? { hit, next: hit.next } : undefined;
}

function readTime(s: string, i: number): TimeHit | undefined {
  const first = readDate(s, i);
  if (first) {
    if (first.until) return { kind: 'period', date: first.date, end: first.until, next: first.next };
    const second = readPeriodEnd(s, first.next);
    if (second) {
      const end = second.hit.until ?? second.hit.date;
      return { kind: 'period', date: first.date, end: withYearFrom(end, first.date), next: second.next };
    }
    if (first.numeric) {
      // Alone, 2023.12 is a date but 2020.1 or 2023.12万元 is a figure.
      const { sep, monthDigits } = first.numeric;
      const after = skipSpaces(s, first.next);
      const unitFollows = readUnitAtom(s, after, false) !== undefined || isDigit(s[after]);
      if (unitFollows || (sep === '.' && first.date.day === undefined && monthDigits < 2)) return undefined;
    }
    return { kind: 'date', date: first.date, next: first.next, endWord: first.end };
  }
  // 2024-2026 / 2024-2026年: a span of bare years.
  const y = readInt(s, i, 4);
  if (y && y.digits === 4 && validYear(y.value)) {
    const second = readPeriodEnd(s, y.next);
    if (second && second.hit.date.month === undefined && !second.hit.until) {
      return { kind: 'period', date: { year: y.value }, end: second.hit.date, next: second.next };
    }
    const j = skipSpaces(s, y.next);
    const sep = matchWord(s, j, PERIOD_SEPARATORS);
    const y2 = sep === undefined ? undefined : readInt(s, skipSpaces(s, j + sep.length), 4);
    if (y2 && y2.digits === 4 && validYear(y2.value) && y2.value >= y.value && s[y2.next] !== '.') {
      return { kind: 'period', date: { year: y.value }, end: { year: y2.value }, next: y2.next };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Notes and placeholders

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '【': '】', '〔': '〕', '{': '}' };

/** `(≥**个)` → `≥**个`: one pair of brackets around the whole cell. */
function unwrap(s: string): string {
  const close = CLOSERS[s[0] ?? ''];
  if (close === undefined || !s.endsWith(close)) return s;
  const inner = s.slice(1, -1);
  // (a)(b) is two groups, not one wrapped cell.
  if (inner.includes(close) || inner.includes(s[0]!)) return s;
  return inner.trim();
}

/** What is left after the figure and unit, without leading punctuation or enclosing brackets. */
function toNote(rest: string): string | undefined {
  let note = rest.trim().replace(/^[,;:、，。；：]+/, '').trim();
  note = unwrap(note);
  return note.length > 0 ? note : undefined;
}

/** Template marks outside the figure's slot: 完成**个, **月**日前, XX村. */
function hasPlaceholderRun(s: string): boolean {
  if (s.includes('**') || s.includes('××') || s.includes('□')) return true;
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s[i]!;
    if ((a === 'X' || a === 'x') && (s[i + 1] === 'X' || s[i + 1] === 'x')) {
      // XX as a word of its own, not inside a latin word.
      let j = i;
      while (s[j] === 'X' || s[j] === 'x') j++;
      if (!isLatin(s[i - 1]) && !isLatin(s[j])) return true;
      i = j;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// parseValue

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * The same spacing rule as cleanText (a space survives only between two non-Chinese characters),
 * done in one regex pass: cleanText builds its result by indexing a growing string, which is
 * quadratic on cells with many spaces.
 */
function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00a0]+/g, (run: string, at: number, all: string) => {
    const before = all[at - 1];
    const after = all[at + run.length];
    if (before === undefined || after === undefined) return '';
    return CJK.test(before) || CJK.test(after) ? '' : ' ';
  });
}

/** Width folding, whitespace clean-up, and the few look-alikes folding does not cover. */
function prepare(text: string): string {
  return collapseSpaces(foldWidth(text))
    .replace(/[\u2212\u2010\u2011]/g, '-') // minus sign and hyphens written for a minus
    .replace(/([<>=≥≤])\s+(?=[<>=])/g, '$1'); // "> =" → ">="
}

function withOperator(out: ParsedValue, op: { operator: Operator; written: string } | undefined): void {
  if (!op) return;
  out.operator = op.operator;
  if (op.written !== op.operator) out.operatorText = op.written;
}

function withUnit(out: ParsedValue, written: string | undefined): void {
  if (written === undefined) return;
  const { unit } = normalizeUnit(written);
  out.unit = unit;
  if (written !== unit) out.unitText = written;
}

/** Key order of the result, so that results read the same in test output and JSON. */
function ordered(v: ParsedValue): ParsedValue {
  const out: ParsedValue = { kind: v.kind };
  const keys = ['operator', 'operatorText', 'number', 'unit', 'unitText', 'date', 'end', 'qualifier', 'note'] as const;
  for (const k of keys) if (v[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = v[k];
  return out;
}

/**
 * One value cell that may hold operator, figure and unit together (`≥90%`, `不少于30家`,
 * `2024年9月前`, `10个工作日内`, `提升`, `≥**%`). The text is width-folded first, so
 * `operatorText` / `unitText` report folded spellings (`＞＝` as `>=`); they are set only when the
 * written form differs from the normal one.
 */
/**
 * Values repeat across the rows and forms of a batch (≥90%, =100%, 2024年底前), so each distinct
 * text is parsed once. Results are frozen: callers copy them into their own objects.
 */
const valueCache = new Map<string, ParsedValue>();

function remember(key: string, value: ParsedValue): ParsedValue {
  if (valueCache.size > 20_000) valueCache.clear();
  if (value.date) Object.freeze(value.date);
  if (value.end) Object.freeze(value.end);
  valueCache.set(key, Object.freeze(value));
  return value;
}

export function parseValue(text: string): ParsedValue {
  const cached = valueCache.get(text);
  if (cached) return cached;
  return remember(text, parseValueUncached(text));
}

function parseValueUncached(text: string): ParsedValue {
  const s = unwrap(prepare(text));
  if (s.length === 0) return { kind: 'empty' };
  if (FILLER.test(s)) return { kind: 'placeholder' };

  let i = 0;
  const prefix = matchPrefixOperator(s, i);
  if (prefix) i = skipSpaces(s, i + prefix.written.length);

  const time = readTime(s, i);
  if (time) return ordered(finishTime(s, time, prefix));

  const num = readNumber(s, i);
  if (num) return ordered(finishFigure(s, skipSpaces(s, num.next), prefix, num.value));

  // Template slot where the figure goes: ≥**%, XX个.
  let j = i;
  while (SLOT_CHARS.has(s[j] ?? '')) j++;
  if (j > i) {
    const out = finishFigure(s, skipSpaces(s, j), prefix, undefined);
    return ordered({ ...out, kind: 'placeholder' });
  }

  // A unit with no figure (公里, ≧ %, 元/人*月), or an operator alone.
  const unit = readUnit(s, i, false);
  const afterUnit = unit ? skipSpaces(s, unit.next) : i;
  const suffix = matchSuffixOperator(s, afterUnit);
  const end = suffix ? skipSpaces(s, afterUnit + suffix.written.length) : afterUnit;
  if (end === s.length && (unit || prefix || suffix)) {
    const out: ParsedValue = { kind: 'placeholder' };
    withOperator(out, prefix ?? suffix);
    withUnit(out, unit?.written);
    return ordered(out);
  }

  if (hasPlaceholderRun(s)) return { kind: 'placeholder' };
  // Words: the whole cell is the value, so an operator word at its start (达到国家标准) stays prose.
  return { kind: 'qualitative' };
}

/** Figure (or template slot) found; read unit, suffix operator and note from `i`. */
function finishFigure(
  s: string,
  i: number,
  prefix: { operator: Operator; written: string } | undefined,
  figure: number | undefined,
): ParsedValue {
  const out: ParsedValue = { kind: 'number' };
  if (figure !== undefined) out.number = figure;
  const unit = readUnit(s, i, true);
  let j = unit ? skipSpaces(s, unit.next) : i;
  withUnit(out, unit?.written);
  const isDuration = out.unit !== undefined && DURATION_UNITS.has(out.unit);
  if (isDuration) out.kind = 'duration';

  let op = prefix;
  // With a written prefix, a repeated suffix (≥90%以上) is left in the note rather than guessed at.
  if (!prefix) {
    const within = matchWord(s, j, WITHIN_WORDS);
    const suffix = matchSuffixOperator(s, j);
    if (suffix && (!within || suffix.written.length >= within.length)) {
      op = suffix;
      j += suffix.written.length;
      if (isDuration && WITHIN_WORDS.includes(suffix.written)) out.qualifier = 'within';
    } else if (within) {
      // 10个工作日内 / 5%内: "no more than".
      op = { operator: '≤', written: within };
      j += within.length;
      if (isDuration) out.qualifier = 'within';
    }
  }
  withOperator(out, op);
  const note = toNote(s.slice(j));
  if (note !== undefined) out.note = note;
  return out;
}

/** Date or period found; read 前 / 内 and the note. */
function finishTime(s: string, time: TimeHit, prefix: { operator: Operator; written: string } | undefined): ParsedValue {
  const out: ParsedValue = { kind: time.kind, date: time.date };
  if (time.end) out.end = time.end;
  let j = skipSpaces(s, time.next);
  let op = prefix;
  if (time.kind === 'date') {
    const before = matchWord(s, j, BEFORE_WORDS);
    const within = before === undefined ? matchWord(s, j, WITHIN_WORDS) : undefined;
    if (before !== undefined) {
      // 2025年年底前: "by the end of 2025" — the deadline reading wins over 年底.
      out.qualifier = 'before';
      j += before.length;
      op ??= { operator: '≤', written: before };
    } else if (within !== undefined) {
      out.qualifier = 'within';
      j += within.length;
      op ??= { operator: '≤', written: within };
    } else if (time.endWord) {
      out.qualifier = 'end';
    }
  }
  withOperator(out, op);
  const note = toNote(s.slice(j));
  if (note !== undefined) out.note = note;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Split columns

/**
 * A value written over split columns (计算符号/指标性质 | 指标值 | 度量单位). The operator column wins
 * over an operator written in the value cell; the unit column wins over the value cell's own unit.
 * `定性` / `定量` in the operator column supply no operator.
 */
export function parseSplitValue(parts: { operator?: string; value?: string; unit?: string }): ParsedValue {
  const key = `\u0000${parts.operator ?? ''}\u0000${parts.value ?? ''}\u0000${parts.unit ?? ''}`;
  const cached = valueCache.get(key);
  if (cached) return cached;
  return remember(key, parseSplitUncached(parts));
}

function parseSplitUncached(parts: { operator?: string; value?: string; unit?: string }): ParsedValue {
  const opText = collapseSpaces(foldWidth(parts.operator ?? ''));
  const valueText = collapseSpaces(foldWidth(parts.value ?? ''));
  const unitText = collapseSpaces(foldWidth(parts.unit ?? ''));
  const columnOp = opText === '定性' || opText === '定量' ? undefined : normalizeOperator(opText);

  let v = parseValue(valueText);
  if (unitText) {
    const bare = v.unit === undefined && v.note === undefined;
    if (bare && (v.kind === 'number' || v.kind === 'placeholder' || v.kind === 'empty')) {
      // Read the figure and the unit as if written in one cell, so 30 | 天 is a duration and
      // 2024 | 年 or 12 | 月 a date, exactly as 30天 / 2024年 / 12月 would be.
      const joined = parseValue(valueText + unitText);
      if (joined.kind === 'qualitative' || (v.kind === 'empty' && joined.kind !== 'placeholder')) {
        v = { ...v, kind: v.kind === 'empty' ? 'placeholder' : v.kind };
        withUnit(v, unitText);
      } else {
        v = joined;
      }
    } else {
      v = { ...v };
      delete v.unitText;
      withUnit(v, unitText);
      if (v.kind === 'number' || v.kind === 'duration') v.kind = DURATION_UNITS.has(v.unit!) ? 'duration' : 'number';
    }
  }
  if (columnOp) {
    v = { ...v };
    delete v.operatorText;
    withOperator(v, columnOp);
    // An operator over an empty value cell is a template left unfilled.
    if (v.kind === 'empty') v.kind = 'placeholder';
  }
  return ordered(v);
}

// ---------------------------------------------------------------------------------------------
// Amounts

const MONEY_UNITS = ['亿元', '万元', '千元', '元', '万', '亿'];

/**
 * A funds cell (`80`, `3,498,000.00`, `￥80万`, `80万元`) → the figure as written; the caller knows
 * the form's unit, so `80万元` is 80. Dashes, slashes, empty cells and anything that is not a single
 * figure → undefined.
 */
export function parseAmount(text: string): number | undefined {
  const s = collapseSpaces(foldWidth(text)).replace(/^[￥¥$]\s*/, '');
  const num = readNumber(s, 0);
  if (!num) return undefined;
  let j = skipSpaces(s, num.next);
  const unit = matchWord(s, j, MONEY_UNITS);
  if (unit !== undefined) j = skipSpaces(s, j + unit.length);
  // A bracketed remark may follow (80（含结转20）); anything else means the cell is not one figure.
  const rest = s.slice(j);
  if (rest.length > 0 && unwrap(rest) === rest) return undefined;
  return num.value;
}
