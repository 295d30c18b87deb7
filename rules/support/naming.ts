/**
 * What the naming rules (quantity-name-missing-action, ambiguous-object-action, name-contains-value,
 * template-placeholder-left, name-is-sentence, vague-effect-indicator) ask of a 三级 name and of the
 * form's own text: the parts of a quantity name, the actions the form does to an object, the
 * quantified targets its goals state, and which of two overlapping rules owns a name. Isomorphic.
 */
import type { TextField } from '../../src/model/cell.js';
import type { Declaration, Indicator, Operator } from '../../src/model/declaration.js';
import type { Locale } from '../../src/i18n/read-messages.js';
import type { Profile } from '../../src/engine/rule.js';
import { foldWidth, normalizeUnit } from '../../src/text/normalize.js';
import { findAll, findFirst, matchEntry, polarityOf, unitKindOfName, type LexiconMatch } from '../lexicon/match.js';
import type { AmbiguousObjectEntry, CueEntry, Level2Kind, Lexicon, LexiconEntry, Rewrite } from '../lexicon/types.js';
import { allVerbs, nameOf, placementOf, verbsForObject } from './form.js';

// ── where a text comes from, said in the run's language ───────────────────────────────────────

export type SourceLabel = 'overall' | 'midTerm' | 'annual' | 'project' | 'overview' | 'cost' | 'indicator';

const SOURCE_LABELS: Record<Locale, Record<SourceLabel, string>> = {
  zh: { overall: '总体目标', midTerm: '中期目标', annual: '年度目标', project: '项目名称', overview: '项目概况', cost: '成本指标', indicator: '指标' },
  en: { overall: 'the overall goal', midTerm: 'the mid-term goal', annual: 'the annual goal', project: 'the project name', overview: 'the project overview', cost: 'the cost row', indicator: 'the indicator' },
};

export function sourceLabel(label: SourceLabel, locale: Locale): string {
  return SOURCE_LABELS[locale][label];
}

/** "总体目标：“…组织设计搭建展位”" / `the overall goal: "…"`. */
export function quoteOf(quote: { label: SourceLabel; text: string }, locale: Locale): string {
  return locale === 'zh' ? `${SOURCE_LABELS.zh[quote.label]}：“${quote.text}”` : `${SOURCE_LABELS.en[quote.label]}: "${quote.text}"`;
}

interface LabelledText {
  text: string;
  label: SourceLabel;
  /** goals and the project say what the project does; cost and indicator rows only hint at it. */
  statement: boolean;
  field: TextField;
}

/** The form's texts with where they come from, goals first (they state the work). */
export function labelledTexts(declaration: Declaration, lexicon: Lexicon, profile: Profile, exclude?: Indicator): LabelledText[] {
  const out: LabelledText[] = [];
  const add = (field: TextField | undefined, label: SourceLabel, statement: boolean) => {
    if (field?.text) out.push({ text: foldWidth(field.text), label, statement, field });
  };
  add(declaration.goals.overall, 'overall', true);
  add(declaration.goals.midTerm, 'midTerm', true);
  add(declaration.goals.annual, 'annual', true);
  add(declaration.project.name, 'project', true);
  add(declaration.project.overview, 'overview', true);
  for (const indicator of declaration.indicators) {
    if (indicator === exclude || !indicator.name.text) continue;
    const placement = placementOf(indicator, lexicon, profile);
    const cost = placement.family === 'cost' || placement.kind === 'cost';
    add(indicator.name, cost ? 'cost' : 'indicator', false);
  }
  return out;
}

export const CLAUSE_BREAK = /[，。；;,！？!?\n]/u;

/** A clause short enough to quote: the object with up to `span` characters either side. */
function around(clause: string, at: number, length: number, span = 14): string {
  const from = Math.max(0, at - span);
  const to = Math.min(clause.length, at + length + span);
  return `${from > 0 ? '…' : ''}${clause.slice(from, to)}${to < clause.length ? '…' : ''}`;
}

// ── quantity names: object + measure ──────────────────────────────────────────────────────────

export interface QuantityName {
  /** The cleaned name (nameOf). */
  name: string;
  /** The measure noun that ends it: 面积, 数量, 人次 … */
  measure: string;
  /** What is counted or measured: 展位, 公务车辆. */
  object: string;
  /** Where the object starts in the cleaned name (after 全年 / 年度 …): a verb goes there. */
  objectAt: number;
}

const QUALIFIER = /^(?:全年|年度|当年|本年度|本年|本期|累计)/u;

