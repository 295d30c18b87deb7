import { pathToFileURL } from 'node:url';
import type { ProfileSetting } from '../engine/config.js';
import type { EnabledRule } from '../engine/linter.js';
import type { AnyRule } from '../engine/rule.js';
import type { Locale } from '../i18n/read-messages.js';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Grid } from '../model/grid.js';
import type { FileReadResult } from '../model/result.js';
import type { Lexicon, LexiconAdditions } from '../../rules/lexicon/types.js';

/**
 * What a parse worker needs to lint a file as well as read it: the file's resolved config as plain
 * data. Batches lint in the workers, so rules run on every core, not only on the main thread.
 */
export interface LintPlan {
  rules: { id: string; severity: Severity; options: unknown }[];
  profile: ProfileSetting;
  locale: Locale;
  /** Plugin lexicons, then the config's additions, in order. */
  lexicon: LexiconAdditions[];
  /** Absolute paths of the plugin modules the config names. */
  plugins: string[];
}

export interface LintedFile extends FileReadResult {
  diagnostics: Diagnostic[];
}

interface Engine {
  registry(plugins: string[]): Promise<Map<string, AnyRule>>;
  lexicon(additions: LexiconAdditions[]): Lexicon;
  lint: typeof import('../engine/linter.js').lintDeclarations;
  declarationsFromGrid: typeof import('../read/from-grid.js').declarationsFromGrid;
}

let engine: Promise<Engine> | undefined;

/** Rules, lexicon and plugins load once per worker, on its first lint. */
async function loadEngine(): Promise<Engine> {
  const [{ builtinRegistry }, { defaultLexicon }, { mergeLexicon }, { lintDeclarations }, { registerPlugin }, { declarationsFromGrid }] = await Promise.all([
    import('../../rules/index.js'),
    import('../../rules/lexicon/data.generated.js'),
    import('../../rules/lexicon/match.js'),
    import('../engine/linter.js'),
    import('../engine/plugins.js'),
    import('../read/from-grid.js'),
  ]);
  const registries = new Map<string, Promise<Map<string, AnyRule>>>();
  const lexicons = new Map<string, Lexicon>();
  return {
    registry(plugins) {
      const key = plugins.join('\n');
      let registry = registries.get(key);
      if (!registry) {
        registry = (async () => {
          const map = new Map<string, AnyRule>(builtinRegistry);
          for (const file of plugins) registerPlugin(map, await import(pathToFileURL(file).href), file);
          return map;
        })();
        registries.set(key, registry);
      }
      return registry;
    },
    lexicon(additions) {
      const key = JSON.stringify(additions);
      let lexicon = lexicons.get(key);
      if (!lexicon) {
        lexicon = additions.reduce<Lexicon>((merged, add) => mergeLexicon(merged, add), defaultLexicon);
        lexicons.set(key, lexicon);
      }
      return lexicon;
    },
    lint: lintDeclarations,
    declarationsFromGrid,
  };
}

/** Locates the forms of a parsed grid and lints them with the plan's rules. */
export async function lintGrid(grid: Grid, fileName: string, plan: LintPlan): Promise<LintedFile> {
  const e = await (engine ??= loadEngine());
  const result = e.declarationsFromGrid(grid, fileName);
  if (result.declarations.length === 0) return { ...result, diagnostics: [] };
  const registry = await e.registry(plan.plugins);
  const rules: EnabledRule[] = plan.rules.map(({ id, severity, options }) => ({ rule: registry.get(id)!, severity, options }));
  const diagnostics = e.lint(result.declarations, { rules, lexicon: e.lexicon(plan.lexicon), profile: plan.profile, locale: plan.locale, file: fileName });
  return { ...result, diagnostics };
}
