import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** A sibling name in the same folder, so that the final rename stays on one file system. */
export function temporarySiblingPath(targetPath: string): string {
  const suffix = crypto.randomBytes(6).toString('hex');
  return path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.${suffix}.tmp`);
}

/** fsync a folder so that a rename in it survives a power cut (no-op where folders cannot be opened). */
export function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(directory, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Write a whole file or nothing: write a temporary sibling, fsync it, rename it over the target,
 * fsync the folder. A crash or a full disk leaves the old file (or no file) in place.
 */
export function writeFileAtomic(targetPath: string, data: string | Uint8Array, mode = 0o600): void {
  const temporaryPath = temporarySiblingPath(targetPath);
  try {
    const fd = fs.openSync(temporaryPath, 'wx', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporaryPath, targetPath);
    syncDirectory(path.dirname(targetPath));
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
}

/** Rename a finished temporary file into place, durably. */
export function commitTemporaryFile(temporaryPath: string, targetPath: string): void {
  const fd = fs.openSync(temporaryPath, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporaryPath, targetPath);
  syncDirectory(path.dirname(targetPath));
}