/** `展位面积` → 展位 + 面积. Undefined when no measure noun ends the name. */
export function splitQuantityName(name: string, lexicon: Lexicon): QuantityName | undefined {
  let measure: LexiconMatch | undefined;
  for (const entry of lexicon.measureNouns) {
    const m = matchEntry(entry, name);
    if (m && m.index + m.matched.length === name.length && (!measure || m.matched.length > measure.matched.length)) measure = m;
  }
  if (!measure) return undefined;
  const head = name.slice(0, measure.index);
  const qualifier = QUALIFIER.exec(head)?.[0] ?? '';
  const object = head.slice(qualifier.length).replace(/的$/u, '');
  return { name, measure: measure.matched, object, objectAt: qualifier.length };
}

/** The name with `verb` put where the object starts: 展位面积 + 搭建 → 搭建展位面积. */
export function withVerb(q: QuantityName, verb: string, object?: { from: string; to: string }): string {
  const rest = q.name.slice(q.objectAt);
  const replaced = object && rest.includes(object.from) && !rest.includes(object.to) ? rest.replace(object.from, object.to) : rest;
  return q.name.slice(0, q.objectAt) + verb + replaced;
}

/**
 * The name cell's text with its cleaned core rewritten, keeping what cleaning dropped (★, a trailing
 * （平方米）): "展位面积（平方米）" + 展位面积 → 搭建展位面积 gives "搭建展位面积（平方米）".
 */
export function rewriteNameText(text: string, core: string, after: string): string | undefined {
  const trimmed = text.trim();
  const at = trimmed.indexOf(core);
  if (at < 0 || trimmed === core) return undefined;
  return trimmed.slice(0, at) + after + trimmed.slice(at + core.length);
}

/** Measures that count people or households: a count of beneficiaries names its output by itself. */
const PERSON_MEASURES: ReadonlySet<string> = new Set(['人数', '人次', '户数', '数']);

/** Names that already say what is done without a verb: 助餐服务人次, 法律服务次数. */
const ACTION_NOUN_END = /服务(?:人次|人数|户数|次数|场次|时长)$/u;

/**
 * A 数量指标 name that is a bare object + measure noun with no action (展位面积, 车辆数量), or
 * undefined. Not: names with a verb anywhere (农村低保发放人数), names of recipients (受益人口数,
 * 补助对象人数), counts of people of a beneficiary group (困难群众人数), action nouns (助餐服务人次).
 */
export function bareQuantityName(indicator: Indicator, lexicon: Lexicon, profile: Profile): QuantityName | undefined {
  if (placementOf(indicator, lexicon, profile).kind !== 'quantity') return undefined;
  const name = nameOf(indicator);
  if (!name) return undefined;
  if (findFirst(allVerbs(lexicon), name)) return undefined;
  if (findFirst(lexicon.recipientNouns, name)) return undefined;
  if (ACTION_NOUN_END.test(name)) return undefined;
  const q = splitQuantityName(name, lexicon);
  if (!q || q.object.length < 1) return undefined;
  if (PERSON_MEASURES.has(q.measure) && lexicon.beneficiaries.some((b) => !b.internal && matchEntry(b, q.object))) return undefined;
  return q;
}

// ── what the form does to an object ───────────────────────────────────────────────────────────

/**
 * Verbs that govern a whole phrase rather than act on the object: in 组织设计搭建展位 the work done
 * to the booth is 设计搭建; 组织展位面积 would say nothing.
 */
const GOVERNING_VERBS: ReadonlySet<string> = new Set(['组织', '开展', '完成', '参加', '参展', '召开', '举办', '承办', '形成']);

export interface ObjectAction {
  /** One verb (搭建), or verbs the form writes together (设计搭建). */
  verb: string;
  /** Times the form uses it with the object. */
  count: number;
  /** Seen in the goals or the project name (not only in a cost or indicator row). */
  statement: boolean;
  quote?: { label: SourceLabel; text: string };
}

/** Separators allowed between verbs written together: 设计、搭建; 维修和维护. */
const VERB_JOINER = /^[、和及与并]$/u;

/** Lexicon verbs ending exactly at `end` in `text`, longest first (respecting the entries' excludes). */
function verbsEndingAt(text: string, end: number, verbs: readonly LexiconEntry[], clause: string): string[] {
  return verbs
    .filter((v) => v.word !== undefined && text.slice(0, end).endsWith(v.word) && matchEntry(v, clause))
    .map((v) => v.word!)
    .sort((a, b) => b.length - a.length);
}

