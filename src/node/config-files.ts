import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../engine/errors.js';
import { checkLimitSettings, LIMIT_SETTING_KEYS, resolveLimits, type LimitSettings, type ReadLimits } from '../read/limits.js';

/**
 * Where a run's config comes from, kept light (no rules, no ajv): the CLI needs the config's
 * reading limits before the first file is read, while the engine still loads.
 */
export const CONFIG_FILE_NAMES = ['jxlint.config.json', 'jxlint.config.yaml', 'jxlint.config.yml'];
export const SUPPRESSION_FILE_NAMES = ['jxlint.suppressions.yaml', 'jxlint.suppressions.yml', 'jxlint.suppressions.json'];

/** A config or suppressions file by its name (package.json is not: most are not ours). */
export const isConfigFileName = (name: string) => CONFIG_FILE_NAMES.includes(name) || SUPPRESSION_FILE_NAMES.includes(name);

/**
 * The nearest jxlint.config.* or package.json with a "jxlint" key in `startDir` or above it. The
 * CLI starts from the working folder, never from the forms' folders: forms sent by other units may
 * come with a config of their own that turns rules off, suppresses findings or loads a plugin.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { jxlint?: unknown }).jxlint !== undefined) return pkg;
      } catch {
        // an unreadable package.json is not ours to report
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The `limits` key of a config file, checked. Only the file itself sets limits (not its extends):
 * they bound how files are read, before the config's rules and plugins are loaded. A file that does
 * not parse yields nothing here; the full load reports it with its line and column.
 */
export async function readConfigLimits(file: string): Promise<LimitSettings> {
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    if (/\.ya?ml$/i.test(file)) {
      const { parseDataText } = await import('../text/data-text.js');
      const parsed = parseDataText(text, 'yaml');
      if ('error' in parsed) return {};
      data = parsed.value;
    } else {
      data = JSON.parse(text);
      if (path.basename(file) === 'package.json') data = (data as { jxlint?: unknown } | null)?.jxlint;
    }
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const checked = checkLimitSettings((data as { limits?: unknown }).limits);
  if ('error' in checked) throw new ConfigError(`配置文件 ${file} 有误：${checked.error}`, file, 'limits');
  return checked;
}

/** The run's reading limits: defaults, then the config's `limits`, then command-line flags. */
export async function limitsForRun(flags: LimitSettings, configFile: string | undefined): Promise<ReadLimits> {
  const fromFlags: LimitSettings = {};
  for (const key of LIMIT_SETTING_KEYS) if (flags[key] !== undefined) fromFlags[key] = flags[key];
  return resolveLimits(configFile && existsSync(configFile) ? await readConfigLimits(configFile) : {}, fromFlags);
}
