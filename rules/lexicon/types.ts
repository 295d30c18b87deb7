/**
 * The wording knowledge the rules use, as data: rules/lexicon/*.yaml, validated by schema.json and
 * compiled into data.generated.ts (scripts/build-lexicon.ts). A user's config can append to any
 * section (`LexiconAdditions`, merged by mergeLexicon).
 *
 * Every entry says what it matches (`word`, or a regex `pattern`) and carries real-shaped
 * `examples` it must match and `counterexamples` it must not; the build and the tests run them.
 */

/**
 * Where an entry comes from: a tag of rule-catalog §1 (seed, F4, G2, C3, S1b …), several joined by
 * ", ", or G alone for a proposal not attested in any source.
 */
export type SourceTag = string;

export interface EntryCommon {
  /** Regexes (linear-time) that veto a match when any of them occurs anywhere in the text. */
  exclude?: string[];
  /** `end`: the word or pattern must end the text (a trailing （…） note is ignored). For name endings. */
  position?: 'end';
  /** Texts the entry must match. Required in the shipped lexicon, optional in config additions. */
  examples: string[];
  /** Texts it must not match: pin every `exclude` and every near miss here. */
  counterexamples?: string[];
  source?: SourceTag;
  /** Why the entry is there or how a rule should treat it. */
  note?: string;
}

/** A plain substring (`word`) or, for a few entries, a regex source (`pattern`). Never both. */
export type Matcher = { word: string; pattern?: undefined } | { pattern: string; word?: undefined };

export type LexiconEntry = EntryCommon & Matcher;

/** Entries that name something exactly (level names, synonyms): always a word. */
export type WordEntry = EntryCommon & { word: string; pattern?: undefined };

// ── taxonomy ──────────────────────────────────────────────────────────────────────────────────

/** `2021`: 财预〔2021〕101号 layout, 成本指标 is a 一级. `legacy`: 2011–2020 templates, 成本指标 under 产出. */
export type ProfileId = '2021' | 'legacy';

/** Which 一级 a label belongs to; input / process / decision are evaluation-framework 一级 (R16). */
export type LevelFamily = 'output' | 'cost' | 'benefit' | 'satisfaction' | 'input' | 'process' | 'decision';

export type Level2Kind =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'cost'
  | 'economicCost'
  | 'socialCost'
  | 'ecologicalCost'
  | 'economicBenefit'
  | 'socialBenefit'
  | 'ecologicalBenefit'
  | 'sustainable'
  | 'satisfaction';

/** A 二级 name. Examples are labels as written that must normalise to it (normalizeLevelName). */
export type Level2Entry = WordEntry & { kind: Level2Kind };

/** A 一级 name with the 二级 it allows in its profile. */
export type Level1Entry = WordEntry & { family: LevelFamily; level2: Level2Entry[] };

export interface TaxonomyProfile {
  title: string;
  source?: SourceTag;
  level1: Level1Entry[];
}

/** A label that means a canonical name (效果指标 → 效益指标). */
export type SynonymEntry = WordEntry & { canonical: string };

/** An evaluation-framework label (投入指标, 过程指标 …): recognised, reported, never accepted (R16). */
export type EvaluationEntry = WordEntry & { family: LevelFamily; level: 1 | 2 };

export interface Taxonomy {
  profiles: Record<ProfileId, TaxonomyProfile>;
  synonyms: SynonymEntry[];
  evaluation: EvaluationEntry[];
}

// ── verbs, nouns, objects ─────────────────────────────────────────────────────────────────────

/** §5.1 groups of action verbs for 数量指标 names. */
export type VerbDomain = 'construction' | 'procurement' | 'services' | 'transfers' | 'documents';

/** One way to make an ambiguous quantity name precise: 购置车辆数量（辆）. */
export interface Rewrite {
  /** The action; a word the verbs lexicon knows. */
  verb: string;
  /** The object as it appears in `name` when it differs from the entry's word (车辆通行证). */
  object?: string;
  /** The measure noun this rewrite is for (面积, 数量 …); absent: any. */
  measure?: string;
  /** The unit to suggest with the name. */
  unit: string;
  /** The full suggested name, without the unit. */
  name: string;
}

/** An object noun that admits several actions (R02), with the rewrites to offer. */
export type AmbiguousObjectEntry = LexiconEntry & { rewrites: Rewrite[] };

// ── cues ──────────────────────────────────────────────────────────────────────────────────────

/** `weak`: ambiguous on its own (完成率); supporting evidence only, never enough to move a row. */
export type CueEntry = LexiconEntry & { weak?: boolean };

