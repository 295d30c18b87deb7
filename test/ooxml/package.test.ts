import { readFileSync, readdirSync } from 'node:fs';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  crc32,
  openPackage,
  readPart,
  readPartText,
  withContentTypeOverride,
  withRelationship,
  writePackage,
  type OoxmlPackage,
} from '../../src/ooxml/package.js';
import { buildZip, enc, random } from '../read/samples.js';
import { rawEntries, styledParts, styledWorkbook } from './styled-workbook.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const xlsxFixtures = readdirSync(new URL('../../fixtures/', import.meta.url)).filter((f) => f.endsWith('.xlsx'));

function open(bytes: Uint8Array): OoxmlPackage {
  const pkg = openPackage(bytes);
  if ('code' in pkg) throw new Error(`unexpected problem ${pkg.code}`);
  return pkg;
}

describe('openPackage / readPart', () => {
  it('reads every part of every xlsx fixture as SheetJS does', () => {
    for (const file of xlsxFixtures) {
      const bytes = fixture(file);
      const pkg = open(bytes);
      const container = XLSX.CFB.read(bytes, { type: 'array' });
      for (const entry of pkg.entries) {
        const index = container.FullPaths.findIndex((p: string) => p.endsWith(`/${entry.name}`));
        expect(readPart(pkg, entry.name), `${file} ${entry.name}`).toEqual(Uint8Array.from(container.FileIndex[index].content));
      }
    }
  });

  it('finds parts case-insensitively, as OPC names them', () => {
    const pkg = open(styledWorkbook());
    expect(readPartText(pkg, 'XL/Workbook.xml')).toBe(styledParts['xl/workbook.xml']);
    expect(readPart(pkg, 'xl/missing.xml')).toBeUndefined();
  });

  it('refuses a damaged part by its CRC', () => {
    const bytes = buildZip([{ name: 'a.xml', data: enc('<a>hello hello hello hello</a>') }]);
    bytes[30 + 'a.xml'.length + 3] ^= 0xff;
    expect(() => readPart(open(bytes), 'a.xml')).toThrow('校验失败');
  });

  it('refuses ZIP64 archives and duplicate names with a clear problem', () => {
    // A ZIP64 end-of-directory locator just before the classic record (the classic fields then may lie).
    const good = buildZip([{ name: 'a.xml', data: enc('<a/>') }]);
    const locator = new Uint8Array(20);
    new DataView(locator.buffer).setUint32(0, 0x07064b50, true);
    const withLocator = new Uint8Array([...good.subarray(0, good.length - 22), ...locator, ...good.subarray(good.length - 22)]);
    expect(openPackage(withLocator)).toMatchObject({ code: 'corrupt-archive', data: { reason: '不支持 ZIP64 格式的压缩包' } });
    expect(openPackage(buildZip([{ name: 'a.xml', data: enc('1') }, { name: 'A.xml', data: enc('2') }]))).toMatchObject({
      code: 'corrupt-archive',
      data: { reason: '压缩包内有重名文件 A.xml' },
    });
  });

  it('passes on the reader’s problems (truncation)', () => {
    const bytes = fixture('seed-turpan-2024.xlsx');
    expect(openPackage(bytes.subarray(0, bytes.length >> 1))).toMatchObject({ code: 'corrupt-archive' });
  });
});

