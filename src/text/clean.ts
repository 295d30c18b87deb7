/**
 * Whitespace clean-up shared by the locator and the fixture generator, so both agree on what a
 * cell "says". Width folding and operators live in normalize.ts; this file only handles spacing.
 */

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function joinPieces(pieces: string[]): string {
  // Builds an array and remembers the last character: indexing a growing string flattens it each time.
  const out: string[] = [];
  let last = '';
  for (const piece of pieces) {
    if (!piece) continue;
    if (last && !CJK.test(last) && !CJK.test(piece[0]!)) out.push(' ');
    out.push(piece);
    last = piece[piece.length - 1]!;
  }
  return out.join('');
}

/**
 * One-line text: trims, collapses whitespace runs, and drops the breaks and spaces that wrapping
 * or vertical centring put between Chinese characters ("参展企业\n满意度" → "参展企业满意度");
 * a space survives only between two non-Chinese pieces ("Wi-Fi 6").
 */
export function cleanText(input: string): string {
  if (!/[\s\u3000\u00a0]/.test(input)) return input; // most cells: nothing to clean
  const pieces = input.replace(/\u00a0/g, ' ').split(/[\s\u3000]+/);
  return joinPieces(pieces);
}

/** Paragraph text (goals, overviews): like cleanText per line, but keeps line breaks between lines. */
export function cleanParagraph(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => cleanText(line))
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Label text: no whitespace at all ("绩 效 指 标" → "绩效指标", "数量\n指标" → "数量指标"). */
export function cleanLabel(input: string): string {
  return input.replace(/[\s\u3000\u00a0]+/g, '');
}
