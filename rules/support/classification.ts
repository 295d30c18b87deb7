/**
 * Which 二级 an indicator's name says it belongs to, for the classification rules (R08–R15):
 * timeliness-misfiled, quality-misfiled, cost-misfiled, satisfaction-misfiled, outcome-as-output,
 * process-indicator-as-performance, rate-under-quantity and invalid-level-pair. One verdict per row,
 * so a row is reported by one of them only:
 *
 * 1. A row whose (一级, 二级) pair is not in the profile belongs to invalid-level-pair alone.
 * 2. A management or process item (资金使用合规率) belongs to process-indicator-as-performance,
 *    whatever else its name says and wherever it is filed.
 * 3. Otherwise the name's cues (rules/lexicon/cues.yaml) each claim a place. When one of them
 *    claims the place the row is in, the row stays (按期验收合格率 may sit under 质量 or 时效).
 * 4. Otherwise the claim nearest the end of the name decides: a Chinese name ends with what it
 *    measures (经费拨付及时率 is a 及时率, not a 经费). Weak cues (完成率) never decide.
 *
 * Isomorphic.
 */
import type { Locale } from '../../src/i18n/read-messages.js';
import type { Declaration, Indicator } from '../../src/model/declaration.js';
import type { Edit } from '../../src/model/diagnostic.js';
import type { Profile } from '../../src/engine/rule.js';
import { findAll, findLongest, normalizeLevelName, unitKindsOf, type LevelName, type LexiconMatch } from '../lexicon/match.js';
import type { CueEntry, Level2Kind, LevelFamily, Lexicon, LexiconEntry, VerbDomain } from '../lexicon/types.js';
import { allVerbs, level2Edit, nameOf, placementOf, verbsForObject, type Placement } from './form.js';

// ── level pairs (invalid-level-pair) ─────────────────────────────────────────────────────────

export interface LevelPair {
  /**
   * ok: both labels in the profile and the 二级 belongs to the 一级 (or no 一级 is written);
   * wrongParent: the 二级 belongs to another 一级; otherProfile: the 二级 is a name of the other
   * profile (经济成本指标 on a legacy form); unknown: a label missing, unknown, an evaluation label
   * or in the wrong column — level-name-valid reports those.
   */
  status: 'ok' | 'wrongParent' | 'otherProfile' | 'unknown';
  level1?: LevelName;
  level2?: LevelName;
}

export function levelPairOf(indicator: Indicator, lexicon: Lexicon, profile: Profile): LevelPair {
  const l1 = indicator.level1?.text ? normalizeLevelName(indicator.level1.text, lexicon, { profile, level: 1 }) : undefined;
  const l2 = indicator.level2?.text ? normalizeLevelName(indicator.level2.text, lexicon, { profile, level: 2 }) : undefined;
  const pair = { ...(l1 ? { level1: l1 } : {}), ...(l2 ? { level2: l2 } : {}) };
  if (indicator.level1?.text && (!l1 || l1.evaluation || l1.level !== 1 || !l1.inProfile)) return { status: 'unknown', ...pair };
  if (!l2) {
    // A 满意度 block often has its 一级 only; other blocks without a 二级 cannot be placed.
    return { status: indicator.level2?.text ? 'unknown' : l1?.family === 'satisfaction' ? 'ok' : 'unknown', ...pair };
  }
  if (l2.evaluation || l2.level !== 2) return { status: 'unknown', ...pair };
  if (!l2.inProfile) return { status: 'otherProfile', ...pair };
  if (l1 && l2.parent !== l1.canonical) return { status: 'wrongParent', ...pair };
  return { status: 'ok', ...pair };
}

/** Where a row should go: a 二级 of the active profile and its 一级. */
export interface Destination {
  level1: string;
  level2: string;
  kind: Level2Kind;
}

