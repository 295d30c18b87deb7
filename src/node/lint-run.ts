import * as path from 'node:path';
import type { Edit } from '../model/diagnostic.js';
import type { LintFileResult, LintRunResult } from '../model/result.js';
import type { FileTarget } from './files.js';
import type { LintRunOptions, LintSession } from './lint-session.js';
import { readFiles, type ReadOrLinted } from './read-files.js';

export type { LintRunOptions };

/** Reads, lints, suppresses and (when asked) fixes every file; config errors throw ConfigError. */
export async function lintFiles(targets: FileTarget[], options: LintRunOptions): Promise<LintRunResult> {
  let session: LintSession;
  let read: ReadOrLinted[];
  if (targets.length > 1) {
    // A batch: workers read AND lint, so the rules run on every core.
    session = new (await import('./lint-session.js')).LintSession(options);
    const s = session;
    read = await readFiles(targets, options.limits, options.jobs, options.progress, (target) => s.planFor(target.absolute));
  } else {
    // One form: the worker parses while the engine loads here — the fastest start.
    const reading = readFiles(targets, options.limits, options.jobs, options.progress);
    session = new (await import('./lint-session.js')).LintSession(options);
    if (targets[0]) await session.warm(targets[0].absolute);
    read = await reading;
  }
  options.progress?.end();

  const byDisplay = new Map(targets.map((t) => [t.display, t]));
  const files: LintFileResult[] = [];
  for (const result of read) {
    const target = byDisplay.get(result.file);
    files.push(await session.lint(result, target?.absolute ?? path.resolve(result.file)));
  }

  if (options.fix || options.fixDryRun) {
    const { fixFile } = await import('./fix-run.js');
    for (const [i, file] of files.entries()) {
      const edits: Edit[] = file.diagnostics.flatMap((d) => d.fix?.edits ?? []);
      const target = byDisplay.get(file.file);
      if (edits.length === 0 || !target) continue;
      const report = await fixFile(target.absolute, file.format, edits, options.fixDryRun, options.limits.timeoutMs);
      if (!options.fixDryRun && report.applied.length && report.output) {
        // Lint what was written, so the output shows what is left to do.
        const [again] = await readFiles([{ display: file.file, absolute: report.output, explicit: true }], options.limits);
        files[i] = { ...(await session.lint({ ...again!, file: file.file }, report.output)), fixes: report };
      } else files[i] = { ...file, fixes: report };
    }
  }
  return { files, unusedSuppressions: session.unusedSuppressions(), rules: await session.ruleInfos() };
}
