import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { enableRules, type ResolvedConfig, type RuleOverride } from '../engine/config.js';
import { ConfigError } from '../engine/errors.js';
import { lintDeclarations, type EnabledRule } from '../engine/linter.js';
import { applySuppressions, entryMatchesFile, parseSuppressions, type SuppressionEntry } from '../engine/suppressions.js';
import type { Locale } from '../i18n/read-messages.js';
import type { LintFileResult, RuleInfo, UnusedSuppression } from '../model/result.js';
import type { ReadOrLinted } from './read-files.js';
import type { LintPlan } from './worker-lint.js';
import type { ReadLimits } from '../read/limits.js';
import { mergeLexicon } from '../../rules/lexicon/match.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import type { Lexicon } from '../../rules/lexicon/types.js';
import { configFor, loadConfigContext, readDataFile, type ConfigContext } from './config-loader.js';
import { SUPPRESSION_FILE_NAMES } from './config-files.js';

export interface LintRunOptions {
  limits: ReadLimits;
  locale: Locale;
  /** The run's config file (--config, or the one found from the working folder up); none: jxlint:recommended. */
  configFile?: string;
  cliRules: RuleOverride[];
  suppressionsFile?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** Parse workers (default: the number of cores). */
  jobs?: number;
  /** Called after each file is read, for the progress bar. */
  progress?: ((done: number, file: string) => void) & { end(): void };
}


/** Config contexts, lexicons and suppressions are loaded once per config file, not once per form. */
class ConfigCache {
  private contexts = new Map<string, Promise<ConfigContext>>();
  private lexicons = new Map<string, Lexicon>();
  constructor(private readonly configFile?: string) {}

  async contextsLoaded(): Promise<ConfigContext[]> {
    return Promise.all([...this.contexts.values()].map((p) => p.catch(() => undefined))).then((all) => all.filter((c): c is ConfigContext => c !== undefined));
  }

  async forFile(file: string): Promise<{ context: ConfigContext; config: ResolvedConfig; lexicon: Lexicon }> {
    const key = this.configFile ?? '';
    if (!this.contexts.has(key)) this.contexts.set(key, loadConfigContext(this.configFile));
    const context = await this.contexts.get(key)!;
    const config = configFor(context, file);
    const lexiconKey = `${key}\u0000${JSON.stringify(config.lexicon)}`;
    let lexicon = this.lexicons.get(lexiconKey);
    if (!lexicon) {
      lexicon = defaultLexicon;
      for (const plugin of context.plugins) if (plugin.lexicon) lexicon = mergeLexicon(lexicon, plugin.lexicon);
      for (const additions of config.lexicon) lexicon = mergeLexicon(lexicon, additions);
      this.lexicons.set(lexiconKey, lexicon);
    }
    return { context, config, lexicon };
  }
}

interface SuppressionSet {
  source: string;
  dir: string;
  entries: SuppressionEntry[];
  used: Set<number>;
  /** Files of this run the set was applied to: only their entries can be called unused. */
  files: Set<string>;
}

function loadSuppressions(file: string, sets: Map<string, SuppressionSet>): SuppressionSet {
  let set = sets.get(file);
  if (!set) {
    set = { source: file, dir: path.dirname(file), entries: parseSuppressions(readDataFile(file, '忽略清单'), file), used: new Set(), files: new Set() };
    sets.set(file, set);
  }
  return set;
}