/** The profile's 二级 of a kind, with its 一级 (the first one when several have the kind). */
export function destinationOf(kind: Level2Kind, lexicon: Lexicon, profile: Profile): Destination | undefined {
  for (const l1 of lexicon.taxonomy.profiles[profile].level1) {
    const l2 = l1.level2.find((entry) => entry.kind === kind);
    if (l2) return { level1: l1.word, level2: l2.word, kind };
  }
  return undefined;
}

// ── cues and claims ──────────────────────────────────────────────────────────────────────────

/** Where a cue says a row belongs. `quantity` comes from the shape of the name (verb + count). */
export type Target = 'process' | 'satisfaction' | 'timeliness' | 'quality' | 'cost' | 'benefit' | 'quantity';

/** On a tie the earlier target decides: satisfaction words are unambiguous, outcome words broad. */
const PRIORITY: readonly Target[] = ['process', 'satisfaction', 'timeliness', 'quality', 'cost', 'benefit', 'quantity'];

export interface Claim {
  target: Target;
  /** The cue as matched; a unit-based cost claim has the unit as `matched` and index −1. */
  matched: string;
  index: number;
  weak: boolean;
  /** cost: economic | social | ecological; benefit: economic | social | ecological | sustainable. */
  sub?: string;
  /** True when the claim came from cues.outcome (an effect word), not a 效益 subtype word. */
  outcome?: boolean;
}

/** Where the cue ends in the name; a unit-based claim ranks below every word. */
const end = (c: Claim) => (c.index < 0 ? -1 : c.index + c.matched.length);

/**
 * The claim nearer the end of the name; on a tie the earlier target of PRIORITY, then the shorter
 * match (人均培训成本 is shown as its 成本).
 */
function stronger(best: Claim, c: Claim): Claim {
  if (end(c) !== end(best)) return end(c) > end(best) ? c : best;
  const byTarget = PRIORITY.indexOf(c.target) - PRIORITY.indexOf(best.target);
  if (byTarget !== 0) return byTarget < 0 ? c : best;
  return c.matched.length < best.matched.length ? c : best;
}

/**
 * Satisfaction proxies: inside the 满意度 block these read as satisfaction (投诉率, 群众评价); they
 * never move a row into it.
 */
const SATISFACTION_PROXY = /满意|投诉|评价|评议|测评|认可|好评|口碑/u;

/**
 * The catalog's R09 list: the quality cues that move a row. The others (符合…标准, 运行率, 故障率 …)
 * keep a row under 质量 but are too close to benefits to move one.
 */
const QUALITY_TRIGGER = /合格|达标率|验收通过|优良率|优秀率|准确率|正确率|完好率|成活率|出勤率|通过率/u;

/** Under 效益, timeliness words that still mean the project's own schedule (按期完工率). */
const SCHEDULE = /按期|按时|如期|按计划|完成时|开工|竣工|完工|工期|进度|前完成|(月底|月末|年底|年末|季度末)前/u;

/** Words of change: a 效益 row with one of them states an effect (审批时限压缩率, 成本降低额). */
const CHANGE = /缩短|压缩|减少|降低|下降|提高|提升|增加|节约|节省/u;

/** 发放/拨付 + 金额: money transferred is the output of a transfer programme (R13 FP). */
const TRANSFER_AMOUNT = /(发放|拨付|兑现|兑付|下拨)[^，。；]{0,6}(金额|资金|数额|总额)|(资金|补助|补贴|奖励|奖补)[^，。；]{0,4}(发放|拨付|兑现|兑付)/u;

const claimCache = new WeakMap<Indicator, Map<Lexicon, Claim[]>>();

function push(out: Claim[], target: Target, matches: LexiconMatch<CueEntry>[], extra: Partial<Claim> = {}): void {
  for (const m of matches) out.push({ target, matched: m.matched, index: m.index, weak: m.entry.weak === true, ...extra });
}

