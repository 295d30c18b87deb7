import * as XLSX from 'xlsx';
import { formatReadProblem, type Locale } from '../i18n/read-messages.js';
import { ui } from '../i18n/ui.js';
import { decodeA1, encodeA1, encodeCol } from '../model/cell.js';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { ReadProblem } from '../model/problem.js';
import type { LintFileResult } from '../model/result.js';
import { concat, findEntry, openPackage, PackageError, readPart, readPartText, withContentTypeOverride, withRelationship, writePackage, type OoxmlPackage } from '../ooxml/package.js';
import { relationships, relationshipsPath, workbookPath, workbookSheets, type SheetPart } from '../ooxml/workbook.js';
import { cellKey, sheetItems, type CellItem, type RowItem } from '../ooxml/cells.js';
import { applySplices, attributes, attributeSpans, elementEnd, encodeCellText, escapeAttribute, findTag, nextTag, prefixedAttribute, type Splice, type Tag } from '../ooxml/xml.js';
import { csvToGrid, decodeText } from '../read/csv.js';
import { DEFAULT_LIMITS } from '../read/limits.js';
import { inspectZip } from '../read/zip.js';
import { textWidth, truncateWidth } from '../text/width.js';

/**
 * The annotated workbook: the user's own workbook handed back with every finding on its cell — a
 * comment (批注) saying what is wrong and how to rewrite it, a fill by severity — and a new first
 * sheet 问题清单 listing every finding with a link to its cell.
 *
 * An .xlsx/.xlsm is patched, never re-written: the flagged sheets change only in their flagged
 * cells' `s` attributes (blank styled cells are inserted for flagged cells that do not exist) and
 * one `<legacyDrawing>`; styles.xml only gains fills, fonts and cell formats (each flagged cell's
 * format cloned with its fill changed); workbook.xml gains the new sheet and shifts what counts
 * sheets by position. Every other zip entry is copied byte for byte. Other inputs (xls, et, ods,
 * csv) are first copied to a new .xlsx by SheetJS, as --fix does, which loses their formatting.
 */
export interface AnnotatedWorkbook {
  bytes: Uint8Array;
  /** Cells that received a jxlint comment. */
  comments: number;
  /** Findings listed in 问题清单 that are not on a cell of their own, and why. */
  skipped: SkippedFinding[];
  /** What the person should know about the copy (e.g. that an .xls lost its formatting), in the locale. */
  notes: string[];
}

export interface SkippedFinding {
  diagnostic: Diagnostic;
  reason: string;
}

/** The input cannot be annotated at all (not a spreadsheet, damaged, encrypted). The message is in the locale. */
export class AnnotateError extends Error {
  override name = 'AnnotateError';
}

export function annotateWorkbook(bytes: Uint8Array, file: LintFileResult, locale: Locale = 'zh'): AnnotatedWorkbook {
  const text = TEXT[locale];
  try {
    const pkg = ooxmlPackage(bytes, locale);
    if (pkg) return annotatePackage(pkg, file, locale, []);
    const copy = copyAsXlsx(bytes, file, locale);
    return annotatePackage(copy.pkg, file, locale, [copy.note], copy.renamed);
  } catch (error) {
    if (error instanceof AnnotateError) throw error;
    if (error instanceof PackageError) throw new AnnotateError(text.cannotAnnotate(error.message));
    throw error;
  }
}

/* ---- texts ---- */

const TEXT = {
  zh: {
    sheetName: '问题清单',
    headers: ['序号', '工作表', '单元格', '级别', '规则', '问题', '建议'],
    noFindings: 'jxlint 未发现问题。',
    severity: (word: string) => `【${word}】`,
    colon: '：',
    ruleId: (id: string) => ` [${id}]`,
    more: (n: number) => `……另有 ${n} 条建议，见「问题清单」`,
    truncated: '……（内容过长，已截断）',
    noCell: '整表问题，没有对应的单元格，只列入问题清单',
    noSheet: (sheet: string) => `工作簿中没有工作表「${sheet}」，只列入问题清单`,
    notWorksheet: (sheet: string) => `「${sheet}」不是普通工作表，无法加批注，只列入问题清单`,
    badAddress: (a1: string) => `单元格地址「${a1}」无效，只列入问题清单`,
    hasComment: '该单元格已有批注，原批注未改动；单元格已着色，问题见问题清单',
    drawingUnreadable: '该表原有的批注图层无法识别，未加批注；问题见问题清单',
    notSpreadsheet: '不是电子表格，无法生成批注版（批注版只支持 .xlsx .xlsm .xls .et .ods .csv）。',
    cannotAnnotate: (reason: string) => `工作簿无法生成批注版：${reason}`,
    missingPart: (part: string) => `缺少 ${part}`,
    converted: (format: string) =>
      `原文件是 .${format} 格式，无法在原文件上直接标注，批注版另存为 .xlsx：单元格内容、合并单元格、列宽和原有批注已保留，原有的字体、边框、底色等格式未能保留。`,
    convertedCsv: '原文件是 CSV 文本，批注版另存为 .xlsx 工作簿（所有单元格按文本保存）。',
  },
  en: {
    sheetName: 'Findings',
    headers: ['No.', 'Sheet', 'Cell', 'Level', 'Rule', 'Problem', 'Suggestion'],
    noFindings: 'jxlint found no problems.',
    severity: (word: string) => `[${word}] `,
    colon: ': ',
    ruleId: (id: string) => ` [${id}]`,
    more: (n: number) => `… ${n} more suggestion(s) in the Findings sheet`,
    truncated: '… (too long, cut short)',
    noCell: 'a finding about the whole form, with no cell of its own: listed in the Findings sheet only',
    noSheet: (sheet: string) => `the workbook has no sheet "${sheet}": listed in the Findings sheet only`,
    notWorksheet: (sheet: string) => `"${sheet}" is not a worksheet: listed in the Findings sheet only`,
    badAddress: (a1: string) => `invalid cell address "${a1}": listed in the Findings sheet only`,
    hasComment: 'the cell already has a comment, left as it was; the cell is highlighted and the finding listed',
    drawingUnreadable: "the sheet's existing comment drawing could not be read: listed in the Findings sheet only",
    notSpreadsheet: 'is not a spreadsheet; annotated copies are made for .xlsx .xlsm .xls .et .ods .csv only.',
    cannotAnnotate: (reason: string) => `cannot annotate the workbook: ${reason}`,
    missingPart: (part: string) => `${part} is missing`,
    converted: (format: string) =>
      `The original is a .${format} file, which cannot be annotated in place; the annotated copy is a new .xlsx that keeps the cells, merges, column widths and existing comments but not fonts, borders or fills.`,
    convertedCsv: 'The original is CSV text; the annotated copy is a new .xlsx workbook (every cell kept as text).',
  },
} satisfies Record<Locale, unknown>;

