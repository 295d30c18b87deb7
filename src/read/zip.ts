import type { ReadProblem } from '../model/problem.js';
import { formatBytes, type ReadLimits } from './limits.js';

/**
 * Inspect a ZIP package (xlsx, xlsm, ods) from its directories alone, without inflating anything,
 * so that a truncated, encrypted or bomb-shaped archive is turned away before SheetJS unpacks
 * every entry into memory. Every read is bounds-checked against the buffer.
 */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export interface ZipInfo {
  entries: ZipEntry[];
  /** Sum of the entries' uncompressed sizes as the central directory states them. */
  uncompressedBytes: number;
  /**
   * The bytes to hand to SheetJS. Its inflater sizes the output by the local header; entries
   * written with a data descriptor carry 0 there and would inflate without bound, so in a copy
   * their local sizes are filled in from the central directory we have checked.
   */
  bytes: Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const FLAG_ENCRYPTED = 0x0001 | 0x0040 | 0x2000;
const FLAG_DATA_DESCRIPTOR = 0x0008;
/** Past this ratio (and size) an entry is a decompression bomb, not a spreadsheet part. */
const BOMB_RATIO = 1000;
const BOMB_MIN_BYTES = 10 * 1024 * 1024;
/** Real workbooks have tens to hundreds of parts; SheetJS does per-part work that grows with the count. */
const MAX_ENTRIES = 10_000;

const TRUNCATED = '压缩包不完整，可能下载或复制时被截断';

/*
 * The checks read the directories the way SheetJS's own ZIP reader does (last EOCD signature,
 * entry count and offsets from the classic EOCD, sizes overridden by a ZIP64 extra), so that the
 * sizes we approve are the sizes it will allocate and inflate to.
 */
export function inspectZip(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxUncompressedBytes'>): ZipInfo | ReadProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inRange = (offset: number, length: number) => offset >= 0 && offset + length <= bytes.length;
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);

  const eocd = findEocd(view);
  if (eocd < 0) return corrupt(TRUNCATED);
  const count = u16(eocd + 8);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  const cdEnd = cdOffset + cdSize;
  if (count !== u16(eocd + 10)) return corrupt('不支持分卷压缩包');
  if (cdEnd > eocd || count * 46 > cdSize) return corrupt(TRUNCATED);
  if (count > MAX_ENTRIES) return corrupt(`压缩包含 ${count} 个文件，超过上限 ${MAX_ENTRIES}`);

  const entries: ZipEntry[] = [];
  const patches: { offset: number; compressed: number; uncompressed: number }[] = [];
  const decoder = new TextDecoder();
  let total = 0;
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > cdEnd || u32(p) !== SIG_CENTRAL) return corrupt(TRUNCATED);
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const localOffset = u32(p + 42);
    const next = p + 46 + nameLength + extraLength + u16(p + 32);
    if (next > cdEnd) return corrupt(TRUNCATED);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const cdZip64 = zip64Sizes(view, p + 46 + nameLength, extraLength);
    const uncompressedSize = cdZip64.uncompressed || u32(p + 24);
    const compressedSize = cdZip64.compressed || u32(p + 20);
    p = next;

    if (flags & FLAG_ENCRYPTED) return { code: 'encrypted', fatal: true };
    if (method !== 0 && method !== 8) return corrupt(`使用了不支持的压缩方式（${method}）`);
    total += uncompressedSize;
    const bomb = uncompressedSize > BOMB_MIN_BYTES && uncompressedSize > BOMB_RATIO * Math.max(compressedSize, 1);
    if (bomb || total > limits.maxUncompressedBytes) {
      const size = formatBytes(bomb ? uncompressedSize : total);
      return { code: 'zip-bomb', fatal: true, data: { size, limit: formatBytes(limits.maxUncompressedBytes) } };
    }
    // A deflated part that claims to be empty but carries data would inflate into a growing buffer.
    if (method === 8 && uncompressedSize === 0 && compressedSize > 16) return corrupt(INCONSISTENT);

    // The local header must agree with the directory, and its data must lie before the directory.
    if (!inRange(localOffset, 30) || localOffset + 30 > cdOffset || u32(localOffset) !== SIG_LOCAL) return corrupt(TRUNCATED);
    const localFlags = u16(localOffset + 6);
    const localExtraLength = u16(localOffset + 28);
    const localExtra = localOffset + 30 + u16(localOffset + 26);
    if (localExtra + localExtraLength + compressedSize > cdOffset) return corrupt(TRUNCATED);
    if (localFlags & FLAG_ENCRYPTED) return { code: 'encrypted', fatal: true };
    let localUncompressed = u32(localOffset + 22);
    let localCompressed = u32(localOffset + 18);
    if (localExtraLength) {
      const localZip64 = zip64Sizes(view, localExtra, localExtraLength);
      localUncompressed = cdZip64.uncompressed || localZip64.uncompressed || localUncompressed;
      localCompressed = cdZip64.compressed || localZip64.compressed || localCompressed;
    }
    if (localUncompressed !== uncompressedSize || localCompressed !== compressedSize) {
      if (!(localFlags & FLAG_DATA_DESCRIPTOR)) return corrupt(INCONSISTENT);
      patches.push({ offset: localOffset, compressed: compressedSize, uncompressed: uncompressedSize });
    }
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localOffset });
  }
  return { entries, uncompressedBytes: total, bytes: applyPatches(bytes, patches) };
}

