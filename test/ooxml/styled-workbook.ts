// A workbook written the way Excel writes one — shared strings, a styles part with a fill, a second
// sheet reached by an absolute relationship target, an entry with a data descriptor — built part by
// part, since SheetJS (which wrote the fixtures) writes strings and styles differently.
import { buildZip, enc } from '../read/samples.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const styledParts: Record<string, string> = {
  '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  '_rels/.rels': `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>财务科</dc:creator></cp:coreProperties>`,
  'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="申报表" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  'xl/styles.xml': `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="14"/><name val="黑体"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>`,
  'xl/sharedStrings.xml': `${XML}<sst xmlns="${MAIN}" count="9" uniqueCount="7"><si><t>项目支出绩效目标申报表</t></si><si><t>三级指标</t></si><si><t>指标值</t></si><si><t>培训人次</t></si><si><t>＞＝１２０人次</t></si><si><r><rPr><b/></rPr><t>满意度</t></r><r><t xml:space="preserve"> 指标</t></r><rPh sb="0" eb="1"><t>マン</t></rPh></si><si><t>指标1：参训人员满意度</t></si></sst>`,
  'xl/worksheets/sheet1.xml': `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:D6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="13.5"/><cols><col min="1" max="1" width="20" customWidth="1"/></cols><sheetData><row r="1" spans="1:4" ht="24" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c></row><row r="2" spans="1:4"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row><row r="3" spans="1:4"><c r="A3" s="2" t="s"><v>3</v></c><c r="B3" s="2" t="s"><v>4</v></c><c r="C3" s="2"/><c r="D3"><f>LEN(B3)</f><v>8</v></c></row><row r="4" spans="1:4"><c r="A4" s="2" t="s"><v>6</v></c><c r="B4" s="2"><v>95</v></c></row><row r="5" spans="1:4"><c r="A5" t="s"><v>5</v></c><c r="B5" t="inlineStr"><is><t>≥９０％</t></is></c></row><row r="6" spans="1:4"><c r="A6" t="s"><v>4</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  'xl/worksheets/sheet2.xml': `${XML}<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData></worksheet>`,
};

/** The styled workbook; `docProps/core.xml` is written with a data descriptor. */
export function styledWorkbook(parts: Record<string, string> = styledParts): Uint8Array {
  return buildZip(
    Object.entries(parts).map(([name, text]) => ({ name, data: enc(text), deflate: true, dataDescriptor: name === 'docProps/core.xml' })),
  );
}

export interface RawEntry {
  name: string;
  /** The local header (signature to extra field). */
  localHeader: Uint8Array;
  /** The compressed data as stored. */
  data: Uint8Array;
  /** The central directory record with its offset field zeroed. */
  central: Uint8Array;
}

/** The entries of a zip read straight from its central directory, independently of src/ooxml. */
export function rawEntries(bytes: Uint8Array): RawEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const entries: RawEntry[] = [];
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLength = view.getUint16(p + 28, true);
    const end = p + 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const central = bytes.slice(p, end);
    new DataView(central.buffer).setUint32(42, 0, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      localHeader: bytes.slice(local, dataStart),
      data: bytes.slice(dataStart, dataStart + view.getUint32(p + 20, true)),
      central,
    });
    p = end;
  }
  return entries;
}
