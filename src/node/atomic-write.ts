import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a whole file or nothing: a temp file beside the target, flushed to disk, then renamed over
 * it. On any failure the target is as it was and the temp file is gone. A symlinked target is
 * written through (the link stays a link) and an existing file keeps its permission bits.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const real = existingRealPath(target) ?? target;
  const dir = path.dirname(real);
  const tmp = path.join(dir, `.${path.basename(real)}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    const mode = statSync(real, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined) fchmodSync(fd, mode & 0o7777);
    writeFileSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, real);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never made
    }
    throw error;
  }
  syncDirectory(dir);
}

function existingRealPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Makes the rename itself durable; directories cannot be opened for this on every platform, so best effort. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (Windows): the rename is still atomic, only its durability is the OS's
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed or never usable
  }
}
