/**
 * Display width of text in a terminal: East Asian Wide and Fullwidth characters take two columns
 * (UAX #11), combining marks and zero-width characters none. Enough for Chinese forms without a
 * dependency: CJK ideographs, kana, hangul, full-width forms, CJK punctuation and emoji.
 */
function charWidth(code: number): number {
  if (code === 0 || code < 32 || (code >= 0x7f && code < 0xa0)) return 0;
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || code === 0xfeff || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

export function padEndWidth(text: string, width: number): string {
  const gap = width - textWidth(text);
  return gap > 0 ? text + ' '.repeat(gap) : text;
}

export function padStartWidth(text: string, width: number): string {
  const gap = width - textWidth(text);
  return gap > 0 ? ' '.repeat(gap) + text : text;
}

/** Cuts text to at most `width` columns, ending with … when cut. */
export function truncateWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/** Lays out rows as aligned columns (two spaces apart), measuring Chinese as double width. */
export function alignColumns(rows: string[][], options: { rightAlign?: number[] } = {}): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        if (i === row.length - 1 && !options.rightAlign?.includes(i)) return cell;
        return options.rightAlign?.includes(i) ? padStartWidth(cell, widths[i]!) : padEndWidth(cell, widths[i]!);
      })
      .join('  ')
      .trimEnd(),
  );
}
