import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';
import { gridFromBytes } from '../../src/read/grid.js';
import { inspectZip, type ZipInfo } from '../../src/read/zip.js';
import { buildZip, enc, random, writeBook, zipEntries } from './samples.js';

const info = (result: ReturnType<typeof inspectZip>): ZipInfo => {
  if ('code' in result) throw new Error(`unexpected problem ${result.code}`);
  return result;
};

describe('inspectZip', () => {
  const xlsx = writeBook('xlsx');

  it('lists the parts of a real xlsx and sums their sizes without inflating', () => {
    const zip = info(inspectZip(xlsx, DEFAULT_LIMITS));
    const names = zip.entries.map((e) => e.name);
    expect(names).toContain('[Content_Types].xml');
    expect(names).toContain('xl/workbook.xml');
    const real = zipEntries(xlsx);
    expect(zip.uncompressedBytes).toBe(real.reduce((n, e) => n + e.data.length, 0));
    expect(zip.bytes).toBe(xlsx);
  });

  it('reports a truncated archive (cut in half, or just its last bytes)', () => {
    for (const cut of [xlsx.subarray(0, xlsx.length >> 1), xlsx.subarray(0, xlsx.length - 10)]) {
      expect(inspectZip(cut, DEFAULT_LIMITS)).toEqual({
        code: 'corrupt-archive',
        fatal: true,
        data: { reason: '压缩包不完整，可能下载或复制时被截断' },
      });
    }
  });

  it('reports a decompression bomb by ratio, before anything is inflated', () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(30 * 1024 * 1024), deflate: true }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(inspectZip(bomb, DEFAULT_LIMITS)).toMatchObject({ code: 'zip-bomb', data: { size: '31.5 MB', limit: '200.0 MB' } });
  });

  it('reports a total over the uncompressed limit', () => {
    expect(inspectZip(xlsx, { maxUncompressedBytes: 1000 })).toMatchObject({ code: 'zip-bomb', data: { limit: '1.0 KB' } });
  });

  it('reports encrypted entries', () => {
    const encrypted = buildZip([{ name: 'xl/workbook.xml', data: enc('<x/>'), flags: 1 }]);
    expect(inspectZip(encrypted, DEFAULT_LIMITS)).toEqual({ code: 'encrypted', fatal: true });
  });

  it('reports unsupported methods and headers that disagree', () => {
    expect(inspectZip(buildZip([{ name: 'a', data: enc('x'), method: 14 }]), DEFAULT_LIMITS)).toMatchObject({
      code: 'corrupt-archive',
      data: { reason: '使用了不支持的压缩方式（14）' },
    });
    // The local header would make SheetJS allocate 3 GB before it compares it with the directory.
    const lying = buildZip([{ name: 'a.xml', data: enc('<a/>'.repeat(100)), deflate: true, localSize: 3e9 }]);
    expect(inspectZip(lying, DEFAULT_LIMITS)).toMatchObject({ code: 'corrupt-archive' });
    const empty = buildZip([{ name: 'a.xml', data: new Uint8Array(5000).fill(65), deflate: true, declaredSize: 0 }]);
    expect(inspectZip(empty, DEFAULT_LIMITS)).toMatchObject({ code: 'corrupt-archive' });
  });

  it('fills in data-descriptor sizes so SheetJS inflates no more than the directory says', () => {
    const streamed = buildZip(zipEntries(xlsx).map((e) => ({ ...e, deflate: true, dataDescriptor: true })));
    const zip = info(inspectZip(streamed, DEFAULT_LIMITS));
    expect(zip.bytes).not.toBe(streamed);
    const view = new DataView(zip.bytes.buffer);
    for (const entry of zip.entries) {
      expect(view.getUint32(entry.localOffset + 18, true)).toBe(entry.compressedSize);
      expect(view.getUint32(entry.localOffset + 22, true)).toBe(entry.uncompressedSize);
    }
    // ...and the patched archive still reads as the same workbook.
    expect(gridFromBytes(streamed, 'a.xlsx', DEFAULT_LIMITS)).toEqual(gridFromBytes(xlsx, 'a.xlsx', DEFAULT_LIMITS));
  });

  it('bounds what SheetJS inflates for a data-descriptor entry that lies about its size', () => {
    const lying = buildZip([{ name: 'a.xml', data: new Uint8Array(20e6), deflate: true, dataDescriptor: true, declaredSize: 1000 }]);
    const inflated = (bytes: Uint8Array) => XLSX.CFB.read(bytes, { type: 'array' }).FileIndex.at(-1).content.length;
    expect(inflated(lying)).toBe(20e6);
    expect(inflated(info(inspectZip(lying, DEFAULT_LIMITS)).bytes)).toBe(1000);
  });

  it('never throws or hangs on damaged directories (fuzzed)', () => {
    const next = random(42);
    const zip = info(inspectZip(xlsx, DEFAULT_LIMITS));
    const cdStart = Math.min(...zip.entries.map((e) => e.localOffset)) + 0;
    let problems = 0;
    for (let round = 0; round < 2000; round++) {
      const bytes = xlsx.slice();
      for (let k = 0; k < 4; k++) {
        // Aim at the tail (central directory, EOCD) where the parser works, sometimes anywhere.
        const at = next() < 0.8 ? bytes.length - 1 - Math.floor(next() * 1500) : cdStart + Math.floor(next() * bytes.length);
        bytes[Math.min(Math.max(at, 0), bytes.length - 1)] = Math.floor(next() * 256);
      }
      const result = inspectZip(bytes, DEFAULT_LIMITS);
      if ('code' in result) problems++;
    }
    expect(problems).toBeGreaterThan(100);
  });
});