function verbsStartingAt(text: string, start: number, verbs: readonly LexiconEntry[], clause: string): string[] {
  return verbs
    .filter((v) => v.word !== undefined && text.startsWith(v.word, start) && matchEntry(v, clause))
    .map((v) => v.word!)
    .sort((a, b) => b.length - a.length);
}

/** Verbs written one after another right before `at` (组织设计搭建|展位), up to 6 modifier characters away. */
function chainBefore(clause: string, at: number, verbs: readonly LexiconEntry[]): string[] {
  let end = at;
  // Skip modifiers between the verbs and the object: 搭建|吐鲁番市形象|展位.
  for (let skipped = 0; skipped <= 6 && end > 0; skipped++, end--) {
    if (verbsEndingAt(clause, end, verbs, clause).length > 0) break;
  }
  const chain: string[] = [];
  for (;;) {
    const found = verbsEndingAt(clause, end, verbs, clause)[0];
    if (!found) break;
    chain.unshift(found);
    end -= found.length;
    if (end > 0 && VERB_JOINER.test(clause[end - 1]!) && verbsEndingAt(clause, end - 1, verbs, clause).length > 0) end--;
  }
  return chain;
}

/** Verbs written right after the object in a cost or activity phrase: 展位|设计、搭建|费用. */
function chainAfter(clause: string, from: number, verbs: readonly LexiconEntry[]): string[] {
  let at = from;
  const chain: string[] = [];
  for (;;) {
    const found = verbsStartingAt(clause, at, verbs, clause)[0];
    if (!found) break;
    chain.push(found);
    at += found.length;
    if (VERB_JOINER.test(clause[at] ?? '') && verbsStartingAt(clause, at + 1, verbs, clause).length > 0) at++;
  }
  return chain;
}

export interface ObjectActions {
  /** Single verbs, ranked as verbsForObject ranks them: how often, then how close to the object. */
  singles: ObjectAction[];
  /** Verbs the form writes together (设计搭建), most frequent first. */
  chains: ObjectAction[];
}

/**
 * What the form says is done to `object`, each with a quote. Governing verbs (组织, 开展 …) are left
 * out, also from chains: 组织设计搭建展位 gives 设计搭建.
 */
export function actionsForObject(object: string, declaration: Declaration, lexicon: Lexicon, profile: Profile, exclude?: Indicator): ObjectActions {
  const verbs = allVerbs(lexicon);
  const ranked = verbsForObject(object, declaration, lexicon, profile, exclude).filter((e) => !GOVERNING_VERBS.has(e.verb));
  if (ranked.length === 0) return { singles: [], chains: [] };
  const singles = new Map<string, ObjectAction>(ranked.map((e) => [e.verb, { verb: e.verb, count: e.count, statement: false }]));
  const chains = new Map<string, ObjectAction>();
  const seen = (verb: string, piece: LabelledText, quote: ObjectAction['quote']) => {
    const single = singles.get(verb);
    if (!single) return;
    single.statement ||= piece.statement;
    single.quote ??= quote;
  };
  for (const piece of labelledTexts(declaration, lexicon, profile, exclude)) {
    for (const clause of piece.text.split(CLAUSE_BREAK)) {
      for (let at = clause.indexOf(object); at >= 0; at = clause.indexOf(object, at + object.length)) {
        const quote = { label: piece.label, text: around(clause, at, object.length) };
        for (const chain of [chainBefore(clause, at, verbs), chainAfter(clause, at + object.length, verbs)]) {
          const acting = chain.filter((v) => !GOVERNING_VERBS.has(v));
          for (const verb of acting) seen(verb, piece, quote);
          if (acting.length < 2) continue;
          const verb = acting.join('');
          const known = chains.get(verb);
          if (known) {
            known.count++;
            known.statement ||= piece.statement;
          } else chains.set(verb, { verb, count: 1, statement: piece.statement, quote });
        }
        // A verb a few characters before the object, modifiers between, is seen here too.
        const near = clause.slice(Math.max(0, at - 8), at);
        for (const single of singles.values()) if (near.includes(single.verb)) seen(single.verb, piece, quote);
      }
    }
  }
  return { singles: [...singles.values()], chains: [...chains.values()].sort((a, b) => b.count - a.count) };
}

/** How many of the form's texts use the verb at all (with any object): 展位购置费用 → 购置. */
export function verbUsage(verb: string, declaration: Declaration, lexicon: Lexicon, profile: Profile, exclude?: Indicator): number {
  const parts = findAll(allVerbs(lexicon), verb).map((m) => m.matched);
  const words = parts.length > 0 ? parts : [verb];
  return labelledTexts(declaration, lexicon, profile, exclude).filter((t) => words.some((w) => t.text.includes(w))).length;
}