describe('writePackage', () => {
  it('with nothing changed, gives back the very same bytes', () => {
    for (const file of xlsxFixtures) expect(writePackage(open(fixture(file)), new Map()), file).toEqual(fixture(file));
    expect(writePackage(open(styledWorkbook()), new Map())).toEqual(styledWorkbook());
  });

  it('replaces one part and copies every other entry byte for byte, in order', () => {
    const before = styledWorkbook();
    const text = styledParts['xl/worksheets/sheet2.xml']!.replace('<v>4</v>', '<v>3</v>');
    const after = writePackage(open(before), new Map([['xl/worksheets/sheet2.xml', text]]));
    const [a, b] = [rawEntries(before), rawEntries(after)];
    expect(b.map((e) => e.name)).toEqual(a.map((e) => e.name));
    for (let i = 0; i < a.length; i++) {
      if (a[i]!.name === 'xl/worksheets/sheet2.xml') continue;
      expect(b[i], a[i]!.name).toEqual(a[i]);
    }
    const pkg = open(after);
    expect(readPartText(pkg, 'xl/worksheets/sheet2.xml')).toBe(text);
    expect(readPartText(pkg, 'docProps/core.xml')).toBe(styledParts['docProps/core.xml']);
    expect(XLSX.read(after, { type: 'array' }).Sheets['说明']!['A1']!.v).toBe('培训人次');
  });

  it('deflates a changed part when that pays, and the result inflates with zlib', () => {
    const text = '<sheetData>' + '<row><c t="inlineStr"><is><t>绩效指标</t></is></c></row>'.repeat(500) + '</sheetData>';
    const after = writePackage(open(styledWorkbook()), new Map([['xl/worksheets/sheet2.xml', text]]));
    const entry = rawEntries(after).find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    const method = new DataView(entry.central.buffer).getUint16(10, true);
    expect(method).toBe(8);
    expect(entry.data.length).toBeLessThan(enc(text).length / 4);
    expect(new TextDecoder().decode(inflateRawSync(entry.data))).toBe(text);
    expect(new DataView(entry.central.buffer).getUint32(16, true)).toBe(zlibCrc32(enc(text)));
  });

  it('stores a part that does not compress (dense unrepeated Chinese overflows SheetJS’s deflater)', () => {
    const next = random(7);
    const text = Array.from({ length: 50_000 }, () => String.fromCharCode(0x4e00 + Math.floor(next() * 20_000))).join('');
    const after = writePackage(open(styledWorkbook()), new Map([['xl/worksheets/sheet2.xml', text]]));
    const entry = rawEntries(after).find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    expect(new DataView(entry.central.buffer).getUint16(10, true)).toBe(0);
    expect(readPartText(open(after), 'xl/worksheets/sheet2.xml')).toBe(text);
  });

  it('adds new parts at the end, and registers them in [Content_Types].xml and the rels', () => {
    const pkg = open(styledWorkbook());
    const rels = withRelationship(readPartText(pkg, 'xl/worksheets/_rels/sheet1.xml.rels'), 'http://x/comments', '../comments1.xml');
    expect(rels.id).toBe('rId1');
    const types = withContentTypeOverride(readPartText(pkg, '[Content_Types].xml')!, 'xl/comments1.xml', 'application/x-comments');
    const after = writePackage(
      pkg,
      new Map([
        ['xl/comments1.xml', '<comments/>'],
        ['xl/worksheets/_rels/sheet1.xml.rels', rels.xml],
        ['[Content_Types].xml', types],
      ]),
    );
    const reopened = open(after);
    expect(reopened.entries.slice(-2).map((e) => e.name)).toEqual(['xl/comments1.xml', 'xl/worksheets/_rels/sheet1.xml.rels']);
    expect(readPartText(reopened, 'xl/comments1.xml')).toBe('<comments/>');
    expect(readPartText(reopened, '[Content_Types].xml')).toContain('<Override PartName="/xl/comments1.xml" ContentType="application/x-comments"/></Types>');
    expect(withContentTypeOverride(types, '/xl/comments1.xml', 'text/y').match(/comments1/g)).toHaveLength(1);
    expect(withRelationship(rels.xml, 't', 'u').id).toBe('rId2');
  });

  it('computes the standard CRC-32', () => {
    for (const text of ['', 'a', '项目支出绩效目标申报表', 'x'.repeat(10_000)]) expect(crc32(enc(text))).toBe(zlibCrc32(enc(text)));
  });
});
