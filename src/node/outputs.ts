import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../i18n/read-messages.js';
import type { LintRunResult } from '../model/result.js';
import { writeFailureReason, writeFileAtomic } from './atomic-write.js';
import type { FileTarget } from './files.js';
import { version } from './version.js';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'html', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputOptions {
  format: OutputFormat;
  locale: Locale;
  quiet: boolean;
  outputFile?: string;
}

/** A reason the output could not be written; exit 2 with this message. */
export class OutputError extends Error {}

function write(target: string | undefined, content: string | Uint8Array): void {
  if (!target) {
    process.stdout.write(content);
    return;
  }
  try {
    writeFileAtomic(path.resolve(target), content);
  } catch (error) {
    throw new OutputError(`无法写入输出文件 ${target}：${writeFailureReason(error)}。没有留下不完整的文件${existsSync(target) ? '，原有的同名文件保持不变' : ''}。`);
  }
}

/**
 * Renders a run in the chosen format and writes it (stdout or --output-file). The formatters are
 * pure; this is where files are read (the workbook to annotate) and written.
 */
export async function writeOutput(run: LintRunResult, targets: FileTarget[], options: OutputOptions): Promise<void> {
  const { locale } = options;
  switch (options.format) {
    case 'json': {
      const { formatLintJson } = await import('../format/json.js');
      return write(options.outputFile, formatLintJson(run, locale));
    }
    case 'sarif': {
      const { formatSarif } = await import('../format/sarif.js');
      const { builtinRules } = await import('../../rules/index.js');
      return write(options.outputFile, formatSarif(run, locale, { toolVersion: version, rules: run.rules ?? builtinRules.map((r) => r.meta) }));
    }
    case 'junit': {
      const { formatJunit } = await import('../format/junit.js');
      return write(options.outputFile, formatJunit(run, locale));
    }
    case 'github': {
      const { formatGithub } = await import('../format/github.js');
      const { annotations, summary } = formatGithub(run, locale);
      write(options.outputFile, annotations);
      // Actions gives each step a file for its summary; outside Actions there is nowhere to put it.
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) appendFileSync(summaryFile, summary);
      return;
    }
    case 'html': {
      const { formatHtml } = await import('../format/html.js');
      return write(options.outputFile, formatHtml(run, locale, { version, generatedAt: new Date().toISOString() }));
    }
    case 'xlsx': {
      if (!options.outputFile) throw new OutputError('--format xlsx 需要用 -o 指定批注副本的文件名，如 -o form.批注.xlsx（原文件不会被改动）。');
      const readable = run.files.filter((f) => f.declarations.length > 0);
      if (readable.length !== 1) throw new OutputError(`--format xlsx 一次只能标注一个工作簿，本次有 ${readable.length} 个可读的文件。`);
      const file = readable[0]!;
      const source = targets.find((t) => t.display === file.file);
      if (!source) throw new OutputError(`找不到 ${file.file} 的原文件。`);
      const output = path.resolve(options.outputFile);
      if (output === path.resolve(source.absolute)) throw new OutputError('-o 不能与输入文件相同：批注副本另存为新文件，原文件保持不变。');
      // The user's workbook is parsed again to annotate it: in a locked worker with a time limit.
      const { runInSandbox } = await import('./sandbox.js');
      const annotated = await runInSandbox({ kind: 'annotate', bytes: new Uint8Array(readFileSync(source.absolute)), file, locale }, 60_000);
      if (!annotated.ok) throw new OutputError(annotated.annotateError ? annotated.message : `无法生成批注副本：${annotated.message}`);
      write(output, annotated.bytes);
      for (const note of annotated.notes ?? []) process.stderr.write(`${note}\n`);
      process.stderr.write(`已写入批注副本 ${options.outputFile}：${annotated.comments ?? 0} 个单元格加了批注，首页“问题清单”列出全部 ${file.diagnostics.length} 个问题。\n`);
      return;
    }
    default: {
      const { formatStylish } = await import('../format/stylish.js');
      return write(options.outputFile, formatStylish(run, locale, { quiet: options.quiet }));
    }
  }
}
