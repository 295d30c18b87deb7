/**
 * Runs the lexicon's own tests: every example must match its entry and no counterexample may;
 * regexes must compile and stay linear-time; cross-references (rewrites → verbs, units; synonyms →
 * canonical names) must resolve. Used by scripts/build-lexicon.ts and test/lexicon/. Isomorphic.
 */

import { findFirst, matchEntry, normalizeLevelName } from './match.js';
import type { Lexicon, LexiconEntry, LexiconSection, ProfileId, UnitKind } from './types.js';
import { LEXICON_SECTIONS } from './types.js';

export interface LexiconProblem {
  section: LexiconSection;
  /** Dotted path of the entry: cues.timeliness[3]. */
  path: string;
  message: string;
}

/** Every problem in the lexicon, in section order; empty when all is well. */
export function checkLexicon(lexicon: Lexicon): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  for (const section of LEXICON_SECTIONS) {
    const report = (path: string, message: string): void => {
      problems.push({ section, path, message });
    };
    if (section === 'taxonomy') checkTaxonomy(lexicon, report);
    else walk(lexicon[section], section, report);
    if (section === 'ambiguousObjects') checkObjects(lexicon, report);
    if (section === 'units') checkUnits(lexicon, report);
  }
  return problems;
}

/** One line per problem, for build output and test failures. */
export function formatProblem(p: LexiconProblem): string {
  return `${p.path}：${p.message}`;
}

type Report = (path: string, message: string) => void;

function isEntry(value: unknown): value is LexiconEntry {
  return typeof value === 'object' && value !== null && ('word' in value || 'pattern' in value) && 'examples' in value;
}

/** Finds the entries anywhere under a section and checks each. */
function walk(value: unknown, path: string, report: Report): void {
  if (Array.isArray(value)) {
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (isEntry(item)) {
        const id = item.word ?? `/${item.pattern}/`;
        if (seen.has(id)) report(at, `与本列表中前面的条目“${id}”重复`);
        seen.add(id);
        checkEntry(item, at, report);
      }
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, report);
  }
}

function label(entry: LexiconEntry): string {
  return entry.word ?? `/${entry.pattern}/`;
}

function checkEntry(entry: LexiconEntry, path: string, report: Report): void {
  const where = `${path}（${label(entry)}）`;
  const regexes = [...(entry.pattern !== undefined ? [entry.pattern] : []), ...(entry.exclude ?? [])];
  let compiles = true;
  for (const source of regexes) {
    const problem = regexProblem(source);
    if (problem) {
      report(where, problem);
      compiles = false;
    }
  }
  if (!compiles) return;
  for (const example of entry.examples) {
    if (!matchEntry(entry, example)) report(where, `示例“${example}”应当匹配，但没有匹配`);
  }
  for (const counter of entry.counterexamples ?? []) {
    if (matchEntry(entry, counter)) report(where, `反例“${counter}”不应匹配，但匹配了`);
  }
}

/**
 * A regex the lexicon accepts: it compiles (with the u flag), uses no \b (meaningless between
 * Chinese characters), and has no group that contains a quantifier and is itself repeated without
 * bound — the shape behind catastrophic backtracking. (a?)? and (x{1,2})? are fine.
 */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `正则表达式无效：${(error as Error).message}`;
  }
  if (/(?:^|[^\\])(?:\\\\)*\\b/u.test(source)) return `正则表达式不应使用 \\b（中文没有词边界）：${source}`;
  if (hasNestedQuantifier(source)) return `正则表达式含嵌套量词，可能回溯爆炸：${source}`;
  return undefined;
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/u;
const UNBOUNDED = /^(?:[*+]|\{\d+,\})/u;

/** Scans groups (skipping escapes and [...] classes): does a repeated-without-bound group hold a quantifier? */
function hasNestedQuantifier(source: string): boolean {
  const open: boolean[] = []; // per open group: does its content hold a quantifier?
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') {
      open.push(false);
      if (source[i + 1] === '?') i += source[i + 2] === '<' ? 3 : 2; // (?: (?= (?! (?<= (?<!
    } else if (c === ')') {
      const holds = open.pop() ?? false;
      const rest = source.slice(i + 1);
      if (holds && UNBOUNDED.test(rest)) return true;
      if (open.length > 0 && (holds || QUANTIFIER.test(rest))) open[open.length - 1] = true;
    } else if (open.length > 0 && QUANTIFIER.test(source.slice(i))) {
      open[open.length - 1] = true;
    }
  }
  return false;
}

