import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../i18n/read-messages.js';
import type { Edit } from '../model/diagnostic.js';
import type { LintFileResult } from '../model/result.js';

/**
 * One-shot worker for the jobs that parse a user's workbook outside the reading path: the fixed
 * copy of an .xls/.ods/.csv (SheetJS) and the annotated copy. Same lock as the parse worker:
 * Object.prototype cannot be extended before anything else loads.
 */
Object.preventExtensions(Object.prototype);

export type SandboxJob =
  | { kind: 'fix-copy'; bytes: Uint8Array; format: 'xls' | 'ods' | 'csv' | 'et'; edits: Edit[] }
  | { kind: 'annotate'; bytes: Uint8Array; file: LintFileResult; locale: Locale };

export type SandboxResult =
  | { ok: true; bytes: Uint8Array; applied?: Edit[]; skipped?: { edit: Edit; reason: string }[]; comments?: number; notes?: string[] }
  | { ok: false; message: string; annotateError?: boolean };

const port = parentPort;
if (!port) throw new Error('sandbox-worker must run in a worker thread');

const job = workerData as SandboxJob;
let result: SandboxResult;
try {
  if (job.kind === 'fix-copy') {
    const { copyAsXlsxWithEdits } = await import('../fix/apply.js');
    const copy = copyAsXlsxWithEdits(job.bytes, job.format, job.edits);
    result = { ok: true, bytes: copy.bytes, applied: copy.applied, skipped: copy.skipped };
  } else {
    const { annotateWorkbook } = await import('../format/xlsx.js');
    const annotated = annotateWorkbook(job.bytes, job.file, job.locale);
    result = { ok: true, bytes: annotated.bytes, comments: annotated.comments, notes: annotated.notes };
  }
} catch (error) {
  result = { ok: false, message: error instanceof Error ? error.message.split('\n')[0]! : String(error), annotateError: (error as Error)?.name === 'AnnotateError' };
}
port.postMessage(result);
