import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openPackage, type OoxmlPackage } from '../../src/ooxml/package.js';
import { resolveTarget, sharedStrings, workbookSheets } from '../../src/ooxml/workbook.js';
import { styledWorkbook } from './styled-workbook.js';

function open(bytes: Uint8Array): OoxmlPackage {
  const pkg = openPackage(bytes);
  if ('code' in pkg) throw new Error(pkg.code);
  return pkg;
}

describe('workbook parts', () => {
  it('maps sheet names to parts through relative and absolute relationship targets', () => {
    expect(workbookSheets(open(styledWorkbook()))).toEqual([
      { name: '申报表', path: 'xl/worksheets/sheet1.xml' },
      { name: '说明', path: 'xl/worksheets/sheet2.xml' },
    ]);
    const fixture = new Uint8Array(readFileSync(new URL('../../fixtures/two-forms-one-sheet.xlsx', import.meta.url)));
    expect(workbookSheets(open(fixture)).map((s) => s.name)).toEqual(XLSX.read(fixture, { type: 'array' }).SheetNames);
  });

  it('reads shared strings with rich runs joined and phonetic runs left out', () => {
    const strings = sharedStrings(open(styledWorkbook()));
    expect(strings).toHaveLength(7);
    expect(strings[4]).toBe('＞＝１２０人次');
    expect(strings[5]).toBe('满意度 指标');
  });

  it('resolves relationship targets to zip entry names', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/workbook.xml', './worksheets/sheet%201.xml')).toBe('xl/worksheets/sheet 1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
  });
});
