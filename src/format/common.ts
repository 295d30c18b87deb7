import type { Diagnostic, Edit } from '../model/diagnostic.js';
import type { Locale } from '../i18n/read-messages.js';
import { formatWord } from '../i18n/formats.js';

/**
 * A cell as Excel writes it in a reference: `Sheet1!A1`, or `'My sheet'!A1` when the sheet name
 * has spaces or punctuation (a quote inside is doubled). Chinese names need no quotes, as in Excel.
 */
export function qualifiedCell(sheet: string, a1: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${a1}`;
}

/** Where a finding points, for people: `sheet!A1`, else the JSON pointer of cell-less inputs, else ''. */
export function findingPlace(d: Diagnostic): string {
  const { sheet, a1, path } = d.location;
  if (a1) return sheet ? qualifiedCell(sheet, a1) : a1;
  return path ?? '';
}

/** 一级/二级/三级 of the indicator a finding is about. */
export function indicatorPath(indicator: NonNullable<Diagnostic['indicator']>): string {
  return [indicator.level1, indicator.level2, indicator.name].filter((part) => part !== undefined && part !== '').join('/');
}

/** An edit as `sheet!A1：“before” → “after”`, each side cut to `max` characters. */
export function describeEdit(edit: Edit, locale: Locale, max = 80): string {
  return formatWord(locale, 'fixEdit', { cell: qualifiedCell(edit.sheet, edit.a1), before: clip(edit.before, max), after: clip(edit.after, max) });
}

/** The first `max` code points of text (never splitting a surrogate pair), or undefined when it is not longer. */
function head(text: string, max: number): string | undefined {
  if (text.length <= max) return undefined;
  let end = 0;
  for (let count = 0; count < max && end < text.length; count++) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return end < text.length ? text.slice(0, end) : undefined;
}

/** Cuts text longer than `max` code points, marking the cut (untrusted cells can hold a megabyte). */
export function clip(text: string, max: number): string {
  const cut = head(text, max);
  return cut === undefined ? text : cut + '…';
}

/** Like clip, saying how long the whole text was. */
export function truncateNoting(text: string, max: number, locale: Locale): string {
  const cut = head(text, max);
  return cut === undefined ? text : cut + formatWord(locale, 'truncated', { length: [...text].length });
}

/** Replaces lone surrogates (not valid Unicode, rejected by encodeURIComponent and XML) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Groups items by a key, keeping first-seen order of keys and items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
