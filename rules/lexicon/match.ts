/**
 * Matching helpers over lexicon entries. Isomorphic: plain string and regex work, no file system.
 *
 * Texts are width-folded first (ＡＢＣ（％） → ABC(%)), and so are words and patterns, so both
 * spellings match. Chinese has no word boundaries: a `word` matches as a substring, and `\b` is
 * never used.
 */

import { foldWidth, normalizeUnit } from '../../src/text/normalize.js';
import type {
  LevelFamily,
  Level2Kind,
  Lexicon,
  LexiconAdditions,
  LexiconEntry,
  ProfileId,
  UnitKind,
  UnitNameEntry,
} from './types.js';

export interface LexiconMatch<E extends LexiconEntry = LexiconEntry> {
  entry: E;
  /** Offset of the match in the width-folded text. */
  index: number;
  /** The matched text. */
  matched: string;
}

interface Compiled {
  word?: string;
  regex?: RegExp;
  exclude: RegExp[];
  atEnd: boolean;
}

const compiledEntries = new WeakMap<object, Compiled>();

/** Entries are compiled on first use and cached by identity; treat lexicon objects as immutable. */
function compiled(entry: LexiconEntry): Compiled {
  let c = compiledEntries.get(entry);
  if (c === undefined) {
    const atEnd = entry.position === 'end';
    // Words and patterns are folded like the texts: [^，。；] must still stop at a comma once the
    // text's ， has become ,. (So a pattern's （ means a group, as ( does; escape brackets.)
    c = {
      atEnd,
      exclude: (entry.exclude ?? []).map((source) => new RegExp(foldWidth(source), 'u')),
      ...(entry.word !== undefined
        ? { word: foldWidth(entry.word) }
        : { regex: new RegExp(atEnd ? `(?:${foldWidth(entry.pattern)})$` : foldWidth(entry.pattern), 'u') }),
    };
    compiledEntries.set(entry, c);
  }
  return c;
}

/** A text as entries are matched against it: width-folded, and without trailing notes for `end` entries. */
interface Subject {
  folded: string;
  stripped: string;
}

/**
 * Texts are prepared once, not once per entry: a rule matches one name against lists of a hundred
 * entries, and the same names come back in every rule and every form of a batch. Bounded caches.
 */
const subjects = new Map<string, Subject>();
const listResults = new WeakMap<readonly LexiconEntry[], Map<string, unknown>>();
const CACHE_LIMIT = 50_000;

function subjectOf(text: string): Subject {
  let subject = subjects.get(text);
  if (!subject) {
    const folded = foldWidth(text);
    subject = { folded, stripped: stripTrailingNotes(folded) };
    if (subjects.size > CACHE_LIMIT) subjects.clear();
    subjects.set(text, subject);
  }
  return subject;
}

function matchSubject<E extends LexiconEntry>(entry: E, subject: Subject): LexiconMatch<E> | undefined {
  const c = compiled(entry);
  const target = c.atEnd ? subject.stripped : subject.folded;
  let index: number;
  let matched: string;
  if (c.word !== undefined) {
    index = c.atEnd ? (target.endsWith(c.word) ? target.length - c.word.length : -1) : target.indexOf(c.word);
    matched = c.word;
  } else {
    const m = c.regex!.exec(target);
    index = m ? m.index : -1;
    matched = m ? m[0] : '';
  }
  if (index < 0) return undefined;
  if (c.exclude.some((re) => re.test(subject.folded))) return undefined;
  return { entry, index, matched };
}

/**
 * Does the entry occur in the text? A word is a substring, a pattern a regex; with `position: end`
 * it must end the text (a trailing （…） note ignored). No match if any `exclude` occurs anywhere.
 */
export function matchEntry<E extends LexiconEntry>(entry: E, text: string): LexiconMatch<E> | undefined {
  return matchSubject(entry, subjectOf(text));
}

/** A list lookup, remembered per (list, text): lists are immutable, so are their answers. */
function cachedList<E extends LexiconEntry, R>(entries: readonly E[], text: string, kind: string, compute: (subject: Subject) => R): R {
  let results = listResults.get(entries);
  if (!results) listResults.set(entries, (results = new Map()));
  const key = `${kind}\u0000${text}`;
  if (results.has(key)) return results.get(key) as R;
  const result = compute(subjectOf(text));
  if (results.size > CACHE_LIMIT) results.clear();
  results.set(key, result);
  return result;
}

