import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import { LIMIT_SETTINGS, LIMIT_SETTING_KEYS, type LimitSettings } from '../read/limits.js';
import type { Severity } from '../model/diagnostic.js';
import { ajvReason } from '../text/data-text.js';
import { matchesGlob } from '../text/glob.js';
import { lexiconSchema } from '../../rules/lexicon/schema.js';
import type { LexiconAdditions } from '../../rules/lexicon/types.js';
import { ConfigError } from './errors.js';
import type { EnabledRule } from './linter.js';
import type { AnyRule, Profile } from './rule.js';
import { SEVERITY_WORDS, type SeverityWord } from './severity.js';

export { SEVERITY_WORDS, type SeverityWord };

/** What a user writes for a rule: a severity, or [severity, options]. */
export type RuleSetting = SeverityWord | [SeverityWord] | [SeverityWord, unknown];
export type ProfileSetting = Profile | 'auto';

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  profile?: ProfileSetting;
  rules?: Record<string, RuleSetting>;
  lexicon?: LexiconAdditions;
}

/** The contents of jxlint.config.json / .yaml, or the `jxlint` key of package.json. */
export interface ConfigData {
  $schema?: string;
  /** Stop looking in parent folders (the nearest config is used anyway; kept for clarity in monorepos). */
  root?: boolean;
  extends?: string | string[];
  profile?: ProfileSetting;
  rules?: Record<string, RuleSetting>;
  lexicon?: LexiconAdditions;
  plugins?: string[];
  overrides?: ConfigOverride[];
  /** Path of a suppressions file, relative to this config. */
  suppressions?: string;
  /** Reading limits (MB, seconds, counts); only the config file itself sets them, not its extends. */
  limits?: LimitSettings;
}

/** One config in an extends chain, with the folder its relative paths and globs are read from. */
export interface ConfigLayer {
  data: ConfigData;
  /** Folder of the config file ('' for built-in presets). */
  dir: string;
  /** Where it came from, for messages: a path, or jxlint:recommended. */
  source: string;
}

export interface RuleState {
  severity: SeverityWord;
  options?: unknown;
}

/** The config that applies to one file, all layers and overrides merged. */
export interface ResolvedConfig {
  profile: ProfileSetting;
  rules: Record<string, RuleState>;
  lexicon: LexiconAdditions[];
  plugins: string[];
  suppressions?: string;
  sources: string[];
}

export type RuleRegistry = ReadonlyMap<string, AnyRule>;

const TO_SEVERITY: Record<Exclude<SeverityWord, 'off'>, Severity> = { info: 'info', warn: 'warning', error: 'error' };
const FROM_SEVERITY: Record<Severity, SeverityWord> = { info: 'info', warning: 'warn', error: 'error' };

export function severityWord(severity: Severity): SeverityWord {
  return FROM_SEVERITY[severity];
}

/** jxlint:recommended turns on the rules marked recommended at their default severity; jxlint:strict turns on every rule and raises info to warn. */
export function presetConfig(name: string, registry: RuleRegistry): ConfigData | undefined {
  const rules: Record<string, RuleSetting> = {};
  if (name === 'jxlint:recommended') {
    for (const [id, rule] of registry) if (rule.meta.recommended && !id.includes('/')) rules[id] = severityWord(rule.meta.defaultSeverity);
  } else if (name === 'jxlint:strict') {
    for (const [id, rule] of registry) if (!id.includes('/')) rules[id] = rule.meta.defaultSeverity === 'info' ? 'warn' : severityWord(rule.meta.defaultSeverity);
  } else return undefined;
  return { rules };
}

const severitySchema = (description?: string) => ({ enum: SEVERITY_WORDS, ...(description ? { description } : {}) });

function ruleSettingSchema(rule: AnyRule | undefined): Record<string, unknown> {
  const description = rule ? `${rule.meta.docs.description.zh}（默认：${severityWord(rule.meta.defaultSeverity)}）` : undefined;
  const options = rule?.meta.schema ?? {};
  return {
    ...(description ? { description } : {}),
    oneOf: [
      severitySchema(description),
      { type: 'array', items: [severitySchema()], minItems: 1, maxItems: 1 },
      { type: 'array', items: [severitySchema(), options], minItems: 2, maxItems: 2 },
    ],
  };
}

