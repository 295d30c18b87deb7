import { readFileSync } from 'node:fs';
import { applyEditsToXlsx, type FixResult } from '../fix/apply.js';
import type { Edit } from '../model/diagnostic.js';
import type { WorkbookFormat } from '../model/grid.js';
import type { FixReport } from '../model/result.js';
import { runInSandbox } from './sandbox.js';
import { writeFixedFile } from './write-fixes.js';

/**
 * Applies one file's safe fixes. xlsx/xlsm are patched in place (only the edited cells change);
 * xls/ods/csv get a new .xlsx beside them; declaration files (JSON/YAML) have no cells to patch.
 * With `dryRun` nothing is written: the report says what would change.
 */
export async function fixFile(file: string, format: string | undefined, edits: Edit[], dryRun: boolean, timeoutMs = 20_000): Promise<FixReport> {
  if (format === 'json' || format === 'yaml' || format === undefined) {
    return { applied: [], skipped: edits.map((edit) => ({ edit, reason: 'JSON/YAML 申报表文件没有单元格，不做自动修复' })), dryRun };
  }
  const bytes = new Uint8Array(readFileSync(file));
  let result: FixResult;
  if (format === 'xlsx' || format === 'xlsm') result = applyEditsToXlsx(bytes, edits);
  else {
    // Another format means SheetJS parses the user's file again: in a locked worker, as reading does.
    const copy = await runInSandbox({ kind: 'fix-copy', bytes, format: format as 'xls' | 'ods' | 'csv' | 'et', edits }, timeoutMs);
    if (!copy.ok) return { applied: [], skipped: edits.map((edit) => ({ edit, reason: `无法生成修复副本：${copy.message}` })), dryRun };
    result = { bytes: copy.bytes, applied: copy.applied ?? [], skipped: copy.skipped ?? [] };
  }
  if (dryRun) return { applied: result.applied, skipped: result.skipped, dryRun };
  const output = writeFixedFile(file, result, { format: format as WorkbookFormat });
  return { applied: result.applied, skipped: result.skipped, ...(output ? { output } : {}), dryRun };
}