/** Excel's limit on the characters of one cell (and what it will show of a comment). */
const MAX_CELL_TEXT = 32_767;
const MAX_SUGGESTIONS_IN_COMMENT = 3;
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
const AUTHOR = 'jxlint';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Excel's own palette: the 差 (bad) red, the 适中 (neutral) amber, and a light blue. */
const SEVERITY_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const HEADER_FILL = 'FFD9D9D9';
const LINK_COLOUR = 'FF0563C1';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/* ---- the package ---- */

/** The input as an OOXML package to patch; undefined when it is another kind of workbook (copied first). */
function ooxmlPackage(bytes: Uint8Array, locale: Locale): OoxmlPackage | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  const pkg = openPackage(bytes);
  if ('code' in pkg) throw new AnnotateError(TEXT[locale].cannotAnnotate(formatReadProblem(pkg, locale)));
  // An ODS has no content types; an xlsb's workbook part is binary: SheetJS copies both.
  if (!findEntry(pkg, '[Content_Types].xml') || !/\.xml$/i.test(workbookPath(pkg))) return undefined;
  return pkg;
}

interface Placed {
  diagnostic: Diagnostic;
  row: number;
  col: number;
  a1: string;
}

function annotatePackage(pkg: OoxmlPackage, file: LintFileResult, locale: Locale, notes: string[], renamed = new Map<string, string>()): AnnotatedWorkbook {
  const text = TEXT[locale];
  const bookPath = workbookPath(pkg);
  const bookXml = readPartText(pkg, bookPath);
  if (bookXml === undefined) throw new AnnotateError(text.cannotAnnotate(text.missingPart(bookPath)));
  const sheets = workbookSheets(pkg);
  const parts = new Map<string, string | Uint8Array>();
  const reserved = new Set<string>();
  let contentTypes = readPartText(pkg, '[Content_Types].xml')!;
  let bookRels = readPartText(pkg, relationshipsPath(bookPath));

  const styles = StyleSheet.open(pkg, bookPath);
  if (styles.created) {
    const rel = withRelationship(bookRels, `${REL}/styles`, relativeTarget(bookPath, styles.path));
    bookRels = rel.xml;
    contentTypes = withContentTypeOverride(contentTypes, styles.path, TYPE.styles);
    reserved.add(styles.path.toLowerCase());
  }

  // Where each finding goes.
  const skipped: SkippedFinding[] = [];
  const bySheet = new Map<SheetPart, Placed[]>();
  for (const diagnostic of file.diagnostics) {
    const { sheet: rawSheet, a1: rawA1 } = diagnostic.location;
    const sheetName = rawSheet === undefined ? undefined : (renamed.get(rawSheet) ?? rawSheet);
    if (sheetName === undefined || !rawA1) {
      skipped.push({ diagnostic, reason: text.noCell });
      continue;
    }
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) {
      skipped.push({ diagnostic, reason: text.noSheet(sheetName) });
      continue;
    }
    const at = decodeA1(rawA1);
    if (!at || at.row >= EXCEL_ROWS || at.col >= EXCEL_COLUMNS) {
      skipped.push({ diagnostic, reason: text.badAddress(rawA1) });
      continue;
    }
    const list = bySheet.get(sheet) ?? [];
    list.push({ diagnostic, ...at, a1: encodeA1(at.row, at.col) });
    bySheet.set(sheet, list);
  }

  let comments = 0;
  let needsVmlDefault = false;
  const vmlBlocks = new VmlBlocks(pkg);
  for (const [sheet, placed] of bySheet) {
    const xml = readPartText(pkg, sheet.path);
    if (xml === undefined || !findTag(xml, 'worksheet', 0)) {
      skipped.push(...placed.map(({ diagnostic }) => ({ diagnostic, reason: text.notWorksheet(sheet.name) })));
      continue;
    }
    const cells = groupByCell(placed);
    const sheetRelsPath = relationshipsPath(sheet.path);
    const originalRels = readPartText(pkg, sheetRelsPath);
    let sheetRels = originalRels;
    const rels = relationships(pkg, sheet.path);

    // Comments: merged into the sheet's comments part when it has one; its commented cells keep their comment.
    const commentsRel = rels.find((r) => /\/comments$/.test(r.type) && !r.external);
    const oldCommentsXml = commentsRel ? readPartText(pkg, commentsRel.target) : undefined;
    const taken = oldCommentsXml === undefined ? new Set<string>() : commentedCells(oldCommentsXml);
    const drawingTag = topLevelTag(xml, 'legacyDrawing');
    const drawingRel = drawingTag ? rels.find((r) => r.id === prefixedAttribute(attributes(xml, drawingTag), 'id') && !r.external) : undefined;
    const oldDrawing = drawingRel ? readPart(pkg, drawingRel.target) : undefined;

    const toComment: CellFindings[] = [];
    for (const cell of cells) {
      if (taken.has(cell.a1)) for (const diagnostic of cell.diagnostics) skipped.push({ diagnostic, reason: text.hasComment });
      else if (drawingTag && !oldDrawing) for (const diagnostic of cell.diagnostics) skipped.push({ diagnostic, reason: text.drawingUnreadable });
      else toComment.push(cell);
    }

    const splices = highlightCells(xml, cells, (xf, severity) => styles.highlight(xf, severity));
    if (toComment.length) {
      const cellNotes = toComment.map((cell) => ({ ...cell, text: commentText(cell.diagnostics, cell.a1, locale) }));
      const shapes = vmlBlocks.allocate(cellNotes.length);
      const shapesXml = cellNotes.map((note, i) => vmlShape(shapes.ids[i]!, note.row, note.col, note.text)).join('');

      if (oldDrawing && drawingRel) {
        const merged = mergeVml(oldDrawing, shapesXml, shapes.blocks);
        if (!merged) {
          for (const cell of toComment) for (const diagnostic of cell.diagnostics) skipped.push({ diagnostic, reason: text.drawingUnreadable });
          toComment.length = 0;
        } else parts.set(drawingRel.target, merged);
      } else {
        const vmlPath = freePartName(pkg, reserved, (n) => `xl/drawings/vmlDrawing${n}.vml`);
        parts.set(vmlPath, newVml(shapesXml, shapes.blocks));
        const rel = withRelationship(sheetRels, `${REL}/vmlDrawing`, relativeTarget(sheet.path, vmlPath));
        sheetRels = rel.xml;
        splices.push(legacyDrawingSplice(xml, rel.id));
        needsVmlDefault = true;
      }
      if (toComment.length) {
        if (commentsRel && oldCommentsXml !== undefined) parts.set(commentsRel.target, mergeComments(oldCommentsXml, cellNotes));
        else {
          const commentsPath = freePartName(pkg, reserved, (n) => `xl/comments${n}.xml`);
          parts.set(commentsPath, newComments(cellNotes));
          sheetRels = withRelationship(sheetRels, `${REL}/comments`, relativeTarget(sheet.path, commentsPath)).xml;
          contentTypes = withContentTypeOverride(contentTypes, commentsPath, TYPE.comments);
        }
        comments += toComment.length;
      }
    }
    if (splices.length) parts.set(sheet.path, applySplices(xml, splices));
    if (sheetRels !== undefined && sheetRels !== originalRels) parts.set(sheetRelsPath, sheetRels);
  }
  if (needsVmlDefault) contentTypes = withContentTypeDefault(contentTypes, 'vml', TYPE.vml);

  // The findings sheet, inserted first.
  const findingsPath = freePartName(pkg, reserved, (n) => `${folderOf(bookPath)}worksheets/sheet${n}.xml`);
  const findingsName = uniqueSheetName(text.sheetName, bookXml);
  parts.set(findingsPath, findingsSheet(file, locale, sheets, renamed, styles));
  const rel = withRelationship(bookRels, `${REL}/worksheet`, relativeTarget(bookPath, findingsPath));
  parts.set(relationshipsPath(bookPath), rel.xml);
  parts.set(bookPath, insertFirstSheet(bookXml, findingsName, rel.id));
  contentTypes = withContentTypeOverride(contentTypes, findingsPath, TYPE.worksheet);
  parts.set('[Content_Types].xml', contentTypes);
  parts.set(styles.path, styles.xml());

  return { bytes: writePackage(pkg, parts), comments, skipped: inInputOrder(file.diagnostics, skipped), notes };
}

