// Builds small real files in memory for the reader tests: workbooks written by SheetJS, ZIP
// archives with hand-set headers, and compound files with chosen streams.
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';

export const enc = (text: string) => new TextEncoder().encode(text);

/** A declaration-shaped sheet: a merged title, Chinese text, a percentage, a boolean, a hidden second sheet. */
export function sampleWorkbook(rows = 5): XLSX.WorkBook {
  const aoa: unknown[][] = [['项目支出绩效目标申报表'], ['一级指标', '二级指标', '三级指标', '指标值', '权重']];
  for (let i = 0; i < rows; i++) aoa.push(['产出指标', '数量指标', `培训人次${i}`, i === 0 ? 0.95 : '≥90%', i === 1 ? true : 10]);
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['D3']!.z = '0%';
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '申报表');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['备注']]), '说明');
  book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  return book;
}

export function writeBook(bookType: XLSX.BookType, book = sampleWorkbook()): Uint8Array {
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }));
}

export interface ZipSpec {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  flags?: number;
  method?: number;
  /** Uncompressed size written to both headers (default: the real size). */
  declaredSize?: number;
  /** Sizes only in a data descriptor after the data; the local header holds zeros. */
  dataDescriptor?: boolean;
  /** Uncompressed size written to the local header only. */
  localSize?: number;
}

/** A ZIP archive with exactly the headers asked for. */
export function buildZip(specs: ZipSpec[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = enc(spec.name);
    const body = spec.deflate ? new Uint8Array(deflateRawSync(spec.data)) : spec.data;
    const method = spec.method ?? (spec.deflate ? 8 : 0);
    const flags = (spec.flags ?? 0) | (spec.dataDescriptor ? 8 : 0);
    const crc = crc32(spec.data);
    const size = spec.declaredSize ?? spec.data.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    if (!spec.dataDescriptor) {
      local.setUint32(14, crc, true);
      local.setUint32(18, body.length, true);
      local.setUint32(22, spec.localSize ?? size, true);
    }
    local.setUint16(26, name.length, true);
    const descriptor = new DataView(new ArrayBuffer(spec.dataDescriptor ? 16 : 0));
    if (spec.dataDescriptor) {
      descriptor.setUint32(0, 0x08074b50, true);
      descriptor.setUint32(4, crc, true);
      descriptor.setUint32(8, body.length, true);
      descriptor.setUint32(12, size, true);
    }
    locals.push(new Uint8Array(local.buffer), name, body, new Uint8Array(descriptor.buffer));

    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, flags, true);
    central.setUint16(10, method, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + body.length + descriptor.byteLength;
  }
  const cdSize = centrals.reduce((n, part) => n + part.length, 0);
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, specs.length, true);
  eocd.setUint16(10, specs.length, true);
  eocd.setUint32(12, cdSize, true);
  eocd.setUint32(16, offset, true);
  return concat([...locals, ...centrals, new Uint8Array(eocd.buffer)]);
}

/** The entries of a ZIP as SheetJS's CFB module reads them, to rebuild an archive differently. */
export function zipEntries(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const container = XLSX.CFB.read(bytes, { type: 'array' });
  const entries: { name: string; data: Uint8Array }[] = [];
  container.FileIndex.forEach((entry: { type: number; content: ArrayLike<number> }, i: number) => {
    // Skip the marker stream CFB adds to every container it builds.
    if (entry.type !== 2 || container.FullPaths[i].includes('\u0001Sh33tJ5')) return;
    entries.push({ name: container.FullPaths[i].replace(/^[^/]*\//, ''), data: Uint8Array.from(entry.content) });
  });
  return entries;
}

/** A compound file (the container of .xls and of password-protected OOXML) with the given streams. */
export function buildCfb(streams: Record<string, Uint8Array>): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(container, name, data);
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }));
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Deterministic pseudo-random numbers for fuzz loops (mulberry32). */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
