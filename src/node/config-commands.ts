import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { enableRules, severityWord } from '../engine/config.js';
import { ConfigError } from '../engine/errors.js';
import type { Locale } from '../i18n/read-messages.js';
import { alignColumns } from '../text/width.js';
import { configFor, findConfigFile, loadConfigContext } from './config-loader.js';

const CATEGORY_ZH: Record<string, string> = {
  naming: '命名',
  classification: '归类',
  completeness: '完整性',
  values: '指标值',
  consistency: '一致性',
  budget: '资金',
  form: '表式',
};

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

function fail(error: unknown): number {
  if (error instanceof ConfigError) {
    process.stderr.write(`jxlint：${error.message}\n`);
    return 2;
  }
  throw error;
}

/** `jxlint rules`: every rule with its category, default severity, fix/suggestion flags and description. */
export async function listRules(options: { format: string; locale: Locale; config?: string }): Promise<number> {
  try {
    const context = await loadConfigContext(options.config ? path.resolve(options.config) : undefined);
    const rules = [...context.registry.values()].sort((a, b) => a.meta.category.localeCompare(b.meta.category) || a.meta.id.localeCompare(b.meta.id));
    if (options.format === 'json') {
      const list = rules.map(({ meta }) => ({
        id: meta.id,
        category: meta.category,
        defaultSeverity: meta.defaultSeverity,
        recommended: meta.recommended,
        fixable: meta.fixable ?? false,
        hasSuggestions: meta.hasSuggestions ?? false,
        description: meta.docs.description,
      }));
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      return 0;
    }
    const zh = options.locale === 'zh';
    const head = zh ? ['规则', '类别', '默认级别', '推荐', '修复', '说明'] : ['rule', 'category', 'default', 'recommended', 'fix', 'description'];
    const rows = rules.map(({ meta }) => [
      meta.id,
      zh ? (CATEGORY_ZH[meta.category] ?? meta.category) : meta.category,
      zh ? SEVERITY_ZH[meta.defaultSeverity]! : meta.defaultSeverity,
      meta.recommended ? '✔' : '',
      [meta.fixable ? (zh ? '自动' : 'fix') : '', meta.hasSuggestions ? (zh ? '建议' : 'suggest') : ''].filter(Boolean).join('+'),
      zh ? meta.docs.description.zh : meta.docs.description.en,
    ]);
    process.stdout.write(alignColumns([head, ...rows]).join('\n') + `\n\n${zh ? `共 ${rules.length} 条规则。` : `${rules.length} rules.`}\n`);
    return 0;
  } catch (error) {
    return fail(error);
  }
}

/** `jxlint init`: a starter config that extends the recommended set, never over an existing one. */
export function initConfig(dir: string, format: 'json' | 'yaml', locale: Locale): number {
  const existing = findConfigFile(dir);
  if (existing && path.dirname(existing) === dir) {
    process.stderr.write(locale === 'zh' ? `jxlint：${existing} 已存在，未覆盖。\n` : `jxlint: ${existing} already exists; not overwritten.\n`);
    return 2;
  }
  const config = {
    $schema: './node_modules/jxlint/schema/config.schema.json',
    extends: 'jxlint:recommended',
    profile: 'auto',
    rules: {},
  };
  const file = path.join(dir, format === 'json' ? 'jxlint.config.json' : 'jxlint.config.yaml');
  if (existsSync(file)) return 2;
  const text =
    format === 'json'
      ? JSON.stringify(config, null, 2) + '\n'
      : `# jxlint 配置：https://jxlint.dev ；规则列表见 jxlint rules\n# yaml-language-server: $schema=${config.$schema}\n${stringify({ extends: config.extends, profile: config.profile, rules: config.rules })}`;
  writeFileSync(file, text, { flag: 'wx' });
  process.stdout.write(locale === 'zh' ? `已写入 ${path.relative(process.cwd(), file) || file}。\n` : `Wrote ${file}.\n`);
  return 0;
}

/** `--print-config <file>`: the config that applies to a file, all layers and overrides resolved. */
export async function printConfig(file: string, configFile: string | undefined): Promise<number> {
  try {
    const absolute = path.resolve(file);
    const source = configFile ? path.resolve(configFile) : findConfigFile(process.cwd());
    const context = await loadConfigContext(source);
    const config = configFor(context, absolute);
    const enabled = enableRules(config, context.registry);
    const rules = Object.fromEntries(enabled.map((e) => [e.rule.meta.id, [severityWord(e.severity), e.options]]));
    const out = { configFile: source ?? null, extends: config.sources, profile: config.profile, plugins: config.plugins, suppressions: config.suppressions ?? null, lexicon: config.lexicon, rules };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  } catch (error) {
    return fail(error);
  }
}
