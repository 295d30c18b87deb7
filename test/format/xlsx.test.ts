import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { lint } from '../../src/engine/api.js';
import { AnnotateError, annotateWorkbook, type AnnotatedWorkbook } from '../../src/format/xlsx.js';
import { decodeA1, encodeA1 } from '../../src/model/cell.js';
import type { Diagnostic, Severity } from '../../src/model/diagnostic.js';
import type { LintFileResult } from '../../src/model/result.js';
import { openPackage, readPart, readPartText } from '../../src/ooxml/package.js';
import { attributes, elementEnd, findTag, nextTag } from '../../src/ooxml/xml.js';
import { readDeclarations } from '../../src/read/read.js';
import { buildZip, enc } from '../read/samples.js';
import { rawEntries, styledParts, styledWorkbook } from '../ooxml/styled-workbook.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

/** Results as the library computes them: read, then lint with the recommended config. */
function lintFile(bytes: Uint8Array, name: string): LintFileResult {
  const read = readDeclarations(bytes, name);
  return { ...read, diagnostics: lint(read.declarations, { file: name }), suppressed: [] };
}

function partText(bytes: Uint8Array, name: string): string | undefined {
  const pkg = openPackage(bytes);
  if ('code' in pkg) throw new Error(pkg.code);
  return readPartText(pkg, name);
}

function partBytes(bytes: Uint8Array, name: string): Uint8Array | undefined {
  const pkg = openPackage(bytes);
  if ('code' in pkg) throw new Error(pkg.code);
  return readPart(pkg, name);
}

const normalA1 = (a1: string) => {
  const at = decodeA1(a1)!;
  return encodeA1(at.row, at.col);
};

/** Flagged cells per sheet, from the findings themselves. */
function flaggedCells(file: LintFileResult): Map<string, Map<string, Diagnostic[]>> {
  const cells = new Map<string, Map<string, Diagnostic[]>>();
  for (const d of file.diagnostics) {
    if (!d.location.sheet || !d.location.a1) continue;
    const sheet = cells.get(d.location.sheet) ?? new Map<string, Diagnostic[]>();
    const a1 = normalA1(d.location.a1);
    sheet.set(a1, [...(sheet.get(a1) ?? []), d]);
    cells.set(d.location.sheet, sheet);
  }
  return cells;
}

/** Comments per sheet as SheetJS reads them back (`cell.c`). */
function readComments(bytes: Uint8Array): Map<string, Map<string, { a?: string; t: string }[]>> {
  const book = XLSX.read(bytes, { type: 'array', cellStyles: true });
  const out = new Map<string, Map<string, { a?: string; t: string }[]>>();
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name]!;
    const cells = new Map<string, { a?: string; t: string }[]>();
    for (const [a1, cell] of Object.entries(sheet)) if (!a1.startsWith('!') && (cell as XLSX.CellObject).c) cells.set(a1, (cell as XLSX.CellObject).c as { a?: string; t: string }[]);
    out.set(name, cells);
  }
  return out;
}

/** Zip entry → worksheet part, through the workbook's relationships (as the annotator finds them). */
function sheetPaths(bytes: Uint8Array): Map<string, string> {
  const rels = partText(bytes, 'xl/_rels/workbook.xml.rels')!;
  const targets = new Map<string, string>();
  for (let tag = findTag(rels, 'Relationship', 0); tag; tag = findTag(rels, 'Relationship', tag.end)) {
    const a = attributes(rels, tag);
    const target = a.get('Target')!;
    targets.set(a.get('Id')!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const book = partText(bytes, 'xl/workbook.xml')!;
  const paths = new Map<string, string>();
  for (let tag = findTag(book, 'sheet', 0); tag; tag = findTag(book, 'sheet', tag.end)) {
    const a = attributes(book, tag);
    paths.set(a.get('name')!, targets.get(a.get('r:id')!)!);
  }
  return paths;
}

/** The `<xf>` elements of cellXfs, and the fills, as text. */
function styleItems(styles: string, container: string, item: string): string[] {
  const open = findTag(styles, container, 0)!;
  const end = elementEnd(styles, open)!;
  const items: string[] = [];
  for (let tag = findTag(styles, item, open.end, false, end.contentEnd); tag; ) {
    const close = elementEnd(styles, tag)!;
    items.push(styles.slice(tag.start, close.end));
    tag = findTag(styles, item, close.end, false, end.contentEnd);
  }
  return items;
}

/** A cell's `s` in a sheet's XML (0 when the cell has none or does not exist). */
function cellStyle(xml: string, a1: string): number {
  const tag = cellTag(xml, a1);
  return tag ? Number(attributes(xml, tag).get('s') ?? 0) : 0;
}

function cellTag(xml: string, a1: string) {
  for (let tag = findTag(xml, 'c', 0); tag; tag = findTag(xml, 'c', tag.end)) if (attributes(xml, tag).get('r') === a1) return tag;
  return undefined;
}

/**
 * The sheet XML with what annotating may change cut out: the flagged cells' `s` attributes, the
 * blank `<c r s/>` cells inserted for flagged cells, and `<legacyDrawing>`.
 */
function withoutAnnotations(xml: string, flagged: Iterable<string>): string {
  let out = xml.replace(/<legacyDrawing [^>]*\/>/, '');
  for (const a1 of flagged) {
    out = out.replace(new RegExp(`<c r="${a1}" s="\\d+"/>`), '');
    out = out.replace(new RegExp(`(<c(?= )[^>]*? r="${a1}"[^>]*?) s="\\d+"`), '$1').replace(new RegExp(`<c s="\\d+"( r="${a1}")`), '<c$1');
  }
  return out;
}

const SEVERITY_RGB: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const WORST: Severity[] = ['error', 'warning', 'info'];

/** A minimal XML well-formedness check on the project's scanner: balanced tags, escaped text, legal characters. */
function expectWellFormed(xml: string, name: string) {
  expect(xml, `${name}: characters XML 1.0 forbids`).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  const stack: string[] = [];
  let cursor = 0;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    const between = xml.slice(cursor, tag.start).replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '');
    expect(between.includes('<'), `${name}: stray < before ${tag.local}`).toBe(false);
    expect(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(between), `${name}: bare & before ${tag.local}`).toBe(false);
    const raw = xml.slice(tag.start, tag.end);
    expect(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw), `${name}: bare & in <${tag.local}>`).toBe(false);
    const qualified = tag.prefix + tag.local;
    if (tag.closing) expect(stack.pop(), `${name}: </${qualified}>`).toBe(qualified);
    else if (!tag.selfClosing) stack.push(qualified);
    cursor = tag.end;
  }
  expect(stack, `${name}: unclosed elements`).toEqual([]);
}