// ── the verdict on a bare quantity name: R01 or R02 ───────────────────────────────────────────

export interface Candidate {
  /** The new name. */
  name: string;
  verb: string;
  /** The unit the lexicon gives with this rewrite (R02). */
  unit?: string;
  quote?: { label: SourceLabel; text: string };
  /** Where it comes from: the form's own text, or a lexicon entry. */
  origin: 'form' | 'lexicon';
}

export type QuantityVerdict =
  | { rule: 'missing-action'; q: QuantityName; candidates: Candidate[] }
  | { rule: 'ambiguous'; q: QuantityName; entry: AmbiguousObjectEntry; candidates: Candidate[] };

/** The lexicon's rewrites of an ambiguous object that fit the name's measure noun. */
function rewritesFor(entry: AmbiguousObjectEntry, measure: string): Rewrite[] {
  const exact = entry.rewrites.filter((r) => r.measure === measure);
  const open = entry.rewrites.filter((r) => r.measure === undefined);
  return exact.length + open.length > 0 ? [...exact, ...open] : entry.rewrites;
}

/** A lexicon rewrite as a name for this row: the lexicon's own name for a bare name, else the verb put in. */
function rewriteName(q: QuantityName, entry: AmbiguousObjectEntry, r: Rewrite): string {
  // 车辆数量, or 档案保管数量 (words after the object are no help): the lexicon's own name. 公务车辆数量
  // keeps its 公务: the verb goes in front.
  const own = entry.word !== undefined && !q.object.endsWith(entry.word);
  if ((own || q.name === `${entry.word}${q.measure}`) && r.name.endsWith(q.measure)) return r.name;
  return withVerb(q, r.verb, r.object && entry.word ? { from: entry.word, to: r.object } : undefined);
}

const MAX_CANDIDATES = 4;

/**
 * Whether a bare quantity name is a missing action (R01: the form says what is done, or the
 * object is not ambiguous) or an ambiguous object (R02: one of several actions, none stated in the
 * goals), with the rewrites to offer, best first. R01 and R02 both call this, so a name gets one
 * finding.
 */
export function quantityVerdict(indicator: Indicator, declaration: Declaration, lexicon: Lexicon, profile: Profile): QuantityVerdict | undefined {
  const q = bareQuantityName(indicator, lexicon, profile);
  if (!q) return undefined;
  const ambiguous = q.object ? findFirst(lexicon.ambiguousObjects, q.object) : undefined;
  const objects = [...new Set([q.object, ambiguous?.entry.word, q.object.length > 2 ? q.object.slice(-2) : undefined].filter((o): o is string => !!o && o.length >= 2))];
  let actions: ObjectActions = { singles: [], chains: [] };
  for (const object of objects) {
    actions = actionsForObject(object, declaration, lexicon, profile, indicator);
    if (actions.singles.length > 0) break;
  }
  const all = [...actions.singles, ...actions.chains];

  if (ambiguous && !all.some((a) => a.statement)) {
    // R02: rank the lexicon's rewrites by what the form does to this object (a cost row 车辆租赁费),
    // then by verbs the form uses at all (展位购置费用), then in the lexicon's order.
    const entry = ambiguous.entry;
    const scored = rewritesFor(entry, q.measure).map((r, order) => {
      const parts = findAll(allVerbs(lexicon), r.verb).map((m) => m.matched);
      const own = all.filter((a) => a.verb === r.verb || parts.includes(a.verb));
      return {
        r,
        order,
        withObject: own.reduce((n, a) => n + a.count, 0),
        quote: own.find((a) => a.quote)?.quote,
        anywhere: verbUsage(r.verb, declaration, lexicon, profile, indicator),
      };
    });
    scored.sort((a, b) => b.withObject - a.withObject || Math.sign(b.anywhere) - Math.sign(a.anywhere) || a.order - b.order);
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    for (const s of scored) {
      const name = rewriteName(q, entry, s.r);
      if (seen.has(name)) continue;
      seen.add(name);
      candidates.push({ name, verb: s.r.object ? `${s.r.verb}${s.r.object}` : s.r.verb, unit: s.r.unit, origin: 'lexicon', ...(s.quote ? { quote: s.quote } : {}) });
    }
    return { rule: 'ambiguous', q, entry, candidates: candidates.slice(0, MAX_CANDIDATES + 1) };
  }

  // R01: the verbs the form uses with the object — the top one, the form's combination of it with
  // others (设计搭建), then the rest.
  const [top, ...rest] = actions.singles;
  const chain = actions.chains.find((c) => !top || c.verb.includes(top.verb));
  const ordered = [top, chain, ...rest].filter((a): a is ObjectAction => a !== undefined);
  let candidates: Candidate[] = ordered.map((a) => ({ name: withVerb(q, a.verb), verb: a.verb, origin: 'form' as const, ...(a.quote ? { quote: a.quote } : {}) }));
  // The lexicon's wording for this object and measure goes first when the form's verbs make it
  // (展位数量: 设计搭建展位数量, the curated name, from the form's own 设计搭建).
  if (ambiguous) {
    const curated = rewritesFor(ambiguous.entry, q.measure).map((r) => rewriteName(q, ambiguous.entry, r));
    const best = candidates.findIndex((c) => curated.includes(c.name));
    if (best > 0) candidates = [candidates[best]!, ...candidates.filter((_, i) => i !== best)];
  }
  if (candidates.length === 0) candidates = lexiconExamplesFor(q, lexicon);
  return { rule: 'missing-action', q, candidates: candidates.slice(0, MAX_CANDIDATES) };
}