interface CellFindings {
  a1: string;
  row: number;
  col: number;
  /** Worst first. */
  diagnostics: Diagnostic[];
  severity: Severity;
}

function groupByCell(placed: Placed[]): CellFindings[] {
  const cells = new Map<string, CellFindings>();
  for (const { diagnostic, row, col, a1 } of placed) {
    const cell = cells.get(a1) ?? { a1, row, col, diagnostics: [], severity: diagnostic.severity };
    cell.diagnostics.push(diagnostic);
    cells.set(a1, cell);
  }
  for (const cell of cells.values()) {
    cell.diagnostics.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    cell.severity = cell.diagnostics[0]!.severity;
  }
  return [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

function inInputOrder(diagnostics: readonly Diagnostic[], skipped: SkippedFinding[]): SkippedFinding[] {
  const position = new Map(diagnostics.map((d, i) => [d, i]));
  return [...skipped].sort((a, b) => position.get(a.diagnostic)! - position.get(b.diagnostic)!);
}

/* ---- what a finding says ---- */

/**
 * What to do about a finding: the automatic fix, then the suggestions — in a comment each says
 * 建议 and there are at most `limit`; in the 建议 column they are numbered instead.
 */
function adviceLines(d: Diagnostic, a1: string | undefined, locale: Locale, where: 'comment' | 'list'): string[] {
  const lines: string[] = [];
  if (d.fix?.edits.length) {
    const edits = d.fix.edits.map((e) => `${e.a1 === a1 ? '' : `${e.a1} `}${truncateWidth(e.before, 40)} → ${truncateWidth(e.after, 40)}`);
    lines.push(`${ui(locale, 'fixable')}${TEXT[locale].colon}${edits.join(locale === 'zh' ? '；' : '; ')}`);
  }
  const suggestions = d.suggestions ?? [];
  if (where === 'comment') {
    for (const s of suggestions.slice(0, MAX_SUGGESTIONS_IN_COMMENT)) lines.push(`${ui(locale, 'suggestion')}${TEXT[locale].colon}${s.desc}`);
    if (suggestions.length > MAX_SUGGESTIONS_IN_COMMENT) lines.push(TEXT[locale].more(suggestions.length - MAX_SUGGESTIONS_IN_COMMENT));
  } else {
    const numbered = suggestions.length > 1 || lines.length > 0;
    suggestions.forEach((s, i) => lines.push(numbered ? `${i + 1}. ${s.desc}` : s.desc));
  }
  return lines;
}

/** One comment for all the findings on a cell, worst first. */
function commentText(diagnostics: Diagnostic[], a1: string, locale: Locale): string {
  const text = TEXT[locale];
  const blocks = diagnostics.map((d, i) => {
    const number = diagnostics.length > 1 ? `${i + 1}. ` : '';
    const head = `${number}${text.severity(ui(locale, d.severity))}${d.message}${text.ruleId(d.ruleId)}`;
    return [head, ...adviceLines(d, a1, locale, 'comment')].join('\n');
  });
  return fitCell(blocks.join('\n\n'), locale);
}

/** Text cut to what Excel keeps in a cell or comment, never splitting a surrogate pair. */
function fitCell(value: string, locale: Locale): string {
  if (value.length <= MAX_CELL_TEXT) return value;
  const mark = TEXT[locale].truncated;
  let end = MAX_CELL_TEXT - mark.length;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return value.slice(0, end) + mark;
}

/* ---- highlighting: styles.xml ---- */

const STYLE_CONTAINERS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Edited = 'fonts' | 'fills' | 'borders' | 'cellStyleXfs' | 'cellXfs';
const ITEM: Record<Edited, { name: string; fallback: string[] }> = {
  fonts: { name: 'font', fallback: ['<font><sz val="11"/><name val="宋体"/><charset val="134"/></font>'] },
  fills: { name: 'fill', fallback: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'] },
  borders: { name: 'border', fallback: ['<border><left/><right/><top/><bottom/><diagonal/></border>'] },
  cellStyleXfs: { name: 'xf', fallback: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'] },
  cellXfs: { name: 'xf', fallback: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'] },
};

interface Container {
  /** Undefined when styles.xml lacks it: then it is written whole, with its defaults. */
  open?: Tag;
  closeStart?: number;
  items: string[];
  added: string[];
}

type SummaryStyle = 'header' | 'text' | 'link' | Severity;

/**
 * styles.xml with appended entries only: existing fonts, fills and formats keep their indexes, so
 * every cell that is not flagged looks exactly as before. A flagged cell's format is cloned with
 * only its fill changed, so its font, borders, alignment and number format stay.
 */
class StyleSheet {
  private readonly containers = new Map<Edited, Container>();
  private readonly prefix: string;
  private readonly highlights = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly summary = new Map<SummaryStyle, number>();
  private fonts?: { bold: number; link: number };

  private constructor(
    readonly path: string,
    private readonly source: string,
    readonly created: boolean,
  ) {
    const root = findTag(source, 'styleSheet', 0);
    this.prefix = root?.prefix ?? '';
    for (const name of Object.keys(ITEM) as Edited[]) this.containers.set(name, readContainer(source, name, ITEM[name].name));
  }

  /** The workbook's styles part; an empty one when it has none (or only `<styleSheet/>`), written at the same place. */
  static open(pkg: OoxmlPackage, bookPath: string): StyleSheet {
    const target = relationships(pkg, bookPath).find((r) => /\/styles$/.test(r.type) && !r.external)?.target;
    const xml = target === undefined ? undefined : readPartText(pkg, target);
    const empty = `${XML_DECLARATION}<styleSheet xmlns="${MAIN}"></styleSheet>`;
    if (target !== undefined) return new StyleSheet(target, xml !== undefined && findTag(xml, 'styleSheet', 0)?.selfClosing === false ? xml : empty, false);
    return new StyleSheet(freePartName(pkg, new Set(), (n) => `${folderOf(bookPath)}styles${n === 1 ? '' : n}.xml`), empty, true);
  }

  /** The index of a format like `xf` but filled in the severity's colour. */
  highlight(xf: number, severity: Severity): number {
    const key = `${xf}:${severity}`;
    const known = this.highlights.get(key);
    if (known !== undefined) return known;
    const base = this.item('cellXfs', xf) ?? this.item('cellXfs', 0)!;
    const index = this.add('cellXfs', withAttributes(base, { fillId: String(this.fill(SEVERITY_FILL[severity])), applyFill: '1' }));
    this.highlights.set(key, index);
    return index;
  }

  /** Formats of the findings sheet: new entries too, so nothing of the user's changes. */
  summaryStyle(kind: SummaryStyle): number {
    const known = this.summary.get(kind);
    if (known !== undefined) return known;
    const base = () => this.item('fonts', 0)!;
    const fonts = (this.fonts ??= {
      bold: this.add('fonts', fontVariant(base(), '<b/>', ['b'])),
      link: this.add('fonts', fontVariant(base(), `<u/><color rgb="${LINK_COLOUR}"/>`, ['u', 'color'])),
    });
    const fontId = kind === 'header' ? fonts.bold : kind === 'link' ? fonts.link : 0;
    const fillId = kind === 'header' ? this.fill(HEADER_FILL) : kind === 'text' || kind === 'link' ? 0 : this.fill(SEVERITY_FILL[kind]);
    const alignment = kind === 'header' ? '<alignment horizontal="center" vertical="center" wrapText="1"/>' : '<alignment vertical="top" wrapText="1"/>';
    const p = this.prefix;
    const index = this.add(
      'cellXfs',
      `<${p}xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">${alignment.replace('<', `<${p}`)}</${p}xf>`,
    );
    this.summary.set(kind, index);
    return index;
  }

  /** The default font's size in points (for row heights). */
  fontSize(): number {
    const font = this.item('fonts', 0) ?? '';
    const sz = findTag(font, 'sz', 0);
    const size = sz ? Number(attributes(font, sz).get('val')) : NaN;
    return Number.isFinite(size) && size > 0 ? size : 11;
  }

  xml(): string {
    const splices: Splice[] = [];
    const root = findTag(this.source, 'styleSheet', 0)!;
    const rootClose = findTag(this.source, 'styleSheet', root.end, true)!;
    for (const [name, container] of this.containers) {
      const complete = container.open !== undefined && container.closeStart !== undefined;
      const items = complete ? container.added : [...container.items, ...container.added];
      if (items.length === 0) continue;
      const count = container.items.length + container.added.length;
      if (complete) {
        const open = this.source.slice(container.open!.start, container.open!.end);
        splices.push({ start: container.open!.start, end: container.open!.end, text: withAttributes(open, { count: String(count) }), order: 0 });
        splices.push({ start: container.closeStart!, end: container.closeStart!, text: items.join(''), order: 0 });
      } else {
        const p = this.prefix;
        const at = containerPosition(this.source, name, rootClose.start);
        const whole = `<${p}${name} count="${count}">${items.join('')}</${p}${name}>`;
        // A self-closing container is replaced by the whole one.
        if (container.open) splices.push({ start: container.open.start, end: container.open.end, text: whole, order: 0 });
        else splices.push({ start: at, end: at, text: whole, order: STYLE_CONTAINERS.indexOf(name) });
      }
    }
    return applySplices(this.source, splices);
  }

  private item(name: Edited, index: number): string | undefined {
    const container = this.containers.get(name)!;
    const all = container.open && container.closeStart !== undefined ? container.items : ITEM[name].fallback.map((x) => prefixed(x, this.prefix));
    return all[index] ?? container.added[index - all.length];
  }

  private add(name: Edited, element: string): number {
    const container = this.containers.get(name)!;
    if (!container.open || container.closeStart === undefined) {
      // A missing or empty container gets its defaults first, so that index 0 means what Excel assumes.
      if (container.items.length === 0) container.items.push(...ITEM[name].fallback.map((x) => prefixed(x, this.prefix)));
    }
    container.added.push(element);
    return container.items.length + container.added.length - 1;
  }

  private fill(rgb: string): number {
    const known = this.fills.get(rgb);
    if (known !== undefined) return known;
    const p = this.prefix;
    const index = this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    this.fills.set(rgb, index);
    // Cloned formats and new fonts need the other containers to exist too.
    for (const name of ['fonts', 'borders', 'cellStyleXfs', 'cellXfs'] as const) this.ensure(name);
    return index;
  }

  private ensure(name: Edited): void {
    const container = this.containers.get(name)!;
    if ((!container.open || container.closeStart === undefined) && container.items.length === 0) {
      container.items.push(...ITEM[name].fallback.map((x) => prefixed(x, this.prefix)));
    }
  }
}

function readContainer(xml: string, name: string, itemName: string): Container {
  const open = topLevelTag(xml, name, 'styleSheet');
  if (!open) return { items: [], added: [] };
  if (open.selfClosing) return { open, items: [], added: [] };
  const end = elementEnd(xml, open);
  if (!end) return { items: [], added: [] };
  const items: string[] = [];
  for (let tag = nextTag(xml, open.end); tag && tag.start < end.contentEnd; tag = nextTag(xml, tag.end)) {
    if (tag.closing || tag.local !== itemName) continue;
    const item = elementEnd(xml, tag);
    if (!item) break;
    items.push(xml.slice(tag.start, item.end));
    tag = { ...tag, end: item.end };
  }
  return { open, closeStart: end.contentEnd, items, added: [] };
}

/** Where a missing styles container goes: before the first one that follows it in the schema. */
function containerPosition(xml: string, name: Edited, rootClose: number): number {
  for (const later of STYLE_CONTAINERS.slice(STYLE_CONTAINERS.indexOf(name) + 1)) {
    const tag = topLevelTag(xml, later, 'styleSheet');
    if (tag) return tag.start;
  }
  return rootClose;
}

/** The default font made bold or a link: its face and size kept, the children it replaces dropped. */
function fontVariant(font: string, extra: string, replaced: string[]): string {
  const open = nextTag(font, 0)!;
  const p = open.prefix;
  if (open.selfClosing) return `<${p}font>${prefixed(extra, p)}</${p}font>`;
  let inner = '';
  const end = elementEnd(font, open)!;
  for (let tag = nextTag(font, open.end); tag && tag.start < end.contentEnd; tag = nextTag(font, tag.end)) {
    const child = elementEnd(font, tag);
    if (!child) break;
    if (!replaced.includes(tag.local)) inner += font.slice(tag.start, child.end);
    tag = { ...tag, end: child.end };
  }
  return `${font.slice(open.start, open.end)}${prefixed(extra, p)}${inner}${font.slice(end.contentEnd)}`;
}

function prefixed(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`) : xml;
}

/* ---- highlighting: the sheet ---- */

/**
 * Splices that point each flagged cell's `s` at its highlighted format. A cell's current format is
 * its own `s`; a flagged cell that does not exist yet is inserted blank with the format it showed
 * (its row's when the row has one, else its column's). Rows or cells written without addresses, or
 * rows out of order, leave missing cells unhighlighted: inserting one would shift the others.
 */
function highlightCells(xml: string, cells: CellFindings[], restyle: (xf: number, severity: Severity) => number): Splice[] {
  const sheetData = findTag(xml, 'sheetData', 0);
  if (!sheetData) return [];
  const targets = new Map(cells.map((c) => [cellKey(c.row, c.col), c]));
  const splices: Splice[] = [];
  const rows: ScannedRow[] = [];
  const columnStyles = columnFormats(xml, sheetData.start);

  let rowCells: CellItem[] = [];
  for (const item of sheetItems(xml)) {
    if (item.kind === 'row') {
      const custom = item.attrs.get('customFormat');
      const style = custom === '1' || custom === 'true' ? Number(item.attrs.get('s') ?? 0) : undefined;
      rows.push({ ...item, cells: rowCells, style });
      rowCells = [];
      continue;
    }
    rowCells.push(item);
    const target = targets.get(cellKey(item.row, item.col));
    if (target) {
      const { open, attrs } = item;
      const s = String(restyle(Number(attrs.get('s') ?? 0) || 0, target.severity));
      splices.push({ start: open.start, end: open.end, text: withAttributes(xml.slice(open.start, open.end), { s }), order: 0 });
      targets.delete(cellKey(item.row, item.col));
    }
  }

  // Flagged cells the sheet does not have: blank cells with the highlighted format.
  const p = sheetData.prefix;
  const blank = (c: CellFindings, xf: number) => `<${p}c r="${c.a1}" s="${restyle(xf, c.severity)}"/>`;
  const byNumber = new Map<number, ScannedRow>();
  for (const row of rows) if (!byNumber.has(row.row)) byNumber.set(row.row, row);
  // New rows go between addressed rows in order; anything else would shift or misplace rows.
  const rowsAddressed = rows.every((r, i) => r.explicit && (i === 0 || r.row > rows[i - 1]!.row));
  const missingByRow = new Map<number, CellFindings[]>();
  for (const cell of [...targets.values()].sort((a, b) => a.row - b.row || a.col - b.col)) {
    missingByRow.set(cell.row, [...(missingByRow.get(cell.row) ?? []), cell]);
  }
  const end = elementEnd(xml, sheetData)?.contentEnd ?? xml.length;
  const newRows: string[] = [];
  // Both in row order: one walk finds the row each new one goes before.
  let next = 0;
  for (const [number, missing] of missingByRow) {
    const row = byNumber.get(number);
    if (!row) {
      if (!rowsAddressed) continue;
      const text = `<${p}row r="${number + 1}">${missing.map((c) => blank(c, columnStyles(c.col))).join('')}</${p}row>`;
      if (sheetData.selfClosing) newRows.push(text);
      else {
        while (next < rows.length && rows[next]!.row < number) next++;
        const at = rows[next]?.open.start ?? end;
        splices.push({ start: at, end: at, text, order: number });
      }
      continue;
    }
    const xf = (c: CellFindings) => row.style ?? columnStyles(c.col);
    if (row.open.selfClosing) {
      const open = xml.slice(row.open.start, row.open.end - 2);
      splices.push({ start: row.open.start, end: row.open.end, text: `${open}>${missing.map((c) => blank(c, xf(c))).join('')}</${p}row>`, order: 0 });
    } else if (row.cells.every((c) => c.explicit)) {
      for (const cell of missing) {
        const at = row.cells.find((c) => c.col > cell.col)?.open.start ?? row.contentEnd;
        splices.push({ start: at, end: at, text: blank(cell, xf(cell)), order: cell.col });
      }
    }
  }
  if (newRows.length) {
    const open = xml.slice(sheetData.start, sheetData.end - 2);
    splices.push({ start: sheetData.start, end: sheetData.end, text: `${open}>${newRows.join('')}</${p}sheetData>`, order: 0 });
  }
  return splices;
}

interface ScannedRow extends RowItem {
  cells: CellItem[];
  /** The row's format when it has one of its own (customFormat). */
  style: number | undefined;
}

/** The format a column gives its empty cells (`<col style>`), by 0-based column. */
function columnFormats(xml: string, before: number): (col: number) => number {
  const ranges: { min: number; max: number; style: number }[] = [];
  for (let tag = findTag(xml, 'col', 0, false, before); tag; tag = findTag(xml, 'col', tag.end, false, before)) {
    const attrs = attributes(xml, tag);
    const style = Number(attrs.get('style'));
    if (Number.isInteger(style)) ranges.push({ min: Number(attrs.get('min')), max: Number(attrs.get('max')), style });
  }
  return (col) => ranges.find((r) => col + 1 >= r.min && col + 1 <= r.max)?.style ?? 0;
}


/* ---- comments ---- */

interface CellNote extends CellFindings {
  text: string;
}

function commentedCells(xml: string): Set<string> {
  const refs = new Set<string>();
  for (let tag = findTag(xml, 'comment', 0); tag; tag = findTag(xml, 'comment', tag.end)) {
    const at = decodeA1(attributes(xml, tag).get('ref') ?? '');
    if (at) refs.add(encodeA1(at.row, at.col));
  }
  return refs;
}

function commentElement(p: string, note: CellNote, authorId: number): string {
  // Excel's own layout: the author in bold, then the text; 9-point 宋体 as Chinese Excel writes comments.
  const font = `<${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/>`;
  return (
    `<${p}comment ref="${note.a1}" authorId="${authorId}"><${p}text>` +
    `<${p}r><${p}rPr><${p}b/>${font}</${p}rPr><${p}t>${AUTHOR}:</${p}t></${p}r>` +
    `<${p}r><${p}rPr>${font}</${p}rPr><${p}t xml:space="preserve">\n${encodeCellText(note.text)}</${p}t></${p}r>` +
    `</${p}text></${p}comment>`
  );
}

function newComments(notes: CellNote[]): string {
  return `${XML_DECLARATION}<comments xmlns="${MAIN}"><authors><author>${AUTHOR}</author></authors><commentList>${notes.map((n) => commentElement('', n, 0)).join('')}</commentList></comments>`;
}

/** The sheet's comments part with ours appended; its own comments and authors untouched. */
function mergeComments(xml: string, notes: CellNote[]): string {
  const root = findTag(xml, 'comments', 0)!;
  const p = root.prefix;
  const splices: Splice[] = [];
  const authors = findTag(xml, 'authors', 0);
  let authorId = 0;
  let authorsEnd = root.end;
  if (authors && !authors.selfClosing) {
    const end = elementEnd(xml, authors)!;
    authorsEnd = end.end;
    const names: string[] = [];
    for (let tag = findTag(xml, 'author', authors.end, false, end.contentEnd); tag; tag = findTag(xml, 'author', tag.end, false, end.contentEnd)) {
      const close = elementEnd(xml, tag);
      names.push(close ? xml.slice(tag.end, close.contentEnd) : '');
    }
    authorId = names.indexOf(AUTHOR);
    if (authorId < 0) {
      authorId = names.length;
      splices.push({ start: end.contentEnd, end: end.contentEnd, text: `<${p}author>${AUTHOR}</${p}author>`, order: 0 });
    }
  } else if (authors) {
    authorsEnd = authors.end;
    splices.push({ start: authors.start, end: authors.end, text: `<${p}authors><${p}author>${AUTHOR}</${p}author></${p}authors>`, order: 0 });
  } else {
    splices.push({ start: root.end, end: root.end, text: `<${p}authors><${p}author>${AUTHOR}</${p}author></${p}authors>`, order: 0 });
  }
  const elements = notes.map((n) => commentElement(p, n, authorId)).join('');
  const list = findTag(xml, 'commentList', 0);
  if (list && !list.selfClosing) {
    const close = elementEnd(xml, list)!;
    splices.push({ start: close.contentEnd, end: close.contentEnd, text: elements, order: 0 });
  } else if (list) {
    splices.push({ start: list.start, end: list.end, text: `<${p}commentList>${elements}</${p}commentList>`, order: 0 });
  } else {
    splices.push({ start: authorsEnd, end: authorsEnd, text: `<${p}commentList>${elements}</${p}commentList>`, order: 1 });
  }
  return applySplices(xml, splices);
}

/* ---- comments: the VML drawing Excel shows them with ---- */

/**
 * VML shape ids are unique across the workbook, in blocks of 1024 that each drawing claims in its
 * `<o:idmap data>`: new shapes take blocks no drawing of the package uses.
 */
class VmlBlocks {
  private next: number;

  constructor(pkg: OoxmlPackage) {
    let highest = 0;
    for (const entry of pkg.entries) {
      if (!/\.vml$/i.test(entry.name)) continue;
      const text = latin1(readPart(pkg, entry.name) ?? new Uint8Array(0));
      for (const m of text.matchAll(/\bdata="([\d,\s]*)"/g)) for (const n of m[1]!.split(',')) highest = Math.max(highest, Number(n) || 0);
      for (const m of text.matchAll(/_x0000_s(\d+)/g)) highest = Math.max(highest, Math.floor(Number(m[1]) / 1024));
    }
    this.next = highest + 1;
  }

  allocate(count: number): { ids: number[]; blocks: number[] } {
    const blocks: number[] = [];
    const ids: number[] = [];
    while (ids.length < count) {
      const block = this.next++;
      blocks.push(block);
      for (let i = 1; i < 1024 && ids.length < count; i++) ids.push(block * 1024 + i);
    }
    return { ids, blocks };
  }
}

const VML_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVml(shapes: string, blocks: number[]): Uint8Array {
  return new TextEncoder().encode(
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>${VML_SHAPE_TYPE}${shapes}</xml>`,
  );
}

/** Our shapes appended to an existing drawing, byte-wise: VML is not always UTF-8, and ours is ASCII. */
function mergeVml(bytes: Uint8Array, shapes: string, blocks: number[]): Uint8Array | undefined {
  const text = latin1(bytes);
  const close = text.lastIndexOf('</xml>');
  if (close < 0) return undefined;
  const splices: Splice[] = [];
  const idmap = /<o:idmap\b[^>]*?\bdata="([\d,\s]*)"/.exec(text);
  if (idmap) {
    const at = idmap.index + idmap[0].length - 1;
    splices.push({ start: at, end: at, text: `${idmap[1]!.trim() ? ',' : ''}${blocks.join(',')}`, order: 0 });
  }
  const shapeType = text.includes('id="_x0000_t202"') ? '' : VML_SHAPE_TYPE;
  splices.push({ start: close, end: close, text: shapeType + shapes, order: 0 });
  const ascii = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let cursor = 0;
  for (const s of splices.sort((a, b) => a.start - b.start)) {
    chunks.push(bytes.subarray(cursor, s.start), ascii.encode(s.text));
    cursor = s.end;
  }
  chunks.push(bytes.subarray(cursor));
  return concat(chunks);
}

/** A hidden note box beside the cell, tall enough for its text (Excel shows it on hover). */
function vmlShape(id: number, row: number, col: number, text: string): string {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / 50)), 1);
  const height = Math.min(400, 8 + lines * 12);
  const rows = Math.max(4, Math.ceil(height / 15));
  const top = Math.max(0, row - 1);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:${(col + 1) * 54}pt;margin-top:${top * 15}pt;width:260pt;height:${height}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${top}, 10, ${col + 6}, 15, ${top + rows}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Elements that CT_Worksheet puts after `<legacyDrawing>`. */
const AFTER_LEGACY_DRAWING = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

/** `<legacyDrawing r:id>` at its schema position among the worksheet's children. */
function legacyDrawingSplice(xml: string, id: string): Splice {
  const root = findTag(xml, 'worksheet', 0)!;
  const rPrefix = namespacePrefix(xml, root, REL);
  const idAttribute = rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${REL}" r:id="${id}"`;
  const element = `<${root.prefix}legacyDrawing ${idAttribute}/>`;
  let at = findTag(xml, 'worksheet', root.end, true)?.start ?? xml.length;
  for (const child of topLevelChildren(xml, root)) {
    // Excel wraps controls and OLE objects in mc:AlternateContent: judge it by what it holds.
    const name = child.local === 'AlternateContent' ? firstElementInside(xml, child) : child.local;
    if (name && AFTER_LEGACY_DRAWING.has(name)) {
      at = child.start;
      break;
    }
  }
  return { start: at, end: at, text: element, order: 0 };
}

function firstElementInside(xml: string, tag: Tag): string | undefined {
  for (let t = nextTag(xml, tag.end); t && !t.closing; t = nextTag(xml, t.end)) {
    if (t.local !== 'Choice' && t.local !== 'Fallback') return t.local;
  }
  return undefined;
}

/* ---- the findings sheet ---- */

interface ListRow {
  sheet: string;
  a1: string;
  /** Internal hyperlink target, when the cell is in the workbook. */
  location?: string;
  level: string;
  severity: Severity;
  rule: string;
  problem: string;
  advice: string;
}

/** Column widths in characters: 序号, 工作表, 单元格, 级别, 规则, 问题, 建议. */
const LIST_WIDTHS = [6, 20, 9, 7, 26, 60, 56];

function findingsSheet(file: LintFileResult, locale: Locale, sheets: SheetPart[], renamed: Map<string, string>, styles: StyleSheet): string {
  const text = TEXT[locale];
  const known = new Set(sheets.map((s) => s.name));
  const rows: ListRow[] = [];
  for (const problem of file.problems) rows.push(problemRow(problem, locale, known, renamed));
  for (const d of file.diagnostics) {
    const sheet = d.location.sheet === undefined ? undefined : (renamed.get(d.location.sheet) ?? d.location.sheet);
    const at = d.location.a1 ? decodeA1(d.location.a1) : undefined;
    const a1 = at ? encodeA1(at.row, at.col) : (d.location.a1 ?? '');
    rows.push({
      sheet: sheet ?? '',
      a1,
      location: sheet !== undefined && known.has(sheet) && at ? `${quoteSheet(sheet)}!${a1}` : undefined,
      level: ui(locale, d.severity),
      severity: d.severity,
      rule: d.ruleId,
      problem: fitCell(d.message, locale),
      advice: fitCell(adviceLines(d, a1, locale, 'list').join('\n'), locale),
    });
  }

  const s = {
    header: styles.summaryStyle('header'),
    text: styles.summaryStyle('text'),
    link: styles.summaryStyle('link'),
    severity: (v: Severity) => styles.summaryStyle(v),
  };
  const lineHeight = Math.round(styles.fontSize() * 1.4 * 4) / 4;
  const str = (ref: string, value: string, xf: number) =>
    value === '' ? `<c r="${ref}" s="${xf}"/>` : `<c r="${ref}" s="${xf}" t="inlineStr"><is><t xml:space="preserve">${encodeCellText(value)}</t></is></c>`;

  const body: string[] = [];
  const header = text.headers.map((h, i) => str(`${encodeCol(i)}1`, h, s.header)).join('');
  body.push(`<row r="1" ht="${Math.max(20, lineHeight + 4)}" customHeight="1">${header}</row>`);
  const links: string[] = [];
  rows.forEach((row, i) => {
    const r = i + 2;
    const values = [String(i + 1), row.sheet, row.a1, row.level, row.rule, row.problem, row.advice];
    const lines = Math.max(...values.map((v, c) => wrappedLines(v, LIST_WIDTHS[c]!)));
    const cells =
      `<c r="A${r}" s="${s.text}"><v>${i + 1}</v></c>` +
      str(`B${r}`, row.sheet, s.text) +
      str(`C${r}`, row.a1, row.location ? s.link : s.text) +
      str(`D${r}`, row.level, s.severity(row.severity)) +
      str(`E${r}`, row.rule, s.text) +
      str(`F${r}`, row.problem, s.text) +
      str(`G${r}`, row.advice, s.text);
    body.push(`<row r="${r}" ht="${Math.min(409, lines * lineHeight + 4)}" customHeight="1">${cells}</row>`);
    if (row.location) links.push(`<hyperlink ref="C${r}" location="${escapeAttribute(row.location)}" display="${escapeAttribute(row.a1)}"/>`);
  });
  if (rows.length === 0) body.push(`<row r="2">${str('A2', text.noFindings, s.text)}</row>`);

  const lastRow = Math.max(2, rows.length + 1);
  const cols = LIST_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN}">` +
    '<sheetPr><tabColor rgb="FFC00000"/><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:G${lastRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="${lineHeight}"/><cols>${cols}</cols>` +
    `<sheetData>${body.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}

function problemRow(problem: ReadProblem, locale: Locale, known: Set<string>, renamed: Map<string, string>): ListRow {
  const sheet = problem.at ? (renamed.get(problem.at.sheet) ?? problem.at.sheet) : '';
  const a1 = problem.at?.a1 ?? '';
  return {
    sheet,
    a1,
    location: problem.at && known.has(sheet) ? `${quoteSheet(sheet)}!${a1}` : undefined,
    level: ui(locale, problem.fatal ? 'fatal' : 'notice'),
    severity: problem.fatal ? 'error' : 'info',
    rule: problem.code,
    problem: fitCell(formatReadProblem(problem, locale), locale),
    advice: '',
  };
}

/** Lines a wrapped cell of this width (in characters of the default font; a Chinese character is two) needs. */
function wrappedLines(value: string, width: number): number {
  return value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width - 1))), 0);
}

/** A sheet name as a formula reference spells it: always quoted, quotes doubled. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function uniqueSheetName(wanted: string, bookXml: string): string {
  const taken = new Set<string>();
  for (let tag = findTag(bookXml, 'sheet', 0); tag; tag = findTag(bookXml, 'sheet', tag.end)) taken.add((attributes(bookXml, tag).get('name') ?? '').toLowerCase());
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted} (${n})`;
  return name;
}

/* ---- workbook.xml ---- */

/**
 * workbook.xml with the findings sheet first. What counts sheets by position moves up by one: each
 * definedName's localSheetId, and the window's activeTab (added when absent, so the sheet that was
 * open stays open and no two tabs are selected at once) and firstSheet.
 */
function insertFirstSheet(xml: string, name: string, relId: string): string {
  const sheets = findTag(xml, 'sheets', 0);
  if (!sheets || sheets.selfClosing) throw new PackageError('workbook.xml 没有工作表列表');
  const p = sheets.prefix;
  let highestId = 0;
  let idAttribute: string | undefined;
  const sheetsEnd = elementEnd(xml, sheets)?.contentEnd ?? xml.length;
  for (let tag = findTag(xml, 'sheet', sheets.end, false, sheetsEnd); tag; tag = findTag(xml, 'sheet', tag.end, false, sheetsEnd)) {
    const attrs = attributes(xml, tag);
    highestId = Math.max(highestId, Number(attrs.get('sheetId')) || 0);
    idAttribute ??= [...attrs.keys()].find((k) => k.endsWith(':id') && !k.startsWith('xmlns'));
  }
  const id = idAttribute ? `${idAttribute}="${relId}"` : `xmlns:r="${REL}" r:id="${relId}"`;
  const splices: Splice[] = [{ start: sheets.end, end: sheets.end, text: `<${p}sheet name="${escapeAttribute(name)}" sheetId="${highestId + 1}" ${id}/>`, order: 0 }];

  const shift = (tag: Tag, names: string[], addActiveTab: boolean) => {
    const attrs = attributes(xml, tag);
    const changes: Record<string, string> = {};
    for (const n of names) {
      const value = Number(attrs.get(n));
      if (attrs.has(n) && Number.isInteger(value)) changes[n] = String(value + 1);
    }
    if (addActiveTab && !attrs.has('activeTab')) changes.activeTab = '1';
    if (Object.keys(changes).length) splices.push({ start: tag.start, end: tag.end, text: withAttributes(xml.slice(tag.start, tag.end), changes), order: 0 });
  };
  let views = 0;
  for (let tag = findTag(xml, 'workbookView', 0); tag; tag = findTag(xml, 'workbookView', tag.end)) {
    shift(tag, ['activeTab', 'firstSheet'], true);
    views++;
  }
  if (views === 0) {
    const bookViews = findTag(xml, 'bookViews', 0);
    const view = `<${p}workbookView activeTab="1"/>`;
    if (bookViews?.selfClosing) splices.push({ start: bookViews.start, end: bookViews.end, text: `<${p}bookViews>${view}</${p}bookViews>`, order: 0 });
    else if (bookViews) splices.push({ start: bookViews.end, end: bookViews.end, text: view, order: 0 });
    else splices.push({ start: sheets.start, end: sheets.start, text: `<${p}bookViews>${view}</${p}bookViews>`, order: 0 });
  }
  for (let tag = findTag(xml, 'definedName', 0); tag; tag = findTag(xml, 'definedName', tag.end)) shift(tag, ['localSheetId'], false);
  return applySplices(xml, splices);
}

/* ---- xls, et, ods, csv: a new xlsx first ---- */

/**
 * A new xlsx from the file's values, merges, column widths and comments, as --fix makes one
 * (src/fix/apply.ts): the reader's zip checks first, a CSV decoded as the reader decodes it with
 * every field kept as text. Its sheet may need a safer name than the CSV's file name.
 */
function copyAsXlsx(bytes: Uint8Array, file: LintFileResult, locale: Locale): { pkg: OoxmlPackage; note: string; renamed: Map<string, string> } {
  const text = TEXT[locale];
  const format = file.format ?? '';
  const renamed = new Map<string, string>();
  let book: XLSX.WorkBook;
  try {
    if (format === 'csv') {
      const name = file.diagnostics.find((d) => d.location.sheet)?.location.sheet ?? file.declarations[0]?.source.sheet ?? 'Sheet1';
      const decoded = decodeText(bytes);
      if (typeof decoded !== 'string') throw new AnnotateError(text.cannotAnnotate(formatReadProblem(decoded, locale)));
      const grid = csvToGrid(decoded, name);
      if ('code' in grid) throw new AnnotateError(text.cannotAnnotate(formatReadProblem(grid, locale)));
      book = XLSX.utils.book_new();
      const safe = safeSheetName(name);
      if (safe !== name) renamed.set(name, safe);
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid.rows.map((row) => row.map((cell) => cell?.t ?? null))), safe);
    } else if (['xls', 'et', 'ods', 'xlsx', 'xlsm', 'xlsb'].includes(format)) {
      const zip = bytes[0] === 0x50 && bytes[1] === 0x4b ? inspectZip(bytes, DEFAULT_LIMITS) : undefined;
      if (zip && 'code' in zip) throw new AnnotateError(text.cannotAnnotate(formatReadProblem(zip, locale)));
      book = XLSX.read(zip?.bytes ?? bytes, { type: 'array', cellStyles: true, cellNF: true, cellDates: false, cellFormula: true });
    } else {
      throw new AnnotateError(`${file.file} ${text.notSpreadsheet}`);
    }
  } catch (error) {
    if (error instanceof AnnotateError) throw error;
    throw new AnnotateError(text.cannotAnnotate(error instanceof Error ? error.message : String(error)));
  }
  const copy = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  const pkg = openPackage(copy);
  if ('code' in pkg) throw new AnnotateError(text.cannotAnnotate(formatReadProblem(pkg, locale)));
  return { pkg, note: format === 'csv' ? text.convertedCsv : text.converted(format), renamed };
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31).trim() || 'Sheet1';
}

