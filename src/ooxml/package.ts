import * as XLSX from 'xlsx';
import type { ReadProblem } from '../model/problem.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../read/limits.js';
import { inspectZip } from '../read/zip.js';
import { attributes, escapeAttribute, findTag, nextTag } from './xml.js';

/**
 * An OOXML package (xlsx, xlsm) opened for patching. Parts are read on demand; writing produces a
 * new zip in which every part that was not replaced keeps its exact bytes — local header,
 * compressed data, data descriptor and central directory record (only the record's offset field
 * moves when an earlier part changes size) — so a user's styles, VBA, pictures and everything we
 * do not understand survive untouched.
 */
export interface OoxmlPackage {
  /** In central directory order. */
  entries: PackageEntry[];
  /** The archive comment after the end-of-central-directory record. */
  comment: Uint8Array;
}

export interface PackageEntry {
  name: string;
  method: number;
  crc32: number;
  uncompressedSize: number;
  /** Offset of the entry in the original file: entries are written back in this order. */
  localOffset: number;
  /** Local header, data and any data descriptor, exactly as stored. */
  local: Uint8Array;
  /** Where the data starts within `local`, and its length. */
  dataStart: number;
  compressedSize: number;
  /** The central directory record, exactly as stored. */
  central: Uint8Array;
}

/** A damaged part found while reading (bad CRC, inflate failure). */
export class PackageError extends Error {}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;

/** Opens a package after the same directory checks the reader makes (bombs, truncation, encryption). */
export function openPackage(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxUncompressedBytes'> = DEFAULT_LIMITS): OoxmlPackage | ReadProblem {
  const checked = inspectZip(bytes, limits);
  if ('code' in checked) return checked;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);

  // inspectZip found and checked the directory; find it again to keep the raw records.
  let eocd = bytes.length - 22;
  while (eocd >= 0 && u32(eocd) !== SIG_EOCD) eocd--;
  const cdOffset = u32(eocd + 16);
  if (u16(eocd + 8) === 0xffff || u32(eocd + 12) === 0xffffffff || cdOffset === 0xffffffff || (eocd >= 20 && u32(eocd - 20) === SIG_ZIP64_LOCATOR)) {
    return corrupt(ZIP64);
  }
  const commentEnd = Math.min(eocd + 22 + u16(eocd + 20), bytes.length);

  const entries: PackageEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (const { name, method, compressedSize, uncompressedSize, localOffset } of checked.entries) {
    const recordEnd = p + 46 + u16(p + 28) + u16(p + 30) + u16(p + 32);
    if (u32(p + 20) === 0xffffffff || u32(p + 24) === 0xffffffff || localOffset === 0xffffffff) return corrupt(ZIP64);
    // Two parts of one name would let the reader and the patcher disagree about which is real.
    const key = name.toLowerCase();
    if (seen.has(key)) return corrupt(`压缩包内有重名文件 ${name}`);
    seen.add(key);

    const dataStart = 30 + u16(localOffset + 26) + u16(localOffset + 28);
    let length = dataStart + compressedSize;
    if (u16(localOffset + 6) & FLAG_DATA_DESCRIPTOR) {
      const at = localOffset + length;
      length += at + 4 <= cdOffset && u32(at) === SIG_DESCRIPTOR ? 16 : 12;
    }
    if (localOffset + length > cdOffset) return corrupt(TRUNCATED);
    entries.push({
      name,
      method,
      crc32: u32(p + 16),
      uncompressedSize,
      localOffset,
      local: bytes.subarray(localOffset, localOffset + length),
      dataStart,
      compressedSize,
      central: bytes.subarray(p, recordEnd),
    });
    p = recordEnd;
  }
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1]!;
    if (previous.localOffset + previous.local.length > byOffset[i]!.localOffset) return corrupt('压缩包内文件相互重叠');
  }
  return { entries, comment: bytes.slice(eocd + 22, commentEnd) };
}