interface Checked {
  copy: AnnotatedWorkbook;
  file: LintFileResult;
  flagged: Map<string, Map<string, Diagnostic[]>>;
}

/**
 * What must hold for any xlsx input: comments on exactly the flagged cells (cells that had a
 * comment keep theirs), each saying every finding's message and first suggestion; untouched entries
 * byte-identical; changed sheets different only where annotating may change them; flagged cells'
 * formats cloned with only the fill changed; the findings sheet first with one row per finding.
 */
function annotateAndCheck(bytes: Uint8Array, name: string, options: { mayChange?: string[] } = {}): Checked {
  const file = lintFile(bytes, name);
  const copy = annotateWorkbook(bytes, file, 'zh');
  const flagged = flaggedCells(file);
  const paths = sheetPaths(bytes);
  const before = readComments(bytes);
  const after = readComments(copy.bytes);

  // Comments.
  for (const [sheet, cells] of after) {
    if (sheet === '问题清单') continue;
    const expected = new Set([...(flagged.get(sheet)?.keys() ?? []), ...(before.get(sheet)?.keys() ?? [])]);
    expect(new Set(cells.keys()), sheet).toEqual(expected);
    for (const [a1, list] of cells) {
      if (before.get(sheet)?.has(a1)) {
        expect(list, `${sheet}!${a1} keeps its own comment`).toEqual(before.get(sheet)!.get(a1));
        continue;
      }
      expect(list).toHaveLength(1);
      expect(list[0]!.a).toBe('jxlint');
      for (const d of flagged.get(sheet)!.get(a1)!) {
        expect(list[0]!.t).toContain(d.message);
        expect(list[0]!.t).toContain(`[${d.ruleId}]`);
        if (d.suggestions?.[0]) expect(list[0]!.t).toContain(d.suggestions[0].desc);
      }
    }
  }
  const commented = [...flagged].reduce((n, [sheet, cells]) => n + [...cells.keys()].filter((a1) => !before.get(sheet)?.has(a1)).length, 0);
  expect(copy.comments).toBe(commented);

  // Entries: untouched ones byte for byte (local header, data, central record), in their order.
  const flaggedParts = [...flagged.keys()].map((s) => paths.get(s)!);
  const mayChange = new Set([
    ...flaggedParts,
    ...flaggedParts.map((p) => p.replace(/([^/]+)$/, '_rels/$1.rels')),
    'xl/styles.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    '[Content_Types].xml',
    ...(options.mayChange ?? []),
  ]);
  const [a, b] = [rawEntries(bytes), rawEntries(copy.bytes)];
  expect(b.slice(0, a.length).map((e) => e.name)).toEqual(a.map((e) => e.name));
  for (let i = 0; i < a.length; i++) {
    if (mayChange.has(a[i]!.name)) continue;
    expect(b[i]!.localHeader, a[i]!.name).toEqual(a[i]!.localHeader);
    expect(b[i]!.data, a[i]!.name).toEqual(a[i]!.data);
    expect(b[i]!.central, a[i]!.name).toEqual(a[i]!.central);
  }
  for (const entry of b.slice(a.length)) expect(entry.name).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/);

  // Changed sheets: the same XML once the annotation is cut out; formats cloned with only the fill changed.
  const [stylesBefore, stylesAfter] = [partText(bytes, 'xl/styles.xml')!, partText(copy.bytes, 'xl/styles.xml')!];
  const [xfsBefore, xfsAfter] = [styleItems(stylesBefore, 'cellXfs', 'xf'), styleItems(stylesAfter, 'cellXfs', 'xf')];
  const fillsAfter = styleItems(stylesAfter, 'fills', 'fill');
  expect(xfsAfter.slice(0, xfsBefore.length)).toEqual(xfsBefore);
  expect(fillsAfter.slice(0, styleItems(stylesBefore, 'fills', 'fill').length)).toEqual(styleItems(stylesBefore, 'fills', 'fill'));
  for (const [sheet, cells] of flagged) {
    const [xmlBefore, xmlAfter] = [partText(bytes, paths.get(sheet)!)!, partText(copy.bytes, paths.get(sheet)!)!];
    expect(withoutAnnotations(xmlAfter, cells.keys()), sheet).toBe(withoutAnnotations(xmlBefore, cells.keys()));
    for (const [a1, diagnostics] of cells) {
      const was = xfsBefore[cellStyle(xmlBefore, a1)]!;
      const now = xfsAfter[cellStyle(xmlAfter, a1)]!;
      const attrs = (xf: string) => attributes(xf, nextTag(xf, 0)!);
      const [wasAttrs, nowAttrs] = [attrs(was), attrs(now)];
      for (const m of [wasAttrs, nowAttrs]) for (const key of ['fillId', 'applyFill']) m.delete(key);
      expect(nowAttrs, `${sheet}!${a1} format`).toEqual(wasAttrs);
      expect(now.slice(now.indexOf('>')), `${sheet}!${a1} alignment etc.`).toBe(was.slice(was.indexOf('>')));
      const worst = WORST.find((s) => diagnostics.some((d) => d.severity === s))!;
      expect(fillsAfter[Number(attrs(xfsAfter[cellStyle(xmlAfter, a1)]!).get('fillId'))], `${sheet}!${a1} fill`).toContain(SEVERITY_RGB[worst]);
    }
  }

  // The findings sheet: first, one row per finding, links to the cells.
  const book = XLSX.read(copy.bytes, { type: 'array' });
  expect(book.SheetNames).toEqual(['问题清单', ...XLSX.read(bytes, { type: 'array' }).SheetNames]);
  const list = book.Sheets['问题清单']!;
  expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((a1) => list[a1]?.v)).toEqual(['序号', '工作表', '单元格', '级别', '规则', '问题', '建议']);
  const rows = file.problems.length + file.diagnostics.length;
  expect(XLSX.utils.decode_range(list['!ref']!).e.r).toBe(Math.max(rows, 1));
  file.diagnostics.forEach((d, i) => {
    const r = file.problems.length + i + 2;
    expect(list[`A${r}`]?.v).toBe(file.problems.length + i + 1);
    expect(list[`F${r}`]?.v).toBe(d.message);
    expect(list[`E${r}`]?.v).toBe(d.ruleId);
    if (d.location.sheet && d.location.a1) {
      expect(list[`B${r}`]?.v).toBe(d.location.sheet);
      expect(list[`C${r}`]?.v).toBe(normalA1(d.location.a1));
      expect(list[`C${r}`]?.l?.Target).toBe(`#'${d.location.sheet.replace(/'/g, "''")}'!${normalA1(d.location.a1)}`);
    }
  });

  for (const part of [...mayChange, ...b.slice(a.length).map((e) => e.name)]) {
    // VML is Windows-1252 as often as UTF-8, and not XML Excel parses strictly.
    const text = part.endsWith('.vml') ? undefined : partText(copy.bytes, part);
    if (text !== undefined) expectWellFormed(text, part);
  }
  return { copy, file, flagged };
}

