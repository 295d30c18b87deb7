import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { cfbEntryNames, classifyZipEntries, extensionOf, sniff } from '../../src/read/sniff.js';
import { buildCfb, buildZip, concat, enc, writeBook } from './samples.js';

const detected = (bytes: Uint8Array, name: string) => {
  const result = sniff(bytes, name);
  expect(result).toMatchObject({ code: 'format-mismatch', fatal: true });
  return 'code' in result ? String(result.data?.detected) : '';
};

describe('sniff: real spreadsheets', () => {
  const xlsx = writeBook('xlsx');
  const xls = writeBook('biff8');
  const ods = writeBook('ods');

  it('recognises xlsx, xlsm and WPS .et from ZIP content', () => {
    expect(sniff(xlsx, 'a.xlsx')).toEqual({ container: 'zip', format: 'xlsx' });
    expect(sniff(writeBook('xlsm'), 'a.XLSM')).toEqual({ container: 'zip', format: 'xlsm' });
    expect(sniff(xlsx, '表.et')).toEqual({ container: 'zip', format: 'et' });
  });

  it('lets content decide between containers: an xlsx named .xls is still an xlsx', () => {
    expect(sniff(xlsx, 'old.xls')).toEqual({ container: 'zip', format: 'xlsx' });
    expect(sniff(xls, 'new.xlsx')).toEqual({ container: 'cfb', format: 'xls' });
  });

  it('recognises BIFF8 .xls and .et in a compound file', () => {
    expect(sniff(xls, 'a.xls')).toEqual({ container: 'cfb', format: 'xls' });
    expect(sniff(xls, 'a.et')).toEqual({ container: 'cfb', format: 'et' });
  });

  it('recognises ods by its stored mimetype entry, whatever the name', () => {
    const odf = (mimetype: string) => buildZip([{ name: 'mimetype', data: enc(mimetype) }, { name: 'content.xml', data: enc('<x/>') }]);
    expect(sniff(odf('application/vnd.oasis.opendocument.spreadsheet'), 'a.xlsx')).toEqual({ container: 'zip', format: 'ods' });
    expect(detected(odf('application/vnd.oasis.opendocument.text'), 'a.ods')).toContain('opendocument.text');
    // SheetJS writes mimetype after the manifest: the entry names settle it once the ZIP is read.
    expect(sniff(ods, 'a.ods')).toEqual({ container: 'zip', format: 'xlsx' });
    const names = XLSX.CFB.read(ods, { type: 'array' }).FullPaths.map((p: string) => p.replace(/^[^/]*\//, ''));
    expect(classifyZipEntries(names, { container: 'zip', format: 'xlsx' }, 'a.ods')).toEqual({ container: 'zip', format: 'ods' });
  });

  it('accepts a container without an extension (stdin) by its content', () => {
    expect(sniff(xlsx, 'stdin')).toEqual({ container: 'zip', format: 'xlsx' });
    expect(sniff(xls, 'stdin')).toEqual({ container: 'cfb', format: 'xls' });
  });
});

describe('sniff: things that are not spreadsheets', () => {
  it('reports an empty file', () => {
    expect(sniff(new Uint8Array(0), 'a.xlsx')).toEqual({ code: 'file-empty', fatal: true });
  });

  it('names PDF, images, RTF, MHT', () => {
    expect(detected(enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'a.xlsx')).toMatch(/^PDF/);
    expect(detected(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'a.xls')).toMatch(/^PNG/);
    expect(detected(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'a.xls')).toMatch(/^JPEG/);
    expect(detected(enc('GIF89a\x01\x00'), 'a.ods')).toMatch(/^GIF/);
    expect(detected(enc('{\\rtf1\\ansi\\deff0 hello}'), 'a.xls')).toMatch(/^RTF/);
    expect(detected(enc('MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n'), 'a.xls')).toMatch(/^MHT/);
  });

  it('names HTML pages, with BOM, whitespace, any case, UTF-16', () => {
    expect(detected(enc('\ufeff  \r\n<!DOCTYPE HTML><html><body><table>'), '导出.xls')).toMatch(/^HTML/);
    expect(detected(enc('<html xmlns:o="urn:schemas-microsoft-com:office:office">'), 'a.xls')).toMatch(/^HTML/);
    expect(detected(enc('<TABLE border=1><tr><td>项目</td></tr></TABLE>'), 'a.xlsx')).toMatch(/^HTML/);
    const utf16 = concat([new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from('<html><body>', 'utf16le'))]);
    expect(detected(utf16, 'a.xls')).toMatch(/^HTML/);
  });

  it('tells an XML Spreadsheet 2003 from other XML', () => {
    const xml2003 =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">';
    expect(detected(enc(xml2003), 'a.xls')).toMatch(/^XML 电子表格 2003/);
    expect(detected(enc('<?xml version="1.0"?><root/>'), 'a.xlsx')).toBe('XML 文件');
  });

  it('tells plain text (UTF-8 or GBK) from binary data', () => {
    expect(detected(enc('项目名称,指标值\n培训,≥90%\n'), 'a.xls')).toMatch(/^纯文本/);
    expect(detected(new Uint8Array(cptable.utils.encode(936, '项目名称,指标值\r\n') as Uint8Array), 'a.xls')).toMatch(/^纯文本/);
    expect(detected(new Uint8Array([1, 2, 3, 0, 0, 7, 8, 200]), 'a.xlsx')).toBe('未知的二进制数据');
  });

  it('rejects an empty ZIP as a damaged archive', () => {
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    expect(sniff(empty, 'a.xlsx')).toMatchObject({ code: 'corrupt-archive', fatal: true });
  });

  it('turns away a Word file in a compound file or a ZIP renamed as a workbook', () => {
    expect(detected(buildCfb({ WordDocument: new Uint8Array(600) }), 'a.xls')).toMatch(/^Word/);
    const docx = buildZip([{ name: '[Content_Types].xml', data: enc('<Types/>') }, { name: 'word/document.xml', data: enc('<w/>') }]);
    expect(classifyZipEntries(['[Content_Types].xml', 'word/document.xml'], { container: 'zip', format: 'xlsx' }, 'a.xlsx'))
      .toMatchObject({ code: 'format-mismatch', data: { ext: '.xlsx', detected: 'Word 文档（.docx）' } });
    expect(sniff(docx, 'a.xlsx')).toEqual({ container: 'zip', format: 'xlsx' });
    expect(classifyZipEntries(['photo.jpg'], { container: 'zip', format: 'xlsx' }, 'a.xlsx')).toMatchObject({ data: { detected: 'ZIP 压缩包' } });
  });

  it('reports an encrypted OOXML workbook (EncryptionInfo + EncryptedPackage in a compound file)', () => {
    const encrypted = buildCfb({ EncryptionInfo: new Uint8Array(200).fill(4), EncryptedPackage: new Uint8Array(5000).fill(9) });
    expect(sniff(encrypted, '加密.xlsx')).toEqual({ code: 'encrypted', fatal: true });
    expect(sniff(encrypted, '加密.xls')).toEqual({ code: 'encrypted', fatal: true });
  });
});

describe('sniff: extensions', () => {
  it('accepts text formats only by extension', () => {
    expect(sniff(enc('a,b'), 'x.csv')).toEqual({ container: 'text', format: 'csv' });
    expect(sniff(enc('{}'), 'x.JSON')).toEqual({ container: 'text', format: 'json' });
    expect(sniff(enc('a: 1'), 'x.yml')).toEqual({ container: 'text', format: 'yaml' });
    expect(sniff(enc('a: 1'), 'x.yaml')).toEqual({ container: 'text', format: 'yaml' });
    expect(sniff(enc('a,b'), 'x.txt')).toEqual({ code: 'unsupported-format', fatal: true, data: { ext: '.txt' } });
  });

  it('reports unknown extensions and binary content behind a text extension', () => {
    expect(sniff(enc('%PDF-1.4'), 'report.pdf')).toMatchObject({ code: 'unsupported-format', data: { ext: '.pdf' } });
    expect(sniff(writeBook('xlsx'), 'a.docx')).toMatchObject({ code: 'unsupported-format', data: { ext: '.docx' } });
    expect(sniff(enc('%PDF-1.4'), 'data.csv')).toMatchObject({ code: 'format-mismatch', data: { ext: '.csv' } });
    expect(sniff(writeBook('xlsx'), 'data.csv')).toMatchObject({ code: 'format-mismatch', data: { ext: '.csv' } });
    expect(sniff(enc('a,b'), 'README')).toMatchObject({ code: 'unsupported-format', data: { ext: '（无扩展名）' } });
  });

  it('takes the extension of the last path segment, either separator', () => {
    expect(extensionOf('C:\\报表\\2024.v2\\申报表.XLSX')).toBe('xlsx');
    expect(extensionOf('dir.d/noext')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
  });
});

describe('cfbEntryNames', () => {
  it('lists the streams of a compound file, also when the directory spans many sectors', () => {
    const streams: Record<string, Uint8Array> = {};
    for (let i = 0; i < 60; i++) streams[`Stream${i}`] = new Uint8Array(100 + i);
    const names = cfbEntryNames(buildCfb(streams));
    for (let i = 0; i < 60; i++) expect(names).toContain(`Stream${i}`);
    expect(cfbEntryNames(writeBook('biff8'))).toContain('Workbook');
  });

  it('stops on hostile headers: cycles, sectors past the end, short files', () => {
    const cfb = buildCfb({ A: new Uint8Array(700) });
    const view = new DataView(cfb.buffer);
    const cyclic = cfb.slice();
    // Make the first FAT sector say every sector's successor is sector 0: a cycle.
    const fat = view.getUint32(0x4c, true);
    new Uint32Array(cyclic.buffer, (fat + 1) * 512, 128).fill(0);
    new DataView(cyclic.buffer).setUint32(0x30, 0, true);
    expect(() => cfbEntryNames(cyclic)).not.toThrow();
    const far = cfb.slice();
    new DataView(far.buffer).setUint32(0x30, 0x7fffffff, true);
    expect(cfbEntryNames(far)).toBeUndefined();
    expect(cfbEntryNames(cfb.subarray(0, 300))).toBeUndefined();
  });
});