/** Every cue in the row's name (and a 元/… unit), as claims. */
export function claimsOf(indicator: Indicator, lexicon: Lexicon): Claim[] {
  let byLexicon = claimCache.get(indicator);
  if (!byLexicon) claimCache.set(indicator, (byLexicon = new Map()));
  const cached = byLexicon.get(lexicon);
  if (cached) return cached;
  const name = nameOf(indicator);
  const { cues } = lexicon;
  const out: Claim[] = [];
  push(out, 'process', findAll(cues.process, name));
  push(out, 'satisfaction', findAll(cues.satisfaction, name));
  push(out, 'timeliness', findAll(cues.timeliness, name));
  push(out, 'quality', findAll(cues.quality, name));
  for (const sub of ['economic', 'social', 'ecological'] as const) push(out, 'cost', findAll(cues.cost[sub], name), { sub });
  for (const sub of ['economic', 'social', 'ecological', 'sustainable'] as const) push(out, 'benefit', findAll(cues.benefit[sub], name), { sub });
  push(out, 'benefit', findAll(cues.outcome, name), { outcome: true });
  push(out, 'benefit', findAll(cues.savings, name), { sub: 'economic' });
  // A per-unit money value (元/人, 万元/台) states a unit cost whatever the name says.
  const unit = indicator.value.unit;
  if (unit && unitKindsOf(unit, lexicon).includes('unitCost')) out.push({ target: 'cost', matched: unit, index: -1, weak: false, sub: 'economic' });
  byLexicon.set(lexicon, out);
  return out;
}

// ── the slot a row is in ─────────────────────────────────────────────────────────────────────

export interface Slot {
  family?: LevelFamily;
  kind?: Level2Kind;
}

function isCostSlot(slot: Slot): boolean {
  return slot.family === 'cost' || slot.kind === 'cost' || slot.kind === 'economicCost' || slot.kind === 'socialCost' || slot.kind === 'ecologicalCost';
}

function isSatisfactionSlot(slot: Slot): boolean {
  return slot.family === 'satisfaction' || slot.kind === 'satisfaction';
}

/** Does the claim say the row belongs where it is? */
function claimFits(claim: Claim, slot: Slot): boolean {
  switch (claim.target) {
    case 'satisfaction':
      return isSatisfactionSlot(slot);
    case 'timeliness':
      return slot.kind === 'timeliness';
    case 'quality':
      return slot.kind === 'quality';
    case 'cost':
      return isCostSlot(slot);
    case 'benefit':
      return slot.family === 'benefit';
    default:
      return false;
  }
}

/** Is this claim strong enough, where the row is, to move it? */
function claimMoves(claim: Claim, slot: Slot, name: string, countShaped: boolean): boolean {
  if (claim.weak) return false;
  // A name ending in a count or extent (按时发放人数, 减免租金企业数量) is a quantity; only an effect or a satisfaction word moves it.
  if (countShaped && claim.target !== 'benefit' && claim.target !== 'satisfaction') return false;
  const inOutput = slot.family === 'output' && !isCostSlot(slot);
  switch (claim.target) {
    case 'satisfaction':
      return claim.matched.includes('满意');
    case 'timeliness':
      // 时效性 inside a quality standard (检测报告时效性) stays a quality row.
      if (claim.matched === '时效性' && slot.kind === 'quality') return false;
      if (slot.family === 'benefit') return SCHEDULE.test(claim.matched) && !CHANGE.test(name);
      return true;
    case 'quality':
      // A quality row is a rate (建成达标学校数量 is a count).
      if (!QUALITY_TRIGGER.test(claim.matched) && !QUALITY_TRIGGER.test(name.slice(claim.index, end(claim) + 1))) return false;
      if (!/(率|比例)$/u.test(name)) return false;
      // Under 效益 a 达标率 is usually an effect (水质达标率); an acceptance rate never is.
      if (slot.family === 'benefit') return /验收/u.test(claim.matched);
      return true;
    case 'cost':
      // Negative externalities (噪声, 扬尘) under 效益 are effects stated the other way round.
      if (claim.sub !== 'economic' && !inOutput) return false;
      if (slot.family === 'benefit' && (CHANGE.test(name) || claim.index < 0)) return false;
      return true;
    case 'benefit':
      return claim.outcome === true && slot.family === 'output' && !TRANSFER_AMOUNT.test(name);
    default:
      return false;
  }
}

