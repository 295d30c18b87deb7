import type { Declaration } from '../model/declaration.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Locale } from '../i18n/read-messages.js';
import { mergeLexicon } from '../../rules/lexicon/match.js';
import { defaultLexicon } from '../../rules/lexicon/data.generated.js';
import { lexiconAdditionsRef } from '../../rules/lexicon/schema.js';
import { builtinRegistry } from '../../rules/index.js';
import { buildConfigSchema, enableRules, presetConfig, resolveConfig, validateConfig, type ConfigData, type ConfigLayer, type RuleOverride } from './config.js';
import { ConfigError } from './errors.js';
import { lintDeclarations } from './linter.js';
import { registerPlugin, type Plugin } from './plugins.js';
import type { AnyRule } from './rule.js';

export interface LintOptions {
  /** A config object as in jxlint.config.json; `extends` may name jxlint:recommended / jxlint:strict. Default: jxlint:recommended. */
  config?: ConfigData;
  /** Plugin objects (the library does not load modules: pass what you imported). */
  plugins?: Plugin[];
  /** Rule severities that win over the config, like --rule. */
  rules?: RuleOverride[];
  locale?: Locale;
  /** Shown in diagnostics' locations and matched against `overrides`. */
  file?: string;
}

/**
 * Lints declarations with a config given as data: the isomorphic counterpart of the CLI (no
 * file system; presets and plugin objects only). Throws ConfigError for a bad config.
 */
/** Built-in registry and its schema, made once: compiling the schema costs more than linting a form. */
let builtin: { registry: Map<string, AnyRule>; schema: Record<string, unknown> } | undefined;
/** Enabled rules per (config, overrides), for callers that lint many forms with one config. */
const enabledCache = new Map<string, ReturnType<typeof enableRules>>();

function registryFor(plugins: Plugin[] | undefined): { registry: Map<string, AnyRule>; schema: Record<string, unknown> } {
  if (!plugins?.length) return (builtin ??= { registry: new Map(builtinRegistry), schema: buildConfigSchema(builtinRegistry, lexiconAdditionsRef) });
  const registry = new Map<string, AnyRule>(builtinRegistry);
  for (const plugin of plugins) registerPlugin(registry, plugin, plugin.name ?? '(plugin)');
  return { registry, schema: buildConfigSchema(registry, lexiconAdditionsRef) };
}

export function lint(declarations: Declaration[], options: LintOptions = {}): Diagnostic[] {
  const { registry, schema } = registryFor(options.plugins);
  const data = options.config ?? { extends: 'jxlint:recommended' };
  const layers: ConfigLayer[] = [];
  for (const name of [data.extends ?? []].flat()) {
    const fromPlugin = /^plugin:([^/]+)\/(.+)$/.exec(name);
    const preset = fromPlugin ? options.plugins?.find((p) => p.name === fromPlugin[1])?.configs?.[fromPlugin[2]!] : presetConfig(name, registry);
    if (!preset) throw new ConfigError(`extends 中的“${name}”不可用：库接口只认 jxlint:recommended、jxlint:strict 和已传入插件的配置。`);
    layers.push({ data: preset, dir: '', source: name });
  }
  layers.push({ data: validateConfig({ ...data, extends: undefined, plugins: undefined }, 'config', registry, schema), dir: '.', source: 'config' });
  const config = resolveConfig(layers, (layer) => (layer.dir && options.file ? options.file : undefined));
  let lexicon = defaultLexicon;
  for (const plugin of options.plugins ?? []) if (plugin.lexicon) lexicon = mergeLexicon(lexicon, plugin.lexicon);
  for (const additions of config.lexicon) lexicon = mergeLexicon(lexicon, additions);
  const cacheable = !options.plugins?.length;
  const key = cacheable ? JSON.stringify([config, options.rules ?? []]) : '';
  let rules = cacheable ? enabledCache.get(key) : undefined;
  if (!rules) {
    rules = enableRules(config, registry, options.rules);
    if (cacheable) {
      if (enabledCache.size > 100) enabledCache.clear();
      enabledCache.set(key, rules);
    }
  }
  return lintDeclarations(declarations, { rules, lexicon, profile: config.profile, locale: options.locale ?? 'zh', ...(options.file ? { file: options.file } : {}) });
}
