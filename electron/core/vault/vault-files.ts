import fs from 'node:fs';
import path from 'node:path';
import { commitTemporaryFile, temporarySiblingPattern } from '../kernel/atomic-write';
import { CoreError, fromFileSystemError } from '../kernel/errors';
import { keyFilePathFor } from './key-file';
import { keyFileLockPathFor } from './key-file-lock';
import { lockFilePathFor } from './process-lock';

export const VAULT_EXTENSION = '.kluis';

/** SQLite's files beside the vault (-wal, -shm, and the rollback journal during a key rotation). */
export function sidecarPathsFor(vaultPath: string): string[] {
  return [`${vaultPath}-wal`, `${vaultPath}-shm`, `${vaultPath}-journal`];
}

/** Every file that belongs to a vault: the database, its key file, their locks, SQLite's sidecars. */
export function ownedPathsOf(vaultPath: string): string[] {
  return [vaultPath, keyFilePathFor(vaultPath), lockFilePathFor(vaultPath), keyFileLockPathFor(vaultPath), ...sidecarPathsFor(vaultPath)];
}

/**
 * Whether something is at `filePath`. Unlike fs.existsSync, a name too long for the file system
 * (or a folder that cannot be read) is reported as such instead of as "not there", naming
 * `chosenPath`: the path the user gave, of which `filePath` may be a companion (its key file).
 */
export function pathExists(filePath: string, context: string, chosenPath = filePath): boolean {
  try {
    fs.lstatSync(filePath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw fromFileSystemError(error, context, chosenPath);
  }
}

/** The folder a file is to be put in must be there: a mistyped folder is named, not created. */
export function assertFolderExists(filePath: string, context: string): void {
  const folder = path.dirname(filePath);
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(folder).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fromFileSystemError(error, context, filePath);
    isFolder = false;
  }
  if (!isFolder) throw new CoreError('FOLDER_NOT_FOUND', `${context}: no folder ${folder}`, { path: folder });
}

const COPY_CHUNK_BYTES = 1024 * 1024;

/**
 * Copy `source` to a new file at `target` that only its owner can read and write from the first
 * byte, whatever the source's mode (fs.copyFileSync gives the copy the source's mode: a 0644
 * backup would be restored as a 0644 vault). Flushed to disk before it returns.
 */
export function copyOwnerOnly(source: string, target: string): void {
  const input = fs.openSync(source, 'r');
  try {
    const output = fs.openSync(target, 'wx', 0o600);
    try {
      // The umask can only take bits away; this puts the owner's own back.
      fs.fchmodSync(output, 0o600);
      const buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      for (;;) {
        const read = fs.readSync(input, buffer, 0, buffer.length, null);
        if (read === 0) break;
        for (let written = 0; written < read;) written += fs.writeSync(output, buffer, written, read - written);
      }
      fs.fsyncSync(output);
    } finally {
      fs.closeSync(output);
    }
  } finally {
    fs.closeSync(input);
  }
}

export function vaultNameOf(vaultPath: string): string {
  return path.basename(vaultPath, VAULT_EXTENSION);
}

/**
 * A path in a form that compares equal for the same file: the folder's real path (symlinks
 * resolved) plus the name, case-folded where the file system usually ignores case.
 */
export function comparablePath(filePath: string): string {
  const resolved = path.resolve(filePath);
  let folder = path.dirname(resolved);
  try {
    folder = fs.realpathSync.native(folder);
  } catch {
    // A folder that does not exist yet cannot be a link to the vault's folder.
  }
  const joined = path.join(folder, path.basename(resolved));
  return process.platform === 'win32' || process.platform === 'darwin' ? joined.toLowerCase() : joined;
}

/** Whether `candidate` is one of the vault's own files (so writing there would destroy the vault). */
export function isOwnedBy(vaultPath: string, candidate: string): boolean {
  const target = comparablePath(candidate);
  return ownedPathsOf(vaultPath).some((owned) => comparablePath(owned) === target);
}

/**
 * Move a finished database and key file (written under temporary names) into place as a pair:
 * each rename is atomic, the database first, so that a failure leaves the old pair or the new one.
 */
export function commitVaultPair(temporaryDatabase: string, temporaryKeyFile: string, targetPath: string): void {
  commitTemporaryFile(temporaryDatabase, targetPath);
  commitTemporaryFile(temporaryKeyFile, keyFilePathFor(targetPath));
}

/** Remove temporary files of a vault pair that did not make it (no error if absent). */
export function removeTemporaryPair(temporaryDatabase: string, temporaryKeyFile: string): void {
  for (const file of [temporaryDatabase, temporaryKeyFile, ...sidecarPathsFor(temporaryDatabase), lockFilePathFor(temporaryDatabase)]) {
    fs.rmSync(file, { force: true });
  }
}

/**
 * Remove what a killed backup or restore left beside `targetPath`: its temporary database
 * (`.<name>.<12 hex>.tmp`) with the key file, SQLite sidecars and lock that go with such a name
 * (removeTemporaryPair), and nothing else: no other name, no folder, no link. Call with the
 * target's process lock held; every backup and restore holds it throughout, so a match is left by
 * a process that is gone. Returns the paths removed.
 */
export function removeStaleTemporaryFiles(targetPath: string): string[] {
  const folder = path.dirname(targetPath);
  const pattern = temporarySiblingPattern(targetPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    // No folder yet (a first backup), or not listable: there is nothing of ours to remove.
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const temporaryName = pattern.exec(name)?.[0];
    if (temporaryName === undefined) continue;
    const temporaryDatabase = path.join(folder, temporaryName);
    const file = path.join(folder, name);
    const family = [temporaryDatabase, keyFilePathFor(temporaryDatabase), ...sidecarPathsFor(temporaryDatabase), lockFilePathFor(temporaryDatabase)];
    if (!family.includes(file) || !fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

/**
 * Whether nothing can be written where the vault is: read-only media (EROFS), or a folder or file
 * without write permission. Such a vault is opened read-only (no lock file, no migrations, no
 * audit entries in the file) instead of being refused as "no access".
 */
export function isReadOnlyLocation(vaultPath: string): boolean {
  for (const target of [path.dirname(vaultPath), vaultPath]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return true;
    }
  }
  return false;
}
