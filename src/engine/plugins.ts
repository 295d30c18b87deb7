import type { LexiconAdditions } from '../../rules/lexicon/types.js';
import { ConfigError } from './errors.js';
import type { AnyRule } from './rule.js';
import type { ConfigData } from './config.js';

/** What a plugin module exports (default export or the module itself). */
export interface Plugin {
  /** kebab-case; its rules are configured as "<name>/<rule-id>". */
  name: string;
  rules: AnyRule[] | Record<string, AnyRule>;
  lexicon?: LexiconAdditions;
  /** Shareable configs, used as extends: "plugin:<name>/<config>". */
  configs?: Record<string, ConfigData>;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CATEGORIES = ['naming', 'classification', 'completeness', 'values', 'consistency', 'budget', 'form'];
const SEVERITIES = ['error', 'warning', 'info'];

function contractError(specifier: string, what: string): ConfigError {
  return new ConfigError(`插件 ${specifier} 不符合插件约定：${what}`);
}

/** Checks a rule from outside against the contract the engine relies on, before it ever runs. */
export function checkRuleContract(rule: unknown, where: string): AnyRule {
  const r = rule as Partial<AnyRule> | undefined;
  const meta = r?.meta as Partial<AnyRule['meta']> | undefined;
  if (!r || typeof r.create !== 'function' || !meta) throw contractError(where, '规则应为 { meta, create } 对象（可用 defineRule 定义）');
  const id = String(meta.id ?? '');
  if (!KEBAB.test(id)) throw contractError(where, `规则 id “${id}”应为小写短横线形式，如 my-rule`);
  if (!CATEGORIES.includes(String(meta.category))) throw contractError(where, `规则 ${id} 的 category 应为 ${CATEGORIES.join('/')} 之一`);
  if (!SEVERITIES.includes(String(meta.defaultSeverity))) throw contractError(where, `规则 ${id} 的 defaultSeverity 应为 error/warning/info`);
  const messages = meta.messages as Record<string, { zh?: unknown; en?: unknown }> | undefined;
  if (!messages || typeof messages !== 'object' || Object.keys(messages).length === 0) throw contractError(where, `规则 ${id} 缺少 meta.messages`);
  for (const [messageId, m] of Object.entries(messages)) {
    if (typeof m?.zh !== 'string' || typeof m?.en !== 'string') throw contractError(where, `规则 ${id} 的消息 ${messageId} 应同时有 zh 和 en 文本`);
  }
  if (typeof meta.docs?.description?.zh !== 'string') throw contractError(where, `规则 ${id} 缺少 meta.docs.description.zh`);
  return r as AnyRule;
}

/** Validates a loaded plugin module and adds its rules to a registry as "<plugin>/<rule>". */
export function registerPlugin(registry: Map<string, AnyRule>, loaded: unknown, specifier: string): Plugin {
  const mod = loaded as { default?: unknown } & Partial<Plugin>;
  const plugin = (mod && typeof mod === 'object' && 'default' in mod && mod.default && typeof mod.default === 'object' ? mod.default : mod) as Partial<Plugin>;
  if (!plugin || typeof plugin !== 'object') throw contractError(specifier, '应导出一个对象 { name, rules }');
  if (typeof plugin.name !== 'string' || !KEBAB.test(plugin.name)) throw contractError(specifier, 'name 应为小写短横线形式的字符串，如 "my-org"');
  const rules = Array.isArray(plugin.rules) ? plugin.rules : plugin.rules && typeof plugin.rules === 'object' ? Object.values(plugin.rules) : undefined;
  if (!rules) throw contractError(specifier, 'rules 应为规则数组或对象');
  for (const rule of rules) {
    const checked = checkRuleContract(rule, specifier);
    registry.set(`${plugin.name}/${checked.meta.id}`, { ...checked, meta: { ...checked.meta, id: `${plugin.name}/${checked.meta.id}` } });
  }
  return plugin as Plugin;
}
