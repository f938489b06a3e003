import fs from 'node:fs';
import path from 'node:path';
import { CoreError, toCoreError } from '../kernel/errors';
import { syncDirectory, temporarySiblingPath } from '../kernel/atomic-write';
import { assertRegularFile } from '../kernel/source-files';
import { keyFilePathFor } from './key-file';
import { ProcessLock } from './process-lock';
import { Vault, type VaultOptions } from './vault';
import { assertFolderExists, commitVaultPair, comparablePath, copyOwnerOnly, pathExists, removeTemporaryPair, sidecarPathsFor } from './vault-files';

/**
 * Put a backup in place of a vault:
 *   1. copy the backup (and its key file and WAL, if any) to temporary names beside the target;
 *   2. prove the passphrase opens the copy and the copy is sound (the backup itself is only read,
 *      so it may sit on read-only media);
 *   3. move a vault already at the target aside as `<name>.voor-herstel-<time>`, with its key
 *      file and WAL, so that nothing it committed is lost;
 *   4. rename the copy into place.
 * Any failure before step 4 leaves the target as it was.
 */
export async function restoreVault(
  backupPath: string,
  targetPath: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<{ path: string; previousVaultMovedTo: string | null }> {
  const backup = path.resolve(backupPath);
  const target = path.resolve(targetPath);
  if (!pathExists(backup, 'restore')) throw new CoreError('VAULT_NOT_FOUND', `no backup at ${backup}`);
  if (comparablePath(backup) === comparablePath(target)) throw new CoreError('INVALID_INPUT', 'backup and target are the same file');
  if (!pathExists(keyFilePathFor(backup), 'restore')) throw new CoreError('KEY_FILE_MISSING', `no key file beside ${backup}`);
  // Checked before anything is written beside it; a name too long is named before the copy too.
  assertFolderExists(target, 'restore');
  pathExists(target, 'restore');
  // Copied by path below: a FIFO there would block the copy for good.
  for (const source of [backup, keyFilePathFor(backup)]) assertRegularFile(source, 'restore', 'backupPath');

  const processLock = ProcessLock.acquire(target);
  const temporaryDatabase = temporarySiblingPath(target);
  const temporaryKeyFile = keyFilePathFor(temporaryDatabase);
  const movedAside: Array<[from: string, to: string]> = [];
  try {
    // Owner-only, like every vault, whatever the mode the backup was kept with.
    copyOwnerOnly(backup, temporaryDatabase);
    copyOwnerOnly(keyFilePathFor(backup), temporaryKeyFile);
    if (fs.existsSync(`${backup}-wal`)) copyOwnerOnly(`${backup}-wal`, `${temporaryDatabase}-wal`);

    let check: Vault;
    try {
      check = await Vault.unlock(temporaryDatabase, { passphrase }, options);
    } catch (error) {
      if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') throw new CoreError('BACKUP_INVALID', error.message);
      throw error;
    }
    check.audit('vault.restored', { from: backup });
    check.lock();

    let previousVaultMovedTo: string | null = null;
    if (fs.existsSync(target)) {
      previousVaultMovedTo = `${target}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const pairs: Array<[string, string]> = [
        [target, previousVaultMovedTo],
        [keyFilePathFor(target), keyFilePathFor(previousVaultMovedTo)],
        ...sidecarPathsFor(target).map((sidecar, index): [string, string] => [sidecar, sidecarPathsFor(previousVaultMovedTo!)[index]!]),
      ];
      for (const [from, to] of pairs) {
        if (!fs.existsSync(from)) continue;
        fs.renameSync(from, to);
        movedAside.push([from, to]);
      }
    }
    commitVaultPair(temporaryDatabase, temporaryKeyFile, target);
    syncDirectory(path.dirname(target));
    return { path: target, previousVaultMovedTo };
  } catch (error) {
    removeTemporaryPair(temporaryDatabase, temporaryKeyFile);
    // Put the old vault back where it was, newest move first.
    for (const [from, to] of movedAside.reverse()) {
      try {
        fs.renameSync(to, from);
      } catch {
        // Left under its .voor-herstel name: still intact, and the error below says what failed.
      }
    }
    throw toCoreError(error, 'restore', target);
  } finally {
    processLock.release();
  }
}