/**
 * The config's JSON Schema, generated from the rules' own option schemas: editors complete rule
 * ids, severities and options from `$schema`, and the same schema validates configs at run time.
 * `lexicon` is the schema for the `lexicon` key: lexiconAdditionsRef at run time (cheap to compile),
 * the self-contained lexiconAdditionsSchema in the published file.
 */
export function buildConfigSchema(registry: RuleRegistry, lexiconSchema: Record<string, unknown>): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const [id, rule] of [...registry].sort(([a], [b]) => a.localeCompare(b))) ruleProperties[id] = ruleSettingSchema(rule);
  const rules = { type: 'object', description: '规则及其级别：off | info | warn | error，或 [级别, 选项]', properties: ruleProperties, additionalProperties: ruleSettingSchema(undefined) };
  const profile = { enum: ['auto', '2021', 'legacy'], description: '指标体系：auto 自动识别；2021 为成本指标单列一级（财预〔2021〕101号）；legacy 为成本指标在产出指标下' };
  const stringOrList = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://jxlint.dev/schema/config.json',
    title: 'jxlint 配置',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: '不再向上级目录查找配置' },
      extends: { ...stringOrList, description: '继承：jxlint:recommended、jxlint:strict、配置文件路径或 npm 包名' },
      profile,
      rules,
      lexicon: { $ref: '#/definitions/lexicon', description: '词表补充：追加到内置词表（动词、线索词、受益对象……）' },
      plugins: { type: 'array', items: { type: 'string', minLength: 1 }, description: '插件：本地模块路径或 npm 包名' },
      overrides: {
        type: 'array',
        description: '按文件通配符覆盖配置',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: { files: stringOrList, excludedFiles: stringOrList, profile, rules, lexicon: { $ref: '#/definitions/lexicon' } },
        },
      },
      suppressions: { type: 'string', minLength: 1, description: '忽略清单文件路径（相对于本配置文件）' },
      limits: limitsSchema(),
    },
    // Once, referenced twice: the lexicon schema carries its own $id, which may appear only once.
    definitions: { lexicon: lexiconSchema },
  };
}

/** The `limits` key: each limit with its unit and default, for editors and for validation. */
function limitsSchema(): Record<string, unknown> {
  const words: Record<keyof LimitSettings, string> = {
    maxFileSize: '单个文件大小上限（MB）',
    maxUnpackedSize: '工作簿解压后大小上限（MB）',
    maxRows: '每个工作表读取的行数上限',
    maxColumns: '每个工作表读取的列数上限',
    maxCells: '每个工作表非空单元格数上限',
    timeout: '单个文件读取时限（秒）',
  };
  const properties: Record<string, unknown> = {};
  for (const key of LIMIT_SETTING_KEYS) {
    const spec = LIMIT_SETTINGS[key];
    properties[key] = { type: spec.integer ? 'integer' : 'number', exclusiveMinimum: 0, ...(spec.max !== undefined ? { maximum: spec.max } : {}), default: spec.byDefault, description: `${words[key]}，默认 ${spec.byDefault}` };
  }
  return { type: 'object', additionalProperties: false, properties, description: '读取上限：超过上限的文件报错（退出码 2）并跳过，其余文件照常检查' };
}

function describePath(instancePath: string, error: ErrorObject): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') parts.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return parts.length ? parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : (i ? '.' : '') + p)).join('') : '（根）';
}

/** The most useful of ajv's errors: the deepest one, so "rules.x[1].min" beats "rules.x oneOf". */
function bestError(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || Number(a.keyword === 'oneOf') - Number(b.keyword === 'oneOf'))[0]!;
}

const validators = new WeakMap<Record<string, unknown>, ValidateFunction>();

/**
 * Compiled once per schema: every config file of a run shares it. The lexicon schema is added by
 * reference, so the config schema can point at it instead of inlining 65 kB twice.
 */
