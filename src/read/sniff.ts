import type { ReadProblem } from '../model/problem.js';

/**
 * Decide what a file is from its bytes, not its name. SheetJS sniffs content and would happily
 * run an HTML page renamed .xls through its HTML parser, so only ZIP and CFB containers go on to
 * the workbook reader; text formats are accepted only by extension and decoded by us.
 */
export type Container = 'zip' | 'cfb' | 'text';
export type InputFormat = 'xlsx' | 'xlsm' | 'ods' | 'xls' | 'et' | 'csv' | 'json' | 'yaml';

export interface Sniffed {
  container: Container;
  format: InputFormat;
}

const SPREADSHEET_EXTS = new Set(['xlsx', 'xlsm', 'xls', 'et', 'ods']);
const TEXT_FORMATS: Record<string, InputFormat> = { csv: 'csv', json: 'json', yaml: 'yaml', yml: 'yaml' };

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array, fileName: string): Sniffed | ReadProblem {
  if (bytes.length === 0) return { code: 'file-empty', fatal: true };
  const ext = extensionOf(fileName);
  const dotExt = extensionLabel(fileName);

  if (startsWith(bytes, ZIP_EMPTY)) return corrupt('压缩包是空的，不含任何文件');
  if (startsWith(bytes, ZIP_LOCAL)) return sniffZip(bytes, ext, dotExt);
  if (startsWith(bytes, CFB_MAGIC)) return sniffCfb(bytes, ext, dotExt);

  const textFormat = TEXT_FORMATS[ext];
  if (textFormat) {
    const binary = binaryLabel(bytes);
    return binary ? mismatch(dotExt, binary) : { container: 'text', format: textFormat };
  }
  if (SPREADSHEET_EXTS.has(ext)) return mismatch(dotExt, describeContent(bytes));
  return { code: 'unsupported-format', fatal: true, data: { ext: dotExt } };
}

/** The extension as shown in messages: ".xlsx", or （无扩展名）. */
export function extensionLabel(fileName: string): string {
  const ext = extensionOf(fileName);
  return ext ? `.${ext}` : '（无扩展名）';
}

/** Lower-case extension without the dot ('' when none); works for both / and \ paths. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function sniffZip(bytes: Uint8Array, ext: string, dotExt: string): Sniffed | ReadProblem {
  // A container format is accepted whatever the name says, as long as the name is not a text one.
  if (!SPREADSHEET_EXTS.has(ext) && ext !== '') {
    if (TEXT_FORMATS[ext]) return mismatch(dotExt, 'ZIP 压缩包（可能是改名的 .xlsx）');
    return { code: 'unsupported-format', fatal: true, data: { ext: dotExt } };
  }
  const mimetype = odfMimetype(bytes);
  if (mimetype !== undefined) {
    if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return { container: 'zip', format: 'ods' };
    return mismatch(dotExt, `OpenDocument 文档（${mimetype}）`);
  }
  const format = ext === 'xlsm' || ext === 'et' ? ext : 'xlsx';
  return { container: 'zip', format };
}

function sniffCfb(bytes: Uint8Array, ext: string, dotExt: string): Sniffed | ReadProblem {
  if (!SPREADSHEET_EXTS.has(ext) && ext !== '') {
    if (TEXT_FORMATS[ext]) return mismatch(dotExt, 'Office 97-2003 复合文档（可能是改名的 .xls）');
    return { code: 'unsupported-format', fatal: true, data: { ext: dotExt } };
  }
  const names = cfbEntryNames(bytes);
  if (names) {
    // An OOXML file with a password to open is a CFB wrapping the encrypted package.
    if (names.includes('EncryptionInfo') && names.includes('EncryptedPackage')) return { code: 'encrypted', fatal: true };
    if (names.includes('WordDocument')) return mismatch(dotExt, 'Word 97-2003 文档');
    if (names.includes('PowerPoint Document')) return mismatch(dotExt, 'PowerPoint 97-2003 演示文稿');
  }
  return { container: 'cfb', format: ext === 'et' ? 'et' : 'xls' };
}

/**
 * What a ZIP package holds, from its entry names (see zip.ts). Called once the central directory
 * has been read, to turn away a .docx or a plain archive renamed .xlsx before SheetJS sees it.
 */
