import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { applyEditsToXlsx, copyAsXlsxWithEdits } from '../../src/fix/apply.js';
import type { Edit } from '../../src/model/diagnostic.js';
import { openPackage, readPartText } from '../../src/ooxml/package.js';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';
import { gridFromBytes } from '../../src/read/grid.js';
import { rawEntries, styledWorkbook } from '../ooxml/styled-workbook.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

function partText(bytes: Uint8Array, name: string): string {
  const pkg = openPackage(bytes);
  if ('code' in pkg) throw new Error(pkg.code);
  return readPartText(pkg, name)!;
}

/** The sheet XML with the `<c>` elements of these cells cut out. */
function withoutCells(xml: string, a1s: string[]): string {
  let out = xml;
  for (const a1 of a1s) out = out.replace(new RegExp(`<c r="${a1}"[^>]*?(/>|>.*?</c>)`), '');
  return out;
}

const styleOf = (xml: string, a1: string) => new RegExp(`<c r="${a1}"([^>]*?) s="(\\d+)"`).exec(xml)?.[2];

/**
 * (a) every entry but the changed sheets is byte-identical (local header, data, central record);
 * (b) a changed sheet differs only inside the edited cells; (c) SheetJS re-reads the edits.
 */
function expectOnlyCellsChanged(before: Uint8Array, after: Uint8Array, sheetParts: Record<string, string>, edits: Edit[]) {
  const [a, b] = [rawEntries(before), rawEntries(after)];
  expect(b.map((e) => e.name)).toEqual(a.map((e) => e.name));
  const changed = new Set(Object.values(sheetParts));
  for (let i = 0; i < a.length; i++) {
    if (changed.has(a[i]!.name)) continue;
    expect(b[i]!.localHeader, a[i]!.name).toEqual(a[i]!.localHeader);
    expect(b[i]!.data, a[i]!.name).toEqual(a[i]!.data);
    expect(b[i]!.central, a[i]!.name).toEqual(a[i]!.central);
  }
  const book = XLSX.read(after, { type: 'array', cellStyles: true });
  const original = XLSX.read(before, { type: 'array', cellStyles: true });
  for (const [sheet, part] of Object.entries(sheetParts)) {
    const cells = edits.filter((e) => e.sheet === sheet).map((e) => e.a1);
    const [xmlBefore, xmlAfter] = [partText(before, part), partText(after, part)];
    expect(withoutCells(xmlAfter, cells)).toBe(withoutCells(xmlBefore, cells));
    for (const a1 of cells) {
      expect(styleOf(xmlAfter, a1), a1).toBe(styleOf(xmlBefore, a1));
      expect(book.Sheets[sheet]![a1]?.s, a1).toEqual(original.Sheets[sheet]![a1]?.s);
    }
  }
  for (const edit of edits) expect(book.Sheets[edit.sheet]![edit.a1]!.v).toBe(edit.after);
}

describe('applyEditsToXlsx on the seed fixture (written by SheetJS)', () => {
  const seed = fixture('seed-turpan-2024.xlsx');
  const sheet = '项目支出绩效目标申报表';
  const edits: Edit[] = [
    { sheet, a1: 'E13', before: '=1个', after: '＝1个' },
    { sheet, a1: 'E14', before: '=4辆', after: '＝4辆' },
    { sheet, a1: 'D6', before: '120', after: '120.00' },
  ];

  it('patches only the edited cells', () => {
    const result = applyEditsToXlsx(seed, edits);
    expect(result.skipped).toEqual([]);
    expect(result.applied).toEqual(edits);
    expectOnlyCellsChanged(seed, result.bytes, { [sheet]: 'xl/worksheets/sheet1.xml' }, edits);
    const grid = gridFromBytes(result.bytes, 'seed.xlsx', DEFAULT_LIMITS);
    expect('grid' in grid && grid.grid.sheets[0]!.rows[12]![4]).toEqual({ t: '＝1个' });
  });

  it('is idempotent: the second run applies nothing and returns the same bytes', () => {
    const once = applyEditsToXlsx(seed, edits).bytes;
    const twice = applyEditsToXlsx(once, edits);
    expect(twice.applied).toEqual([]);
    expect(twice.bytes).toBe(once);
    expect(twice.skipped.map((s) => s.reason)).toEqual(Array(3).fill('单元格已是修改后的内容'));
  });
});

