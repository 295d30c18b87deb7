import { describe, expect, it } from 'vitest';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import type { GridSheet } from '../../src/model/grid.js';
import type { ReadProblem } from '../../src/model/problem.js';
import { csvToGrid, decodeText } from '../../src/read/csv.js';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';
import { concat, enc } from './samples.js';

const gbk = (text: string) => new Uint8Array(cptable.utils.encode(936, text) as Uint8Array);
const texts = (sheet: GridSheet | { code: string }) => {
  if ('code' in sheet) throw new Error(`unexpected problem ${sheet.code}`);
  return sheet.rows.map((row) => row.map((cell) => (cell ? cell.t : null)));
};

describe('decodeText', () => {
  const sample = '项目名称,指标值\r\n培训人次,≥90%\r\n';

  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeText(enc(sample))).toBe(sample);
    expect(decodeText(concat([new Uint8Array([0xef, 0xbb, 0xbf]), enc(sample)]))).toBe(sample);
  });

  it('falls back to GB18030 for GBK files saved by Chinese Excel and WPS', () => {
    const bytes = gbk(sample);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toBe(sample);
  });

  it('reads UTF-16 with a BOM, and UTF-16LE without one', () => {
    const le = new Uint8Array(Buffer.from('a,b\r\n项目,1', 'utf16le'));
    expect(decodeText(concat([new Uint8Array([0xff, 0xfe]), le]))).toBe('a,b\r\n项目,1');
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(decodeText(concat([new Uint8Array([0xfe, 0xff]), be]))).toBe('a,b\r\n项目,1');
    expect(decodeText(new Uint8Array(Buffer.from('name,value\r\nspeed,100\r\n', 'utf16le')))).toBe('name,value\r\nspeed,100\r\n');
  });

  it('decodes a file pasted together from UTF-8 and GBK line by line, and says which lines are which', () => {
    const warnings: ReadProblem[] = [];
    const bytes = concat([enc('项目名称,吐鲁番参展\r\n一级指标,指标值\r\n'), gbk('产出指标,≥150平方米\r\n效益指标,≥90%\r\n'), enc('满意度指标,≥95%\r\n')]);
    expect(decodeText(bytes, warnings)).toBe('项目名称,吐鲁番参展\r\n一级指标,指标值\r\n产出指标,≥150平方米\r\n效益指标,≥90%\r\n满意度指标,≥95%\r\n');
    expect(warnings).toEqual([{ code: 'mixed-encoding', fatal: false, data: { utf8: '1–2, 5', gbk: '3–4' } }]);
    // A GBK file is GBK throughout: no warning, even where a short line happens to be valid UTF-8.
    const plain: ReadProblem[] = [];
    expect(decodeText(gbk(sample), plain)).toBe(sample);
    expect(plain).toEqual([]);
  });

  it('keeps a UTF-8 line with units and Greek (㎡, μg/m³) after GBK lines, and a GBK line after a UTF-8 BOM', () => {
    const warnings: ReadProblem[] = [];
    expect(decodeText(concat([gbk('名称,值\r\n'), enc('面积,120㎡\r\nPM2.5,≤35μg/m³\r\n')]), warnings)).toBe('名称,值\r\n面积,120㎡\r\nPM2.5,≤35μg/m³\r\n');
    expect(warnings).toEqual([{ code: 'mixed-encoding', fatal: false, data: { utf8: '2–3', gbk: '1' } }]);
    const bom: ReadProblem[] = [];
    expect(decodeText(concat([new Uint8Array([0xef, 0xbb, 0xbf]), enc('名称,值\r\n'), gbk('面积,120平方米\r\n')]), bom)).toBe('名称,值\r\n面积,120平方米\r\n');
    expect(bom).toEqual([{ code: 'mixed-encoding', fatal: false, data: { utf8: '1', gbk: '2' } }]);
  });

  it('reports bytes that are neither UTF-8 nor GB18030', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0xff, 0x62]))).toEqual({ code: 'text-encoding', fatal: true, data: { line: 1 } });
    expect(decodeText(new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0x00, 0x00, 0x01, 0x02]))).toEqual({ code: 'text-encoding', fatal: true, data: { line: 2 } });
    expect(decodeText(new Uint8Array([...enc('a,b\n项目,1\n'), 0x0a, 0xff, 0x2c]))).toEqual({ code: 'text-encoding', fatal: true, data: { line: 4 } });
  });
});

