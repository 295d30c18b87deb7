import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import type { Grid } from '../../src/model/grid.js';
import { gridFromBytes, workbookToGrid } from '../../src/read/grid.js';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';
import { buildCfb, buildZip, enc, sampleWorkbook, writeBook, zipEntries } from './samples.js';

const grid = (result: Grid | { code: string }): Grid => {
  if ('code' in result) throw new Error(`unexpected problem ${result.code}`);
  return result;
};
const fromBytes = (bytes: Uint8Array, name: string, limits = DEFAULT_LIMITS) => {
  const result = gridFromBytes(bytes, name, limits);
  return 'grid' in result ? result.grid : result.problem;
};

describe('workbookToGrid', () => {
  it('turns an xlsx into plain rows: text, raw numbers and booleans, formats, merges, hidden sheets', () => {
    const g = grid(workbookToGrid(writeBook('xlsx'), 'xlsx', DEFAULT_LIMITS));
    expect(g.format).toBe('xlsx');
    expect(g.sheets.map((s) => [s.name, s.hidden])).toEqual([['申报表', undefined], ['说明', true]]);
    const [form] = g.sheets;
    expect(form!.rows[0]).toEqual([{ t: '项目支出绩效目标申报表' }]);
    expect(form!.rows[2]).toEqual([{ t: '产出指标' }, { t: '数量指标' }, { t: '培训人次0' }, { t: '95%', v: 0.95, z: '0%' }, { t: '10', v: 10 }]);
    expect(form!.rows[3]![4]).toEqual({ t: 'TRUE', v: true });
    expect(form!.rows[4]![3]).toEqual({ t: '≥90%' });
    expect(form!.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 4 }]);
    expect(form!.rows).toHaveLength(7);
    // Plain data only: it must survive a structured clone (the worker boundary) unchanged.
    expect(structuredClone(g)).toEqual(g);
  });

  it('reads the same cells from xls (BIFF8) and ods', () => {
    const texts = (bookType: XLSX.BookType, format: 'xlsx' | 'xls' | 'ods') =>
      grid(workbookToGrid(writeBook(bookType), format, DEFAULT_LIMITS)).sheets[0]!.rows.map((r) => r.map((c) => c?.t ?? null));
    const fromXlsx = texts('xlsx', 'xlsx');
    expect(texts('biff8', 'xls')).toEqual(fromXlsx);
    // SheetJS gives ODS cells no display text for the percentage: the raw 0.95 shows.
    expect(texts('ods', 'ods')).toEqual(fromXlsx.map((r) => r.map((t) => (t === '95%' ? '0.95' : t))));
  });

  it('drops a merged-over empty cell and whole empty rows at the end', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['a', null, 'c'], [], [null], []]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const g = grid(workbookToGrid(writeBook('xlsx', book), 'xlsx', DEFAULT_LIMITS));
    expect(g.sheets[0]!.rows).toEqual([[{ t: 'a' }, null, { t: 'c' }]]);
  });

  it('content past the row or column limit, or too many cells, is a problem for the file', () => {
    const bytes = writeBook('xlsx', sampleWorkbook(50));
    const full = grid(workbookToGrid(bytes, 'xlsx', DEFAULT_LIMITS)).sheets[0]!;
    const width = Math.max(...full.rows.map((r) => r.length));
    expect(workbookToGrid(bytes, 'xlsx', { ...DEFAULT_LIMITS, maxRows: 4 })).toEqual({ code: 'too-many-rows', fatal: true, data: { sheet: '申报表', row: 5, limit: 4 } });
    expect(workbookToGrid(bytes, 'xlsx', { ...DEFAULT_LIMITS, maxColumns: 2 })).toMatchObject({ code: 'too-many-columns', fatal: true, data: { sheet: '申报表', column: 'C', limit: 2 } });
    // At exactly the sheet's size nothing is lost.
    expect(grid(workbookToGrid(bytes, 'xlsx', { ...DEFAULT_LIMITS, maxRows: full.rows.length, maxColumns: width })).sheets[0]).toEqual(full);
    expect(workbookToGrid(bytes, 'xlsx', { ...DEFAULT_LIMITS, maxCells: 100 })).toEqual({
      code: 'too-many-cells',
      fatal: true,
      data: { sheet: '申报表', limit: 100 },
    });
  });

  it('finds content far below the row limit past absent rows (sparse XML), and reads it all under a higher limit', () => {
    const sparse = XLSX.utils.aoa_to_sheet([['一级指标', '二级指标'], ['产出指标', '数量指标']]);
    sparse['A250'] = { t: 's', v: '藏在下面' };
    sparse['!ref'] = 'A1:B250';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sparse, '申报表');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(workbookToGrid(bytes, 'xlsx', { ...DEFAULT_LIMITS, maxRows: 100 })).toEqual({ code: 'too-many-rows', fatal: true, data: { sheet: '申报表', row: 250, limit: 100 } });
    expect(grid(workbookToGrid(bytes, 'xlsx', { ...DEFAULT_LIMITS, maxRows: 250 })).sheets[0]!.rows).toHaveLength(250);
  });

  it('maps SheetJS failures to problems, never throws', () => {
    const garbage = new Uint8Array(4096).fill(0x41);
    garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = workbookToGrid(garbage, 'xls', DEFAULT_LIMITS);
    expect(result).toMatchObject({ fatal: true });
    expect(['parse-failed', 'corrupt-archive']).toContain((result as { code: string }).code);
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at /);
  });

  it('does not copy the rest of the file for every ZIP part (was quadratic: seconds for this file)', () => {
    const parts = Array.from({ length: 1000 }, (_, i) => ({ name: `xl/p${i}.xml`, data: enc('<a/>'), deflate: true }));
    const padding = new Uint8Array(20e6).map((_, i) => (i * 2654435761) >>> 24);
    const bytes = buildZip([...parts, { name: 'xl/media/image1.bin', data: padding }]);
    const start = performance.now();
    expect(workbookToGrid(bytes, 'xlsx', DEFAULT_LIMITS)).toMatchObject({ fatal: true });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('reports an ODS with encryption data in its manifest as encrypted', () => {
    const entries = zipEntries(writeBook('ods')).map((e) =>
      e.name === 'META-INF/manifest.xml'
        ? { ...e, data: enc(new TextDecoder().decode(e.data).replace(/(<manifest:file-entry manifest:full-path="content.xml"[^>]*)\/>/, '$1><manifest:encryption-data manifest:checksum="x"/></manifest:file-entry>')) }
        : e,
    );
    expect(new TextDecoder().decode(entries.find((e) => e.name === 'META-INF/manifest.xml')!.data)).toContain('encryption-data');
    expect(fromBytes(buildZip(entries), 'secret.ods')).toEqual({ code: 'encrypted', fatal: true });
  });
});