/* ---- XML and package helpers ---- */

/**
 * The tag text with these attributes set: a value replaced in place, a new attribute after the
 * last one (`<c r="B5" t="s">` → `<c r="B5" t="s" s="7">`), so no other byte of the tag moves.
 */
function withAttributes(tagText: string, values: Record<string, string>): string {
  const tag = nextTag(tagText, 0)!;
  const spans = attributeSpans(tagText, tag);
  const splices: Splice[] = [];
  const append = spans.length ? spans[spans.length - 1]!.valueEnd + 1 : 1 + tag.prefix.length + tag.local.length;
  let order = 0;
  for (const [name, value] of Object.entries(values)) {
    const span = spans.find((s) => s.name === name);
    if (span) splices.push({ start: span.valueStart, end: span.valueEnd, text: escapeAttribute(value), order: 0 });
    else splices.push({ start: append, end: append, text: ` ${name}="${escapeAttribute(value)}"`, order: order++ });
  }
  return applySplices(tagText, splices);
}

/**
 * The direct children of an element, in order. Depth is counted (mc:AlternateContent nests inside
 * itself), except that a sheet's `<sheetData>`, which never nests, is stepped over whole.
 */
function* topLevelChildren(xml: string, parent: Tag): Generator<Tag> {
  let depth = 0;
  for (let tag = nextTag(xml, parent.end); tag; tag = nextTag(xml, tag.end)) {
    if (tag.closing) {
      if (depth === 0) return;
      depth--;
      continue;
    }
    if (depth === 0) yield tag;
    if (tag.selfClosing) continue;
    if (depth === 0 && tag.local === 'sheetData') {
      const end = elementEnd(xml, tag);
      if (!end) return;
      tag = { ...tag, end: end.end };
    } else depth++;
  }
}

