import { parentPort } from 'node:worker_threads';
import type { Grid } from '../model/grid.js';
import type { ReadProblem } from '../model/problem.js';
import type { ReadLimits } from '../read/limits.js';
import type { LintedFile, LintPlan } from './worker-lint.js';

/**
 * Worker entry: parses one file at a time and posts back plain data (a Grid or a problem).
 * Object.prototype is locked before SheetJS is loaded, so a crafted file cannot plant properties
 * on every object (the prototype-pollution class of bug); freezing more (RegExp.prototype) would
 * make parsing several times slower, preventing extensions is free.
 */
Object.preventExtensions(Object.prototype);

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  limits: ReadLimits;
  /** Lint here too (batches): the file's config as plain data. */
  lint?: LintPlan;
}

/** A parsed grid, a linted file (when the request carried a plan), a problem, or a rule that broke the contract. */
export type WorkerResult = { grid: Grid } | { linted: LintedFile } | { problem: ReadProblem } | { ruleError: { ruleId: string; reason: string } };

export type WorkerMessage = { type: 'ready'; prototypeLocked: boolean } | ({ type: 'result'; id: number } & WorkerResult);

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

// Imported only now, after the lock: SheetJS and everything it pulls in load into a locked realm.
const { gridFromBytes } = await import('../read/grid.js');

port.on('message', async ({ id, bytes, fileName, limits, lint }: ParseRequest) => {
  let message: WorkerMessage;
  try {
    const parsed = gridFromBytes(bytes, fileName, limits);
    if (lint && 'grid' in parsed) {
      const { lintGrid } = await import('./worker-lint.js');
      message = { type: 'result', id, linted: await lintGrid(parsed.grid, fileName, lint) };
    } else message = { type: 'result', id, ...parsed };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const ruleId = (error as { ruleId?: unknown }).ruleId;
    message =
      typeof ruleId === 'string'
        ? { type: 'result', id, ruleError: { ruleId, reason: (error as { reason?: string }).reason ?? reason } }
        : { type: 'result', id, problem: { code: 'parse-failed', fatal: true, data: { reason } } };
  }
  port.postMessage(message);
});
port.postMessage({ type: 'ready', prototypeLocked: !Object.isExtensible(Object.prototype) } satisfies WorkerMessage);
