import { describe, expect, it } from 'vitest';
import { readCells, setCellTexts } from '../../src/ooxml/cells.js';

const sheet = (rows: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}dimension ref="A1:E9"/><${prefix}sheetData>${rows}</${prefix}sheetData><${prefix}mergeCells count="0"/></${prefix}worksheet>`;
const strings = ['培训人次', '满意度 指标'];
const read = (xml: string, ...a1s: string[]) => Object.fromEntries(readCells(xml, a1s, () => strings));
const set = (xml: string, texts: Record<string, string>) => setCellTexts(xml, new Map(Object.entries(texts)));

describe('readCells', () => {
  it('reads shared, inline (rich, phonetic runs left out), formula-string, number, boolean and escaped text', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>≥</t></r><r><t xml:space="preserve">90 %</t></r><rPh><t>x</t></rPh></is></c>' +
        '<c r="C1" t="str"><f>A1&amp;"x"</f><v>满意度 指标x</v></c><c r="D1" s="4"><v>0.95</v></c><c r="E1" t="b"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>a&lt;b_x000D_&#10;c_x005F_x0041_</t></is></c><c r="B2" s="3"/></row>',
    );
    expect(read(xml, 'A1', 'B1', 'C1', 'D1', 'E1', 'A2', 'B2', 'C9')).toEqual({
      A1: { text: '满意度 指标', formula: false },
      B1: { text: '≥90 %', formula: false },
      C1: { text: '满意度 指标x', formula: true },
      D1: { text: '0.95', formula: false },
      E1: { text: 'TRUE', formula: false },
      A2: { text: 'a<b\r\nc_x0041_', formula: false },
      B2: { text: '', formula: false },
    });
  });

  it('places cells and rows written without r one after another', () => {
    const xml = sheet('<row><c><v>1</v></c><c t="s"><v>0</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>');
    expect(read(xml, 'A1', 'B1', 'C4', 'D4')).toEqual({
      A1: { text: '1', formula: false },
      B1: { text: '培训人次', formula: false },
      C4: { text: '3', formula: false },
      D4: { text: '4', formula: false },
    });
  });
});

describe('setCellTexts', () => {
  const rows = '<row r="2" spans="1:5"><c r="A2" s="7" t="s"><v>0</v></c><c r="C2" s="3"/><c r="E2"><v>5</v></c></row><row r="5"><c r="B5"><v>1</v></c></row>';

  it('replaces a cell with an inline string, keeping its style and touching nothing else', () => {
    const { xml, unplaced } = set(sheet(rows), { A2: '培训人次 & <课时>', C2: ' 两端空格 ' });
    expect(unplaced).toEqual([]);
    expect(xml).toBe(
      sheet(
        '<row r="2" spans="1:5"><c r="A2" s="7" t="inlineStr"><is><t xml:space="preserve">培训人次 &amp; &lt;课时&gt;</t></is></c>' +
          '<c r="C2" s="3" t="inlineStr"><is><t xml:space="preserve"> 两端空格 </t></is></c><c r="E2"><v>5</v></c></row><row r="5"><c r="B5"><v>1</v></c></row>',
      ),
    );
    expect(read(xml, 'A2', 'C2')).toEqual({ A2: { text: '培训人次 & <课时>', formula: false }, C2: { text: ' 两端空格 ', formula: false } });
  });

  it('escapes what XML cannot hold, and reads it back', () => {
    const text = 'a\r\nb\u0001c_x0041_';
    const { xml } = set(sheet(rows), { E2: text });
    expect(xml).toContain('<t xml:space="preserve">a_x000D_\nb_x0001_c_x005F_x0041_</t>');
    expect(read(xml, 'E2').E2!.text).toBe(text);
  });

  it('inserts missing cells in column order, in existing and new rows', () => {
    const { xml, unplaced } = set(sheet(rows), { B2: 'b', D2: 'd', F2: 'f', A1: 'a', C3: 'c', A9: 'z' });
    expect(unplaced).toEqual([]);
    const inline = (a1: string, t: string) => `<c r="${a1}" t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;
    expect(xml).toBe(
      sheet(
        `<row r="1">${inline('A1', 'a')}</row>` +
          `<row r="2" spans="1:5"><c r="A2" s="7" t="s"><v>0</v></c>${inline('B2', 'b')}<c r="C2" s="3"/>${inline('D2', 'd')}<c r="E2"><v>5</v></c>${inline('F2', 'f')}</row>` +
          `<row r="3">${inline('C3', 'c')}</row><row r="5"><c r="B5"><v>1</v></c></row><row r="9">${inline('A9', 'z')}</row>`,
      ).replace('A1:E9', 'A1:F9'),
    );
  });

  it('fills a self-closing row and a self-closing sheetData', () => {
    expect(set(sheet('<row r="3" ht="20"/>'), { B3: 'x' }).xml).toBe(
      sheet('<row r="3" ht="20"><c r="B3" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row>'),
    );
    const empty = sheet('').replace('<sheetData></sheetData>', '<sheetData/>');
    expect(set(empty, { A2: 'x' }).xml).toBe(sheet('<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row>'));
  });

  it('keeps the namespace prefix a sheet uses', () => {
    const xml = sheet('<x:row r="1"><x:c r="A1" s="2" t="s"><x:v>0</x:v></x:c></x:row>', 'x:');
    const out = set(xml, { A1: 'y', B1: 'z' }).xml;
    expect(out).toContain('<x:c r="A1" s="2" t="inlineStr"><x:is><x:t xml:space="preserve">y</x:t></x:is></x:c><x:c r="B1" t="inlineStr">');
    expect(read(out, 'A1', 'B1')).toEqual({ A1: { text: 'y', formula: false }, B1: { text: 'z', formula: false } });
  });

  it('blanks a cell (keeping its style) when the new text is empty', () => {
    expect(set(sheet(rows), { A2: '' }).xml).toContain('<row r="2" spans="1:5"><c r="A2" s="7"/><c r="C2" s="3"/>');
  });

  it('refuses to insert where cells or rows have no r (their positions would shift)', () => {
    const implicit = sheet('<row r="1"><c><v>1</v></c><c><v>2</v></c></row><row><c r="A2"><v>3</v></c></row>');
    const { xml, unplaced } = set(implicit, { A1: 'replaced', C1: 'new', A5: 'new row' });
    expect(unplaced.sort()).toEqual(['A5', 'C1']);
    expect(read(xml, 'A1', 'B1')).toEqual({ A1: { text: 'replaced', formula: false }, B1: { text: '2', formula: false } });
  });

  it('scans a large sheet in linear time', () => {
    const big = sheet(Array.from({ length: 50_000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>0</v></c><c r="B${r + 1}"><v>${r}</v></c></row>`).join(''));
    const started = performance.now();
    const { xml } = set(big, { B49999: 'x', C25000: 'y' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(read(xml, 'B49999', 'C25000', 'B3')).toEqual({
      B49999: { text: 'x', formula: false },
      C25000: { text: 'y', formula: false },
      B3: { text: '2', formula: false },
    });
  });
});

describe('setCellTexts and <dimension>', () => {
  it('widens the dimension only when an inserted cell falls outside it', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(set(xml, { B2: 'x' }).xml).toContain('<dimension ref="A1:E9"/>');
    expect(set(xml, { G12: 'x' }).xml).toContain('<dimension ref="A1:G12"/>');
  });
});
