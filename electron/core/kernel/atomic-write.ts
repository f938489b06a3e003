import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** A sibling name in the same folder, so that the final rename stays on one file system. */
export function temporarySiblingPath(targetPath: string): string {
  const suffix = crypto.randomBytes(6).toString('hex');
  return path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.${suffix}.tmp`);
}

/**
 * Matches the start of a name that temporarySiblingPath gives for `targetPath` (the match is that
 * name), and nothing that merely resembles it: the leading dot, the exact base name, 12 hex digits.
 */
export function temporarySiblingPattern(targetPath: string): RegExp {
  const escaped = path.basename(targetPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.[0-9a-f]{12}\\.tmp`);
}

/**
 * Create an empty file that only its owner can read and write, whatever the umask: the umask can
 * only take bits away, and fchmod puts back the owner's own. Whatever is then written into it
 * (SQLite's VACUUM INTO, which also gives its journal the mode of this file) is never readable by others.
 */
export function createOwnerOnlyFile(filePath: string): void {
  const fd = fs.openSync(filePath, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
  } finally {
    fs.closeSync(fd);
  }
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