export interface Cues {
  /** §5.3 names that state a deadline or a pace (R08). */
  timeliness: CueEntry[];
  /** §5.3 value patterns: dates, deadlines, durations (R32). */
  dateValues: CueEntry[];
  /** §5.4 (R09). */
  quality: CueEntry[];
  /** §5.5, split like the 2021 profile's 成本 二级 (R10); legacy forms put all of them under 成本指标. */
  cost: { economic: CueEntry[]; social: CueEntry[]; ecological: CueEntry[] };
  /** §5.7 satisfaction words (R12). */
  satisfaction: CueEntry[];
  /** §5.6 效益 subtypes. */
  benefit: { economic: CueEntry[]; social: CueEntry[]; ecological: CueEntry[]; sustainable: CueEntry[] };
  /** Effects filed as outputs: under 产出 these mean the row belongs to 效益 (R13). */
  outcome: CueEntry[];
  /** §5.9 management and process items (R14). */
  process: CueEntry[];
  /** 节约/节省/降低 + 成本: a benefit, not a cost (R10 FP). */
  savings: CueEntry[];
  /** 基本支出 items that do not belong in a project's 成本 rows (R36). */
  basicExpenditure: CueEntry[];
}

// ── beneficiaries, vague wording, polarity, units ─────────────────────────────────────────────

/**
 * §5.7 beneficiary nouns (R17). `internal`: only the unit's own staff (R17 drops to info);
 * `satisfaction`: the indicator name to suggest when `${word}满意度` would read badly.
 */
export type BeneficiaryEntry = LexiconEntry & { internal?: boolean; satisfaction?: string };

/** An accepted qualitative grade scale; the pattern matches a value that is one grade of it. */
export type GradeScaleEntry = LexiconEntry & { grades: string[] };

export interface Vague {
  /** R06 vague verbs (扩大, 提升 …). */
  verbs: LexiconEntry[];
  /** R06 abstract nouns (影响, 水平 …). */
  abstractNouns: LexiconEntry[];
  /** §5.8 vague values and goals (进一步提高, 不超预算 …) (R24). */
  phrases: LexiconEntry[];
  /** Slogan words in goal text (R34). */
  slogans: LexiconEntry[];
  /** Non-numeric quantities (若干, 全覆盖 …) (R28). */
  quantities: LexiconEntry[];
  /** Grade scales a qualitative value may use instead (R24, R06). */
  gradeScales: GradeScaleEntry[];
}

/** §5.10 name endings by the comparison they call for (R25). */
export interface Polarity {
  /** 正向: more is better, ≥. */
  positive: LexiconEntry[];
  /** 反向: less is better, ≤. */
  negative: LexiconEntry[];
  /** Fixed standards, = is typical. */
  equal: LexiconEntry[];
}

export type UnitKind = 'rate' | 'money' | 'unitCost' | 'area' | 'length' | 'volume' | 'weight' | 'time' | 'count';

/** A name ending that signals the kind; `unit` overrides the kind's `suggest` (人次 → 人次). */
export type UnitNameEntry = LexiconEntry & { unit?: string };

export interface UnitKindDef {
  /** Normalised unit spellings (src/text/normalize.ts normalizeUnit), compared exactly. */
  units: string[];
  /** For open families such as 元/人, 元/平方米: a regex over the normalised unit. */
  unitPattern?: string;
  /** The unit to suggest when a name of this kind has none. */
  suggest?: string;
  /** Names whose ending says the value is of this kind. */
  names: UnitNameEntry[];
}

// ── the whole ─────────────────────────────────────────────────────────────────────────────────

export interface Lexicon {
  taxonomy: Taxonomy;
  verbs: Record<VerbDomain, LexiconEntry[]>;
  /** Nouns that make a name a quantity name (R01). */
  measureNouns: LexiconEntry[];
  /** Words that make a bare count unambiguous: the beneficiary count is the output (R01 whitelist). */
  recipientNouns: LexiconEntry[];
  ambiguousObjects: AmbiguousObjectEntry[];
  cues: Cues;
  beneficiaries: BeneficiaryEntry[];
  vague: Vague;
  polarity: Polarity;
  units: Record<UnitKind, UnitKindDef>;
}

/** The top-level sections, in file order. */
export const LEXICON_SECTIONS = [
  'taxonomy',
  'verbs',
  'measureNouns',
  'recipientNouns',
  'ambiguousObjects',
  'cues',
  'beneficiaries',
  'vague',
  'polarity',
  'units',
] as const satisfies readonly (keyof Lexicon)[];

export type LexiconSection = (typeof LEXICON_SECTIONS)[number];

/**
 * Config additions: any section, every container optional, entries without examples allowed.
 * The taxonomy's profiles are not extendable (choose a profile instead); its synonyms and
 * evaluation labels are.
 */
export type LexiconAdditions = Loosen<Omit<Lexicon, 'taxonomy'>> & {
  taxonomy?: Loosen<Omit<Taxonomy, 'profiles'>>;
};

/** Containers become optional all the way down; entries keep their fields but lose required examples. */
type Loosen<T> = T extends readonly (infer E)[]
  ? Loosen<E>[]
  : T extends { examples: string[] }
    ? Omit<T, 'examples'> & { examples?: string[] }
    : T extends object
      ? { [K in keyof T]?: Loosen<T[K]> }
      : T;
