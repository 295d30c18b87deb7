import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildConfigSchema,
  presetConfig,
  resolveConfig,
  validateConfig,
  type ConfigData,
  type ConfigLayer,
  type ResolvedConfig,
  type RuleRegistry,
} from '../engine/config.js';
import { ConfigError } from '../engine/errors.js';
import { registerPlugin, type Plugin } from '../engine/plugins.js';
import type { AnyRule } from '../engine/rule.js';
import { parseDataText } from '../text/data-text.js';
import { builtinRegistry } from '../../rules/index.js';
import { lexiconAdditionsRef } from '../../rules/lexicon/schema.js';

export { CONFIG_FILE_NAMES, findConfigFile } from './config-files.js';

/** Reads a config (or suppressions) file as data; syntax errors name the file, line and column. */
export function readDataFile(file: string, what = '配置文件'): unknown {
  let text: string;
  try {
    if (statSync(file).size > 4 * 1024 * 1024) throw new ConfigError(`${what} ${file} 过大（超过 4 MB）。`, file);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`无法读取${what} ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}。`, file);
  }
  const format = /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
  const parsed = parseDataText(text, format);
  if ('error' in parsed) {
    const { line, column, detail } = parsed.error;
    throw new ConfigError(`${what} ${file} 第 ${line} 行第 ${column} 列语法错误：${detail}`, file);
  }
  if (path.basename(file) === 'package.json') return (parsed.value as { jxlint?: unknown }).jxlint;
  return parsed.value;
}

/** Everything one config file brings: its extends chain, plugins, and the registry they make. */
export interface ConfigContext {
  file?: string;
  layers: ConfigLayer[];
  registry: RuleRegistry;
  plugins: Plugin[];
  /** Where each plugin module was found, for workers that lint too. */
  pluginFiles: string[];
  schema: Record<string, unknown>;
}

async function importModule(specifier: string, fromDir: string, what: string): Promise<unknown> {
  return (await importModuleFrom(specifier, fromDir, what)).module;
}

/** Resolves and imports a module named in a config; returns its file too (workers import it again). */
async function importModuleFrom(specifier: string, fromDir: string, what: string): Promise<{ module: unknown; file: string }> {
  let resolved: string;
  try {
    resolved = specifier.startsWith('.') || path.isAbsolute(specifier) ? path.resolve(fromDir, specifier) : createRequire(path.join(fromDir, 'noop.js')).resolve(specifier);
  } catch {
    throw new ConfigError(`找不到${what}“${specifier}”（从 ${fromDir} 查找）。本地模块请写相对路径，如 ./my-plugin.js；npm 包请先安装。`);
  }
  if (!existsSync(resolved)) throw new ConfigError(`找不到${what}“${specifier}”：${resolved} 不存在。`);
  try {
    return { module: await import(pathToFileURL(resolved).href), file: resolved };
  } catch (error) {
    throw new ConfigError(`无法加载${what}“${specifier}”：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

interface RawLayer {
  data: Record<string, unknown>;
  dir: string;
  source: string;
}

function asStringList(value: unknown, source: string, key: string): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string' && v.length > 0)) throw new ConfigError(`配置文件 ${source} 有误：${key} 应为字符串或字符串数组`, source, key);
  return list as string[];
}

/**
 * Loads a config file with its extends chain and plugins. Plugins load before validation, since
 * their rules are part of what a valid config may name; nothing loads that no config names.
 */
export async function loadConfigContext(file: string | undefined): Promise<ConfigContext> {
  const raw: RawLayer[] = [];
  const pluginSpecs: { spec: string; dir: string }[] = [];
  const visiting: string[] = [];

  const visit = async (data: unknown, dir: string, source: string) => {
    if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new ConfigError(`配置文件 ${source} 有误：（根） 应为对象`, source);
    }
    const record = data as Record<string, unknown>;
    for (const spec of asStringList(record.plugins, source, 'plugins')) pluginSpecs.push({ spec, dir });
    for (const ext of asStringList(record.extends, source, 'extends')) {
      if (ext.startsWith('jxlint:') || ext.startsWith('plugin:')) {
        raw.push({ data: { $preset: ext }, dir: '', source: ext });
        continue;
      }
      const local = ext.startsWith('.') || path.isAbsolute(ext);
      let target: string;
      try {
        target = local ? path.resolve(dir, ext) : createRequire(path.join(dir, 'noop.js')).resolve(ext);
      } catch {
        throw new ConfigError(`配置文件 ${source} 有误：extends 找不到“${ext}”`, source, 'extends');
      }
      if (visiting.includes(target)) throw new ConfigError(`配置文件 ${source} 有误：extends 循环引用（${[...visiting, target].join(' → ')}）`, source, 'extends');
      if (!existsSync(target)) throw new ConfigError(`配置文件 ${source} 有误：extends 找不到“${ext}”（${target}）`, source, 'extends');
      visiting.push(target);
      const loaded = /\.(json|ya?ml)$/i.test(target) ? readDataFile(target) : ((await importModule(target, dir, '共享配置')) as { default?: unknown }).default;
      await visit(loaded, path.dirname(target), target);
      visiting.pop();
    }
    raw.push({ data: record, dir, source });
  };

  if (file) {
    visiting.push(file);
    const data = readDataFile(file);
    // A config that extends nothing builds on the recommended set; `"extends": []` starts from nothing.
    if (data && typeof data === 'object' && !Array.isArray(data) && !('extends' in data)) {
      raw.push({ data: { $preset: 'jxlint:recommended' }, dir: '', source: 'jxlint:recommended' });
    }
    await visit(data, path.dirname(file), file);
  } else {
    raw.push({ data: { $preset: 'jxlint:recommended' }, dir: '', source: 'jxlint:recommended' });
  }

  const registry = new Map<string, AnyRule>(builtinRegistry);
  const plugins: Plugin[] = [];
  const pluginFiles: string[] = [];
  const seen = new Set<string>();
  for (const { spec, dir } of pluginSpecs) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    const { module, file } = await importModuleFrom(spec, dir, '插件');
    plugins.push(registerPlugin(registry, module, spec));
    pluginFiles.push(file);
  }

  const schema = buildConfigSchema(registry, lexiconAdditionsRef);
  const layers: ConfigLayer[] = raw.map(({ data, dir, source }) => {
    const preset = data.$preset as string | undefined;
    if (preset) {
      const fromPlugin = /^plugin:([^/]+)\/(.+)$/.exec(preset);
      const config = fromPlugin ? plugins.find((p) => p.name === fromPlugin[1])?.configs?.[fromPlugin[2]!] : presetConfig(preset, registry);
      if (!config) throw new ConfigError(`extends 中的“${preset}”不存在。内置的有 jxlint:recommended 和 jxlint:strict${fromPlugin ? '；插件配置需先在 plugins 中加载该插件' : ''}。`);
      return { data: config, dir, source: preset };
    }
    return { data: validateConfig(data, source, registry, schema), dir, source };
  });
  return { ...(file ? { file } : {}), layers, registry, plugins, pluginFiles, schema };
}

/** The config for one input file, from a context (cached per config file by the caller). */
export function configFor(context: ConfigContext, inputFile: string): ResolvedConfig {
  return resolveConfig(context.layers, (layer) => (layer.dir ? path.relative(layer.dir, inputFile).split(path.sep).join('/') : undefined));
}

export type { ConfigData };