// ── verdicts ─────────────────────────────────────────────────────────────────────────────────

export type Owner =
  | 'process-indicator-as-performance'
  | 'satisfaction-misfiled'
  | 'timeliness-misfiled'
  | 'quality-misfiled'
  | 'cost-misfiled'
  | 'outcome-as-output';

const OWNER: Record<Target, Owner> = {
  process: 'process-indicator-as-performance',
  satisfaction: 'satisfaction-misfiled',
  timeliness: 'timeliness-misfiled',
  quality: 'quality-misfiled',
  cost: 'cost-misfiled',
  benefit: 'outcome-as-output',
  quantity: 'outcome-as-output',
};

export interface Verdict {
  owner: Owner;
  /** The deciding cue; absent for the reverse findings (a non-满意 row in the 满意度 block, an output count under 效益). */
  claim?: Claim;
  /** The cue as a message shows it: overlapping cues of the same kind joined (及时 + 时率 → 及时率). */
  cue?: string;
  /** R12 and R13 both ways: `into` = moved into the block the rule is about, `out` = out of it. */
  direction: 'into' | 'out';
  /** Where the row should go, when the form's words say. */
  to?: Destination;
  placement: Placement;
}

/** A per-object cache of a computation over (lexicon, profile): every rule of a run asks the same. */
function memo<K extends object, V>(compute: (key: K, lexicon: Lexicon, profile: Profile) => V | undefined) {
  const cache = new WeakMap<K, WeakMap<Lexicon, Map<Profile, V | null>>>();
  return (key: K, lexicon: Lexicon, profile: Profile): V | undefined => {
    let byLexicon = cache.get(key);
    if (!byLexicon) cache.set(key, (byLexicon = new WeakMap()));
    let byProfile = byLexicon.get(lexicon);
    if (!byProfile) byLexicon.set(lexicon, (byProfile = new Map()));
    if (!byProfile.has(profile)) byProfile.set(profile, compute(key, lexicon, profile) ?? null);
    return byProfile.get(profile) ?? undefined;
  };
}

/** Which rule reports this row, if any (see the file comment for the order). Cached per row. */
export const verdictOf: (indicator: Indicator, lexicon: Lexicon, profile: Profile) => Verdict | undefined = memo(decide);

function decide(indicator: Indicator, lexicon: Lexicon, profile: Profile): Verdict | undefined {
  const name = nameOf(indicator);
  if (!name) return undefined;
  if (levelPairOf(indicator, lexicon, profile).status !== 'ok') return undefined;
  const placement = placementOf(indicator, lexicon, profile);
  const slot: Slot = { ...(placement.family ? { family: placement.family } : {}), ...(placement.kind ? { kind: placement.kind } : {}) };
  if (!slot.family || slot.family === 'input' || slot.family === 'process' || slot.family === 'decision') return undefined;
  if (!slot.kind && !isSatisfactionSlot(slot)) return undefined;

  const claims = claimsOf(indicator, lexicon);
  const process = claims.find((c) => c.target === 'process');
  // 长效管护制度健全 under 可持续影响 is a sustainability measure, not a 过程 item.
  const sustainable = slot.kind === 'sustainable' && claims.some((c) => c.target === 'benefit' && c.sub === 'sustainable');
  if (process && !sustainable) return { owner: OWNER.process, claim: process, cue: cueText(process, claims, name), direction: 'out', placement };

  if (isSatisfactionSlot(slot) && SATISFACTION_PROXY.test(name)) return undefined;
  if (claims.some((c) => !c.weak && c.target !== 'process' && claimFits(c, slot))) return undefined;

  const measure = findLongest(lexicon.measureNouns, name);
  const countShaped = measure !== undefined && measure.index + measure.matched.length === name.length;
  const movers = claims.filter((c) => c.target !== 'process' && claimMoves(c, slot, name, countShaped));
  if (movers.length > 0) {
    const claim = movers.reduce(stronger);
    const to = destinationFor(claim, claims, lexicon, profile);
    return { owner: OWNER[claim.target], claim, cue: cueText(claim, claims, name), direction: 'into', ...(to ? { to } : {}), placement };
  }

  if (isSatisfactionSlot(slot)) {
    const to = guessDestination(indicator, claims, lexicon, profile);
    return { owner: 'satisfaction-misfiled', direction: 'out', ...(to ? { to } : {}), placement };
  }
  if (slot.family === 'benefit' && isOutputCount(name, claims, lexicon)) {
    const to = destinationOf('quantity', lexicon, profile);
    return { owner: 'outcome-as-output', direction: 'out', ...(to ? { to } : {}), placement };
  }
  return undefined;
}