/** The first entry, in list order, that matches. Lists are ordered most specific first. */
export function findFirst<E extends LexiconEntry>(entries: readonly E[], text: string): LexiconMatch<E> | undefined {
  return cachedList(entries, text, 'first', (subject) => {
    for (const entry of entries) {
      const m = matchSubject(entry, subject);
      if (m) return m;
    }
    return undefined;
  });
}

/** Every entry that matches, in list order. (The array is shared between callers: do not mutate it.) */
export function findAll<E extends LexiconEntry>(entries: readonly E[], text: string): LexiconMatch<E>[] {
  return cachedList(entries, text, 'all', (subject) => {
    const out: LexiconMatch<E>[] = [];
    for (const entry of entries) {
      const m = matchSubject(entry, subject);
      if (m) out.push(m);
    }
    return out;
  });
}

/** The entry with the longest matched text (the most specific ending); ties go to the earlier entry. */
export function findLongest<E extends LexiconEntry>(entries: readonly E[], text: string): LexiconMatch<E> | undefined {
  return cachedList(entries, text, 'longest', (subject) => {
    let best: LexiconMatch<E> | undefined;
    for (const entry of entries) {
      const m = matchSubject(entry, subject);
      if (m && (!best || m.matched.length > best.matched.length)) best = m;
    }
    return best;
  });
}

// ── names and labels ──────────────────────────────────────────────────────────────────────────

const TRAILING_PUNCTUATION = /[\s:;,.。，；：、]+$/u;
const BRACKET_PAIRS: Readonly<Record<string, string>> = { ')': '(', '】': '【', ']': '[' };

/** Drop trailing punctuation and bracketed notes: `参加活动及时率(%)` → `参加活动及时率`. */
function stripTrailingNotes(text: string): string {
  let s = text;
  for (;;) {
    s = s.replace(TRAILING_PUNCTUATION, '');
    const open = BRACKET_PAIRS[s.at(-1) ?? ''];
    const at = open === undefined ? -1 : s.lastIndexOf(open);
    // A text that is nothing but a note keeps it.
    if (at <= 0) return s;
    s = s.slice(0, at);
  }
}

/**
 * A label or indicator name as the rules compare it: width-folded, without whitespace (vertical
 * labels come one character per line), without the ★ core marker (F3), `指标1：` (F7, F8), list
 * numbering, bracketed notes such as （必填）/（50分）/（亩）, and trailing punctuation.
 */
const cleanNames = new Map<string, string>();

export function cleanName(text: string): string {
  // Called by many rules on the same names: clean each text once.
  let clean = cleanNames.get(text);
  if (clean === undefined) {
    clean = cleanNameUncached(text);
    if (cleanNames.size > CACHE_LIMIT) cleanNames.clear();
    cleanNames.set(text, clean);
  }
  return clean;
}

function cleanNameUncached(text: string): string {
  return foldWidth(text)
    .replace(/\s+/gu, '')
    .replace(/^[★☆*]+/u, '')
    .replace(/^指标\d+[:.、]?/u, '')
    .replace(/^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.](?!\d)/u, '')
    .replace(/\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/gu, '')
    .replace(TRAILING_PUNCTUATION, '');
}

/** The comparison key of a level label: cleanName, then score suffixes (`(0-20)分`) and 指标 dropped. */
export function levelKey(label: string): string {
  return cleanName(label)
    .replace(/指标[\d.~-]*分$/u, '指标')
    .replace(/[\d.~-]+分$/u, '')
    .replace(/指标$/u, '');
}

export interface LevelName {
  /** The taxonomy's name: 效益指标, 服务对象满意度指标 … */
  canonical: string;
  level: 1 | 2;
  /** The 一级 family: for a 二级, its parent's. */
  family: LevelFamily;
  /** For a 二级: which one. */
  kind?: Level2Kind;
  /** For a 二级: its 一级 in the profile it was found in. */
  parent?: string;
  /** Set when the label was a synonym (效果指标): auto-normalise, report as info (R16). */
  synonym?: string;
  /** False when the name belongs to another profile (R15) or to the evaluation framework (R16). */
  inProfile: boolean;
  /** An evaluation-framework label (投入指标, 过程指标 …) that has no place in a declaration (R16). */
  evaluation?: boolean;
}