export function findEntry(pkg: OoxmlPackage, partName: string): PackageEntry | undefined {
  const name = partName.replace(/^\//, '');
  const key = name.toLowerCase();
  // Part names are case-insensitive (OPC); a relationship may spell one differently from the zip.
  return pkg.entries.find((e) => e.name === name) ?? pkg.entries.find((e) => e.name.toLowerCase() === key);
}

/** A part's bytes, inflated and checked against its CRC; undefined when there is no such part. */
export function readPart(pkg: OoxmlPackage, name: string): Uint8Array | undefined {
  const entry = findEntry(pkg, name);
  if (!entry) return undefined;
  const data = entry.local.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let part: Uint8Array;
  if (entry.method === 0) part = data;
  else if (entry.uncompressedSize === 0) part = new Uint8Array(0);
  else {
    try {
      part = inflateRaw(data, entry.uncompressedSize);
    } catch {
      throw new PackageError(`${entry.name} 解压失败`);
    }
  }
  if (part.length !== entry.uncompressedSize || crc32(part) !== entry.crc32) throw new PackageError(`${entry.name} 校验失败，文件已损坏`);
  return part;
}

export function readPartText(pkg: OoxmlPackage, name: string): string | undefined {
  const part = readPart(pkg, name);
  if (!part) return undefined;
  try {
    // ignoreBOM keeps a byte-order mark in the text, so that a part written back keeps it too.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(part);
  } catch {
    throw new PackageError(`${name} 不是 UTF-8 编码`);
  }
}

/**
 * The package with some parts replaced or added (keyed by zip entry name, no leading slash).
 * Untouched entries are copied byte for byte in their original order; replaced ones keep their
 * place, name bytes, timestamps and attributes; added ones go last.
 */
export function writePackage(pkg: OoxmlPackage, parts: ReadonlyMap<string, Uint8Array | string>): Uint8Array {
  const replaced = new Map<PackageEntry, Uint8Array>();
  const added: { name: string; data: Uint8Array }[] = [];
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const entry = findEntry(pkg, name);
    if (entry) replaced.set(entry, data);
    else added.push({ name: name.replace(/^\//, ''), data });
  }

  const chunks: Uint8Array[] = [];
  const records = new Map<PackageEntry, Uint8Array>();
  let offset = 0;
  for (const entry of [...pkg.entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const data = replaced.get(entry);
    let record: Uint8Array;
    if (data) {
      const central = new DataView(entry.central.buffer, entry.central.byteOffset, entry.central.byteLength);
      const nameBytes = entry.central.subarray(46, 46 + central.getUint16(28, true));
      const comment = entry.central.subarray(entry.central.length - central.getUint16(32, true));
      const built = buildEntry(nameBytes, data, {
        flags: central.getUint16(8, true) & FLAG_UTF8,
        dosTime: central.getUint32(12, true),
        madeBy: central.getUint16(4, true),
        internalAttributes: central.getUint16(36, true),
        externalAttributes: central.getUint32(38, true),
        comment,
      });
      chunks.push(built.local);
      record = built.central;
    } else {
      chunks.push(entry.local);
      record = entry.central.slice();
    }
    new DataView(record.buffer, record.byteOffset).setUint32(42, offset, true);
    offset += chunks[chunks.length - 1]!.length;
    records.set(entry, record);
  }
  const centrals = pkg.entries.map((e) => records.get(e)!);
  const dosTime = pkg.entries[0] ? new DataView(pkg.entries[0].central.buffer, pkg.entries[0].central.byteOffset).getUint32(12, true) : 0;
  for (const { name, data } of added) {
    const nameBytes = new TextEncoder().encode(name);
    const nonAscii = nameBytes.some((b) => b > 0x7f);
    const built = buildEntry(nameBytes, data, { flags: nonAscii ? FLAG_UTF8 : 0, dosTime, madeBy: 20, internalAttributes: 0, externalAttributes: 0 });
    new DataView(built.central.buffer).setUint32(42, offset, true);
    chunks.push(built.local);
    centrals.push(built.central);
    offset += built.local.length;
  }

  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const end = new DataView(eocd.buffer);
  end.setUint32(0, SIG_EOCD, true);
  end.setUint16(8, centrals.length, true);
  end.setUint16(10, centrals.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  end.setUint16(20, pkg.comment.length, true);
  return concat([...chunks, ...centrals, eocd, pkg.comment]);
}

interface EntryFields {
  flags: number;
  /** DOS time (low 16 bits) and date (high 16 bits), as stored at offset 12 of a central record. */
  dosTime: number;
  madeBy: number;
  internalAttributes: number;
  externalAttributes: number;
  comment?: Uint8Array;
}

/** A local header + data and its central record (offset left 0), deflated when that is smaller and round-trips. */
function buildEntry(name: Uint8Array, data: Uint8Array, fields: EntryFields): { local: Uint8Array; central: Uint8Array } {
  const crc = crc32(data);
  const deflated = deflateRaw(data);
  const method = deflated ? 8 : 0;
  const body = deflated ?? data;
  const comment = fields.comment ?? new Uint8Array(0);

  const local = new Uint8Array(30 + name.length + body.length);
  const l = new DataView(local.buffer);
  l.setUint32(0, SIG_LOCAL, true);
  l.setUint16(4, 20, true);
  l.setUint16(6, fields.flags, true);
  l.setUint16(8, method, true);
  l.setUint32(10, fields.dosTime, true);
  l.setUint32(14, crc, true);
  l.setUint32(18, body.length, true);
  l.setUint32(22, data.length, true);
  l.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(body, 30 + name.length);

  const central = new Uint8Array(46 + name.length + comment.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, SIG_CENTRAL, true);
  c.setUint16(4, fields.madeBy, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, fields.flags, true);
  c.setUint16(10, method, true);
  c.setUint32(12, fields.dosTime, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, body.length, true);
  c.setUint32(24, data.length, true);
  c.setUint16(28, name.length, true);
  c.setUint16(32, comment.length, true);
  c.setUint16(36, fields.internalAttributes, true);
  c.setUint32(38, fields.externalAttributes, true);
  central.set(name, 46);
  central.set(comment, 46 + name.length);
  return { local, central };
}

/** SheetJS's bundled zip codec (pure JS, synchronous, isomorphic), reached through its CFB export. */
interface ZipCodec {
  _inflateRaw(payload: Uint8Array, uncompressedSize: number): Uint8Array;
  _deflateRaw(data: Uint8Array): Uint8Array;
}
const codec = (XLSX.CFB as { utils: ZipCodec }).utils;

function inflateRaw(data: Uint8Array, uncompressedSize: number): Uint8Array {
  // Given the size, SheetJS allocates exactly that and never grows it; a short stream is caught by the CRC.
  const out = codec._inflateRaw(data, uncompressedSize);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * SheetJS deflates with fixed Huffman codes only, and its output buffer (1.1 × input) overflows
 * on incompressible text such as dense Chinese: so keep the result only when it is smaller and
 * inflates back to the input; otherwise the part is stored.
 */
function deflateRaw(data: Uint8Array): Uint8Array | undefined {
  if (data.length < 64) return undefined;
  let packed: Uint8Array;
  try {
    const out = codec._deflateRaw(data);
    packed = new Uint8Array(out.buffer, out.byteOffset, out.length);
    if (packed.length >= data.length) return undefined;
    const back = inflateRaw(packed, data.length);
    for (let i = 0; i < data.length; i++) if (back[i] !== data[i]) return undefined;
  } catch {
    return undefined;
  }
  return packed;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The chunks joined into one array. */
export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/* ---- [Content_Types].xml and relationships, for parts added to a package ---- */

/** `[Content_Types].xml` with an Override for `/partName`, replacing any Override it had. */
export function withContentTypeOverride(contentTypes: string, partName: string, contentType: string): string {
  const name = `/${partName.replace(/^\//, '')}`;
  const override = `<Override PartName="${escapeAttribute(name)}" ContentType="${escapeAttribute(contentType)}"/>`;
  for (let tag = findTag(contentTypes, 'Override', 0); tag; tag = findTag(contentTypes, 'Override', tag.end)) {
    if (attributes(contentTypes, tag).get('PartName')?.toLowerCase() === name.toLowerCase()) {
      return contentTypes.slice(0, tag.start) + override + contentTypes.slice(tag.end);
    }
  }
  return insertBeforeClose(contentTypes, 'Types', override);
}

/** A relationships part with one more relationship, and the id it was given. */
export function withRelationship(rels: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = rels ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = new Set<string>();
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local === 'Relationship' && !tag.closing) ids.add(attributes(xml, tag).get('Id') ?? '');
  }
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeAttribute(type)}" Target="${escapeAttribute(target)}"/>`;
  return { xml: insertBeforeClose(xml, 'Relationships', element), id };
}

function insertBeforeClose(xml: string, root: string, element: string): string {
  const close = findTag(xml, root, 0, true);
  if (close) return xml.slice(0, close.start) + element + xml.slice(close.start);
  const open = findTag(xml, root, 0);
  if (!open?.selfClosing) throw new PackageError(`${root} 元素不完整`);
  const start = xml.slice(open.start, open.end - 2).trimEnd();
  return `${xml.slice(0, open.start)}${start}>${element}</${open.prefix}${root}>${xml.slice(open.end)}`;
}

const TRUNCATED = '压缩包不完整，可能下载或复制时被截断';
const ZIP64 = '不支持 ZIP64 格式的压缩包';

function corrupt(reason: string): ReadProblem {
  return { code: 'corrupt-archive', fatal: true, data: { reason } };
}
