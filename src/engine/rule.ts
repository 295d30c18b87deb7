import type { CellRef, TextField } from '../model/cell.js';
import type { Declaration, Indicator } from '../model/declaration.js';
import type { Edit, RuleCategory, Severity } from '../model/diagnostic.js';
import type { Locale } from '../i18n/read-messages.js';
import type { Lexicon } from '../../rules/lexicon/types.js';

/** Which indicator taxonomy a form follows: 2021+ (成本 is a 一级) or the older one (成本 under 产出). */
export type Profile = '2021' | 'legacy';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A JSON Schema object (draft-07) for a rule's options. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta<MessageId extends string, Options> {
  /** kebab-case, equal to the file name in rules/. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Part of jxlint:recommended. */
  recommended: boolean;
  docs: { description: Bilingual };
  /** Message templates with {placeholders}, keyed by messageId. */
  messages: Record<MessageId, Bilingual>;
  /** Options schema (an object schema); ajv fills defaults from it. */
  schema?: OptionsSchema;
  defaultOptions?: Options;
  /** Offers safe, deterministic fixes that --fix applies. */
  fixable?: boolean;
  /** Offers rewrites a person chooses from. */
  hasSuggestions?: boolean;
}

/** Where a finding points: a model field (its cell), a cell, or a path for cell-less inputs. */
export type ReportTarget = TextField | { at?: CellRef } | CellRef | { path: string };

export interface SuggestionDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  edits: Edit[];
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Defaults to the indicator's name cell, or the form's title. */
  at?: ReportTarget;
  indicator?: Indicator;
  fix?: Edit[];
  suggest?: SuggestionDescriptor<MessageId>[];
  /**
   * This finding's level when the rule runs at its default level, for rules whose findings differ
   * in weight (a "/" left as a value is an error, a 0 a warning). The run moves it as many steps as
   * the configured level is from the default (rule set to info: error → warning → info), within
   * info…error. Absent: the configured level.
   */
  severity?: Severity;
}

export interface RuleContext<MessageId extends string, Options> {
  readonly id: string;
  readonly options: Options;
  readonly lexicon: Lexicon;
  readonly profile: Profile;
  readonly locale: Locale;
  readonly file?: string;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface RuleVisitors {
  /** Once per form, before its indicators. */
  declaration?(declaration: Declaration): void;
  /** Once per indicator row. */
  indicator?(indicator: Indicator, declaration: Declaration): void;
  /** Once per form, after its indicators: for findings about the whole set. */
  declarationExit?(declaration: Declaration): void;
}

export interface Rule<MessageId extends string = string, Options = unknown> {
  meta: RuleMeta<MessageId, Options>;
  create(context: RuleContext<MessageId, Options>): RuleVisitors;
}

/** Any rule, whatever its messages and options: what registries and configs hold. */
export type AnyRule = Rule<string, any>;

/**
 * Declares a rule. MessageIds are inferred from `meta.messages`, so reporting an unknown id is a
 * compile error; the engine checks the rest of the contract (fix/suggestion flags, options) at
 * run time, which is what catches plugins written in plain JavaScript.
 */
export function defineRule<const MessageId extends string, Options = Record<string, never>>(rule: {
  meta: RuleMeta<MessageId, Options>;
  create(context: RuleContext<NoInfer<MessageId>, Options>): RuleVisitors;
}): Rule<MessageId, Options> {
  return rule as Rule<MessageId, Options>;
}