/** The deciding cue joined with the overlapping cues of its kind; the shortest one when that is the whole name. */
function cueText(claim: Claim, claims: Claim[], name: string): string {
  if (claim.index < 0) return claim.matched;
  const same = claims.filter((c) => c.target === claim.target && c.index >= 0 && c.index <= end(claim) && end(c) >= claim.index);
  const from = Math.min(...same.map((c) => c.index));
  const to = Math.max(...same.map((c) => end(c)));
  if (to - from < name.length) return name.slice(from, to);
  return same.reduce((a, b) => (b.matched.length < a.matched.length ? b : a)).matched;
}

const COST_KIND: Record<string, Level2Kind> = { economic: 'economicCost', social: 'socialCost', ecological: 'ecologicalCost' };
const BENEFIT_KIND: Record<string, Level2Kind> = { economic: 'economicBenefit', social: 'socialBenefit', ecological: 'ecologicalBenefit', sustainable: 'sustainable' };

function destinationFor(claim: Claim, claims: Claim[], lexicon: Lexicon, profile: Profile): Destination | undefined {
  switch (claim.target) {
    case 'timeliness':
      return destinationOf('timeliness', lexicon, profile);
    case 'quality':
      return destinationOf('quality', lexicon, profile);
    case 'satisfaction':
      return destinationOf('satisfaction', lexicon, profile);
    case 'cost':
      return destinationOf(profile === 'legacy' ? 'cost' : COST_KIND[claim.sub ?? 'economic']!, lexicon, profile);
    case 'benefit':
      return destinationOf(BENEFIT_KIND[benefitSubOf(claim, claims)]!, lexicon, profile);
    default:
      return undefined;
  }
}

/** Which 效益 二级 an effect belongs to: the subtype word nearest the end, else 就业 → social, else economic. */
function benefitSubOf(claim: Claim, claims: Claim[]): string {
  const typed = claims.filter((c) => c.target === 'benefit' && c.sub !== undefined && !c.outcome);
  if (typed.length > 0) return typed.reduce((best, c) => (end(c) > end(best) ? c : best)).sub!;
  return /就业/u.test(claim.matched) ? 'social' : 'economic';
}

/** For a row that is not what its block is about: where its words point, if anywhere. */
function guessDestination(indicator: Indicator, claims: Claim[], lexicon: Lexicon, profile: Profile): Destination | undefined {
  const strong = claims.filter((c) => !c.weak && c.target !== 'satisfaction');
  if (strong.length > 0) {
    const claim = strong.reduce((best, c) => (end(c) > end(best) ? c : best));
    return destinationFor(claim, claims, lexicon, profile);
  }
  const name = nameOf(indicator);
  if (findLongest(lexicon.measureNouns, name)) return destinationOf('quantity', lexicon, profile);
  return undefined;
}

// ── output counts (R13 reverse) ──────────────────────────────────────────────────────────────

/** Qualifiers in front of a quantity name that are not its object or verb. */
const LEADING_QUALIFIERS = /^(?:全年|年度|当年|本年度?|累计|实际|共计|总)+/u;

