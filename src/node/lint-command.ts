import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { RuleOverride } from '../engine/config.js';
import { SEVERITY_WORDS, type SeverityWord } from '../engine/severity.js';
import { ConfigError, RuleContractError } from '../engine/errors.js';
import type { Locale } from '../i18n/read-messages.js';
import { ui } from '../i18n/ui.js';
import type { LintRunResult } from '../model/result.js';
import type { LimitSettings } from '../read/limits.js';
import { findConfigFile, limitsForRun } from './config-files.js';
import { writeFailureReason, type WriteFailure } from './atomic-write.js';
import { expandInputs } from './files.js';
import { progressReporter } from './progress.js';
import { lintFiles } from './lint-run.js';
import { OutputError, writeOutput, type OutputFormat } from './outputs.js';

export interface LintCommandOptions extends LimitSettings {
  format: string;
  locale: Locale;
  outputFile?: string;
  config?: string;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  suppressions?: string;
  jobs?: number;
}

/** `--rule id:severity` (repeatable). */
export function parseRuleFlags(flags: string[] = []): RuleOverride[] {
  return flags.map((flag) => {
    const colon = flag.lastIndexOf(':');
    const id = colon > 0 ? flag.slice(0, colon) : '';
    const severity = (colon > 0 ? flag.slice(colon + 1) : '') as SeverityWord;
    if (!id || !SEVERITY_WORDS.includes(severity)) throw new ConfigError(`--rule ${flag}：应写成 规则id:级别，级别为 ${SEVERITY_WORDS.join('/')}，如 --rule level-name-valid:off`);
    return { id, severity };
  });
}

function fixLines(run: LintRunResult, dryRun: boolean, locale: Locale): string[] {
  const en = locale === 'en';
  const lines: string[] = [];
  for (const file of run.files) {
    const report = file.fixes;
    if (!report) continue;
    for (const e of report.applied) lines.push(`${file.file}  ${e.sheet}!${e.a1}: ${e.before} → ${e.after}`);
    for (const s of report.skipped) lines.push(`${file.file}  ${s.edit.sheet}!${s.edit.a1}: ${en ? `not changed (${s.reason})` : `未修改（${s.reason}）`}`);
    if (!dryRun && report.output) lines.push(`${file.file}  ${en ? `wrote ${report.output} (${report.applied.length} changes)` : `已写入 ${report.output}（${report.applied.length} 处修改）`}`);
  }
  return lines;
}

/** The default command: read, lint, fix, print; returns the exit code. */
export async function runLint(inputs: string[], options: LintCommandOptions): Promise<number> {
  const { locale } = options;
  try {
    const cliRules = parseRuleFlags(options.rule);
    const { files, missing, foreignConfigs } = expandInputs(inputs, process.cwd());
    if (files.length === 0 && missing.length === 0) {
      process.stderr.write(ui(locale, 'noFiles', { paths: inputs.join(' ') }) + '\n');
      return 2;
    }
    if (options.config && !existsSync(options.config)) throw new ConfigError(`找不到配置文件 ${options.config}（-c）。`, options.config);
    const configFile = options.config ? path.resolve(options.config) : findConfigFile(process.cwd());
    // Named with -c or --suppressions, a file inside an input folder is the user's choice.
    const chosen = new Set([configFile, options.suppressions && path.resolve(options.suppressions)]);
    for (const file of foreignConfigs.filter((f) => !chosen.has(path.resolve(f)))) {
      process.stderr.write(`${locale === 'en' ? 'jxlint: ' : 'jxlint：'}${ui(locale, 'foreignConfig', { file })}\n`);
    }
    const run = await lintFiles(files, {
      limits: await limitsForRun(options, configFile),
      locale,
      ...(configFile ? { configFile } : {}),
      cliRules,
      ...(options.suppressions ? { suppressionsFile: options.suppressions } : {}),
      fix: options.fix ?? false,
      fixDryRun: options.fixDryRun ?? false,
      ...(options.jobs ? { jobs: options.jobs } : {}),
      progress: progressReporter(files.length, locale),
    });
    for (const input of missing) {
      run.files.unshift({ file: input, declarations: [], problems: [{ code: 'file-not-found', fatal: true, data: { path: input } }], diagnostics: [], suppressed: [] });
    }

    if (options.fix || options.fixDryRun) {
      const lines = fixLines(run, options.fixDryRun ?? false, locale);
      if (lines.length) process.stderr.write(lines.join('\n') + '\n');
    }
    try {
      await writeOutput(run, files, { format: options.format as OutputFormat, locale, quiet: options.quiet ?? false, ...(options.outputFile ? { outputFile: options.outputFile } : {}) });
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      process.stderr.write(`jxlint：${error.message}\n`);
      return 2;
    }

    if (run.files.some((f) => f.problems.some((p) => p.fatal))) return 2;
    const errors = run.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0);
    const warnings = run.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      process.stderr.write(locale === 'en' ? `jxlint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n` : `jxlint：警告数 ${warnings} 超过 --max-warnings ${options.maxWarnings}。\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RuleContractError) {
      process.stderr.write(`jxlint：${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code && /^E[A-Z]+$/.test(code)) {
      // --fix could not write a workbook: the original is intact (atomic write), say so.
      const target = (error as WriteFailure).target;
      const shown = target ? path.relative(process.cwd(), target) || target : undefined;
      process.stderr.write(
        locale === 'en'
          ? `jxlint: cannot write ${shown ?? 'the file'}: ${writeFailureReason(error, 'en')}. The original is unchanged and no partial file was left.\n`
          : `jxlint：无法写入${shown ? ` ${shown}` : '文件'}：${writeFailureReason(error)}。原文件未改动，也没有留下不完整的文件。\n`,
      );
      return 2;
    }
    throw error;
  }
}