function checkTaxonomy(lexicon: Lexicon, report: Report): void {
  const { profiles, synonyms, evaluation } = lexicon.taxonomy;
  for (const [id, profile] of Object.entries(profiles) as [ProfileId, (typeof profiles)[ProfileId]][]) {
    profile.level1.forEach((l1, i) => {
      const at = `taxonomy.profiles.${id}.level1[${i}]`;
      expectLevel(lexicon, id, l1, 1, at, report);
      l1.level2.forEach((l2, j) => expectLevel(lexicon, id, l2, 2, `${at}.level2[${j}]`, report));
    });
  }
  const known = new Set(Object.values(profiles).flatMap((p) => p.level1.flatMap((l1) => [l1.word, ...l1.level2.map((l2) => l2.word)])));
  synonyms.forEach((s, i) => {
    const at = `taxonomy.synonyms[${i}]（${s.word}）`;
    if (!known.has(s.canonical)) report(at, `规范名称“${s.canonical}”不在任何口径的指标体系中`);
    for (const example of s.examples) {
      const got = normalizeLevelName(example, lexicon);
      if (got?.canonical !== s.canonical) report(at, `示例“${example}”应归一为“${s.canonical}”，实际为“${got?.canonical ?? '（无法识别）'}”`);
    }
    for (const counter of s.counterexamples ?? []) {
      if (normalizeLevelName(counter, lexicon)?.canonical === s.canonical) report(at, `反例“${counter}”不应归一为“${s.canonical}”`);
    }
  });
  evaluation.forEach((e, i) => {
    const at = `taxonomy.evaluation[${i}]（${e.word}）`;
    for (const example of e.examples) {
      const got = normalizeLevelName(example, lexicon);
      if (!got?.evaluation || got.canonical !== e.word) report(at, `示例“${example}”应识别为评价体系指标“${e.word}”，实际为“${got?.canonical ?? '（无法识别）'}”`);
    }
    for (const counter of e.counterexamples ?? []) {
      if (normalizeLevelName(counter, lexicon)?.canonical === e.word) report(at, `反例“${counter}”不应识别为“${e.word}”`);
    }
  });
}

function expectLevel(
  lexicon: Lexicon,
  profile: ProfileId,
  entry: { word: string; examples: string[]; counterexamples?: string[] },
  level: 1 | 2,
  path: string,
  report: Report,
): void {
  const at = `${path}（${entry.word}）`;
  for (const example of entry.examples) {
    const got = normalizeLevelName(example, lexicon, { profile });
    if (got?.canonical !== entry.word || got.level !== level || !got.inProfile) {
      const actual = got ? `${got.canonical}（${got.level}级${got.inProfile ? '' : '，不在本口径'}）` : '（无法识别）';
      report(at, `示例“${example}”在 ${profile} 口径下应归一为“${entry.word}”（${level}级），实际为“${actual}”`);
    }
  }
  for (const counter of entry.counterexamples ?? []) {
    if (normalizeLevelName(counter, lexicon, { profile })?.canonical === entry.word) report(at, `反例“${counter}”不应归一为“${entry.word}”`);
  }
}

/** Rewrites must be well-formed suggestions: they contain their verb and object, and use known verbs and units. */
function checkObjects(lexicon: Lexicon, report: Report): void {
  const verbs = Object.values(lexicon.verbs).flat();
  lexicon.ambiguousObjects.forEach((entry, i) => {
    entry.rewrites.forEach((r, j) => {
      const at = `ambiguousObjects[${i}].rewrites[${j}]（${r.name}）`;
      const object = r.object ?? entry.word ?? '';
      if (!r.name.includes(r.verb)) report(at, `建议名称不含动词“${r.verb}”`);
      if (!r.name.includes(object)) report(at, `建议名称不含对象“${object}”`);
      if (!findFirst(verbs, r.verb)) report(at, `动词“${r.verb}”不在 verbs 词表中`);
      if (r.measure !== undefined && !r.name.includes(r.measure)) report(at, `建议名称不含计量名词“${r.measure}”`);
      if (r.measure !== undefined && !findFirst(lexicon.measureNouns, r.measure)) report(at, `计量名词“${r.measure}”不在 measureNouns 词表中`);
      if (!knownUnit(lexicon, r.unit)) report(at, `单位“${r.unit}”不在 units 词表中`);
    });
  });
}

/** Suggested units must be units of their own kind. */
function checkUnits(lexicon: Lexicon, report: Report): void {
  for (const [kind, def] of Object.entries(lexicon.units) as [UnitKind, Lexicon['units'][UnitKind]][]) {
    const fits = (unit: string): boolean =>
      def.units.includes(unit) || (def.unitPattern !== undefined && new RegExp(def.unitPattern, 'u').test(unit));
    if (def.unitPattern !== undefined) {
      const problem = regexProblem(def.unitPattern);
      if (problem) report(`units.${kind}.unitPattern`, problem);
    }
    if (def.suggest !== undefined && !fits(def.suggest)) report(`units.${kind}.suggest`, `建议单位“${def.suggest}”不在本类单位中`);
    def.names.forEach((entry, i) => {
      if (entry.unit !== undefined && !fits(entry.unit)) report(`units.${kind}.names[${i}]（${label(entry)}）`, `单位“${entry.unit}”不在本类单位中`);
    });
  }
}

function knownUnit(lexicon: Lexicon, unit: string): boolean {
  return Object.values(lexicon.units).some(
    (def) => def.units.includes(unit) || (def.unitPattern !== undefined && new RegExp(def.unitPattern, 'u').test(unit)),
  );
}