/** Verbs that under 效益 usually state a result, not a piece of work (签订 contracts, 新增 jobs). */
const RESULT_VERBS: ReadonlySet<string> = new Set(['签订', '招商', '接待', '新增', '参加', '参展', '宣传', '推介', '帮扶']);
/** Measures of extent, not counts: 新增绿化覆盖面积 under 生态效益 is an effect. */
const EXTENT_NOUNS: ReadonlySet<string> = new Set(['面积', '长度', '里程', '规模']);

/**
 * A count of work done, named the way outputs are (组织参展企业数量, 举办培训班期数): it starts with a
 * work verb and ends with a count, and has no 效益 or outcome word. Names that start with the people
 * served (群众接受检查服务人次, 受益学生人数) state a result and stay.
 */
export function isOutputCount(name: string, claims: Claim[], lexicon: Lexicon): boolean {
  if (claims.some((c) => c.target === 'benefit')) return false;
  const measure = findLongest(lexicon.measureNouns, name);
  if (!measure || EXTENT_NOUNS.has(measure.matched)) return false;
  const body = name.replace(LEADING_QUALIFIERS, '');
  const first = findAll(allVerbEntries(lexicon), body).find((m) => m.index === 0);
  return first !== undefined && !RESULT_VERBS.has(first.matched);
}

function allVerbEntries(lexicon: Lexicon): LexiconEntry[] {
  return allVerbs(lexicon);
}

function verbDomainOf(verb: string, lexicon: Lexicon): VerbDomain | undefined {
  for (const [domain, entries] of Object.entries(lexicon.verbs) as [VerbDomain, LexiconEntry[]][]) {
    if (entries.some((e) => e.word === verb)) return domain;
  }
  return undefined;
}

// ── the form's main output (for rewrites) ────────────────────────────────────────────────────

export interface MainOutput {
  /** The object of the form's quantity rows (展位). */
  object: string;
  /** A quantity row that names it (展位面积). */
  objectFrom: string;
  /** The work done to it, from the quantity name itself or the form's other texts (搭建). */
  verb?: string;
  verbDomain?: VerbDomain;
  /** Where the verb was found: the quantity name, the project name, the goals, a cost row. */
  verbFrom?: 'name' | 'project' | 'goal' | 'cost' | 'indicator';
}


/** `展位面积` → 展位; `搭建展位面积` → 展位 + 搭建; `完成标准化改造农贸市场数量` → 标准化农贸市场 + 改造. */
export function objectOfQuantityName(name: string, lexicon: Lexicon): { object: string; verb?: string } | undefined {
  const measure = findLongest(lexicon.measureNouns, name);
  if (!measure || measure.index <= 0) return undefined;
  let rest = name.slice(0, measure.index);
  const verbs = [...findAll(allVerbEntries(lexicon), rest)].sort((a, b) => a.index - b.index);
  // The verb nearest the object: 设计搭建展位 → 搭建.
  const verb = verbs.filter((v) => v.matched !== '完成').at(-1)?.matched;
  for (const v of verbs) rest = rest.split(v.matched).join('');
  rest = rest.replace(LEADING_QUALIFIERS, '').replace(/^的|的$/gu, '');
  if (rest.length < 2 || rest.length > 12 || !/\p{Script=Han}/u.test(rest)) return undefined;
  return { object: rest, ...(verb ? { verb } : {}) };
}

/**
 * The form's main output: the object most of its quantity rows are about, counted again for every
 * mention in the project name, the goals and the cost rows (展位: 展位面积, 展位数量, "组织设计搭建
 * 展位", 展位购置费用 …). Its verb comes from a quantity name, or else from the verbs the form uses
 * with the object (form.ts verbsForObject).
 */
export const mainOutputOf: (declaration: Declaration, lexicon: Lexicon, profile: Profile) => MainOutput | undefined = memo(findMainOutput);

