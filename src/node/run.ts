import * as path from 'node:path';
import type { Locale } from '../i18n/read-messages.js';
import { formatReadProblem } from '../i18n/read-messages.js';
import { ui } from '../i18n/ui.js';
import type { FileReadResult } from '../model/result.js';
import { isUnreadable } from '../model/result.js';
import { ConfigError } from '../engine/errors.js';
import type { LimitSettings, ReadLimits } from '../read/limits.js';
import { findConfigFile, limitsForRun } from './config-files.js';
import { writeFailureReason, writeFileAtomic } from './atomic-write.js';
import { expandInputs } from './files.js';
import { readFiles } from './read-files.js';

export interface RunOptions extends LimitSettings {
  mode: 'lint' | 'inspect';
  format: string;
  locale: Locale;
  outputFile?: string;
}

function toJson(results: FileReadResult[], locale: Locale): string {
  const files = results.map((r) => ({
    ...r,
    problems: r.problems.map((p) => ({ ...p, message: formatReadProblem(p, locale) })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

/** Reads the files the user named and prints what was read; exit 2 when any could not be read. */
export async function runRead(inputs: string[], options: RunOptions): Promise<number> {
  const { locale } = options;
  let limits: ReadLimits;
  try {
    limits = await limitsForRun(options, findConfigFile(process.cwd()));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`jxlint：${error.message}\n`);
    return 2;
  }
  const { files, missing } = expandInputs(inputs, process.cwd());
  const results: FileReadResult[] = missing.map((input) => ({
    file: input,
    declarations: [],
    problems: [{ code: 'file-not-found', fatal: true, data: { path: input } }],
  }));
  if (files.length === 0 && missing.length === 0) {
    process.stderr.write(ui(locale, 'noFiles', { paths: inputs.join(' ') }) + '\n');
    return 2;
  }
  results.push(...(await readFiles(files, limits)));

  let output: string;
  if (options.format === 'json') output = toJson(results, locale);
  else {
    const { formatInspectText, formatReadSummary } = await import('../format/inspect.js');
    output = options.mode === 'inspect' ? formatInspectText(results, locale) : formatReadSummary(results, locale);
  }
  if (options.outputFile) {
    try {
      writeFileAtomic(path.resolve(options.outputFile), output);
    } catch (error) {
      process.stderr.write(
        locale === 'en'
          ? `jxlint: cannot write the output file ${options.outputFile}: ${writeFailureReason(error, 'en')}.\n`
          : `jxlint：无法写入输出文件 ${options.outputFile}：${writeFailureReason(error)}。\n`,
      );
      return 2;
    }
  } else process.stdout.write(output);
  return results.some(isUnreadable) ? 2 : 0;
}
