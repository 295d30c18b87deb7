import { chmodSync, copyFileSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { applyEditsToXlsx, copyAsXlsxWithEdits } from '../../src/fix/apply.js';
import type { Edit } from '../../src/model/diagnostic.js';
import { writeFixedFile } from '../../src/node/write-fixes.js';

// Lets a test make one fs call fail, to see what a failure midway leaves behind.
const failing = vi.hoisted(() => ({ call: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failable = <T extends (...args: never[]) => unknown>(name: string, fn: T) =>
    ((...args: Parameters<T>) => {
      if (failing.call === name) throw Object.assign(new Error(`${name} failed`), { code: 'EIO' });
      return fn(...args);
    }) as T;
  return {
    ...fs,
    renameSync: failable('renameSync', fs.renameSync),
    fsyncSync: failable('fsyncSync', fs.fsyncSync),
    writeFileSync: failable('writeFileSync', fs.writeFileSync),
  };
});
afterEach(() => {
  failing.call = undefined;
});

const fixtures = new URL('../../fixtures/', import.meta.url);
const sheet = '项目支出绩效目标申报表';
const edits: Edit[] = [{ sheet, a1: 'E13', before: '=1个', after: '＝1个' }];

function copyFixture(name: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jxlint-fix-'));
  const file = join(dir, name);
  copyFileSync(new URL(name, fixtures), file);
  return { dir, file };
}

describe('writeFixedFile', () => {
  it('replaces an xlsx in place, keeping its permissions and leaving no temp file', () => {
    const { dir, file } = copyFixture('seed-turpan-2024.xlsx');
    chmodSync(file, 0o640);
    const result = applyEditsToXlsx(new Uint8Array(readFileSync(file)), edits);
    expect(writeFixedFile(file, result, { format: 'xlsx' })).toBe(file);
    expect(new Uint8Array(readFileSync(file))).toEqual(result.bytes);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['seed-turpan-2024.xlsx']);
  });

  it('writes through a symlink, which stays a link', () => {
    const { dir, file } = copyFixture('seed-turpan-2024.xlsx');
    const link = join(dir, 'link.xlsx');
    symlinkSync(file, link);
    const result = applyEditsToXlsx(new Uint8Array(readFileSync(link)), edits);
    writeFixedFile(link, result, { format: 'xlsx' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(new Uint8Array(readFileSync(file))).toEqual(result.bytes);
  });

  for (const call of ['writeFileSync', 'fsyncSync', 'renameSync']) {
    it(`leaves the original intact and no temp file when ${call} fails`, () => {
      const { dir, file } = copyFixture('seed-turpan-2024.xlsx');
      const original = readFileSync(file);
      const result = applyEditsToXlsx(new Uint8Array(original), edits);
      failing.call = call;
      expect(() => writeFixedFile(file, result, { format: 'xlsx' })).toThrow(`${call} failed`);
      expect(readFileSync(file)).toEqual(original);
      expect(readdirSync(dir)).toEqual(['seed-turpan-2024.xlsx']);
    });
  }

  it('gives an .xls a new .fixed.xlsx beside it, then .fixed-2.xlsx, never overwriting', () => {
    const { dir, file } = copyFixture('legacy-2016-long-annual.xls');
    const original = readFileSync(file);
    const book = XLSX.read(original, { type: 'array' });
    const name = book.SheetNames[0]!;
    const before = String(book.Sheets[name]!['A1'].v);
    const result = copyAsXlsxWithEdits(new Uint8Array(original), 'xls', [{ sheet: name, a1: 'A1', before, after: `${before}（修正）` }]);
    expect(result.applied).toHaveLength(1);

    const first = writeFixedFile(file, result, { format: 'xls' });
    expect(first).toBe(join(dir, 'legacy-2016-long-annual.fixed.xlsx'));
    expect(readFileSync(file)).toEqual(original);
    expect(XLSX.read(readFileSync(first!), { type: 'array' }).Sheets[name]!['A1'].v).toBe(`${before}（修正）`);

    const firstBytes = readFileSync(first!);
    expect(writeFixedFile(file, { ...result, bytes: new Uint8Array([1, 2, 3]) }, { format: 'xls' })).toBe(join(dir, 'legacy-2016-long-annual.fixed-2.xlsx'));
    expect(readFileSync(first!)).toEqual(firstBytes);
  });

  it('removes a half-written fixed copy when the write fails', () => {
    const { dir, file } = copyFixture('gbk-simple.csv');
    const result = copyAsXlsxWithEdits(new Uint8Array(readFileSync(file)), 'csv', [{ sheet: 'gbk-simple', a1: 'B6', before: '85', after: '85.00' }]);
    failing.call = 'fsyncSync';
    expect(() => writeFixedFile(file, result, { format: 'csv' })).toThrow('fsyncSync failed');
    expect(readdirSync(dir)).toEqual(['gbk-simple.csv']);
  });

  it('writes nothing when no edit was applied', () => {
    const { dir, file } = copyFixture('seed-turpan-2024.xlsx');
    const result = applyEditsToXlsx(new Uint8Array(readFileSync(file)), [{ ...edits[0]!, before: 'stale' }]);
    expect(writeFixedFile(file, result, { format: 'xlsx' })).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['seed-turpan-2024.xlsx']);
  });
});