function configValidator(schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(lexiconSchema);
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** Validates one config file against the generated schema and the known rules; throws ConfigError in Chinese with the key path. */
export function validateConfig(data: unknown, source: string, registry: RuleRegistry, schema: Record<string, unknown>): ConfigData {
  const validate = configValidator(schema);
  if (!validate(data)) {
    const error = bestError(validate.errors!);
    const path = describePath(error.instancePath, error);
    throw new ConfigError(`配置文件 ${source} 有误：${path} ${ajvReason(error)}`, source, path);
  }
  const config = data as ConfigData;
  const checkRules = (rules: Record<string, RuleSetting> | undefined, where: string) => {
    for (const id of Object.keys(rules ?? {})) {
      if (registry.has(id)) continue;
      const near = [...registry.keys()].map((k) => [k, distance(k, id)] as const).sort((a, b) => a[1] - b[1])[0];
      const hint = near && near[1] <= Math.max(2, id.length / 4) ? `（是不是想写“${near[0]}”？）` : id.includes('/') ? '（插件规则需要先在 plugins 中加载插件）' : '';
      throw new ConfigError(`配置文件 ${source} 有误：${where}.${id} 不认识的规则“${id}”${hint}。运行 jxlint rules 查看全部规则。`, source, `${where}.${id}`);
    }
  };
  checkRules(config.rules, 'rules');
  config.overrides?.forEach((o, i) => checkRules(o.rules, `overrides[${i}].rules`));
  return config;
}

function mergeRules(into: Record<string, RuleState>, rules: Record<string, RuleSetting> | undefined): void {
  for (const [id, setting] of Object.entries(rules ?? {})) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    // A severity alone keeps options set earlier (extends), as in ESLint.
    into[id] = { severity, ...(Array.isArray(setting) && setting.length > 1 ? { options } : into[id]?.options !== undefined ? { options: into[id]!.options } : {}) };
  }
}

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The config for one file: layers in extends order, then the overrides whose `files` match the
 * file's path relative to the layer's folder (`relativePath(layer)` gives it, '/'-separated).
 */
export function resolveConfig(layers: ConfigLayer[], relativePath: (layer: ConfigLayer) => string | undefined): ResolvedConfig {
  const resolved: ResolvedConfig = { profile: 'auto', rules: {}, lexicon: [], plugins: [], sources: [] };
  for (const layer of layers) {
    const { data } = layer;
    resolved.sources.push(layer.source);
    if (data.profile) resolved.profile = data.profile;
    mergeRules(resolved.rules, data.rules);
    if (data.lexicon) resolved.lexicon.push(data.lexicon);
    for (const plugin of data.plugins ?? []) if (!resolved.plugins.includes(plugin)) resolved.plugins.push(plugin);
    if (data.suppressions) resolved.suppressions = data.suppressions;
    const rel = relativePath(layer);
    for (const override of data.overrides ?? []) {
      if (rel === undefined) continue;
      if (!asList(override.files).some((g) => matchesGlob(rel, g))) continue;
      if (asList(override.excludedFiles).some((g) => matchesGlob(rel, g))) continue;
      if (override.profile) resolved.profile = override.profile;
      mergeRules(resolved.rules, override.rules);
      if (override.lexicon) resolved.lexicon.push(override.lexicon);
    }
  }
  return resolved;
}

export interface RuleOverride {
  id: string;
  severity: SeverityWord;
}

/** Rules to run: severity from the config (or --rule), options validated against the rule's schema with its defaults filled in. */
export function enableRules(config: ResolvedConfig, registry: RuleRegistry, cliRules: RuleOverride[] = []): EnabledRule[] {
  const states: Record<string, RuleState> = { ...config.rules };
  for (const { id, severity } of cliRules) {
    if (!registry.has(id)) throw new ConfigError(`--rule ${id}：不认识的规则“${id}”。运行 jxlint rules 查看全部规则。`);
    states[id] = { severity, ...(states[id]?.options !== undefined ? { options: states[id]!.options } : {}) };
  }
  const ajv = new Ajv({ useDefaults: true, allErrors: false, strict: false });
  const enabled: EnabledRule[] = [];
  for (const [id, state] of Object.entries(states)) {
    if (state.severity === 'off') continue;
    const rule = registry.get(id)!;
    const options = structuredClone({ ...(rule.meta.defaultOptions as object | undefined), ...(state.options as object | undefined) });
    if (rule.meta.schema) {
      const validate = ajv.compile(rule.meta.schema);
      if (!validate(options)) {
        const error = bestError(validate.errors!);
        throw new ConfigError(`规则 ${id} 的选项有误：${describePath(error.instancePath, error)} ${ajvReason(error)}`, undefined, `rules.${id}[1]`);
      }
    }
    enabled.push({ rule, severity: TO_SEVERITY[state.severity], options });
  }
  return enabled.sort((a, b) => a.rule.meta.id.localeCompare(b.rule.meta.id));
}