function findMainOutput(declaration: Declaration, lexicon: Lexicon, profile: Profile): MainOutput | undefined {
  const candidates = new Map<string, { score: number; first: number; objectFrom: string; verb?: string }>();
  declaration.indicators.forEach((indicator, i) => {
    if (placementOf(indicator, lexicon, profile).kind !== 'quantity') return;
    const found = objectOfQuantityName(nameOf(indicator), lexicon);
    if (!found) return;
    const seen = candidates.get(found.object);
    if (seen) {
      seen.score += 2;
      if (!seen.verb && found.verb) seen.verb = found.verb;
    } else candidates.set(found.object, { score: 2, first: i, objectFrom: indicator.name.text, ...(found.verb ? { verb: found.verb } : {}) });
  });
  const texts = [declaration.project.name?.text, declaration.goals.overall?.text, declaration.goals.annual?.text, declaration.goals.midTerm?.text];
  const costNames = declaration.indicators.filter((ind) => isCostSlot(placementOf(ind, lexicon, profile))).map((ind) => ind.name.text);
  for (const [object, c] of candidates) {
    for (const text of [...texts, ...costNames]) if (text?.includes(object)) c.score++;
  }
  const best = [...candidates.entries()].sort(([, a], [, b]) => b.score - a.score || a.first - b.first)[0];
  let result: MainOutput | undefined;
  if (best) {
    const [object, c] = best;
    result = { object, objectFrom: c.objectFrom };
    if (c.verb) result = { ...result, verb: c.verb, verbFrom: 'name' };
    else {
      const evidence = verbsForObject(object, declaration, lexicon, profile)[0];
      if (evidence) result = { ...result, verb: evidence.verb, verbFrom: evidence.quotes[0]!.source };
    }
    const domain = result.verb ? verbDomainOf(result.verb, lexicon) : undefined;
    if (domain) result = { ...result, verbDomain: domain };
  }
  return result;
}

const FROM: Record<Locale, Record<NonNullable<MainOutput['verbFrom']>, string>> = {
  zh: { name: '数量指标', project: '项目名称', goal: '绩效目标', cost: '成本指标', indicator: '其他指标' },
  en: { name: 'the quantity indicator', project: 'the project name', goal: 'the goals', cost: 'the cost rows', indicator: 'another indicator' },
};

/** "“展位”取自数量指标“展位面积”，“搭建”取自绩效目标" — where a rewrite's words came from. */
export function evidenceOf(main: MainOutput, locale: Locale): string {
  if (locale === 'en') {
    const verb = main.verb && main.verbFrom ? `, "${main.verb}" from ${main.verbFrom === 'name' ? `"${main.objectFrom}"` : FROM.en[main.verbFrom]}` : '';
    return `"${main.object}" comes from the quantity indicator "${main.objectFrom}"${verb}`;
  }
  const verb = main.verb && main.verbFrom ? `，“${main.verb}”取自${main.verbFrom === 'name' ? `“${main.objectFrom}”` : FROM.zh[main.verbFrom]}` : '';
  return `“${main.object}”取自数量指标“${main.objectFrom}”${verb}`;
}

// ── message data ─────────────────────────────────────────────────────────────────────────────

/** The label a row is filed under, as the 归类 messages quote it (`{level2}`): its 二级, else its 一级. */
export function filedUnder(indicator: Indicator): string {
  return indicator.level2?.text ?? indicator.level1?.text ?? '';
}

/** A destination as the 归类 messages show it (`{target}`): "产出指标 → 时效指标". */
export function targetText(to: Destination): string {
  return `${to.level1} → ${to.level2}`;
}

/** The data of a 归类 finding (a type, not an interface, so it is a report's `data` record). */
export type MisfiledData = {
  /** The row's name as written. */
  name: string;
  /** The deciding cue as the message shows it; present when the verdict has a claim. */
  cue?: string;
  /** Where the row is filed (filedUnder). */
  level2: string;
  /** Where it should go (targetText). */
  target: string;
};