export interface LevelNameOptions {
  /** Which taxonomy the form follows; default 2021. */
  profile?: ProfileId;
  /**
   * The column the label sits in. For a family with a single 二级 (满意度) the 一级 and the 二级 name
   * are used interchangeably on real forms; the column decides which one is meant.
   */
  level?: 1 | 2;
}

type Found = Omit<LevelName, 'synonym' | 'inProfile'>;

interface LevelIndex {
  byProfile: Map<ProfileId, Map<string, Found>>;
  /** 一级 canonical → its single 二级, and back, per profile: the interchangeable pairs. */
  single: Map<ProfileId, Map<string, Found>>;
  synonyms: Map<string, string>;
  evaluation: Map<string, Found>;
}

const levelIndexes = new WeakMap<Lexicon, LevelIndex>();

function levelIndex(lexicon: Lexicon): LevelIndex {
  let index = levelIndexes.get(lexicon);
  if (index) return index;
  index = { byProfile: new Map(), single: new Map(), synonyms: new Map(), evaluation: new Map() };
  for (const [id, profile] of Object.entries(lexicon.taxonomy.profiles) as [ProfileId, Lexicon['taxonomy']['profiles'][ProfileId]][]) {
    const names = new Map<string, Found>();
    const single = new Map<string, Found>();
    for (const l1 of profile.level1) {
      const one: Found = { canonical: l1.word, level: 1, family: l1.family };
      names.set(levelKey(l1.word), one);
      for (const l2 of l1.level2) {
        const two: Found = { canonical: l2.word, level: 2, family: l1.family, kind: l2.kind, parent: l1.word };
        names.set(levelKey(l2.word), two);
        if (l1.level2.length === 1) {
          single.set(l1.word, two);
          single.set(l2.word, one);
        }
      }
    }
    index.byProfile.set(id, names);
    index.single.set(id, single);
  }
  for (const s of lexicon.taxonomy.synonyms) index.synonyms.set(levelKey(s.word), s.canonical);
  for (const e of lexicon.taxonomy.evaluation) {
    index.evaluation.set(levelKey(e.word), { canonical: e.word, level: e.level, family: e.family });
  }
  levelIndexes.set(lexicon, index);
  return index;
}

/**
 * A 一级 / 二级 label as written (`产出指标(50分)`, `数量指标 (必填硬性指标)`, `效果指标`, `★进度指标`)
 * → its place in the taxonomy of the given profile, or undefined when the label is unknown.
 * Names of the other profile (经济成本指标 on a legacy form) and evaluation-framework labels
 * (投入指标) are recognised with `inProfile: false`.
 */
const levelNames = new WeakMap<Lexicon, Map<string, LevelName | undefined>>();

export function normalizeLevelName(name: string, lexicon: Lexicon, options: LevelNameOptions = {}): LevelName | undefined {
  // Every rule asks about the same few labels on every row: remember the answers per lexicon.
  let cache = levelNames.get(lexicon);
  if (!cache) levelNames.set(lexicon, (cache = new Map()));
  const key = `${options.profile ?? '2021'}\u0000${options.level ?? ''}\u0000${name}`;
  if (cache.has(key)) return cache.get(key);
  const found = levelNameUncached(name, lexicon, options);
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}

function levelNameUncached(name: string, lexicon: Lexicon, options: LevelNameOptions): LevelName | undefined {
  const profile = options.profile ?? '2021';
  const index = levelIndex(lexicon);
  const key = levelKey(name);
  if (key === '') return undefined;

  const lookup = (k: string): { found: Found; inProfile: boolean } | undefined => {
    const own = index.byProfile.get(profile)?.get(k);
    if (own) return { found: own, inProfile: true };
    for (const [id, names] of index.byProfile) {
      const other = id === profile ? undefined : names.get(k);
      if (other) return { found: other, inProfile: false };
    }
    return undefined;
  };

  let hit = lookup(key);
  let synonym: string | undefined;
  if (!hit) {
    const canonical = index.synonyms.get(key);
    if (canonical !== undefined) {
      hit = lookup(levelKey(canonical));
      synonym = cleanName(name);
    }
  }
  if (!hit) {
    const evaluation = index.evaluation.get(key);
    return evaluation && { ...evaluation, inProfile: false, evaluation: true };
  }

  let { found } = hit;
  if (options.level !== undefined && options.level !== found.level && hit.inProfile) {
    const swapped = index.single.get(profile)?.get(found.canonical);
    if (swapped) {
      synonym ??= cleanName(name);
      found = swapped;
    }
  }
  return { ...found, ...(synonym !== undefined && { synonym }), inProfile: hit.inProfile };
}

