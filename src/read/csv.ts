import type { GridCell, GridSheet } from '../model/grid.js';
import type { ReadProblem } from '../model/problem.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

/**
 * Text files (CSV, JSON, YAML) are decoded and parsed here, never by SheetJS: its CSV reader turns
 * `100%` into 1 and reformats dates, and Chinese CSV files are as often GBK as UTF-8.
 */
export function decodeText(bytes: Uint8Array): string | ReadProblem {
  const [b0, b1, b2] = bytes;
  try {
    if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return strict('utf-8', bytes.subarray(3));
    if (b0 === 0xff && b1 === 0xfe) return strict('utf-16le', bytes.subarray(2));
    if (b0 === 0xfe && b1 === 0xff) return strict('utf-16be', bytes.subarray(2));
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return strict(utf16, bytes);
    if (bytes.includes(0)) return { code: 'text-encoding', fatal: true };
  } catch {
    return { code: 'text-encoding', fatal: true };
  }
  try {
    return strict('utf-8', bytes);
  } catch {
    // Not UTF-8: Chinese Excel and WPS save "CSV" in the ANSI code page, i.e. GBK (a subset of GB18030).
    try {
      return strict('gb18030', bytes);
    } catch {
      return { code: 'text-encoding', fatal: true };
    }
  }
}

function strict(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
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
 * One pass over the text with no regular expressions, so hostile input costs linear time; rows and
 * columns beyond the limits are dropped, and more non-empty cells than `maxCells` is a problem.
 */
export function csvToGrid(
  text: string,
  sheetName: string,
  limits: Pick<ReadLimits, 'maxRows' | 'maxColumns' | 'maxCells'> = DEFAULT_LIMITS,
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
  const n = text.length;
  const pushField = (value: string) => {
    if (row.length >= limits.maxColumns) return;
    row.push(value === '' ? null : { t: value });
    if (value !== '') cells++;
  };
  const endRow = () => {
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
    row = [];
  };

  while (pos < n && rows.length < limits.maxRows) {
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
    if (cells > limits.maxCells) {
      return { code: 'too-many-cells', fatal: true, data: { sheet: sheetName, cells, limit: limits.maxCells } };
    }
  }
  if (row.length) endRow();
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
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
