import { readPartText, type OoxmlPackage } from './package.js';
import { attributes, elementEnd, findTag, nextTag, prefixedAttribute, richText } from './xml.js';

/**
 * The workbook-level facts the patcher needs: which part holds each sheet, and the shared strings
 * table that `t="s"` cells point into. Parts are found through relationships, as Excel does,
 * falling back to the usual names.
 */
export interface SheetPart {
  name: string;
  /** Zip entry name of the worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
}

export interface Relationship {
  id: string;
  type: string;
  /** Zip entry name of the target; the raw target when the relationship is external. */
  target: string;
  external: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const SHARED_STRINGS = /\/sharedStrings$/;

/** The main workbook part: the package's officeDocument relationship, else `xl/workbook.xml`. */
export function workbookPath(pkg: OoxmlPackage): string {
  return relationships(pkg, '').find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external)?.target ?? 'xl/workbook.xml';
}

/** The sheets in workbook order (worksheets, and chartsheets that have no cells). */
export function workbookSheets(pkg: OoxmlPackage): SheetPart[] {
  const workbook = workbookPath(pkg);
  const xml = readPartText(pkg, workbook);
  if (!xml) return [];
  const byId = new Map(relationships(pkg, workbook).map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  const list = findTag(xml, 'sheets', 0);
  if (!list || list.selfClosing) return sheets;
  const end = elementEnd(xml, list)?.contentEnd ?? xml.length;
  for (let tag = findTag(xml, 'sheet', list.end, false, end); tag; tag = findTag(xml, 'sheet', tag.end, false, end)) {
    const attrs = attributes(xml, tag);
    const name = attrs.get('name');
    const rel = byId.get(prefixedAttribute(attrs, 'id') ?? '');
    if (name !== undefined && rel && !rel.external) sheets.push({ name, path: rel.target });
  }
  return sheets;
}

/** The shared strings table as Excel displays each entry (rich text runs joined, phonetic runs left out). */
export function sharedStrings(pkg: OoxmlPackage): string[] {
  const workbook = workbookPath(pkg);
  const path = relationships(pkg, workbook).find((r) => SHARED_STRINGS.test(r.type) && !r.external)?.target ?? 'xl/sharedStrings.xml';
  const xml = readPartText(pkg, path);
  const strings: string[] = [];
  if (!xml) return strings;
  for (let tag = findTag(xml, 'si', 0); tag; tag = findTag(xml, 'si', tag.end)) {
    const end = elementEnd(xml, tag);
    if (!end) break;
    strings.push(richText(xml, tag.end, end.contentEnd));
    tag = { ...tag, end: end.end };
  }
  return strings;
}

/** The relationships of a part (`''` for the package's own, `_rels/.rels`). */
export function relationships(pkg: OoxmlPackage, part: string): Relationship[] {
  const xml = readPartText(pkg, relationshipsPath(part));
  const found: Relationship[] = [];
  if (!xml) return found;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local !== 'Relationship' || tag.closing) continue;
    const attrs = attributes(xml, tag);
    const external = attrs.get('TargetMode') === 'External';
    const target = attrs.get('Target') ?? '';
    found.push({ id: attrs.get('Id') ?? '', type: attrs.get('Type') ?? '', target: external ? target : resolveTarget(part, target), external });
  }
  return found;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself → `_rels/.rels`. */
export function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship target as a zip entry name: absolute targets (`/xl/worksheets/sheet1.xml`) from
 * the package root, relative ones (`worksheets/sheet1.xml`, `../media/a.png`) from the source
 * part's folder; percent-escapes decoded.
 */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray % is kept as written
  }
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of decoded.split(/[/\\]/)) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}