/**
 * Names in the verb lexicon's examples that are this name with verbs put in front: 会议次数 →
 * 组织召开会议次数, 课程数量 → 开设课程数量 (not 政府购买服务项目数量 for 项目数量: more than a verb).
 */
function lexiconExamplesFor(q: QuantityName, lexicon: Lexicon): Candidate[] {
  const verbs = allVerbs(lexicon).map((v) => v.word).filter((w): w is string => w !== undefined);
  const onlyVerbs = (text: string): boolean => {
    for (let rest = text; rest !== ''; ) {
      const verb = verbs.filter((w) => rest.startsWith(w)).sort((a, b) => b.length - a.length)[0];
      if (!verb) return false;
      rest = rest.slice(verb.length);
    }
    return text !== '';
  };
  const core = q.name.slice(q.objectAt);
  const out: Candidate[] = [];
  for (const entry of allVerbs(lexicon)) {
    for (const example of entry.examples) {
      const e = foldWidth(example);
      const added = e.slice(0, e.length - core.length);
      const name = withVerb(q, added);
      if (!e.endsWith(core) || !onlyVerbs(added) || out.some((c) => c.name === name)) continue;
      out.push({ name, verb: added, origin: 'lexicon' });
    }
  }
  return out.slice(0, 3);
}

// ── units in names ────────────────────────────────────────────────────────────────────────────

/** The form writes units into its names in brackets (培训人次（人次）): suggested names follow suit. */
export function namesCarryUnits(declaration: Declaration): boolean {
  const named = declaration.indicators.filter((i) => i.name.text);
  const withUnit = named.filter((i) => /[(（][^()（）]{1,6}[)）]\s*$/u.test(i.name.text) && !/[(（](?:必填|选填|核心|新增)[)）]\s*$/u.test(i.name.text));
  return named.length > 0 && withUnit.length * 2 >= named.length;
}

export function nameWithUnit(name: string, unit: string | undefined, declaration: Declaration): string {
  return unit && namesCarryUnits(declaration) ? `${name}（${unit}）` : name;
}

// ── figures stated in the goals ───────────────────────────────────────────────────────────────

/** Operator words before and after a figure, longest first (不超过 before 超过, 不低于 before 低于). */
const OPERATOR_BEFORE: [string, Operator][] = (
  [
    ['不低于', '≥'], ['不少于', '≥'], ['不小于', '≥'], ['至少', '≥'], ['达到', '≥'], ['超过', '≥'], ['高于', '≥'], ['≥', '≥'], ['>=', '≥'], ['>', '≥'],
    ['不超过', '≤'], ['不高于', '≤'], ['不多于', '≤'], ['控制在', '≤'], ['低于', '≤'], ['≤', '≤'], ['<=', '≤'], ['<', '≤'], ['=', '='],
  ] as [string, Operator][]
).sort((a, b) => b[0].length - a[0].length);
const OPERATOR_AFTER: [string, Operator][] = [
  ['及以上', '≥'], ['以上', '≥'], ['及以下', '≤'], ['以内', '≤'], ['以下', '≤'],
];

/** Units a goal states figures in, longest first (magnitudes included: 万人次, 万亩). */
function goalUnits(lexicon: Lexicon): string[] {
  const base = Object.values(lexicon.units).flatMap((def) => def.units).filter((u) => !u.includes('/') && !['年', '月', '日', '周', '度'].includes(u));
  const extra = ['平米', '㎡', '个百分点', '万人次', '万人', '万户', '万亩', '万平方米', '万株', '万册', '万份', '万元', '亿元', '公斤', '万吨'];
  return [...new Set([...base, ...extra])].sort((a, b) => b.length - a.length);
}