describe('csvToGrid', () => {
  it('keeps every cell exactly as written: no numbers, percentages or dates reinterpreted', () => {
    const sheet = csvToGrid('指标值,日期,编号,金额\n100%,2024/1/5,007,"1,600.00"\n', '表');
    expect(texts(sheet)).toEqual([['指标值', '日期', '编号', '金额'], ['100%', '2024/1/5', '007', '1,600.00']]);
    expect(sheet).toMatchObject({ name: '表', merges: [] });
    expect((sheet as GridSheet).rows[1]![0]).toEqual({ t: '100%' });
  });

  it('handles quotes, doubled quotes, line breaks inside quotes, CRLF, LF and lone CR', () => {
    const text = 'a,"say ""hi""","line1\r\nline2"\r\nb,c\rd,"",e\n';
    expect(texts(csvToGrid(text, 's'))).toEqual([['a', 'say "hi"', 'line1\r\nline2'], ['b', 'c'], ['d', null, 'e']]);
  });

  it('keeps empty rows in place and drops trailing empties', () => {
    expect(texts(csvToGrid('a,,\n\n,b\n\n\n', 's'))).toEqual([['a'], [], [null, 'b']]);
  });

  it('is lenient with malformed quoting instead of losing text', () => {
    expect(texts(csvToGrid('"a"b,c\nx"y,z\n"open', 's'))).toEqual([['ab', 'c'], ['x"y', 'z'], ['open']]);
  });

  it('sniffs the delimiter: semicolon (European Excel), tab, comma; honours sep=', () => {
    expect(texts(csvToGrid('a;b;c\n1,5;2;3\n', 's'))).toEqual([['a', 'b', 'c'], ['1,5', '2', '3']]);
    expect(texts(csvToGrid('名称\t值\n培训, 会议\t≥90%\n', 's'))).toEqual([['名称', '值'], ['培训, 会议', '≥90%']]);
    expect(texts(csvToGrid('a,b\n"x;y",z\n', 's'))).toEqual([['a', 'b'], ['x;y', 'z']]);
    expect(texts(csvToGrid('sep=;\r\na,b;c\n', 's'))).toEqual([['a,b', 'c']]);
  });

  it('content past the row or column limit is a problem for the file; empty cells out there are not', () => {
    const text = 'a,b,c,d\n'.repeat(10);
    expect(csvToGrid(text, 's', { ...DEFAULT_LIMITS, maxRows: 3 })).toEqual({ code: 'too-many-rows', fatal: true, data: { sheet: 's', row: 4, limit: 3 } });
    expect(csvToGrid(text, 's', { ...DEFAULT_LIMITS, maxColumns: 2 })).toEqual({ code: 'too-many-columns', fatal: true, data: { sheet: 's', column: 'C', limit: 2 } });
    // Trailing delimiters and blank lines past the limits are what spreadsheet exports leave behind.
    expect(texts(csvToGrid('a,b,,,\nc,d,,\n\n\n,,,\n', 's', { ...DEFAULT_LIMITS, maxRows: 2, maxColumns: 2 }))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(csvToGrid(text, 'big', { ...DEFAULT_LIMITS, maxCells: 20 })).toMatchObject({
      code: 'too-many-cells',
      fatal: true,
      data: { sheet: 'big', limit: 20 },
    });
  });

  it('names the column that holds content past the limit, and counts the cells of a last line without a line break', () => {
    const far = `a${','.repeat(1999)}x\n`;
    expect(csvToGrid(far, 's', { ...DEFAULT_LIMITS, maxColumns: 1024 })).toEqual({ code: 'too-many-columns', fatal: true, data: { sheet: 's', column: 'BXX', limit: 1024 } });
    expect(csvToGrid('a,b,c', 's', { ...DEFAULT_LIMITS, maxCells: 2 })).toEqual({ code: 'too-many-cells', fatal: true, data: { sheet: 's', limit: 2 } });
  });

  it("cuts cells at Excel's 32 767 characters and says which and how many", () => {
    const long = '长'.repeat(40_000);
    const warnings: ReadProblem[] = [];
    const sheet = csvToGrid(`名称,值\n${long},${long}\n`, 's', DEFAULT_LIMITS, warnings) as GridSheet;
    expect(sheet.rows[1]!.map((c) => c!.t.length)).toEqual([32_767, 32_767]);
    expect(warnings).toEqual([{ code: 'cell-truncated', fatal: false, data: { sheet: 's', cell: 'A2', count: 2 } }]);
  });

  it('runs in linear time on hostile input', () => {
    const hostile = ['"' + '""'.repeat(2e6) + '"', '"a'.repeat(1e6), ',\n'.repeat(1e6), ','.repeat(4e6)];
    for (const text of hostile) {
      const start = performance.now();
      csvToGrid(text, 's');
      expect(performance.now() - start).toBeLessThan(2000);
    }
    expect(texts(csvToGrid('"' + '""'.repeat(1000) + '"', 's'))[0]![0]).toBe('"'.repeat(1000));
  });
});
