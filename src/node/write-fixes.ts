import { closeSync, fsyncSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FixResult } from '../fix/apply.js';
import type { WorkbookFormat } from '../model/grid.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Saves what --fix produced. An xlsx/xlsm is replaced in place, atomically. Any other format gets
 * a new `<name>.fixed.xlsx` beside it (`.fixed-2.xlsx`, … when taken): the fixed copy is an xlsx,
 * and writing xlsx bytes under a .xls/.ods/.csv name — or over another file — would lose data.
 * Returns the path written, or undefined when no edit was applied (nothing is written then).
 */
export function writeFixedFile(file: string, result: FixResult, { format }: { format: WorkbookFormat }): string | undefined {
  if (result.applied.length === 0) return undefined;
  if (format === 'xlsx' || format === 'xlsm') {
    writeFileAtomic(file, result.bytes);
    return file;
  }
  const dir = path.dirname(file);
  const stem = path.basename(file, path.extname(file));
  for (let n = 1; n < 1000; n++) {
    const candidate = path.join(dir, `${stem}.fixed${n === 1 ? '' : `-${n}`}.xlsx`);
    if (writeNewFile(candidate, result.bytes)) return candidate;
  }
  throw new Error(`${path.join(dir, `${stem}.fixed-*.xlsx`)} 已全部存在`);
}

/** Creates `file` with `content`; false when it already exists. A failed write leaves no partial file. */
function writeNewFile(file: string, content: Uint8Array): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(file);
    throw error;
  }
  closeSync(fd);
  return true;
}