/** A direct child of the root element (`worksheet` unless named) by local name. */
function topLevelTag(xml: string, local: string, rootName = 'worksheet'): Tag | undefined {
  const root = findTag(xml, rootName, 0);
  if (!root || root.selfClosing) return undefined;
  for (const child of topLevelChildren(xml, root)) if (child.local === local) return child;
  return undefined;
}

/** The prefix the element declares for a namespace ('' when it declares none). */
function namespacePrefix(xml: string, tag: Tag, namespace: string): string {
  for (const [name, value] of attributes(xml, tag)) if (name.startsWith('xmlns:') && value === namespace) return name.slice(6);
  return '';
}

/** `[Content_Types].xml` with a Default for the extension, unless it has one. */
function withContentTypeDefault(contentTypes: string, extension: string, contentType: string): string {
  for (let tag = findTag(contentTypes, 'Default', 0); tag; tag = findTag(contentTypes, 'Default', tag.end)) {
    if (attributes(contentTypes, tag).get('Extension')?.toLowerCase() === extension) return contentTypes;
  }
  const root = findTag(contentTypes, 'Types', 0);
  if (!root || root.selfClosing) throw new PackageError('[Content_Types].xml 不完整');
  return `${contentTypes.slice(0, root.end)}<${root.prefix}Default Extension="${extension}" ContentType="${contentType}"/>${contentTypes.slice(root.end)}`;
}

/** The first name of the pattern that neither the package nor this run uses. */
function freePartName(pkg: OoxmlPackage, reserved: Set<string>, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = pattern(n);
    if (!findEntry(pkg, name) && !reserved.has(name.toLowerCase())) {
      reserved.add(name.toLowerCase());
      return name;
    }
  }
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A relationship target from one part to another, relative as Excel writes them (`../comments1.xml`). */
function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].map(encodeURI).join('/');
}

function latin1(bytes: Uint8Array): string {
  // One character per byte, so indexes are byte offsets.
  return new TextDecoder('latin1').decode(bytes);
}