// ── polarity and units ────────────────────────────────────────────────────────────────────────

export type PolarityKind = 'positive' | 'negative' | 'equal';

/** ≥ (positive), ≤ (negative) or = (equal) by the name's most specific ending (R25). */
export function polarityOf(
  name: string,
  lexicon: Lexicon,
): { polarity: PolarityKind; match: LexiconMatch } | undefined {
  let best: { polarity: PolarityKind; match: LexiconMatch } | undefined;
  for (const polarity of ['negative', 'equal', 'positive'] as const) {
    const match = findLongest(lexicon.polarity[polarity], name);
    if (match && (!best || match.matched.length > best.match.matched.length)) best = { polarity, match };
  }
  return best;
}

/**
 * What kind of value a name calls for and the unit to suggest, by its most specific ending:
 * `搭建展位面积` → area, 平方米; `成本控制率` → rate, %; `人均培训成本` → unitCost, 元/人.
 */
export function unitKindOfName(
  name: string,
  lexicon: Lexicon,
): { kind: UnitKind; unit: string | undefined; match: LexiconMatch<UnitNameEntry> } | undefined {
  let best: { kind: UnitKind; unit: string | undefined; match: LexiconMatch<UnitNameEntry> } | undefined;
  for (const [kind, def] of Object.entries(lexicon.units) as [UnitKind, Lexicon['units'][UnitKind]][]) {
    const match = findLongest(def.names, name);
    if (match && (!best || match.matched.length > best.match.matched.length)) {
      best = { kind, unit: match.entry.unit ?? def.suggest, match };
    }
  }
  return best;
}

const unitPatterns = new Map<string, RegExp>();

/** The kinds a unit as written belongs to (`平米` → area; `元/亩` → unitCost). */
export function unitKindsOf(unit: string, lexicon: Lexicon): UnitKind[] {
  const normal = normalizeUnit(unit).unit;
  const fits = (def: Lexicon['units'][UnitKind]): boolean => {
    if (def.units.includes(normal)) return true;
    if (def.unitPattern === undefined) return false;
    let re = unitPatterns.get(def.unitPattern);
    if (!re) unitPatterns.set(def.unitPattern, (re = new RegExp(def.unitPattern, 'u')));
    return re.test(normal);
  };
  return (Object.entries(lexicon.units) as [UnitKind, Lexicon['units'][UnitKind]][])
    .filter(([, def]) => fits(def))
    .map(([kind]) => kind);
}

// ── merging config additions ──────────────────────────────────────────────────────────────────

/**
 * The lexicon with a config's additions: arrays are appended (an entry whose `word`, or `pattern`,
 * is already there is ignored, as is a repeated string), objects are merged key by key, and a
 * scalar in the additions replaces the base's (a unit kind's `suggest`). Keys the base does not
 * have are ignored: additions extend known sections, they do not invent new ones. Neither input is
 * changed.
 */
export function mergeLexicon(base: Lexicon, additions: LexiconAdditions | undefined): Lexicon {
  return additions === undefined ? base : (mergeValue(base, additions) as Lexicon);
}

function mergeValue(base: unknown, add: unknown): unknown {
  if (add === undefined) return base;
  if (Array.isArray(base) && Array.isArray(add)) {
    const seen = new Set(base.map(identity));
    const out: unknown[] = [...base];
    for (const item of add) {
      const id = identity(item);
      if (id !== undefined && seen.has(id)) continue;
      if (id !== undefined) seen.add(id);
      out.push(isEntry(item) && !Array.isArray(item.examples) ? { ...item, examples: [] } : item);
    }
    return out;
  }
  if (isPlainObject(base) && isPlainObject(add)) {
    const out: Record<string, unknown> = { ...base };
    for (const key of Object.keys(add)) {
      if (Object.hasOwn(base, key)) out[key] = mergeValue(base[key], add[key]);
    }
    return out;
  }
  return add;
}

function identity(item: unknown): string | undefined {
  if (typeof item === 'string') return `s:${item}`;
  if (isEntry(item)) return typeof item.word === 'string' ? `w:${item.word}` : `p:${String(item.pattern)}`;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is Record<string, unknown> & { word?: unknown; pattern?: unknown; examples?: unknown } {
  return isPlainObject(value) && (typeof value.word === 'string' || typeof value.pattern === 'string');
}