describe('annotateWorkbook on the seed fixture', () => {
  const seed = fixture('seed-turpan-2024.xlsx');

  it('comments and highlights exactly the flagged cells, and changes nothing else', () => {
    const { copy, file } = annotateAndCheck(seed, 'seed-turpan-2024.xlsx');
    expect(file.diagnostics.length).toBeGreaterThan(5);
    expect(copy.comments).toBe(new Set(file.diagnostics.map((d) => d.location.a1)).size);
    expect(copy.skipped).toEqual([]);
    expect(copy.notes).toEqual([]);
    // docProps/app.xml is left alone: its sheet titles are a cache that Excel rewrites on save.
    expect(partText(copy.bytes, 'docProps/app.xml')).toBe(partText(seed, 'docProps/app.xml'));
  });

  it('puts the comment parts, the drawing and the new sheet in the package properly', () => {
    const { copy } = annotateAndCheck(seed, 'seed-turpan-2024.xlsx');
    const types = partText(copy.bytes, '[Content_Types].xml')!;
    expect(types).toContain('<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    expect(types).toContain('<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(types.match(/Extension="vml"/g)).toHaveLength(1);
    expect(partText(copy.bytes, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../comments1.xml"');
    const sheet = partText(copy.bytes, 'xl/worksheets/sheet1.xml')!;
    // legacyDrawing after ignoredErrors, the last child before it in CT_Worksheet.
    expect(sheet).toMatch(/<\/ignoredErrors><legacyDrawing r:id="rId1"\/><\/worksheet>$/);
    const vml = partText(copy.bytes, 'xl/drawings/vmlDrawing1.vml')!;
    expect(vml.match(/<x:ClientData ObjectType="Note">/g)).toHaveLength(copy.comments);
    expect(vml).toContain('<x:Row>11</x:Row><x:Column>3</x:Column>'); // D12
    const book = partText(copy.bytes, 'xl/workbook.xml')!;
    expect(book).toContain('<bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="问题清单" sheetId="2" r:id="rId5"/><sheet name="项目支出绩效目标申报表" sheetId="1" r:id="rId1"/></sheets>');
  });

  it('freezes the header row, sets column widths and colours each level', () => {
    const { copy } = annotateAndCheck(seed, 'seed-turpan-2024.xlsx');
    const list = partText(copy.bytes, 'xl/worksheets/sheet2.xml')!;
    expect(list).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(list.match(/<col min="\d" max="\d" width="\d+" customWidth="1"\/>/g)).toHaveLength(7);
    const book = XLSX.read(copy.bytes, { type: 'array', cellStyles: true });
    const level = book.Sheets['问题清单']!['D3']!;
    expect(level.v).toBe('警告');
    expect((level.s as { fgColor?: { rgb?: string } }).fgColor?.rgb).toBe('FFEB9C');
  });

  it('lists a finding that has no cell, and says why it has no comment', () => {
    const file = lintFile(seed, 'seed-turpan-2024.xlsx');
    const wholeForm: Diagnostic = { ...file.diagnostics[0]!, location: { file: 'seed-turpan-2024.xlsx', path: '/goals' }, message: '整表问题：没有单元格' };
    const copy = annotateWorkbook(seed, { ...file, diagnostics: [...file.diagnostics, wholeForm] });
    expect(copy.skipped).toEqual([{ diagnostic: wholeForm, reason: '整表问题，没有对应的单元格，只列入问题清单' }]);
    const list = XLSX.read(copy.bytes, { type: 'array' }).Sheets['问题清单']!;
    const r = file.diagnostics.length + 2;
    expect(list[`F${r}`]?.v).toBe('整表问题：没有单元格');
    expect(list[`C${r}`]?.l).toBeUndefined();
    expect(copy.comments).toBe(new Set(file.diagnostics.map((d) => d.location.a1)).size);
  });

  it('joins several findings on one cell into one comment, worst first, and fills by the worst', () => {
    const file = lintFile(seed, 'seed-turpan-2024.xlsx');
    const target = file.diagnostics.find((d) => d.severity === 'warning')!;
    const extra: Diagnostic = { ...file.diagnostics.find((d) => d.severity === 'info')!, location: { ...target.location }, severity: 'error', message: '同一单元格的第二个问题' };
    const copy = annotateWorkbook(seed, { ...file, diagnostics: [...file.diagnostics, extra] });
    const comment = readComments(copy.bytes).get(target.location.sheet!)!.get(target.location.a1!)!;
    expect(comment).toHaveLength(1);
    expect(comment[0]!.t).toMatch(/^jxlint:\n1\. 【错误】同一单元格的第二个问题 \[[a-z-]+\][\s\S]*\n\n2\. 【警告】/);
    const sheet = partText(copy.bytes, 'xl/worksheets/sheet1.xml')!;
    const styles = partText(copy.bytes, 'xl/styles.xml')!;
    const xf = styleItems(styles, 'cellXfs', 'xf')[cellStyle(sheet, target.location.a1!)]!;
    expect(styleItems(styles, 'fills', 'fill')[Number(attributes(xf, nextTag(xf, 0)!).get('fillId'))]).toContain(SEVERITY_RGB.error);
  });

  it('writes English words with --locale en', () => {
    const read = readDeclarations(seed, 'seed.xlsx');
    const file = { ...read, diagnostics: lint(read.declarations, { file: 'seed.xlsx', locale: 'en' }), suppressed: [] };
    const copy = annotateWorkbook(seed, file, 'en');
    const book = XLSX.read(copy.bytes, { type: 'array' });
    expect(book.SheetNames[0]).toBe('Findings');
    expect(book.Sheets.Findings!['F1']?.v).toBe('Problem');
    const [first] = file.diagnostics;
    const comment = readComments(copy.bytes).get(first!.location.sheet!)!.get(first!.location.a1!)![0]!.t;
    expect(comment).toContain(`[${first!.severity}] ${first!.message} [${first!.ruleId}]`);
    expect(comment).toContain(`suggestion: ${first!.suggestions![0]!.desc}`);
  });
});

describe('annotateWorkbook on a form with merges and banners', () => {
  const banners = fixture('vertical-banners-centred.xlsx');

  it('keeps merges and column widths, and highlights a flagged cell that was empty', () => {
    const { copy, flagged } = annotateAndCheck(banners, 'vertical-banners-centred.xlsx');
    const [before, after] = [XLSX.read(banners, { type: 'array', cellStyles: true }), XLSX.read(copy.bytes, { type: 'array', cellStyles: true })];
    expect(after.Sheets['表十二']!['!merges']).toEqual(before.Sheets['表十二']!['!merges']);
    expect(after.Sheets['表十二']!['!cols']).toEqual(before.Sheets['表十二']!['!cols']);
    // D24 (an indicator row without a name) had no <c>: it is inserted blank, in column order.
    expect(flagged.get('表十二')!.has('D24')).toBe(true);
    expect(cellTag(partText(banners, 'xl/worksheets/sheet1.xml')!, 'D24')).toBeUndefined();
    const sheet = partText(copy.bytes, 'xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatch(/<c r="C24"[^>]*>[\s\S]*?<\/c><c r="D24" s="\d+"\/><\/row>/);
    expect(after.Sheets['表十二']!['D24']?.c?.[0]?.a).toBe('jxlint');
  });

  it('re-reads as the same form: the copy lints to the same findings', () => {
    const { copy, file } = annotateAndCheck(banners, 'vertical-banners-centred.xlsx');
    const again = lintFile(copy.bytes, 'vertical-banners-centred.xlsx');
    expect(again.diagnostics.map((d) => [d.ruleId, d.location.sheet, d.location.a1])).toEqual(file.diagnostics.map((d) => [d.ruleId, d.location.sheet, d.location.a1]));
  });
});

/* ---- the hand-built workbook with an existing comment and defined names ---- */

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EXISTING_COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>财务科</author></authors><commentList><comment ref="A2" authorId="0"><text><t>表头请勿改动</t></text></comment><comment ref="B5" authorId="0"><text><t>请核实满意度口径</t></text></comment></commentList></comments>`;
/** As Excel writes it, in Windows-1252: a no-break space (0xA0) inside the first note's box. */
const EXISTING_VML = (() => {
  const shape = (id: number, row: number, col: number) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;margin-left:80pt;margin-top:2pt;width:100pt;height:60pt;z-index:${id - 1024};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style='mso-direction-alt:auto'><div style='text-align:left'>\u00a0</div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 0, 2, 4, 15, 4, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  const text = `<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shape(1025, 1, 0)}${shape(1026, 4, 1)}</xml>`;
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
})();
const APP_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>申报表</vt:lpstr><vt:lpstr>说明</vt:lpstr></vt:vector></TitlesOfParts></Properties>`;

const commentedParts: Record<string, string> = {
  ...styledParts,
  '[Content_Types].xml': styledParts['[Content_Types].xml']!
    .replace('<Default Extension="xml"', '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml"')
    .replace(
      '</Types>',
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ),
  '_rels/.rels': styledParts['_rels/.rels']!.replace('</Relationships>', `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`),
  'docProps/app.xml': APP_XML,
  'xl/workbook.xml': styledParts['xl/workbook.xml']!
    .replace('<workbookView/>', '<workbookView xWindow="240" yWindow="120" windowWidth="18000" windowHeight="9000" activeTab="0"/>')
    .replace(
      '</sheets>',
      '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">申报表!$A$1:$D$6</definedName><definedName name="说明区" localSheetId="1">说明!$A$1</definedName><definedName name="指标区">申报表!$A$3:$B$6</definedName></definedNames>',
    ),
  'xl/worksheets/sheet1.xml': styledParts['xl/worksheets/sheet1.xml']!.replace('</worksheet>', '<legacyDrawing r:id="rId1"/></worksheet>'),
  'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
  'xl/comments1.xml': EXISTING_COMMENTS,
};

function commentedWorkbook(): Uint8Array {
  return buildZip([
    ...Object.entries(commentedParts).map(([name, text]) => ({ name, data: enc(text), deflate: true })),
    { name: 'xl/drawings/vmlDrawing1.vml', data: EXISTING_VML, deflate: true },
  ]);
}

describe('annotateWorkbook on a hand-built workbook (styles, shared strings, a comment, defined names)', () => {
  it('clones each flagged cell’s own format — bold title, yellow fill — changing only the fill', () => {
    const bytes = styledWorkbook();
    const { copy, flagged } = annotateAndCheck(bytes, 'styled.xlsx');
    const cells = flagged.get('申报表')!;
    // The title (bold font 1), yellow-filled cells (fill 2), plain ones and B6, which did not exist.
    expect([...cells.keys()].sort()).toEqual(['A1', 'A4', 'A6', 'B3', 'B4', 'B5', 'B6']);
    const sheet = partText(copy.bytes, 'xl/worksheets/sheet1.xml')!;
    const xfs = styleItems(partText(copy.bytes, 'xl/styles.xml')!, 'cellXfs', 'xf');
    expect(xfs[cellStyle(sheet, 'A1')]).toMatch(/fontId="1"/);
    expect(sheet).toMatch(/<c r="A6" t="s" s="\d+"><v>4<\/v><\/c><c r="B6" s="\d+"\/><\/row>/);
    // B3 and B4 share their original format and worst level: one cloned format serves both.
    expect(cellStyle(sheet, 'B3')).not.toBe(cellStyle(sheet, 'B4'));
    expect(cellStyle(sheet, 'A4')).toBe(cellStyle(sheet, 'B3'));
    // No vml Default yet: added once.
    expect(partText(copy.bytes, '[Content_Types].xml')).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    // legacyDrawing after pageMargins, where CT_Worksheet wants it.
    expect(sheet).toMatch(/<pageMargins [^>]*\/><legacyDrawing r:id="rId1"\/><\/worksheet>$/);
    // The window had no activeTab (the first sheet): it now names the same sheet, one further on.
    expect(partText(copy.bytes, 'xl/workbook.xml')).toContain('<bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="问题清单"');
    // Shared strings untouched: the flagged cells still point into them.
    expect(XLSX.read(copy.bytes, { type: 'array' }).Sheets['申报表']!['B3']?.v).toBe('＞＝１２０人次');
  });

  it('merges into the sheet’s existing comments: theirs untouched, ours appended; a commented flagged cell keeps its comment', () => {
    const bytes = commentedWorkbook();
    const { copy, flagged } = annotateAndCheck(bytes, 'commented.xlsx', { mayChange: ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'] });
    expect(flagged.get('申报表')!.has('B5')).toBe(true);
    expect(copy.skipped.map((s) => [s.diagnostic.location.a1, s.reason])).toEqual([['B5', '该单元格已有批注，原批注未改动；单元格已着色，问题见问题清单']]);
    const comments = partText(copy.bytes, 'xl/comments1.xml')!;
    expect(comments.startsWith(EXISTING_COMMENTS.replace('<author>财务科</author>', '<author>财务科</author><author>jxlint</author>').split('</commentList>')[0]!)).toBe(true);
    expect(comments.match(/<comment ref="[A-Z]+\d+" authorId="1">/g)).toHaveLength(flagged.get('申报表')!.size - 1);
    expect(readPart((openPackage(copy.bytes) as never), 'xl/comments2.xml')).toBeUndefined();

    // The drawing: the original bytes (with their Windows-1252 byte) kept, the idmap extended, our shapes before </xml>.
    const vml = partBytes(copy.bytes, 'xl/drawings/vmlDrawing1.vml')!;
    const idmap = Array.from(EXISTING_VML).findIndex((_, i) => String.fromCharCode(...EXISTING_VML.subarray(i, i + 8)) === 'data="1"') + 7;
    expect(vml.subarray(0, idmap)).toEqual(EXISTING_VML.subarray(0, idmap));
    const text = String.fromCharCode(...vml);
    expect(text).toContain('data="1,2"');
    expect(text.indexOf('\u00a0')).toBeGreaterThan(0);
    expect(text.match(/id="_x0000_t202"/g)).toHaveLength(1);
    expect(text.match(/id="_x0000_s20\d\d"/g)).toHaveLength(flagged.get('申报表')!.size - 1);
    expect(text.endsWith('</v:shape></xml>')).toBe(true);
    expect(partText(copy.bytes, 'xl/worksheets/sheet1.xml')!.match(/<legacyDrawing/g)).toHaveLength(1);
  });

  it('shifts what counts sheets by position, and leaves app.xml alone', () => {
    const bytes = commentedWorkbook();
    const { copy } = annotateAndCheck(bytes, 'commented.xlsx', { mayChange: ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'] });
    const book = partText(copy.bytes, 'xl/workbook.xml')!;
    expect(book).toContain('<workbookView xWindow="240" yWindow="120" windowWidth="18000" windowHeight="9000" activeTab="1"/>');
    expect(book).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">申报表!$A$1:$D$6</definedName>');
    expect(book).toContain('<definedName name="说明区" localSheetId="2">说明!$A$1</definedName>');
    expect(book).toContain('<definedName name="指标区">申报表!$A$3:$B$6</definedName>');
    expect(book).toContain('<sheets><sheet name="问题清单" sheetId="3" r:id="rId5"/><sheet name="申报表" sheetId="1" r:id="rId1"/>');
    expect(partText(copy.bytes, 'docProps/app.xml')).toBe(APP_XML);
    // SheetJS resolves the local names against the shifted sheets.
    const names = XLSX.read(copy.bytes, { type: 'array' }).Workbook!.Names!;
    expect(names.find((n) => n.Name === '_xlnm.Print_Area')?.Sheet).toBe(1);
  });

  it('declares the r namespace where a sheet does not, and quotes a sheet name with an apostrophe in links', () => {
    const parts = { ...styledParts, 'xl/workbook.xml': styledParts['xl/workbook.xml']!.replace('name="说明"', 'name="O\'说明"') };
    const bytes = styledWorkbook(parts);
    const file = lintFile(bytes, 'quoted.xlsx');
    const moved: Diagnostic = { ...file.diagnostics[0]!, location: { sheet: "O'说明", a1: 'A1', row: 0, col: 0 } };
    const copy = annotateWorkbook(bytes, { ...file, diagnostics: [moved] });
    const sheet = partText(copy.bytes, 'xl/worksheets/sheet2.xml')!;
    expect(sheet).toMatch(/<legacyDrawing xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships" r:id="rId1"\/><\/worksheet>$/);
    expect(readComments(copy.bytes).get("O'说明")!.get('A1')![0]!.t).toContain(moved.message);
    expect(XLSX.read(copy.bytes, { type: 'array' }).Sheets['问题清单']!['C2']?.l?.Target).toBe("#'O''说明'!A1");
    expect(copy.comments).toBe(1);
  });

  it('puts <legacyDrawing> before the children CT_Worksheet wants after it, judging mc:AlternateContent by what it holds', () => {
    const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const controls = `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="x14"><controls><mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="x14"><control shapeId="1025" name="复选框 1"/></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>`;
    const tail = `<pageSetup paperSize="9" orientation="portrait"/><drawing r:id="rId7"/>${controls}<tableParts count="0"/><extLst><ext uri="{x}"><legacyDrawing r:id="rId99"/></ext></extLst></worksheet>`;
    const parts = { ...styledParts, 'xl/worksheets/sheet1.xml': styledParts['xl/worksheets/sheet1.xml']!.replace('</worksheet>', tail) };
    const bytes = styledWorkbook(parts);
    const copy = annotateWorkbook(bytes, lintFile(bytes, 'controls.xlsx'));
    const sheet = partText(copy.bytes, 'xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain(`<drawing r:id="rId7"/><legacyDrawing r:id="rId1"/><mc:AlternateContent`);
    expect(sheet.match(/<legacyDrawing /g)).toHaveLength(2); // ours, and the one inside extLst, left alone
    expect(copy.comments).toBe(7);
  });

  it('tells a cell past column XFD from column A of the next row (hostile sheets have them)', () => {
    const sheet2 = styledParts['xl/worksheets/sheet2.xml']!.replace('<c r="A1" t="s"><v>4</v></c></row>', '<c r="A1" t="s"><v>4</v></c><c r="XFE1" t="s"><v>4</v></c></row>');
    expect(sheet2).toContain('XFE1');
    const bytes = styledWorkbook({ ...styledParts, 'xl/worksheets/sheet2.xml': sheet2 });
    // jxlint itself refuses such a sheet (too-many-columns); the annotator must still not confuse the cells.
    const file = lintFile(styledWorkbook(styledParts), 'wide.xlsx');
    const flagged: Diagnostic = { ...file.diagnostics[0]!, location: { sheet: '说明', a1: 'A2', ...decodeA1('A2')! } };
    const xml = partText(annotateWorkbook(bytes, { ...file, diagnostics: [flagged] }).bytes, 'xl/worksheets/sheet2.xml')!;
    expect(xml).toContain('<c r="XFE1" t="s"><v>4</v></c></row><row r="2"><c r="A2" s=');
  });

  it('inserts blank cells, and rows, for flagged cells the sheet does not have', () => {
    const sheet2 = styledParts['xl/worksheets/sheet2.xml']!.replace(
      '</sheetData>',
      '<row r="3" s="1" customFormat="1" ht="20" customHeight="1"/><row r="5"><c r="A5" t="s"><v>4</v></c></row></sheetData>',
    );
    const bytes = styledWorkbook({ ...styledParts, 'xl/worksheets/sheet2.xml': sheet2 });
    const file = lintFile(bytes, 'rows.xlsx');
    const at = (a1: string): Diagnostic => ({ ...file.diagnostics[0]!, location: { sheet: '说明', a1, ...decodeA1(a1)! } });
    const diagnostics = ['A2', 'B3', 'D5', 'A9'].map(at);
    const copy = annotateWorkbook(bytes, { ...file, diagnostics });
    const xml = partText(copy.bytes, 'xl/worksheets/sheet2.xml')!;
    const s = (a1: string) => cellStyle(xml, a1);
    expect(xml).toContain(
      `<sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row><row r="2"><c r="A2" s="${s('A2')}"/></row>` +
        `<row r="3" s="1" customFormat="1" ht="20" customHeight="1"><c r="B3" s="${s('B3')}"/></row>` +
        `<row r="5"><c r="A5" t="s"><v>4</v></c><c r="D5" s="${s('D5')}"/></row><row r="9"><c r="A9" s="${s('A9')}"/></row></sheetData>`,
    );
    // B3 showed its row's format (bold): its highlight keeps the bold font.
    const xfs = styleItems(partText(copy.bytes, 'xl/styles.xml')!, 'cellXfs', 'xf');
    expect(xfs[s('B3')]).toMatch(/fontId="1"/);
    expect(xfs[s('A2')]).toMatch(/fontId="0"/);
    expect([...readComments(copy.bytes).get('说明')!.keys()].sort()).toEqual(['A2', 'A9', 'B3', 'D5']);
    expectWellFormed(xml, 'sheet2');
  });

  it('gives the new sheet a free name and id when 问题清单 is taken (a copy annotated again)', () => {
    const first = annotateWorkbook(styledWorkbook(), lintFile(styledWorkbook(), 'styled.xlsx'));
    const again = annotateWorkbook(first.bytes, lintFile(first.bytes, 'styled.annotated.xlsx'));
    expect(XLSX.read(again.bytes, { type: 'array' }).SheetNames.slice(0, 3)).toEqual(['问题清单 (2)', '问题清单', '申报表']);
    expect(partText(again.bytes, 'xl/workbook.xml')).toContain('<sheet name="问题清单 (2)" sheetId="4"');
  });
});

describe('annotateWorkbook with hostile finding texts', () => {
  const seed = fixture('seed-turpan-2024.xlsx');
  const hostile = [
    "=cmd|' /C calc'!A0",
    '@SUM(1)',
    '=HYPERLINK("http://x.example/","点我")',
    '<script>alert(1)</script>',
    ']]><x/>',
    '%0A::error::oops',
    'a "quoted" & \'single\' <b>',
    '第一行\n第二行\r\n第三行\ttab',
    'control \u0001\u0008\u001f chars, _x0041_ literal',
    '表情 😀👍🏽',
  ];

  it('keeps every hostile text as text, in comments and in 问题清单, and every part well-formed', () => {
    const file = lintFile(seed, 'seed-turpan-2024.xlsx');
    const diagnostics = file.diagnostics.map((d, i) => ({
      ...d,
      message: hostile[i % hostile.length]!,
      suggestions: [{ messageId: 'x', desc: hostile[(i + 1) % hostile.length]!, edits: [] }],
    }));
    const copy = annotateWorkbook(seed, { ...file, diagnostics });
    const book = XLSX.read(copy.bytes, { type: 'array', cellFormula: true });
    const list = book.Sheets['问题清单']!;
    // SheetJS reads a carriage return back (stored as _x000D_) but folds CRLF to LF.
    const asRead = (text: string) => text.replace(/\r\n/g, '\n');
    diagnostics.forEach((d, i) => {
      for (const [column, text] of [['F', d.message], ['G', d.suggestions[0]!.desc]] as const) {
        const cell = list[`${column}${i + 2}`]!;
        expect(cell.t).toBe('s');
        expect(cell.f).toBeUndefined();
        expect(cell.v).toBe(asRead(text));
      }
    });
    const comments = readComments(copy.bytes).get('项目支出绩效目标申报表')!;
    for (const d of diagnostics) expect(comments.get(d.location.a1!)![0]!.t).toContain(asRead(d.message));
    const listXml = partText(copy.bytes, 'xl/worksheets/sheet2.xml')!;
    expect(listXml).not.toMatch(/<f>|<script>/);
    expect(listXml).toContain('t="inlineStr"><is><t xml:space="preserve">=cmd|\' /C calc\'!A0</t>');
    expect(listXml).toContain('第二行_x000D_\n第三行');
    expect(listXml).toContain('control _x0001__x0008__x001F_ chars, _x005F_x0041_ literal');
    expect(listXml).toContain(']]&gt;&lt;x/&gt;');
    for (const part of ['xl/worksheets/sheet2.xml', 'xl/comments1.xml', 'xl/worksheets/sheet1.xml']) expectWellFormed(partText(copy.bytes, part)!, part);
  });

  it('cuts a 1 MB text to Excel’s 32,767 characters without splitting an emoji', () => {
    const file = lintFile(seed, 'seed-turpan-2024.xlsx');
    const [first, ...rest] = file.diagnostics;
    // With and without a one-character lead, so that one of the two cuts falls inside a surrogate pair.
    for (const lead of ['', 'x']) {
      const huge = `${lead}${'😀'.repeat(500_000)}`;
      const copy = annotateWorkbook(seed, { ...file, diagnostics: [{ ...first!, message: huge }, ...rest] });
      const text = String(XLSX.read(copy.bytes, { type: 'array' }).Sheets['问题清单']!['F2']!.v);
      expect(text.length).toBeLessThanOrEqual(32_767);
      expect(text.length).toBeGreaterThan(32_700);
      expect(text.endsWith('……（内容过长，已截断）')).toBe(true);
      // A half pair would be written as U+FFFD (TextEncoder's replacement), or read back alone.
      expect(text).not.toMatch(/\ufffd|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      const comment = readComments(copy.bytes).get('项目支出绩效目标申报表')!.get(first!.location.a1!)![0]!.t;
      expect(comment.length).toBeLessThanOrEqual(32_767 + 'jxlint:\n'.length);
    }
  });
});

describe('annotateWorkbook on other inputs', () => {
  it('says so when a form has no findings, and leaves its sheets untouched', () => {
    const bytes = fixture('wellformed-construction.xlsx');
    const file = lintFile(bytes, 'wellformed-construction.xlsx');
    expect(file.diagnostics).toEqual([]);
    const { copy } = annotateAndCheck(bytes, 'wellformed-construction.xlsx');
    expect(copy.comments).toBe(0);
    const list = XLSX.read(copy.bytes, { type: 'array' }).Sheets['问题清单']!;
    expect(list['A2']?.v).toBe('jxlint 未发现问题。');
    expect(XLSX.utils.decode_range(list['!ref']!).e.r).toBe(1);
  });

  it('lists reading notices (a self-evaluation table) with the findings', () => {
    const bytes = fixture('self-eval-score-first.xlsx');
    const { file, copy } = annotateAndCheck(bytes, 'self-eval-score-first.xlsx');
    expect(file.problems.length).toBeGreaterThan(0);
    const list = XLSX.read(copy.bytes, { type: 'array' }).Sheets['问题清单']!;
    expect(list['E2']?.v).toBe(file.problems[0]!.code);
    expect(list['D2']?.v).toBe('提示');
  });

  it('copies an .xls to a new xlsx first, says the formatting was lost, and annotates the copy', () => {
    const bytes = fixture('legacy-2016-long-annual.xls');
    const file = lintFile(bytes, 'legacy-2016-long-annual.xls');
    const copy = annotateWorkbook(bytes, file);
    expect(copy.notes).toEqual([expect.stringContaining('原文件是 .xls 格式') as string]);
    expect(copy.notes[0]).toContain('格式未能保留');
    const flagged = flaggedCells(file);
    const comments = readComments(copy.bytes);
    for (const [sheet, cells] of flagged) expect(new Set(comments.get(sheet)!.keys())).toEqual(new Set(cells.keys()));
    const book = XLSX.read(copy.bytes, { type: 'array' });
    expect(book.SheetNames[0]).toBe('问题清单');
    expect(lintFile(copy.bytes, 'legacy.annotated.xlsx').diagnostics.map((d) => d.ruleId)).toEqual(file.diagnostics.map((d) => d.ruleId));
  });

  it('copies a CSV to a new xlsx, every field kept as text', () => {
    const bytes = fixture('gbk-simple.csv');
    const file = lintFile(bytes, 'gbk-simple.csv');
    const copy = annotateWorkbook(bytes, file);
    expect(copy.notes).toEqual(['原文件是 CSV 文本，批注版另存为 .xlsx 工作簿（所有单元格按文本保存）。']);
    const sheet = file.diagnostics[0]!.location.sheet!;
    expect(readComments(copy.bytes).get(sheet)!.has(file.diagnostics[0]!.location.a1!)).toBe(true);
  });

  it('refuses what is not a spreadsheet, or is damaged, with a Chinese reason', () => {
    const json = fixture('declaration.json');
    expect(() => annotateWorkbook(json, lintFile(json, 'declaration.json'))).toThrow(AnnotateError);
    expect(() => annotateWorkbook(json, lintFile(json, 'declaration.json'))).toThrow(/不是电子表格/);
    const seed = fixture('seed-turpan-2024.xlsx');
    const truncated = seed.subarray(0, seed.length >> 1);
    expect(() => annotateWorkbook(truncated, lintFile(seed, 'seed.xlsx'))).toThrow(/工作簿无法生成批注版：工作簿已损坏或不完整/);
  });
});

/* ---- LibreOffice, when the machine has it ---- */

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
const hasSoffice = soffice.status === 0;
const SKIP_REASON = 'LibreOffice (soffice) is not installed: `apt-get install -y libreoffice-calc` to run this check';

/** CI does not install LibreOffice: say so in the output, then skip. */
function needSoffice(context: { skip: (note?: string) => never }): void {
  if (hasSoffice) return;
  console.warn(`skipped: ${SKIP_REASON}`);
  context.skip(SKIP_REASON);
}

describe('LibreOffice opens the annotated copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jxlint-annotate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** soffice --convert-to into `dir`, with a profile of its own so a running LibreOffice does not interfere. */
  function convert(input: string, to: string): void {
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, input], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(result.status, result.stderr).toBe(0);
  }
  // Every sheet to its own CSV (LibreOffice 7.2+: sheet -1), UTF-8, quoted text, formulas' results.
  const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

  it(`renders the findings sheet and the form, with hostile texts as text (skipped when soffice is absent)`, (context) => {
    needSoffice(context);
    const seed = fixture('seed-turpan-2024.xlsx');
    const file = lintFile(seed, 'seed-turpan-2024.xlsx');
    const diagnostics = file.diagnostics.map((d, i) => (i === 0 ? { ...d, message: "=cmd|' /C calc'!A0" } : i === 1 ? { ...d, message: '=HYPERLINK("http://x.example/","点我")' } : d));
    const copy = annotateWorkbook(seed, { ...file, diagnostics });
    writeFileSync(join(dir, 'seed.xlsx'), seed);
    writeFileSync(join(dir, 'annotated.xlsx'), copy.bytes);

    convert(join(dir, 'annotated.xlsx'), 'pdf');
    const pdf = readFileSync(join(dir, 'annotated.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    convert(join(dir, 'annotated.xlsx'), CSV_ALL_SHEETS);
    convert(join(dir, 'seed.xlsx'), CSV_ALL_SHEETS);
    const csv = (name: string) => readFileSync(join(dir, name), 'utf8');
    const list = csv('annotated-问题清单.csv').trimEnd().split('\n');
    expect(list[0]).toBe('序号,工作表,单元格,级别,规则,问题,建议');
    expect(list.filter((line) => /^\d+,/.test(line))).toHaveLength(diagnostics.length);
    // Exported as shown: a formula would read as its result or an error, not as its own text.
    expect(list[1]).toContain(`,=cmd|' /C calc'!A0,`);
    expect(list[2]).toContain(',"=HYPERLINK(""http://x.example/"",""点我"")",');
    // The form itself reads exactly as the original does.
    expect(csv('annotated-项目支出绩效目标申报表.csv')).toBe(csv('seed-项目支出绩效目标申报表.csv'));
  }, 300_000);

  it(`reads our comments next to a workbook's own (skipped when soffice is absent)`, (context) => {
    needSoffice(context);
    const bytes = commentedWorkbook();
    const copy = annotateWorkbook(bytes, lintFile(bytes, 'commented.xlsx'));
    writeFileSync(join(dir, 'commented.xlsx'), copy.bytes);
    convert(join(dir, 'commented.xlsx'), 'ods');
    const ods = new Uint8Array(readFileSync(join(dir, 'commented.ods')));
    const content = XLSX.CFB.read(ods, { type: 'array' });
    const index = content.FullPaths.findIndex((p: string) => p.endsWith('/content.xml'));
    const xml = new TextDecoder().decode(content.FileIndex[index]!.content as Uint8Array);
    const notes = xml.match(/<office:annotation\b[\s\S]*?<\/office:annotation>/g) ?? [];
    expect(notes).toHaveLength(copy.comments + 2);
    expect(notes.filter((n) => n.includes('jxlint'))).toHaveLength(copy.comments);
    expect(notes.some((n) => n.includes('请核实满意度口径'))).toBe(true);
    expect(readdirSync(dir)).toContain('commented.ods');
  }, 300_000);
});