const INCONSISTENT = '压缩包内文件的大小信息前后不一致';

/** The last End Of Central Directory signature, which must lie within the last 64 KiB + 22 bytes. */
function findEocd(view: DataView): number {
  const end = view.byteLength;
  for (let i = end - 4; i >= 0 && i >= end - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) return i + 22 <= end ? i : -1;
  }
  return -1;
}

/**
 * Sizes from a ZIP64 extra field, read as SheetJS reads them (the last such field; uncompressed
 * then compressed, each read up to the end of the whole extra block); 0 when absent.
 */
function zip64Sizes(view: DataView, start: number, length: number): { uncompressed: number; compressed: number } {
  const end = Math.min(start + length, view.byteLength);
  const u64 = (o: number) => (o + 8 <= end ? view.getUint32(o, true) + view.getUint32(o + 4, true) * 2 ** 32 : 0);
  let sizes = { uncompressed: 0, compressed: 0 };
  for (const q of zip64Fields(view, start, end)) sizes = { uncompressed: u64(q + 4), compressed: u64(q + 12) };
  return sizes;
}

function* zip64Fields(view: DataView, start: number, end: number): Generator<number> {
  for (let q = start; q + 4 <= end; q += 4 + view.getUint16(q + 2, true)) {
    if (view.getUint16(q, true) === 0x0001) yield q;
  }
}

function applyPatches(bytes: Uint8Array, patches: { offset: number; compressed: number; uncompressed: number }[]): Uint8Array {
  if (patches.length === 0) return bytes;
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (const { offset, compressed, uncompressed } of patches) {
    view.setUint32(offset + 18, compressed, true);
    view.setUint32(offset + 22, uncompressed, true);
    // SheetJS prefers the sizes in a local ZIP64 extra when there is one.
    const extra = offset + 30 + view.getUint16(offset + 26, true);
    const end = Math.min(extra + view.getUint16(offset + 28, true), copy.length);
    for (const q of zip64Fields(view, extra, end)) {
      if (q + 12 <= end) view.setBigUint64(q + 4, BigInt(uncompressed), true);
      if (q + 20 <= end) view.setBigUint64(q + 12, BigInt(compressed), true);
    }
  }
  return copy;
}

function corrupt(reason: string): ReadProblem {
  return { code: 'corrupt-archive', fatal: true, data: { reason } };
}