describe('applyEditsToXlsx on a workbook with styles, shared strings and two sheets', () => {
  const book = styledWorkbook();
  const edits: Edit[] = [
    { sheet: '申报表', a1: 'B3', before: '＞＝１２０人次', after: '≥120人次' },
    { sheet: '申报表', a1: 'A4', before: '指标1：参训人员满意度', after: '参训人员满意度' },
    { sheet: '申报表', a1: 'B5', before: '≥９０％', after: '≥90%' },
    { sheet: '申报表', a1: 'C3', before: '', after: '人次' },
    { sheet: '说明', a1: 'A1', before: '＞＝１２０人次', after: '≥120人次' },
  ];

  it('keeps styles and the shared strings table; other cells sharing the string keep it', () => {
    const result = applyEditsToXlsx(book, edits);
    expect(result.skipped).toEqual([]);
    expectOnlyCellsChanged(book, result.bytes, { 申报表: 'xl/worksheets/sheet1.xml', 说明: 'xl/worksheets/sheet2.xml' }, edits);
    const read = XLSX.read(result.bytes, { type: 'array', cellStyles: true });
    expect(read.Sheets['申报表']!['A6']!.v).toBe('＞＝１２０人次');
    expect(read.Sheets['申报表']!['B3']!.s).toMatchObject({ patternType: 'solid', fgColor: { rgb: 'FFFF00' } });
    expect(partText(result.bytes, 'xl/worksheets/sheet1.xml')).toContain(
      '<c r="B3" s="2" t="inlineStr"><is><t xml:space="preserve">≥120人次</t></is></c><c r="C3" s="2" t="inlineStr">',
    );
  });

  it('skips a stale before, an unknown sheet, a formula, a bad address and a second edit of one cell', () => {
    const result = applyEditsToXlsx(book, [
      { sheet: '申报表', a1: 'B3', before: '≥120人次', after: '≥120 人次' },
      { sheet: '申报表', a1: 'A4', before: '指标1：参训人员满意度', after: '参训人员满意度' },
      { sheet: '申报表', a1: '$a$4', before: '指标1：参训人员满意度', after: '满意度' },
      { sheet: '封面', a1: 'A1', before: '', after: 'x' },
      { sheet: '申报表', a1: 'D3', before: '8', after: '9' },
      { sheet: '申报表', a1: 'XFE1', before: '', after: 'x' },
    ]);
    expect(result.applied.map((e) => e.a1)).toEqual(['A4']);
    expect(result.skipped.map((s) => [s.edit.a1, s.reason])).toEqual([
      ['B3', '单元格内容已变为「＞＝１２０人次」，不再是「≥120人次」'],
      ['$a$4', '同一单元格已有另一处修改，只应用第一处'],
      ['A1', '找不到工作表「封面」'],
      ['D3', '单元格含公式，不自动修改'],
      ['XFE1', '单元格地址「XFE1」无效'],
    ]);
  });

  it('returns the original bytes when nothing applies, and skips everything in a damaged file', () => {
    const stale = [{ sheet: '申报表', a1: 'B3', before: 'x', after: 'y' }];
    expect(applyEditsToXlsx(book, stale).bytes).toBe(book);
    const cut = book.subarray(0, 100);
    const result = applyEditsToXlsx(cut, edits);
    expect(result.bytes).toBe(cut);
    expect(result.skipped).toHaveLength(edits.length);
    expect(result.skipped[0]!.reason).toContain('工作簿已损坏或不完整');
  });

  it.skipIf(spawnSync('which', ['soffice']).status !== 0)('converts to CSV with LibreOffice after patching', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxlint-soffice-'));
    writeFileSync(join(dir, 'patched.xlsx'), applyEditsToXlsx(book, edits).bytes);
    // UTF-8 output (filter token 76; the default depends on the locale) and a profile of its own.
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, 'patched.xlsx')], { timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'patched.csv'), 'utf8')).toContain('≥120人次');
  });
});

describe('copyAsXlsxWithEdits', () => {
  it('turns the legacy .xls into an xlsx with the edits, keeping merges and column widths', () => {
    const xls = fixture('legacy-2016-long-annual.xls');
    const original = XLSX.read(xls, { type: 'array', cellStyles: true });
    const sheet = original.Sheets[original.SheetNames[0]!]!;
    const a1 = Object.keys(sheet).find((k) => k[0] !== '!' && typeof sheet[k].v === 'string' && sheet[k].v.includes('指标'))!;
    const edit: Edit = { sheet: original.SheetNames[0]!, a1, before: sheet[a1].v, after: `${sheet[a1].v}（已修正）` };
    const result = copyAsXlsxWithEdits(xls, 'xls', [edit, { ...edit, a1: 'A1', before: 'stale' }]);
    expect(result.applied).toEqual([edit]);
    expect(result.skipped).toHaveLength(1);
    const copy = XLSX.read(result.bytes, { type: 'array', cellStyles: true });
    const copied = copy.Sheets[edit.sheet]!;
    expect(copied[a1].v).toBe(edit.after);
    expect(copied['!merges']).toEqual(sheet['!merges']);
    expect(copied['!cols']?.map((c) => c?.wch)).toEqual(sheet['!cols']?.map((c) => c?.wch));
    for (const key of Object.keys(sheet).filter((k) => k[0] !== '!' && k !== a1)) expect(copied[key]?.v, key).toEqual(sheet[key].v);
  });

  it('decodes a GBK CSV as the reader does, keeps every field as text, and names the sheet after the edits', () => {
    const csv = fixture('gbk-simple.csv');
    const result = copyAsXlsxWithEdits(csv, 'csv', [
      { sheet: 'gbk-simple', a1: 'D9', before: '≥12,000人', after: '≥12000人' },
      { sheet: 'gbk-simple', a1: 'B6', before: '85', after: '85.00' },
    ]);
    expect(result.skipped).toEqual([]);
    const copy = XLSX.read(result.bytes, { type: 'array' });
    expect(copy.SheetNames).toEqual(['gbk-simple']);
    const sheet = copy.Sheets['gbk-simple']!;
    expect([sheet['D9'].v, sheet['B6'].v, sheet['A3'].v, sheet['D11'].v]).toEqual(['≥12000人', '85.00', '项目名称', '≥95%']);
  });

  it('edits an ODS copy, and returns the input when nothing applies', () => {
    const ods = fixture('score-bearing.ods');
    const original = XLSX.read(ods, { type: 'array' });
    const name = original.SheetNames[0]!;
    const before = String(original.Sheets[name]!['A1'].v);
    const result = copyAsXlsxWithEdits(ods, 'ods', [{ sheet: name, a1: 'A1', before, after: `${before}!` }]);
    expect(XLSX.read(result.bytes, { type: 'array' }).Sheets[name]!['A1'].v).toBe(`${before}!`);
    expect(copyAsXlsxWithEdits(ods, 'ods', [{ sheet: name, a1: 'A1', before: 'stale', after: 'x' }]).bytes).toBe(ods);
  });
});
