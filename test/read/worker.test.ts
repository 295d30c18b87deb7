import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReadProblem } from '../../src/i18n/read-messages.js';
import type { ReadProblem } from '../../src/model/problem.js';
import { gridFromBytes } from '../../src/read/grid.js';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';
import { createWorkbookReader, readFileBytes, type WorkbookReaderOptions } from '../../src/node/read-workbook.js';
import { enc, writeBook } from './samples.js';

// The worker runs the TypeScript sources through a loader (the shipped one is compiled JS).
const fromSource: WorkbookReaderOptions = {
  workerUrl: new URL('../../src/node/parse-worker.ts', import.meta.url),
  execArgv: ['--import', new URL('./ts-register.mjs', import.meta.url).href],
};
const xlsx = writeBook('xlsx');
/** 2 000 000 cells of CSV: parsing and posting it back takes far longer than 50 ms. */
const slowCsv = enc('a,b,c,d,e,f,g,h,i,j\n'.repeat(200_000));
const roomy = { maxCells: 10_000_000 };

describe('parse worker', () => {
  it('locks Object.prototype in the worker and leaves the main thread alone', async () => {
    const worker = new Worker(fromSource.workerUrl!, { execArgv: fromSource.execArgv });
    const ready = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(ready).toEqual({ type: 'ready', prototypeLocked: true });
    expect(Object.isExtensible(Object.prototype)).toBe(true);
  });

  it('returns the same grid as parsing in-process, as plain data', async () => {
    const reader = createWorkbookReader(fromSource);
    try {
      const result = await reader.read(xlsx, 'a.xlsx');
      expect(result).toEqual(gridFromBytes(xlsx, 'a.xlsx', DEFAULT_LIMITS));
      expect(await reader.read(enc('%PDF-1.4'), 'a.xlsx')).toMatchObject({ problem: { code: 'format-mismatch' } });
    } finally {
      await reader.close();
    }
  });

  it('stops a parse that overruns the time limit and replaces the worker', async () => {
    const reader = createWorkbookReader({ ...fromSource, limits: { ...roomy, timeoutMs: 50 } });
    try {
      expect(await reader.read(xlsx, 'warm-up.xlsx')).toHaveProperty('grid');
      expect(await reader.read(slowCsv, 'slow.csv')).toEqual({ problem: { code: 'parse-timeout', fatal: true, data: { seconds: 0.05 } } });
      expect(await reader.read(xlsx, 'after.xlsx')).toHaveProperty('grid');
    } finally {
      await reader.close();
    }
  });

  it('parses in parallel with several workers and keeps results with their files', async () => {
    const reader = createWorkbookReader({ ...fromSource, workers: 2 });
    try {
      const results = await Promise.all([reader.read(xlsx, 'a.xlsx'), reader.read(enc('x,y'), 'b.csv'), reader.read(xlsx, 'c.xlsx')]);
      expect(results.map((r) => ('grid' in r ? r.grid.format : r.problem.code))).toEqual(['xlsx', 'csv', 'xlsx']);
    } finally {
      await reader.close();
    }
  });

  it('checks the byte cap before posting anything to a worker', async () => {
    // A worker that cannot start would turn any posted read into parse-failed.
    const reader = createWorkbookReader({ workerUrl: new URL('./no-such-worker.js', import.meta.url), limits: { maxFileBytes: 10 } });
    try {
      expect(await reader.read(new Uint8Array(11), 'a.xlsx')).toEqual({ problem: { code: 'file-too-large', fatal: true, data: { size: '11 B', limit: '10 B' } } });
      expect(await reader.read(new Uint8Array(5), 'a.xlsx')).toMatchObject({ problem: { code: 'parse-failed' } });
    } finally {
      await reader.close();
    }
  });

  it('rejects pending reads on close', async () => {
    const reader = createWorkbookReader({ ...fromSource, limits: roomy });
    const pending = expect(reader.read(slowCsv, 'slow.csv')).rejects.toThrow(/closed/);
    await reader.close();
    await pending;
    await expect(reader.read(xlsx, 'a.xlsx')).rejects.toThrow(/closed/);
  });
});

describe('readFileBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jxlint-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file', async () => {
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, xlsx);
    expect(await readFileBytes(path)).toEqual({ bytes: xlsx });
  });

  it('maps missing files, directories and oversized files to problems', async () => {
    const missing = join(dir, 'missing.xlsx');
    expect(await readFileBytes(missing)).toEqual({ problem: { code: 'file-not-found', fatal: true, data: { path: missing } } });
    expect(await readFileBytes(join(dir, 'missing', 'x.xlsx'))).toMatchObject({ problem: { code: 'file-not-found' } });
    const folder = await readFileBytes(dir);
    expect(folder).toEqual({ problem: { code: 'file-unreadable', fatal: true, data: { reason: 'directory' } } });
    const problem = (folder as { problem: ReadProblem }).problem;
    expect(formatReadProblem(problem, 'zh')).toBe('无法读取文件：这是一个目录，不是文件。');
    expect(formatReadProblem(problem, 'en')).toBe('Cannot read the file: it is a folder, not a file.');
    const big = join(dir, 'big.xlsx');
    writeFileSync(big, new Uint8Array(2000));
    expect(await readFileBytes(big, { maxFileBytes: 1999 })).toEqual({ problem: { code: 'file-too-large', fatal: true, data: { size: '2.0 KB', limit: '2.0 KB' } } });
  });
});
