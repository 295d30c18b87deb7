import { open, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Grid } from '../model/grid.js';
import type { ReadProblem } from '../model/problem.js';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from '../read/limits.js';
import type { ParseRequest, WorkerMessage, WorkerResult } from './parse-worker.js';
import type { LintPlan } from './worker-lint.js';

export type GridResult = WorkerResult;

export interface WorkbookReaderOptions {
  limits?: Partial<ReadLimits>;
  /** Files parsed in parallel, one worker each (default 1). */
  workers?: number;
  /** The worker entry; override when bundling, or to run from TypeScript sources with a loader. */
  workerUrl?: URL;
  /** Node options for the workers (e.g. `--import` of a loader). */
  execArgv?: string[];
  /** Heap a worker may use, in MB: a file that needs more stops with `out-of-memory`, not the run. */
  maxHeapMb?: number;
}

/**
 * Heap per worker. A real form needs tens of MB, the million-row sheet of the hostile corpus about
 * 600. Past this a file is hostile or absurd and its worker stops; the run's total is this times
 * the number of workers (--jobs).
 */
export const WORKER_HEAP_MB = 2048;

export interface WorkbookReader {
  /** Parse one file's bytes in a sandboxed worker; never rejects for a bad file, only when closed. */
  read(bytes: Uint8Array, fileName: string, lint?: LintPlan): Promise<GridResult>;
  /** Stop all workers; pending reads reject. */
  close(): Promise<void>;
}

interface Job {
  request: ParseRequest;
  resolve: (result: GridResult) => void;
  reject: (error: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  /** SheetJS loaded; until then the clock for the file has not started. */
  ready: boolean;
  job?: Job;
}

/** Extra time a fresh worker gets to start (load SheetJS) before the file's own time limit runs. */
const STARTUP_MS = 10_000;

/**
 * A small pool of parse workers. Workers start on the first read, not before (a run over JSON
 * files never pays for SheetJS), stay for the next file, and are unref'd while idle so they do
 * not keep the process alive. A worker that overruns the time limit is terminated and replaced.
 */
export function createWorkbookReader(options: WorkbookReaderOptions = {}): WorkbookReader {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const size = Math.max(1, options.workers ?? 1);
  const workerUrl = options.workerUrl ?? new URL('./parse-worker.js', import.meta.url);
  const heapMb = options.maxHeapMb ?? WORKER_HEAP_MB;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl, { execArgv: options.execArgv, resourceLimits: { maxOldGenerationSizeMb: heapMb } }), ready: false };
    slot.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        if (slot.job) startClock(slot, slot.job);
        return;
      }
      if (message.id !== slot.job?.request.id) return;
      const { type: _type, id: _id, ...result } = message;
      finish(slot, result);
    });
    slot.worker.on('error', (error) => {
      retire(slot);
      finish(slot, failed(error, heapMb));
    });
    slot.worker.on('exit', () => {
      retire(slot);
      finish(slot, failed(new Error('解析进程意外退出')));
    });
    slots.push(slot);
    return slot;
  };

  const retire = (slot: Slot) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
  };

  const finish = (slot: Slot, result: GridResult) => {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker.unref();
    job.resolve(result);
    pump();
  };

  const startClock = (slot: Slot, job: Job) => {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      retire(slot);
      finish(slot, { problem: { code: 'parse-timeout', fatal: true, data: { seconds: limits.timeoutMs / 1000 } } });
    }, limits.timeoutMs + (slot.ready ? 0 : STARTUP_MS));
  };

  const pump = () => {
    while (queue.length && !closed) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      startClock(slot, job);
      slot.worker.postMessage(job.request);
    }
  };

  return {
    read(bytes, fileName, lint) {
      if (closed) return Promise.reject(new Error('workbook reader is closed'));
      if (bytes.length > limits.maxFileBytes) return Promise.resolve({ problem: tooLarge(bytes.length, limits) });
      return new Promise((resolve, reject) => {
        queue.push({ request: { id: nextId++, bytes, fileName, limits, ...(lint ? { lint } : {}) }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const error = new Error('workbook reader is closed');
      for (const job of queue.splice(0)) job.reject(error);
      const running = slots.splice(0);
      for (const slot of running) {
        if (slot.job) {
          clearTimeout(slot.job.timer);
          slot.job.reject(error);
          slot.job = undefined;
        }
      }
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}

function failed(error: Error & { code?: string }, heapMb?: number): GridResult {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return { problem: { code: 'out-of-memory', fatal: true, data: { limit: heapMb ?? WORKER_HEAP_MB } } };
  return { problem: { code: 'parse-failed', fatal: true, data: { reason: error.message.split('\n')[0]! } } };
}

function tooLarge(size: number, limits: Pick<ReadLimits, 'maxFileBytes'>): ReadProblem {
  return { code: 'file-too-large', fatal: true, data: { size: formatBytes(size), limit: formatBytes(limits.maxFileBytes) } };
}

/**
 * A file's bytes, or why it cannot be read. The size is checked with stat before anything is
 * read, so an oversized file costs nothing; only regular files are opened (a FIFO would block).
 */
export async function readFileBytes(
  path: string,
  limits: Pick<ReadLimits, 'maxFileBytes'> = DEFAULT_LIMITS,
): Promise<{ bytes: Uint8Array } | { problem: ReadProblem }> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) return unreadable('directory');
    if (!stats.isFile()) return unreadable('not-regular');
    if (stats.size > limits.maxFileBytes) return { problem: tooLarge(stats.size, limits) };
    const handle = await open(path, 'r');
    try {
      // Read what stat promised and no more, even if the file grows meanwhile.
      const bytes = new Uint8Array(stats.size);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return { bytes: filled < bytes.length ? bytes.subarray(0, filled) : bytes };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: { code: 'file-not-found', fatal: true, data: { path } } };
    if (code === 'EACCES' || code === 'EPERM') return unreadable('permission');
    if (code === 'EISDIR') return unreadable('directory');
    if (code === 'ELOOP') return unreadable('link-loop');
    return unreadable(code ?? (error instanceof Error ? error.message : String(error)));
  }
}

function unreadable(reason: string): { problem: ReadProblem } {
  return { problem: { code: 'file-unreadable', fatal: true, data: { reason } } };
}