describe('gridFromBytes', () => {
  it('reads GBK CSV as text cells, the sheet named after the file', () => {
    const bytes = new Uint8Array(cptable.utils.encode(936, '三级指标,指标值\r\n满意度,≥90%\r\n') as Uint8Array);
    expect(fromBytes(bytes, 'dir/导出数据.csv')).toEqual({
      format: 'csv',
      sheets: [{ name: '导出数据', rows: [[{ t: '三级指标' }, { t: '指标值' }], [{ t: '满意度' }, { t: '≥90%' }]], merges: [] }],
    });
  });

  it('runs the checks in order: size, sniff, ZIP directory, content', () => {
    const xlsx = writeBook('xlsx');
    expect(fromBytes(xlsx, 'a.xlsx', { ...DEFAULT_LIMITS, maxFileBytes: 100 })).toMatchObject({ code: 'file-too-large' });
    expect(fromBytes(enc('<html><table>'), 'a.xls')).toMatchObject({ code: 'format-mismatch' });
    expect(fromBytes(xlsx.subarray(0, 3000), 'a.xlsx')).toMatchObject({ code: 'corrupt-archive' });
    const docx = buildZip([{ name: '[Content_Types].xml', data: enc('<Types/>') }, { name: 'word/document.xml', data: enc('<w/>') }]);
    expect(fromBytes(docx, 'a.xlsx')).toMatchObject({ code: 'format-mismatch', data: { detected: 'Word 文档（.docx）' } });
    expect(fromBytes(buildCfb({ EncryptionInfo: new Uint8Array(100), EncryptedPackage: new Uint8Array(900) }), 'a.xlsx')).toMatchObject({ code: 'encrypted' });
    expect(fromBytes(enc('{}'), 'a.json')).toMatchObject({ code: 'unsupported-format', data: { ext: '.json' } });
  });

  it('labels the grid with the format the content turned out to be', () => {
    expect(fromBytes(writeBook('ods'), 'a.ods')).toMatchObject({ format: 'ods' });
    expect(fromBytes(writeBook('xlsx'), 'renamed.ods')).toMatchObject({ format: 'xlsx' });
    expect(fromBytes(writeBook('biff8'), 'a.et')).toMatchObject({ format: 'et' });
  });
});

it('leaves the caller’s byte array as it was (SheetJS decorates the array it reads)', () => {
  const bytes = writeBook('xlsx');
  gridFromBytes(bytes, 'a.xlsx', DEFAULT_LIMITS);
  workbookToGrid(writeBook('biff8'), 'xls', DEFAULT_LIMITS);
  expect(Object.keys(bytes).filter((k) => !/^\d+$/.test(k))).toEqual([]);
});
