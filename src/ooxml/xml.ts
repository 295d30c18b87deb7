/**
 * Just enough XML for patching package parts in place: a linear tag scanner that reports where each
 * tag starts and ends, so callers can cut and splice the original text instead of re-serialising a
 * DOM (which would rewrite every byte of a large sheet). No regular expression here backtracks.
 */
export interface Tag {
  /** `<` of the tag. */
  start: number;
  /** Just past its `>`. */
  end: number;
  /** Namespace prefix with its colon (`x:`), or '' — a part may use any prefix for its namespace. */
  prefix: string;
  local: string;
  closing: boolean;
  selfClosing: boolean;
}

/** The next element tag at or after `from`; comments, processing instructions, CDATA and DOCTYPE are stepped over. */
export function nextTag(xml: string, from: number): Tag | undefined {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const close = skipMarkup(xml, i);
      if (close < 0) return undefined;
      i = xml.indexOf('<', close);
      continue;
    }
    const closing = next === 0x2f;
    const nameStart = i + (closing ? 2 : 1);
    let j = nameStart;
    while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
    const name = xml.slice(nameStart, j);
    let quote = 0;
    for (; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (j >= xml.length) return undefined;
    const colon = name.indexOf(':');
    return {
      start: i,
      end: j + 1,
      prefix: name.slice(0, colon + 1),
      local: name.slice(colon + 1),
      closing,
      selfClosing: xml.charCodeAt(j - 1) === 0x2f,
    };
  }
  return undefined;
}

/** The next tag with this local name (opening or closing, as asked) at or after `from`. */
export function findTag(xml: string, local: string, from: number, closing = false, before = xml.length): Tag | undefined {
  for (let tag = nextTag(xml, from); tag && tag.start < before; tag = nextTag(xml, tag.end)) {
    if (tag.local === local && tag.closing === closing) return tag;
  }
  return undefined;
}

/** Where the element opened by `open` ends: just past its closing tag (the same element never nests inside itself in the parts we read). */
export function elementEnd(xml: string, open: Tag): { contentEnd: number; end: number } | undefined {
  if (open.selfClosing) return { contentEnd: open.end, end: open.end };
  const name = `</${open.prefix}${open.local}`;
  for (let close = xml.indexOf(name, open.end); close >= 0; close = xml.indexOf(name, close + name.length)) {
    const after = xml.charCodeAt(close + name.length);
    if (after !== 0x3e && !isSpace(after)) continue; // `</tx>` is not `</t>`
    const gt = xml.indexOf('>', close);
    return gt < 0 ? undefined : { contentEnd: close, end: gt + 1 };
  }
  return undefined;
}

/** A cut-and-paste on a part's text: `text` replaces `start..end` (an insertion when they are equal). */
export interface Splice {
  start: number;
  end: number;
  text: string;
  /** Orders insertions at one position. */
  order: number;
}

/** The text with every splice applied; splices must not overlap. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  let out = '';
  let cursor = 0;
  // At one position, insertions go before a replacement that starts there.
  const sorted = [...splices].sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.order - b.order);
  for (const s of sorted) {
    out += xml.slice(cursor, s.start) + s.text;
    cursor = Math.max(cursor, s.end);
  }
  return out + xml.slice(cursor);
}

/** One attribute of a tag: its qualified name and where its value sits, inside the quotes. */
export interface AttributeSpan {
  name: string;
  valueStart: number;
  valueEnd: number;
}

/** Where each attribute of a tag is, for reading it (attributes) or rewriting it in place. */
export function attributeSpans(xml: string, tag: Tag): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  const stop = tag.end - (tag.selfClosing ? 2 : 1);
  let i = tag.start + 1 + tag.prefix.length + tag.local.length;
  while (i < stop) {
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < stop && xml.charCodeAt(i) !== 0x3d && !isSpace(xml.charCodeAt(i))) i++;
    const name = xml.slice(nameStart, i);
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 0x3d) break;
    i++;
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") break;
    const close = xml.indexOf(quote, i + 1);
    if (close < 0 || close > stop) break;
    spans.push({ name, valueStart: i + 1, valueEnd: close });
    i = close + 1;
  }
  return spans;
}

/** Attributes of a tag by qualified name, values decoded. */
export function attributes(xml: string, tag: Tag): Map<string, string> {
  return new Map(attributeSpans(xml, tag).map((s) => [s.name, decodeEntities(xml.slice(s.valueStart, s.valueEnd))]));
}

/** An attribute by local name whatever its prefix (`r:id`, `ns2:id`), skipping namespace declarations. */
export function prefixedAttribute(attrs: Map<string, string>, local: string): string | undefined {
  for (const [name, value] of attrs) {
    if (name.endsWith(`:${local}`) && !name.startsWith('xmlns')) return value;
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The text of a `<t>` element as Excel shows it: entities and CDATA decoded, then OOXML's `_xHHHH_`
 * escapes (how it stores characters XML cannot hold, such as a carriage return).
 */
export function decodeCellText(raw: string): string {
  let text = '';
  for (let i = 0; i < raw.length; ) {
    const cdata = raw.indexOf('<![CDATA[', i);
    if (cdata < 0) {
      text += decodeEntities(raw.slice(i));
      break;
    }
    const close = raw.indexOf(']]>', cdata);
    text += decodeEntities(raw.slice(i, cdata)) + raw.slice(cdata + 9, close < 0 ? raw.length : close);
    i = close < 0 ? raw.length : close + 3;
  }
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The inverse of decodeCellText: XML-escaped, with characters XML 1.0 cannot carry (and a literal `_xHHHH_`) in OOXML's escape. */
export function encodeCellText(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Concatenated `<t>` texts between `start` and `end`, leaving out phonetic runs (`<rPh>`), as Excel displays rich text. */
export function richText(xml: string, start: number, end: number): string {
  let text = '';
  for (let tag = nextTag(xml, start); tag && tag.start < end; tag = nextTag(xml, tag.end)) {
    if (tag.closing || tag.selfClosing) continue;
    if (tag.local === 'rPh') {
      const skip = elementEnd(xml, tag);
      if (!skip) break;
      tag = { ...tag, end: skip.end };
    } else if (tag.local === 't') {
      const close = elementEnd(xml, tag);
      if (!close) break;
      text += decodeCellText(xml.slice(tag.end, close.contentEnd));
      tag = { ...tag, end: close.end };
    }
  }
  return text;
}

function skipMarkup(xml: string, i: number): number {
  const [open, close] = xml.startsWith('<!--', i) ? ['<!--', '-->'] : xml.startsWith('<![CDATA[', i) ? ['<![CDATA[', ']]>'] : xml.startsWith('<?', i) ? ['<?', '?>'] : ['<!', '>'];
  const at = xml.indexOf(close, i + open.length);
  return at < 0 ? -1 : at + close.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x3e || c === 0x2f;
}
