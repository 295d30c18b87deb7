import { availableParallelism } from 'node:os';
import { RuleContractError } from '../engine/errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FileReadResult } from '../model/result.js';
import type { ReadLimits } from '../read/limits.js';
import { declarationsFromGrid } from '../read/from-grid.js';
import { sniff } from '../read/sniff.js';
import type { FileTarget } from './files.js';
import { createWorkbookReader, readFileBytes } from './read-workbook.js';
import type { LintPlan } from './worker-lint.js';

/** A file read, and linted too when the worker was given a plan. */
export type ReadOrLinted = FileReadResult & { diagnostics?: Diagnostic[] };

/** A JSON/YAML file met in a directory walk is a declaration file only if it says so. */
function looksLikeDeclarations(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  return /jxlint|declaration\.schema\.json|["']?(indicators|declarations)["']?\s*:|["']?kind["']?\s*:\s*["']?(declaration|self-evaluation)/.test(head);
}

/**
 * Reads many files: bytes from disk with size caps, JSON/YAML in-process (no SheetJS involved),
 * workbooks and CSV in sandboxed workers; one broken file never stops the others.
 */
export async function readFiles(
  targets: FileTarget[],
  limits: ReadLimits,
  jobs = availableParallelism(),
  progress?: (done: number, file: string) => void,
  planFor?: (target: FileTarget) => Promise<LintPlan | undefined>,
): Promise<ReadOrLinted[]> {
  const workers = Math.max(1, Math.min(jobs, targets.length));
  const reader = createWorkbookReader({ limits, workers });
  const results: (ReadOrLinted | undefined)[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  const readOne = async (target: FileTarget): Promise<ReadOrLinted | undefined> => {
    const file = target.display;
    const loaded = await readFileBytes(target.absolute, limits);
    if ('problem' in loaded) return { file, declarations: [], problems: [loaded.problem] };
    const kind = sniff(loaded.bytes, file);
    if (!('code' in kind) && !target.explicit && (kind.format === 'json' || kind.format === 'yaml') && !looksLikeDeclarations(loaded.bytes)) {
      return undefined; // package.json and friends found in a directory walk are not forms
    }
    if ('code' in kind) return { file, declarations: [], problems: [kind] };
    if (kind.format === 'json' || kind.format === 'yaml') {
      // ajv and yaml load only when a declaration file is in the batch.
      const { readDeclarations } = await import('../read/read.js');
      return readDeclarations(loaded.bytes, file, { limits });
    }
    const plan = await planFor?.(target);
    const parsed = await reader.read(loaded.bytes, file, plan);
    if ('problem' in parsed) return { file, format: kind.format, declarations: [], problems: [parsed.problem] };
    if ('ruleError' in parsed) throw new RuleContractError(parsed.ruleError.ruleId, parsed.ruleError.reason);
    if ('linted' in parsed) return parsed.linted;
    return declarationsFromGrid(parsed.grid, file);
  };
  const lane = async () => {
    while (next < targets.length) {
      const i = next++;
      results[i] = await readOne(targets[i]!);
      progress?.(++done, targets[i]!.display);
    }
  };
  try {
    // Two files in flight per worker: while the main thread reads the next file from disk and
    // takes in the last result, the worker already has its next job.
    await Promise.all(Array.from({ length: Math.min(targets.length, workers * 2) }, lane));
  } finally {
    await reader.close();
  }
  return results.filter((r): r is ReadOrLinted => r !== undefined);
}