/** `{name}`, `{cue}`, `{level2}` and `{target}` of a row a verdict moves to `to`. */
export function misfiledData(indicator: Indicator, verdict: Verdict, to: Destination): MisfiledData {
  return {
    name: indicator.name.text,
    ...(verdict.claim ? { cue: verdict.cue ?? verdict.claim.matched } : {}),
    level2: filedUnder(indicator),
    target: targetText(to),
  };
}

// ── moving a row ─────────────────────────────────────────────────────────────────────────────

export interface Move {
  /** The 二级 cell rewritten, when that cell is the row's own and the 一级 already fits. */
  edits: Edit[];
  /** Where to move it, in the run's locale: "“产出指标 → 时效指标”下（第17行起）". */
  where: string;
}

/** The two suggestion messages every 归类 rule declares (spread into its `messages`). */
export const MOVE_MESSAGES = {
  relabel: {
    zh: '将二级指标改为“{level2}”',
    en: 'Change the 二级 label to "{level2}"',
  },
  move: {
    zh: '将该行移到{where}',
    en: 'Move the row {where}',
  },
} as const;

/**
 * The suggestion every 归类 rule offers: relabel the row's own 二级 cell when it is the row's alone,
 * else advice on where to move the row. Rules using it declare the messages `relabel` and `move`.
 */
export function moveSuggestion(
  indicator: Indicator,
  declaration: Declaration,
  to: Destination,
  lexicon: Lexicon,
  profile: Profile,
  locale: Locale,
): { messageId: 'relabel' | 'move'; data: Record<string, string>; edits: Edit[] } {
  const move = moveOf(indicator, declaration, to, lexicon, profile, locale);
  return move.edits.length > 0
    ? { messageId: 'relabel', data: { level2: to.level2 }, edits: move.edits }
    : { messageId: 'move', data: { where: move.where }, edits: [] };
}

/** How to move a row to a destination: relabel its 二级 cell when that is enough, else say where. */
export function moveOf(indicator: Indicator, declaration: Declaration, to: Destination, lexicon: Lexicon, profile: Profile, locale: Locale): Move {
  const placement = placementOf(indicator, lexicon, profile);
  const sameLevel1 = placement.level1 ? placement.level1.canonical === to.level1 : placement.family === lexicon.taxonomy.profiles[profile].level1.find((l1) => l1.word === to.level1)?.family;
  const edits = sameLevel1 ? level2Edit(indicator, declaration, to.level2) : [];
  const block = declaration.indicators.find((other) => other !== indicator && other.period === indicator.period && placementOf(other, lexicon, profile).level2?.canonical === to.level2);
  const level1Block = declaration.indicators.find((other) => other.period === indicator.period && placementOf(other, lexicon, profile).level1?.canonical === to.level1);
  const row = block && block.row >= 0 ? block.row + 1 : undefined;
  if (locale === 'en') {
    const where = block ? `under ${to.level1} → ${to.level2}${row ? ` (row ${row} on)` : ''}` : level1Block ? `into a new 二级 ${to.level2} under ${to.level1}` : `under a new ${to.level1} → ${to.level2}`;
    return { edits, where };
  }
  const where = block ? `“${to.level1} → ${to.level2}”下${row ? `（第${row}行起）` : ''}` : level1Block ? `“${to.level1}”下新增的二级指标“${to.level2}”中` : `新增的一级指标“${to.level1}”、二级指标“${to.level2}”下`;
  return { edits, where };
}

/** Where a row's own words put it, wherever it is filed: its strongest non-weak cue (no process items). */
export function destinationByName(indicator: Indicator, lexicon: Lexicon, profile: Profile): Destination | undefined {
  const claims = claimsOf(indicator, lexicon).filter((c) => !c.weak && c.target !== 'process');
  if (claims.length === 0) return undefined;
  return destinationFor(claims.reduce(stronger), claims, lexicon, profile);
}
