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
    if (error instanceof Error) (error as WriteFailure).target = target;
    throw error;
  }
  syncDirectory(dir);
}

/** What writeFileAtomic throws: the system error, with the file it was writing. */
export type WriteFailure = NodeJS.ErrnoException & { target?: string };

const WRITE_REASONS: Record<string, [zh: string, en: string]> = {
  ENOENT: ['所在目录不存在', 'the folder does not exist'],
  ENOTDIR: ['路径中有一段不是目录', 'part of the path is not a folder'],
  EISDIR: ['这是一个目录', 'it is a folder'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['没有写入权限', 'permission denied'],
  EROFS: ['磁盘是只读的', 'read-only file system'],
  ENOSPC: ['磁盘空间不足', 'no space left on the disk'],
  EDQUOT: ['磁盘配额已用完', 'disk quota exceeded'],
  EFBIG: ['文件超过系统允许的大小', 'file too large for the system'],
  EIO: ['磁盘读写出错', 'input/output error'],
};

/** Why a write failed, in words: "磁盘空间不足（ENOSPC）". */
export function writeFailureReason(error: unknown, locale: 'zh' | 'en' = 'zh'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code ? WRITE_REASONS[code] : undefined;
  if (words) return locale === 'en' ? `${words[1]} (${code})` : `${words[0]}（${code}）`;
  return code ?? (error instanceof Error ? error.message : String(error));
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
