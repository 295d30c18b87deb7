import { parentPort } from 'node:worker_threads';
import type { Grid } from '../model/grid.js';
import type { ReadProblem } from '../model/problem.js';
import type { ReadLimits } from '../read/limits.js';

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
}

export type WorkerMessage =
  | { type: 'ready'; prototypeLocked: boolean }
  | ({ type: 'result'; id: number } & ({ grid: Grid } | { problem: ReadProblem }));

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

// Imported only now, after the lock: SheetJS and everything it pulls in load into a locked realm.
const { gridFromBytes } = await import('../read/grid.js');

port.on('message', ({ id, bytes, fileName, limits }: ParseRequest) => {
  let message: WorkerMessage;
  try {
    message = { type: 'result', id, ...gridFromBytes(bytes, fileName, limits) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    message = { type: 'result', id, problem: { code: 'parse-failed', fatal: true, data: { reason } } };
  }
  port.postMessage(message);
});
port.postMessage({ type: 'ready', prototypeLocked: !Object.isExtensible(Object.prototype) } satisfies WorkerMessage);
