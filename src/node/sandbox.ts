import { Worker } from 'node:worker_threads';
import { WORKER_HEAP_MB } from './read-workbook.js';
import type { SandboxJob, SandboxResult } from './sandbox-worker.js';

/** Runs a sandbox job in a fresh locked-down worker with a time limit; the worker never outlives it. */
export function runInSandbox(job: SandboxJob, timeoutMs: number): Promise<SandboxResult> {
  const en = 'locale' in job && job.locale === 'en';
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./sandbox-worker.js', import.meta.url), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ok: false, message: en ? `timed out: not done within ${timeoutMs / 1000} s` : `处理超时：${timeoutMs / 1000} 秒内未完成，已中止` });
    }, timeoutMs);
    const done = (result: SandboxResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    worker.once('message', done);
    worker.once('error', (error: Error & { code?: string }) =>
      done({
        ok: false,
        message: error.code !== 'ERR_WORKER_OUT_OF_MEMORY' ? error.message : en ? `needs more than ${WORKER_HEAP_MB} MB of memory; stopped` : `所需内存超过上限（${WORKER_HEAP_MB} MB），已中止`,
      }),
    );
    worker.once('exit', (code) => done({ ok: false, message: `工作线程意外退出（${code}）` }));
  });
}