function suppressionsFileFor(options: LintRunOptions, context: ConfigContext, config: ResolvedConfig): string | undefined {
  if (options.suppressionsFile) return path.resolve(options.suppressionsFile);
  // Beside the run's config, or in the working folder when there is none.
  const base = context.file ? path.dirname(context.file) : process.cwd();
  if (config.suppressions) {
    const file = path.resolve(base, config.suppressions);
    if (!existsSync(file)) throw new ConfigError(`配置文件 ${context.file} 有误：suppressions 指向的忽略清单 ${file} 不存在。`, context.file, 'suppressions');
    return file;
  }
  return SUPPRESSION_FILE_NAMES.map((n) => path.join(base, n)).find((f) => existsSync(f));
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs synchronous work on this thread with a time limit. Files linted here (a single form, JSON
 * and YAML) get the same limit a worker's file gets: V8 stops the work when time is up, through
 * vm's watchdog, which interrupts any code running under the call, not just the script's own.
 */
function withinTimeLimit<T>(work: () => T, timeoutMs: number): T | typeof TIMED_OUT {
  try {
    return new vm.Script('work()').runInNewContext({ work }, { timeout: timeoutMs }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return TIMED_OUT;
    throw error;
  }
}

/**
 * The engine side of a run: config per file, lint, suppressions. Loaded by lint-run.ts only after
 * the parse workers have started, so its imports (rules, lexicon, ajv) load while they parse.
 */
export class LintSession {
  private readonly cache: ConfigCache;
  private readonly suppressionSets = new Map<string, SuppressionSet>();

  constructor(private readonly options: LintRunOptions) {
    this.cache = new ConfigCache(options.configFile ? path.resolve(options.configFile) : undefined);
  }

  /** Loads the config for a file ahead of time; errors surface again when the file is linted. */
  async warm(file: string): Promise<void> {
    await this.cache.forFile(file).catch(() => undefined);
  }

  private readonly enabled = new Map<string, { context: ConfigContext; rules: EnabledRule[] }>();
  private readonly plans = new Map<string, LintPlan>();

  /**
   * The rules a config enables, validated once per distinct config: enabling compiles every rule's
   * option schema, far too slow to repeat for each of five hundred files.
   */
  private async rulesFor(absolute: string): Promise<{ key: string; context: ConfigContext; config: ResolvedConfig; lexicon: Lexicon; rules: EnabledRule[] }> {
    const { context, config, lexicon } = await this.cache.forFile(absolute);
    const key = `${context.file ?? ''}\u0000${JSON.stringify(config)}`;
    let entry = this.enabled.get(key);
    if (!entry) this.enabled.set(key, (entry = { context, rules: enableRules(config, context.registry, this.options.cliRules) }));
    return { key, context, config, lexicon, rules: entry.rules };
  }

  /** The file's config as plain data, for a worker that reads and lints it. */
  async planFor(absolute: string): Promise<LintPlan> {
    const { key, context, config, rules } = await this.rulesFor(absolute);
    const cached = this.plans.get(key);
    if (cached) return cached;
    const plan: LintPlan = {
      rules: rules.map((r) => ({ id: r.rule.meta.id, severity: r.severity, options: r.options })),
      profile: config.profile,
      locale: this.options.locale,
      lexicon: [...context.plugins.flatMap((p) => (p.lexicon ? [p.lexicon] : [])), ...config.lexicon],
      plugins: context.pluginFiles,
    };
    this.plans.set(key, plan);
    return plan;
  }

  /** Lints a file (unless a worker already did) and applies the suppressions. */
  async lint(result: ReadOrLinted, absolute: string): Promise<LintFileResult> {
    const { diagnostics: fromWorker, ...read } = result;
    const linted: LintFileResult = { ...read, diagnostics: [], suppressed: [] };
    if (read.declarations.length === 0) return linted;
    const { options } = this;
    const { context, config, lexicon, rules } = await this.rulesFor(absolute);
    let diagnostics = fromWorker;
    if (!diagnostics) {
      const found = withinTimeLimit(() => lintDeclarations(read.declarations, { rules, lexicon, profile: config.profile, locale: options.locale, file: read.file }), options.limits.timeoutMs);
      if (found === TIMED_OUT) return { ...linted, declarations: [], problems: [...read.problems, { code: 'parse-timeout', fatal: true, data: { seconds: options.limits.timeoutMs / 1000 } }] };
      diagnostics = found;
    }
    const suppressionsFile = suppressionsFileFor(options, context, config);
    if (!suppressionsFile) return { ...linted, diagnostics };
    const set = loadSuppressions(suppressionsFile, this.suppressionSets);
    const relative = path.relative(set.dir, absolute).split(path.sep).join('/');
    set.files.add(relative);
    const { kept, suppressed } = applySuppressions(diagnostics, set.entries, relative, set.used);
    return { ...linted, diagnostics: kept, suppressed };
  }

  /** Every rule of the registries this run loaded (built-in and plugins), for SARIF's rule metadata. */
  async ruleInfos(): Promise<RuleInfo[]> {
    const seen = new Map<string, RuleInfo>();
    for (const context of await this.cache.contextsLoaded()) for (const rule of context.registry.values()) seen.set(rule.meta.id, rule.meta);
    return [...seen.values()];
  }

  /** Entries that matched nothing in the files of this run they apply to. */
  unusedSuppressions(): UnusedSuppression[] {
    const unused: UnusedSuppression[] = [];
    for (const set of this.suppressionSets.values()) {
      set.entries.forEach((entry, index) => {
        if (set.used.has(index)) return;
        if ([...set.files].some((f) => entryMatchesFile(entry, f))) unused.push({ source: path.relative(process.cwd(), set.source) || set.source, index, entry });
      });
    }
    return unused;
  }
}