export function classifyZipEntries(names: readonly string[], sniffed: Sniffed, fileName: string): Sniffed | ReadProblem {
  const dotExt = extensionLabel(fileName);
  if (sniffed.format === 'ods') return names.includes('content.xml') ? sniffed : corrupt('缺少 content.xml');
  if (names.some((n) => n.startsWith('xl/'))) return sniffed;
  if (names.includes('content.xml') && names.includes('META-INF/manifest.xml')) return { container: 'zip', format: 'ods' };
  if (names.some((n) => n.startsWith('word/'))) return mismatch(dotExt, 'Word 文档（.docx）');
  if (names.some((n) => n.startsWith('ppt/'))) return mismatch(dotExt, 'PowerPoint 演示文稿（.pptx）');
  return mismatch(dotExt, 'ZIP 压缩包');
}

/**
 * ODF packages start with an uncompressed entry named "mimetype" (ODF 1.2 §3.3); read it straight
 * from the first local header. undefined when the first entry is not that.
 */
function odfMimetype(bytes: Uint8Array): string | undefined {
  if (bytes.length < 30) return undefined;
  const u16 = (o: number) => bytes[o]! | (bytes[o + 1]! << 8);
  const method = u16(8);
  const size = (u16(18) | (u16(20) << 16)) >>> 0;
  const nameLen = u16(26);
  const extraLen = u16(28);
  if (nameLen !== 8 || ascii(bytes, 30, 38) !== 'mimetype' || method !== 0) return undefined;
  const start = 38 + extraLen;
  if (size === 0 || size > 200 || start + size > bytes.length) return undefined;
  return ascii(bytes, start, start + size).trim();
}

/**
 * Names of the directory entries of a Compound File (MS-CFB §2.6), or undefined when the
 * structure is broken (SheetJS then reports it). Every read is bounds-checked and every chain walk
 * is capped by the number of sectors, so a hostile header cannot loop or read out of range.
 */
export function cfbEntryNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number) => (o >= 0 && o + 4 <= bytes.length ? view.getUint32(o, true) : undefined);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor(bytes.length / sectorSize);
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const perSector = sectorSize / 4;

  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; difat < sectorCount && hops < sectorCount; hops++) {
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(u32(offsetOf(difat) + i * 4) ?? 0xffffffff);
    difat = u32(offsetOf(difat) + (perSector - 1) * 4) ?? 0xffffffff;
  }
  const next = (sector: number) => {
    const fat = fatSectors[Math.floor(sector / perSector)];
    return fat === undefined || fat >= sectorCount ? undefined : u32(offsetOf(fat) + (sector % perSector) * 4);
  };

  const names: string[] = [];
  let sector: number | undefined = view.getUint32(0x30, true);
  for (let hops = 0; sector !== undefined && sector < sectorCount && hops < sectorCount; hops++) {
    for (let base = offsetOf(sector); base + 128 <= offsetOf(sector) + sectorSize && base + 128 <= bytes.length; base += 128) {
      const nameBytes = view.getUint16(base + 0x40, true);
      const type = bytes[base + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = '';
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(base + i, true));
      names.push(name);
    }
    sector = next(sector);
  }
  return names.length ? names : undefined;
}

/** A short name for what a non-spreadsheet file is, for `format-mismatch`. */
export function describeContent(bytes: Uint8Array): string {
  const binary = binaryLabel(bytes);
  if (binary) return binary;
  const head = textHead(bytes);
  const start = head.replace(/^[\s\ufeff]+/, '').slice(0, 64).toLowerCase();
  if (start.startsWith('{\\rtf')) return 'RTF 文档';
  if (start.startsWith('mime-version:')) return 'MHT 单个文件网页（常见于系统导出的“伪 .xls”）';
  if (start.startsWith('<?xml') || start.startsWith('<workbook')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      return 'XML 电子表格 2003（SpreadsheetML，请用 Excel 另存为 .xlsx）';
    }
    return 'XML 文件';
  }
  if (/^<(!doctype html|html|table|head|body|meta)\b/.test(start)) return 'HTML 网页（常见于系统导出的“伪 .xls”）';
  return looksLikeText(bytes) ? '纯文本（可能是改名的 CSV）' : '未知的二进制数据';
}

function binaryLabel(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 0, 4) === '%PDF') return 'PDF 文档';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'PNG 图片';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG 图片';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'GIF 图片';
  return undefined;
}

/** The first few KB as text, honouring a UTF-16 BOM (Excel's "Unicode text" is UTF-16LE). */
function textHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192);
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(head);
}

/** No control bytes other than tab, CR, LF, FF, ESC in the head; GBK text passes, binary does not. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) return false;
  }
  return true;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

function mismatch(ext: string, detected: string): ReadProblem {
  return { code: 'format-mismatch', fatal: true, data: { ext, detected } };
}

function corrupt(reason: string): ReadProblem {
  return { code: 'corrupt-archive', fatal: true, data: { reason } };
}
