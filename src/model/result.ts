import type { Declaration } from './declaration.js';
import type { ReadProblem } from './problem.js';

/** What reading one file gave: its forms, and what got in the way. */
export interface FileReadResult {
  file: string;
  format?: string;
  declarations: Declaration[];
  problems: ReadProblem[];
}

/** A file is unusable when any of its problems is fatal. */
export function isUnreadable(result: FileReadResult): boolean {
  return result.problems.some((p) => p.fatal);
}
