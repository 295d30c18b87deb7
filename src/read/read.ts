import type { FileReadResult } from '../model/result.js';
import { declarationsFromGrid } from './from-grid.js';
import { decodeText } from './csv.js';
import { gridFromBytes } from './grid.js';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from './limits.js';
import { sniff } from './sniff.js';
import { readStructured } from './structured.js';

export { declarationsFromGrid };

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
}

/**
 * Reads one file's bytes into declarations, in-process and isomorphic (browser, worker, tests).
 * The CLI parses workbooks in a locked-down worker instead (src/node/read-files.ts).
 */
export function readDeclarations(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): FileReadResult {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) {
    return { file: fileName, declarations: [], problems: [{ code: 'file-too-large', fatal: true, data: { size: formatBytes(bytes.length), limit: formatBytes(limits.maxFileBytes) } }] };
  }
  const kind = sniff(bytes, fileName);
  if ('code' in kind) return { file: fileName, declarations: [], problems: [kind] };
  if (kind.format === 'json' || kind.format === 'yaml') {
    const text = decodeText(bytes);
    if (typeof text !== 'string') return { file: fileName, format: kind.format, declarations: [], problems: [text] };
    const read = readStructured(text, kind.format, fileName);
    if ('problem' in read) return { file: fileName, format: kind.format, declarations: [], problems: [read.problem] };
    return { file: fileName, format: kind.format, declarations: read.declarations, problems: read.warnings ?? [] };
  }
  const parsed = gridFromBytes(bytes, fileName, limits);
  if ('problem' in parsed) return { file: fileName, format: kind.format, declarations: [], problems: [parsed.problem] };
  return declarationsFromGrid(parsed.grid, fileName);
}
