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

const SAY = {
  zh: {
    unwritable: (target: string, reason: string, existed: boolean) => `无法写入输出文件 ${target}：${reason}。没有留下不完整的文件${existed ? '，原有的同名文件保持不变' : ''}。`,
    xlsxNeedsOutput: '--format xlsx 需要用 -o 指定批注副本的文件名，如 -o form.批注.xlsx（原文件不会被改动）。',
    xlsxOneFile: (n: number) => `--format xlsx 一次只能标注一个工作簿，本次有 ${n} 个可读的文件。`,
    noSource: (file: string) => `找不到 ${file} 的原文件。`,
    sameAsInput: '-o 不能与输入文件相同：批注副本另存为新文件，原文件保持不变。',
    annotateFailed: (why: string) => `无法生成批注副本：${why}`,
    annotated: (out: string, comments: number, findings: number) => `已写入批注副本 ${out}：${comments} 个单元格加了批注，首页“问题清单”列出全部 ${findings} 个问题。`,
  },
  en: {
    unwritable: (target: string, reason: string, existed: boolean) => `Cannot write the output file ${target}: ${reason}. No partial file was left${existed ? '; the existing file is unchanged' : ''}.`,
    xlsxNeedsOutput: '--format xlsx needs -o with the name of the annotated copy, e.g. -o form.annotated.xlsx (the original is not changed).',
    xlsxOneFile: (n: number) => `--format xlsx annotates one workbook at a time; this run has ${n} readable files.`,
    noSource: (file: string) => `Cannot find the original of ${file}.`,
    sameAsInput: '-o cannot be the input file: the annotated copy is a new file and the original stays as it is.',
    annotateFailed: (why: string) => `Cannot make the annotated copy: ${why}`,
    annotated: (out: string, comments: number, findings: number) => `Wrote the annotated copy ${out}: ${comments} cells commented; its first sheet, 问题清单, lists all ${findings} findings.`,
  },
};

function write(target: string | undefined, content: string | Uint8Array, locale: Locale): void {
  if (!target) {
    process.stdout.write(content);
    return;
  }
  try {
    writeFileAtomic(path.resolve(target), content);
  } catch (error) {
    throw new OutputError(SAY[locale].unwritable(target, writeFailureReason(error, locale), existsSync(target)));
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
      return write(options.outputFile, formatLintJson(run, locale), locale);
    }
    case 'sarif': {
      const { formatSarif } = await import('../format/sarif.js');
      const { builtinRules } = await import('../../rules/index.js');
      return write(options.outputFile, formatSarif(run, locale, { toolVersion: version, rules: run.rules ?? builtinRules.map((r) => r.meta) }), locale);
    }
    case 'junit': {
      const { formatJunit } = await import('../format/junit.js');
      return write(options.outputFile, formatJunit(run, locale), locale);
    }
    case 'github': {
      const { formatGithub } = await import('../format/github.js');
      const { annotations, summary } = formatGithub(run, locale);
      write(options.outputFile, annotations, locale);
      // Actions gives each step a file for its summary; outside Actions there is nowhere to put it.
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) appendFileSync(summaryFile, summary);
      return;
    }
    case 'html': {
      const { formatHtml } = await import('../format/html.js');
      return write(options.outputFile, formatHtml(run, locale, { version, generatedAt: new Date().toISOString() }), locale);
    }
    case 'xlsx': {
      if (!options.outputFile) throw new OutputError(SAY[locale].xlsxNeedsOutput);
      const readable = run.files.filter((f) => f.declarations.length > 0);
      if (readable.length !== 1) throw new OutputError(SAY[locale].xlsxOneFile(readable.length));
      const file = readable[0]!;
      const source = targets.find((t) => t.display === file.file);
      if (!source) throw new OutputError(SAY[locale].noSource(file.file));
      const output = path.resolve(options.outputFile);
      if (output === path.resolve(source.absolute)) throw new OutputError(SAY[locale].sameAsInput);
      // The user's workbook is parsed again to annotate it: in a locked worker with a time limit.
      const { runInSandbox } = await import('./sandbox.js');
      const annotated = await runInSandbox({ kind: 'annotate', bytes: new Uint8Array(readFileSync(source.absolute)), file, locale }, 60_000);
      if (!annotated.ok) throw new OutputError(annotated.annotateError ? annotated.message : SAY[locale].annotateFailed(annotated.message));
      write(output, annotated.bytes, locale);
      for (const note of annotated.notes ?? []) process.stderr.write(`${note}\n`);
      process.stderr.write(SAY[locale].annotated(options.outputFile, annotated.comments ?? 0, file.diagnostics.length) + '\n');
      return;
    }
    default: {
      const { formatStylish } = await import('../format/stylish.js');
      return write(options.outputFile, formatStylish(run, locale, { quiet: options.quiet }), locale);
    }
  }
}
