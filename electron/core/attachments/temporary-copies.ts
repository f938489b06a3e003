import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AttachmentOpenCopy } from '../../../shared/api/attachments';
import type { CoreContext } from '../kernel/context';
import type { ByteProgress } from '../kernel/chunking';
import { exportAttachment } from './export';
import { sanitizeFileName } from './file-name';
import { requireAttachment } from './records';

/**
 * Decrypted copies for "open with another program". Another program can only read a plain file,
 * so this is the one place where the app writes attachment content to a folder the user did not
 * choose. It keeps that as small and short-lived as it can:
 * - one fresh folder per copy (mkdtemp: unguessable, owner-only 0700) under the system's
 *   temporary folder, holding the one file (0600) under its stored, sanitised name;
 * - the folder name starts with PREFIX and carries the process id, so that a later start can
 *   recognise copies that a crashed run left behind, and leave those of a running one alone;
 * - removed when the vault locks (by the user, the idle timer, the OS) and when the app closes;
 *   what a crash left is swept at the next start.
 * Before removal every file in the folder is overwritten with zeros and synced: on a plain disk
 * that takes the content away, on SSDs and copy-on-write file systems it is a best effort only.
 */
export const TEMPORARY_COPY_PREFIX = 'dossierkluis-geopend-';

const FOLDER_PATTERN = new RegExp(`^${TEMPORARY_COPY_PREFIX}([1-9][0-9]{0,9})-[A-Za-z0-9]{6}$`);

/** The platform's "open this file with its program" (Electron's shell.openPath, xdg-open, ...). Rejects when it could not. */
export type PathOpener = (filePath: string) => Promise<void>;

/** The process id a copy folder was made by, or null when the name is not one of ours. */
export function copyFolderOwner(folderName: string): number | null {
  const match = FOLDER_PATTERN.exec(folderName);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * True only for a file directly inside one of our copy folders directly inside `baseDir`: what
 * the main process checks before it hands a path from the core to the operating system.
 */
export function isTemporaryCopyPath(filePath: string, baseDir: string = os.tmpdir()): boolean {
  if (!path.isAbsolute(filePath) || filePath.includes('\0')) return false;
  const relative = path.relative(path.resolve(baseDir), path.resolve(filePath));
  const parts = relative.split(path.sep);
  if (parts.length !== 2 || path.isAbsolute(relative)) return false;
  const [folder = '', name = ''] = parts;
  return copyFolderOwner(folder) !== null && name !== '' && name !== '.' && name !== '..' && sanitizeFileName(name) === name;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ZEROS = Buffer.alloc(1024 * 1024);

/** Overwrite a regular file with zeros and sync it; errors are left to the removal that follows. */
function overwriteWithZeros(filePath: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r+');
    const size = fs.fstatSync(fd).size;
    for (let written = 0; written < size;) {
      written += fs.writeSync(fd, ZEROS, 0, Math.min(ZEROS.length, size - written), written);
    }
    fs.fsyncSync(fd);
  } catch {
    // Opened elsewhere without sharing (Windows), or already gone: removal decides.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function wipeFolder(folder: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const entryPath = path.join(folder, entry.name);
    // Never follow a link: only what lies in the folder itself is ours to overwrite.
    if (entry.isFile()) overwriteWithZeros(entryPath);
    else if (entry.isDirectory()) wipeFolder(entryPath);
  }
}

/** Overwrite and remove one copy folder; false when it (or part of it) could not be removed. */
function removeCopyFolder(folder: string): boolean {
  try {
    const stats = fs.lstatSync(folder);
    if (!stats.isDirectory()) return false;
  } catch {
    return true;
  }
  wipeFolder(folder);
  try {
    fs.rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Windows: a program still holds the file open. Swept at the next start.
  }
  return !fs.existsSync(folder);
}

/**
 * Remove the copy folders in `baseDir` that no running process owns: left behind by a crash or a
 * power cut. Folders of our own process, or of another running Dossierkluis (the browser host and
 * the app, or the tests), stay. Returns how many were removed.
 */
export function sweepStaleCopies(baseDir: string = os.tmpdir()): number {
  let names: string[];
  try {
    names = fs.readdirSync(baseDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const owner = copyFolderOwner(name);
    if (owner === null || isAlive(owner)) continue;
    const folder = path.join(baseDir, name);
    try {
      const stats = fs.lstatSync(folder);
      // Someone else's folder with our name (a shared /tmp) is not ours to touch.
      if (!stats.isDirectory() || (typeof process.getuid === 'function' && stats.uid !== process.getuid())) continue;
    } catch {
      continue;
    }
    if (removeCopyFolder(folder)) removed += 1;
  }
  return removed;
}

/** The copies this core made while the vault was unlocked. */
export class TemporaryCopies {
  private readonly folders = new Set<string>();

  constructor(readonly baseDir: string = os.tmpdir()) {}

  get count(): number {
    return this.folders.size;
  }

  /**
   * Export the attachment into a new private folder (audited as `attachment.copy-opened`).
   * Any failure removes the folder again.
   */
  create(context: CoreContext, attachmentId: number, onProgress?: ByteProgress): AttachmentOpenCopy {
    const attachment = requireAttachment(context, attachmentId);
    const folder = fs.mkdtempSync(path.join(this.baseDir, `${TEMPORARY_COPY_PREFIX}${process.pid}-`));
    this.folders.add(folder);
    try {
      // mkdtemp makes it 0700 already; said again for a umask or platform that would differ.
      fs.chmodSync(folder, 0o700);
      const target = path.join(folder, sanitizeFileName(attachment.file_name));
      exportAttachment(context, attachmentId, target, onProgress, { auditAction: 'attachment.copy-opened' });
      return { path: target, folder };
    } catch (error) {
      this.remove(folder);
      throw error;
    }
  }

  remove(folder: string): void {
    if (removeCopyFolder(folder)) this.folders.delete(folder);
  }

  /** Remove every copy; returns how many folders could not be removed (still open elsewhere). */
  removeAll(): number {
    for (const folder of [...this.folders]) this.remove(folder);
    return this.folders.size;
  }
}