const unitPatterns = new WeakMap<Lexicon, RegExp>();

function figurePattern(lexicon: Lexicon): RegExp {
  let re = unitPatterns.get(lexicon);
  if (!re) {
    const units = goalUnits(lexicon).map((u) => u.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
    re = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*((?:${units})(?:/[\\u4e00-\\u9fff]{1,2})?)`, 'gu');
    unitPatterns.set(lexicon, re);
  }
  return re;
}

export interface GoalFigure {
  operator?: Operator;
  number: number;
  /** The figure as written: 25, 0.6. */
  figure: string;
  unit: string;
  /** The clause it stands in, and where (figure + unit, operator words included). */
  clause: string;
  start: number;
  end: number;
  label: SourceLabel;
}

/** Figures with units in the goals: 力争2024年招商引资到位资金同比增长25% → 25 %. Years, ordinals and quoted numbers are not figures. */
const goalFiguresCache = new WeakMap<Declaration, WeakMap<Lexicon, GoalFigure[]>>();

/** Cached per declaration and lexicon: rules ask once per indicator. */
export function goalFigures(declaration: Declaration, lexicon: Lexicon): GoalFigure[] {
  let byLexicon = goalFiguresCache.get(declaration);
  if (!byLexicon) goalFiguresCache.set(declaration, (byLexicon = new WeakMap()));
  let figures = byLexicon.get(lexicon);
  if (!figures) byLexicon.set(lexicon, (figures = findGoalFigures(declaration, lexicon)));
  return figures;
}

function findGoalFigures(declaration: Declaration, lexicon: Lexicon): GoalFigure[] {
  const out: GoalFigure[] = [];
  const fields: [TextField | undefined, SourceLabel][] = [
    [declaration.goals.overall, 'overall'],
    [declaration.goals.midTerm, 'midTerm'],
    [declaration.goals.annual, 'annual'],
  ];
  const re = figurePattern(lexicon);
  for (const [field, label] of fields) {
    if (!field?.text) continue;
    for (const raw of foldWidth(field.text).split(CLAUSE_BREAK)) {
      const clause = raw.replace(/^\s*目标\s*[0-9一二三四五六七八九十]+\s*[:：.、]?\s*/u, '').trim();
      const masked = maskQuoted(clause);
      for (const m of masked.matchAll(re)) {
        const at = m.index!;
        const before = clause.slice(0, at);
        const after = clause.slice(at + m[0].length);
        if (/第$/u.test(before) || /[A-Za-z]$/u.test(before) || /^[A-Za-z]/u.test(after)) continue;
        const prefix = OPERATOR_BEFORE.find(([w]) => before.endsWith(w));
        const suffix = OPERATOR_AFTER.find(([w]) => after.startsWith(w));
        const prefixWord = prefix?.[0] ?? '';
        const suffixWord = suffix?.[0] ?? '';
        out.push({
          ...(prefix || suffix ? { operator: (prefix ?? suffix)![1] } : {}),
          number: Number(m[1]),
          figure: m[1]!,
          unit: normalizeUnit(m[2]!).unit,
          clause,
          start: at - prefixWord.length,
          end: at + m[0].length + suffixWord.length,
          label,
        });
      }
    }
  }
  return out;
}

/** Quoted and book-title text (“1535”工作思路, 《2024年方案》) kept in place but unreadable as figures. */
export function maskQuoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"|‘[^’]*’|「[^」]*」|《[^》]*》/gu, (s) => '#'.repeat(s.length));
}

export interface GoalTarget {
  name: string;
  value: string;
  operator: Operator;
  unit: string;
  quote: { label: SourceLabel; text: string };
  /** The 效益 二级 the cue words put it under. */
  kind?: Level2Kind;
  /** The cue that made it a benefit (到位资金), to tell whether a row already measures it. */
  cue?: string;
}

/** Words that open a goal clause and are no part of an indicator name. */
const LEAD_WORDS = /^(?:力争|确保|争取|努力|预计|计划|实现|保障|保证)+/u;
const YEAR_TOKEN = /(?:19|20)\d{2}\s*年(?:度)?/gu;
const MEASURE_BY_UNIT: Readonly<Record<string, string>> = { 户: '户数', 人: '人数', 人次: '人次', 万人次: '人次', 次: '次数', 场: '场次', 个: '数量', 家: '数量', 项: '数量' };

const BENEFIT_KINDS: [keyof Lexicon['cues']['benefit'], Level2Kind][] = [
  ['economic', 'economicBenefit'],
  ['social', 'socialBenefit'],
  ['ecological', 'ecologicalBenefit'],
  ['sustainable', 'sustainable'],
];

/** The 效益 cue a text matches (not the weak ones, which are vague themselves). */
export function benefitCue(text: string, lexicon: Lexicon): { kind: Level2Kind; match: LexiconMatch<CueEntry> } | undefined {
  for (const [group, kind] of BENEFIT_KINDS) {
    const match = lexicon.cues.benefit[group].map((e) => (e.weak ? undefined : matchEntry(e, text))).find((m) => m !== undefined);
    if (match) return { kind, match };
  }
  return undefined;
}

/**
 * Benefit targets the goals quantify, as indicator rows: "力争2024年招商引资到位资金同比增长25%" →
 * 招商引资到位资金同比增长率 ≥25% (经济效益). Only clauses with a 效益 cue and one figure; targets a row
 * of the form already measures (its name has the cue) are left out.
 */
const benefitTargetsCache = new WeakMap<Declaration, WeakMap<Lexicon, GoalTarget[]>>();

/** Cached per declaration: several rules ask, once per indicator. */
export function goalBenefitTargets(declaration: Declaration, lexicon: Lexicon): GoalTarget[] {
  let byLexicon = benefitTargetsCache.get(declaration);
  if (!byLexicon) benefitTargetsCache.set(declaration, (byLexicon = new WeakMap()));
  let targets = byLexicon.get(lexicon);
  if (!targets) byLexicon.set(lexicon, (targets = findGoalBenefitTargets(declaration, lexicon)));
  return targets;
}

function findGoalBenefitTargets(declaration: Declaration, lexicon: Lexicon): GoalTarget[] {
  const figures = goalFigures(declaration, lexicon);
  const out: GoalTarget[] = [];
  const names = declaration.indicators.map((i) => nameOf(i));
  const perClause = new Map<string, number>();
  for (const f of figures) perClause.set(`${f.label}\u0000${f.clause}`, (perClause.get(`${f.label}\u0000${f.clause}`) ?? 0) + 1);
  for (const f of figures) {
    if (perClause.get(`${f.label}\u0000${f.clause}`)! > 1) continue; // 400户…500元: which figure is the target?
    const cue = benefitCue(f.clause, lexicon);
    if (!cue) continue;
    if (names.some((n) => n.includes(cue.match.matched))) continue;
    const name = targetName(f.clause.slice(0, f.start), f.clause.slice(f.end), f.unit, lexicon);
    if (!name || name.length < 4) continue;
    const polarity = polarityOf(name, lexicon)?.polarity;
    const operator: Operator = f.operator ?? (polarity === 'negative' ? '≤' : '≥');
    const target: GoalTarget = {
      name,
      value: `${operator}${f.figure}${f.unit}`,
      operator,
      unit: f.unit,
      quote: { label: f.label, text: f.clause },
      kind: cue.kind,
      cue: cue.match.matched,
    };
    if (!out.some((t) => t.name === target.name)) out.push(target);
  }
  return out;
}

/** The words of a goal clause around its figure, as an indicator name. */
function targetName(before: string, after: string, unit: string, lexicon: Lexicon): string | undefined {
  let name = (before + (/^[\u4e00-\u9fff]/u.test(after) ? after : ''))
    .replace(YEAR_TOKEN, '')
    .replace(/\s+/gu, '')
    .replace(LEAD_WORDS, '')
    .replace(/(?:(?:提高|提升|增加|增长|降低|下降|减少)?(?:到|至)|达到|保持在|保持|为|达)$/u, '')
    .replace(/^(?:的|和|及)/u, '');
  name = name.replace(/[，。；、:：]+$/u, '');
  if (!/[\u4e00-\u9fff]{2}/u.test(name)) return undefined;
  const kind = unitKindOfName(name, lexicon)?.kind;
  if (unit === '%' || unit === '个百分点') {
    if (kind !== 'rate') name += /(?:增长|提高|增加|下降|降低|减少)$/u.test(name) ? '率' : '比例';
  } else if (!kind) {
    const measure = MEASURE_BY_UNIT[unit];
    if (measure) name += measure;
    else if (/元$/u.test(unit)) name += /(?:资金|收入|投资|金额|额|增收|节约|节省)$/u.test(name) ? '' : '金额';
  }
  return name;
}

// ── sentences and vague effects: which rule owns a name ───────────────────────────────────────

export type SentenceReason = 'punctuation' | 'slogan' | 'long';

/** The name without bracketed notes, quoted text made opaque, no spaces: what length and punctuation are judged on. */
export function nameCore(text: string): string {
  let s = maskQuoted(foldWidth(text)).replace(/\s+/gu, '');
  for (let i = 0; i < 3; i++) s = s.replace(/\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/gu, '');
  return s.replace(/^[★☆*]+/u, '');
}

/** A name ending that says what is measured (…率, …数量, …金额, …满意度, …时间): a long name with one is precise, not a sentence. */
export function hasMeasurableEnding(name: string, lexicon: Lexicon): boolean {
  return unitKindOfName(name, lexicon) !== undefined || polarityOf(name, lexicon) !== undefined;
}

/** Two clauses of two or more characters each, split by a comma or a semicolon. */
function clauses(core: string): string[] {
  return core
    .split(/[,;，；。!?！？]/u)
    .map((c) => c.trim())
    .filter((c) => [...c.matchAll(/[\u4e00-\u9fff]/gu)].length >= 2);
}

/** Verb phrases in a name: action verbs and vague verbs, at distinct places. */
export function verbPhrases(text: string, lexicon: Lexicon): string[] {
  const found = [...findAll(allVerbs(lexicon), text), ...findAll(lexicon.vague.verbs, text)].sort((a, b) => a.index - b.index || b.matched.length - a.matched.length);
  const out: LexiconMatch[] = [];
  for (const m of found) {
    const last = out.at(-1);
    if (last && m.index < last.index + last.matched.length) continue;
    out.push(m);
  }
  return out.map((m) => m.matched);
}

export interface SentenceShape {
  reason: SentenceReason;
  /** The sentence punctuation, the slogan word, or the length. */
  detail: string;
  clauses: string[];
}

/**
 * A 三级 name written as a sentence: clauses split by sentence punctuation; a slogan word (深入贯彻,
 * 全面落实 …) in a name that ends with nothing measurable; or a long name with several verb phrases
 * and no measurable ending. Parenthetical notes do not count.
 */
export function sentenceShape(text: string, lexicon: Lexicon, maxLength: number): SentenceShape | undefined {
  const core = nameCore(text);
  const parts = clauses(core);
  const stop = /[。!?！？]/u.exec(core.replace(/[。.]+$/u, ''));
  const trailing = /。$/u.test(core);
  const bare = core.replace(/[,;，；。!?！？.]+/gu, '');
  if (parts.length >= 2) {
    // The mark as written (， not the folded ,): folding and masking keep lengths.
    const mark = /[,;，；。!?！？]/u.exec(maskQuoted(foldWidth(text)));
    return { reason: 'punctuation', detail: mark ? text.charAt(mark.index) : '，', clauses: parts };
  }
  if ((stop || trailing) && !hasMeasurableEnding(bare, lexicon) && verbPhrases(bare, lexicon).length >= 1) {
    return { reason: 'punctuation', detail: stop?.[0] ?? '。', clauses: [bare] };
  }
  if (hasMeasurableEnding(bare, lexicon)) return undefined;
  const slogan = findFirst(lexicon.vague.slogans, bare);
  if (slogan && bare.length >= 6) return { reason: 'slogan', detail: slogan.matched, clauses: [bare] };
  if (bare.length > maxLength && verbPhrases(bare, lexicon).length >= 2) return { reason: 'long', detail: String(bare.length), clauses: [bare] };
  return undefined;
}

/** Sentence punctuation alone: the one shape vague-effect-indicator yields to name-is-sentence. */
export function isPunctuatedSentence(text: string, lexicon: Lexicon): boolean {
  return sentenceShape(text, lexicon, Number.POSITIVE_INFINITY)?.reason === 'punctuation';
}

export interface VagueEffect {
  verb: string;
  noun: string;
}

/**
 * A 效益 name built from a vague verb and an abstract noun with nothing countable: 扩大吐鲁番及重点产业
 * 的影响, 提升公共服务水平. Not when the name ends with a measure (…率, …人数) or the value is a figure.
 */
export function vagueEffectOf(indicator: Indicator, lexicon: Lexicon, profile: Profile): VagueEffect | undefined {
  if (placementOf(indicator, lexicon, profile).family !== 'benefit') return undefined;
  const name = nameOf(indicator);
  if (!name || hasMeasurableEnding(name, lexicon)) return undefined;
  if (indicator.value.kind === 'number') return undefined;
  if (/\d/u.test(maskQuoted(name))) return undefined;
  const verb = findFirst(lexicon.vague.verbs, name);
  const noun = findFirst(lexicon.vague.abstractNouns, name);
  if (!verb || !noun) return undefined;
  return { verb: verb.matched, noun: noun.matched };
}
