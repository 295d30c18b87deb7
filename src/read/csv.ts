import { encodeCol } from '../model/cell.js';
import type { GridCell, GridSheet } from '../model/grid.js';
import type { ReadProblem } from '../model/problem.js';
import { CellTruncations, DEFAULT_LIMITS, type ReadLimits } from './limits.js';

/**
 * Text files (CSV, JSON, YAML) are decoded and parsed here, never by SheetJS: its CSV reader turns
 * `100%` into 1 and reformats dates, and Chinese CSV files are as often GBK as UTF-8. A file that
 * is UTF-8 in some lines and GBK in others (pasted together from two sources) is decoded line by
 * line and a `mixed-encoding` warning is pushed onto `warnings`.
 */
export function decodeText(bytes: Uint8Array, warnings?: ReadProblem[]): string | ReadProblem {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8OrByLine(bytes.subarray(3), warnings);
  if (b0 === 0xff && b1 === 0xfe) return strictOrProblem('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return strictOrProblem('utf-16be', bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return strictOrProblem(utf16, bytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return encodingProblem(lineAt(bytes, nul));
  return decodeUtf8OrByLine(bytes, warnings);
}

function decodeUtf8OrByLine(bytes: Uint8Array, warnings?: ReadProblem[]): string | ReadProblem {
  try {
    return strict('utf-8', bytes);
  } catch {
    // Not UTF-8 as a whole: Chinese Excel and WPS save "CSV" in the ANSI code page, GBK (a subset of GB18030).
    return decodeByLine(bytes, warnings);
  }
}

function strict(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
}

function strictOrProblem(encoding: string, bytes: Uint8Array): string | ReadProblem {
  try {
    return strict(encoding, bytes);
  } catch {
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    return encodingProblem(bad < 0 ? 1 : lenient.slice(0, bad).split('\n').length);
  }
}

function encodingProblem(line: number): ReadProblem {
  return { code: 'text-encoding', fatal: true, data: { line } };
}

/** 1-based line of a byte offset in ASCII-compatible text. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * Each line as UTF-8 when it is valid UTF-8 made of characters forms are written in, otherwise as
 * GB18030. The character check matters: a short GBK line can be valid UTF-8 by accident, and then
 * it reads as Latin, Cyrillic or rare CJK extension characters, never as common Chinese text.
 */
function decodeByLine(bytes: Uint8Array, warnings?: ReadProblem[]): string | ReadProblem {
  const utf8Lines: number[] = [];
  const gbkLines: number[] = [];
  const parts: string[] = [];
  // Lenient UTF-8 and a look for U+FFFD: a thrown error per line would make a GBK file 30× slower.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  const gbk = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
  for (let start = 0, line = 1; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const chunk = bytes.subarray(start, end);
    start = end;
    const asUtf8 = utf8.decode(chunk);
    if (chunk.every((b) => b < 0x80)) {
      parts.push(asUtf8);
      continue;
    }
    const validUtf8 = !asUtf8.includes('\uFFFD');
    let text: string | undefined = validUtf8 && COMMON_TEXT.test(asUtf8) ? asUtf8 : undefined;
    if (text === undefined) {
      try {
        text = gbk.decode(chunk);
        gbkLines.push(line);
      } catch {
        // Neither reads as GBK nor as common text: valid UTF-8 with unusual characters is still UTF-8.
        if (!validUtf8) return encodingProblem(line);
        text = asUtf8;
      }
    }
    if (text === asUtf8) utf8Lines.push(line);
    parts.push(text);
  }
  if (utf8Lines.length && gbkLines.length) {
    warnings?.push({ code: 'mixed-encoding', fatal: false, data: { utf8: lineRanges(utf8Lines), gbk: lineRanges(gbkLines) } });
  }
  return parts.join('');
}

/**
 * ASCII plus the characters Chinese forms use: ×°·¥, Greek (μ), punctuation, letterlike and math
 * symbols, CJK and its compatibility units (㎡ ㎏), full-width forms.
 */
const COMMON_TEXT = /^[\u0000-\u007f\u00a5\u00a7\u00b0-\u00b3\u00b7\u00d7\u00f7\u0391-\u03c9\u2000-\u22ff\u2460-\u24ff\u2500-\u25ff\u3000-\u303f\u3300-\u33ff\u4e00-\u9fff\uff00-\uffef]*$/;

/** [1,2,3,7,9,10] → "1–3, 7, 9–10" (the message is in either language) */
function lineRanges(lines: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    out.push(i === j ? String(lines[i]) : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return out.length > 6 ? `${out.slice(0, 6).join(', ')} …` : out.join(', ');
}

/** UTF-16 without a BOM shows as NUL bytes in every other position of ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const end = Math.min(bytes.length, 1024) & ~1;
  if (end < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = end / 2;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/**
 * RFC 4180 CSV into one sheet, every cell kept exactly as written (no number or date parsing).
 * One pass over the text with no regular expressions, so hostile input costs linear time; content
 * past the row or column limit, or more non-empty cells than `maxCells`, is a problem for the file.
 */
export function csvToGrid(
  text: string,
  sheetName: string,
  limits: Pick<ReadLimits, 'maxRows' | 'maxColumns' | 'maxCells'> = DEFAULT_LIMITS,
  warnings?: ReadProblem[],
): GridSheet | ReadProblem {
  let pos = 0;
  let delimiter: Delimiter;
  // Excel writes and honours a first line `sep=;` naming the delimiter.
  const directive = /^sep=(.)\r?(\n|$)/.exec(text.slice(0, 8));
  if (directive && (DELIMITERS as readonly string[]).includes(directive[1]!)) {
    delimiter = directive[1] as Delimiter;
    pos = directive[0].length;
  } else {
    delimiter = sniffDelimiter(text);
  }
  const delim = delimiter.charCodeAt(0);

  const rows: (GridCell | null)[][] = [];
  let row: (GridCell | null)[] = [];
  let cells = 0;
  let rowCount = 0;
  let column = 0;
  const truncations = new CellTruncations(sheetName);
  let past: ReadProblem | undefined;
  const n = text.length;
  const pushField = (value: string) => {
    const at = column++;
    if (at >= limits.maxColumns) {
      if (value !== '') past ??= { code: 'too-many-columns', fatal: true, data: { sheet: sheetName, column: encodeCol(at), limit: limits.maxColumns } };
      return;
    }
    row.push(value === '' ? null : { t: truncations.cut(value, () => `${encodeCol(at)}${rowCount + 1}`) });
    if (value !== '') cells++;
  };
  const endRow = () => {
    while (row.length && row[row.length - 1] === null) row.pop();
    if (rowCount < limits.maxRows) rows.push(row);
    else if (row.length > 0) past ??= { code: 'too-many-rows', fatal: true, data: { sheet: sheetName, row: rowCount + 1, limit: limits.maxRows } };
    rowCount++;
    row = [];
    column = 0;
  };

  while (pos < n) {
    let value: string;
    if (text.charCodeAt(pos) === 0x22) {
      // Quoted field: "" is a quote; delimiters and line breaks are literal until the closing quote.
      let out = '';
      let start = ++pos;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q < 0) {
          out += text.slice(start);
          pos = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          out += text.slice(start, q + 1);
          pos = start = q + 2;
        } else {
          out += text.slice(start, q);
          pos = q + 1;
          break;
        }
      }
      // Text after the closing quote (malformed `"a"b`) is kept rather than lost.
      const rest = fieldEnd(text, pos, delim);
      value = out + text.slice(pos, rest);
      pos = rest;
    } else {
      const end = fieldEnd(text, pos, delim);
      value = text.slice(pos, end);
      pos = end;
    }
    pushField(value);
    if (pos < n && text.charCodeAt(pos) === delim) {
      pos++;
      continue;
    }
    if (text.charCodeAt(pos) === 0x0d) pos++;
    if (text.charCodeAt(pos) === 0x0a) pos++;
    endRow();
    if (past) return past;
    if (cells > limits.maxCells) return { code: 'too-many-cells', fatal: true, data: { sheet: sheetName, limit: limits.maxCells } };
  }
  if (row.length) endRow();
  if (past) return past;
  if (cells > limits.maxCells) return { code: 'too-many-cells', fatal: true, data: { sheet: sheetName, limit: limits.maxCells } };
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  const cut = truncations.warning();
  if (cut) warnings?.push(cut);
  return { name: sheetName, rows, merges: [] };
}

/** Index of the next delimiter, CR or LF at or after `from` (or the end). */
function fieldEnd(text: string, from: number, delim: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === delim || c === 0x0a || c === 0x0d) break;
  }
  return i;
}

/**
 * The delimiter that splits the first lines most consistently: for each candidate, count it per
 * line outside quotes; prefer one found the same number of times on every line, then the most.
 */
function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = countPerLine(sample, d.charCodeAt(0), 20);
    if (counts.length === 0 || counts[0] === 0) continue;
    const consistent = counts.filter((c) => c === counts[0]).length;
    const score = consistent * 1000 + Math.min(counts[0]!, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countPerLine(sample: string, delim: number, maxLines: number): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  for (let i = 0; i < sample.length && counts.length < maxLines; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === delim) count++;
    else if (c === 0x0a) {
      counts.push(count);
      count = 0;
    }
  }
  if (count > 0 && counts.length < maxLines) counts.push(count);
  return counts;
}
