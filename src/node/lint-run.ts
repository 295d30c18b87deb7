import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { enableRules, type ResolvedConfig, type RuleOverride } from '../engine/config.js';
import { ConfigError } from '../engine/errors.js';
import { lintDeclarations } from '../engine/linter.js';
import { applySuppressions, entryMatchesFile, parseSuppressions, type SuppressionEntry } from '../engine/suppressions.js';
import type { Locale } from '../i18n/read-messages.js';
import type { Edit } from '../model/diagnostic.js';
import type { FileReadResult, LintFileResult, LintRunResult, UnusedSuppression } from '../model/result.js';
import type { ReadLimits } from '../read/limits.js';
import { mergeLexicon } from '../../rules/lexicon/match.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import type { Lexicon } from '../../rules/lexicon/types.js';
import { configFor, findConfigFile, loadConfigContext, readDataFile, type ConfigContext } from './config-loader.js';
import type { FileTarget } from './files.js';
import { readFiles } from './read-files.js';

export interface LintRunOptions {
  limits: ReadLimits;
  locale: Locale;
  /** --config: one config file for every input instead of looking one up per folder. */
  configFile?: string;
  cliRules: RuleOverride[];
  suppressionsFile?: string;
  fix: boolean;
  fixDryRun: boolean;
}

const SUPPRESSION_FILE_NAMES = ['jxlint.suppressions.yaml', 'jxlint.suppressions.yml', 'jxlint.suppressions.json'];

/** Config contexts, lexicons and suppressions are loaded once per config file, not once per form. */
class ConfigCache {
  private contexts = new Map<string, Promise<ConfigContext>>();
  private lexicons = new Map<string, Lexicon>();
  constructor(private readonly forced?: string) {}

  async forFile(file: string): Promise<{ context: ConfigContext; config: ResolvedConfig; lexicon: Lexicon }> {
    const configFile = this.forced ?? findConfigFile(path.dirname(file));
    const key = configFile ?? '';
    if (!this.contexts.has(key)) this.contexts.set(key, loadConfigContext(configFile));
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
  const base = context.file ? path.dirname(context.file) : undefined;
  if (config.suppressions && base) {
    const file = path.resolve(base, config.suppressions);
    if (!existsSync(file)) throw new ConfigError(`配置文件 ${context.file} 有误：suppressions 指向的忽略清单 ${file} 不存在。`, context.file, 'suppressions');
    return file;
  }
  if (!base) return undefined;
  return SUPPRESSION_FILE_NAMES.map((n) => path.join(base, n)).find((f) => existsSync(f));
}

/** Reads, lints, suppresses and (when asked) fixes every file; config errors throw ConfigError. */
export async function lintFiles(targets: FileTarget[], options: LintRunOptions): Promise<LintRunResult> {
  const cache = new ConfigCache(options.configFile ? path.resolve(options.configFile) : undefined);
  const suppressionSets = new Map<string, SuppressionSet>();
  const byAbsolute = new Map(targets.map((t) => [t.display, t]));
  const read = await readFiles(targets, options.limits);

  const lintOne = async (result: FileReadResult, absolute: string): Promise<LintFileResult> => {
    const linted: LintFileResult = { ...result, diagnostics: [], suppressed: [] };
    if (result.declarations.length === 0) return linted;
    const { context, config, lexicon } = await cache.forFile(absolute);
    const rules = enableRules(config, context.registry, options.cliRules);
    const diagnostics = lintDeclarations(result.declarations, { rules, lexicon, profile: config.profile, locale: options.locale, file: result.file });
    const suppressionsFile = suppressionsFileFor(options, context, config);
    if (suppressionsFile) {
      const set = loadSuppressions(suppressionsFile, suppressionSets);
      const relative = path.relative(set.dir, absolute).split(path.sep).join('/');
      set.files.add(relative);
      const { kept, suppressed } = applySuppressions(diagnostics, set.entries, relative, set.used);
      linted.diagnostics = kept;
      linted.suppressed = suppressed;
    } else linted.diagnostics = diagnostics;
    return linted;
  };

  const files: LintFileResult[] = [];
  for (const result of read) {
    const target = byAbsolute.get(result.file);
    files.push(await lintOne(result, target?.absolute ?? path.resolve(result.file)));
  }

  if (options.fix || options.fixDryRun) {
    const { fixFile } = await import('./fix-run.js');
    for (const [i, file] of files.entries()) {
      const edits: Edit[] = file.diagnostics.flatMap((d) => d.fix?.edits ?? []);
      const target = byAbsolute.get(file.file);
      if (edits.length === 0 || !target) continue;
      const report = await fixFile(target.absolute, file.format, edits, options.fixDryRun);
      if (!options.fixDryRun && report.applied.length && report.output) {
        // Lint what was written, so the output shows what is left to do.
        const [again] = await readFiles([{ display: file.file, absolute: report.output, explicit: true }], options.limits);
        files[i] = { ...(await lintOne({ ...again!, file: file.file }, report.output)), fixes: report };
      } else files[i] = { ...file, fixes: report };
    }
  }

  const unusedSuppressions: UnusedSuppression[] = [];
  for (const set of suppressionSets.values()) {
    set.entries.forEach((entry, index) => {
      if (set.used.has(index)) return;
      const relevant = [...set.files].some((f) => entryMatchesFile(entry, f));
      if (relevant) unusedSuppressions.push({ source: path.relative(process.cwd(), set.source) || set.source, index, entry });
    });
  }
  return { files, unusedSuppressions };
}
