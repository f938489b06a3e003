import { CoreError } from '../kernel/errors';
import { openEncryptedDatabase, type Connection, type ConnectionOptions } from './connection';
import { deriveKeyEncryptionKey } from './kdf';
import { withKeyFileLock } from './key-file-lock';
import {
  readKeyFile,
  recoveryKeyEncryptionKey,
  remainingWaitSeconds,
  unwrapKey,
  updateKeyFile,
  waitSecondsAfter,
  type KeyFile,
  type KeySlotName,
  type KeySlots,
} from './key-file';
import { parseRecoveryKey } from './recovery-key';
import { isReadOnlyLocation } from './vault-files';

export type VaultCredential = { passphrase: string } | { recoveryKey: string };

/** A database key that a credential unwrapped, with the key-file slots it came from. */
export interface KeyCandidate {
  key: Buffer;
  slots: KeySlots;
}

export function slotFor(credential: VaultCredential): KeySlotName {
  return 'passphrase' in credential ? 'passphrase' : 'recovery';
}

/** The key-encryption key for one credential, or a WRONG_RECOVERY_KEY error for a malformed recovery key. */
async function keyEncryptionKeyFor(credential: VaultCredential, keyFile: KeyFile): Promise<Buffer> {
  if ('passphrase' in credential) return deriveKeyEncryptionKey(credential.passphrase, keyFile.kdf);
  const secret = parseRecoveryKey(credential.recoveryKey);
  if (!secret) throw new CoreError('WRONG_RECOVERY_KEY', 'recovery key malformed (checksum)');
  try {
    return recoveryKeyEncryptionKey(secret, keyFile.vaultId);
  } finally {
    secret.fill(0);
  }
}

export function wipeCandidates(candidates: KeyCandidate[], keep?: Buffer): void {
  for (const candidate of candidates) if (candidate.key !== keep) candidate.key.fill(0);
}

/**
 * One attempt with a credential, throttled and counted: after five wrong tries in a row each
 * further try waits longer, and the count lives in the key file so that a restart does not reset
 * it. `check` returns null when the credential is wrong; what it throws (a malformed recovery key,
 * a locked vault) is not counted. The whole attempt holds the key-file lock, so that attempts from
 * other processes are counted one by one and see each other's count. Every check of a passphrase
 * or recovery key goes through here, in a session as well as at unlock.
 */
export async function throttledAttempt<T>(
  vaultPath: string,
  slot: KeySlotName,
  now: () => Date,
  check: (keyFile: KeyFile) => Promise<T | null>,
): Promise<{ keyFile: KeyFile; result: T }> {
  // A missing or damaged key file is reported as such before any lock file is made beside it.
  readKeyFile(vaultPath);
  return withKeyFileLock(vaultPath, async () => {
    const keyFile = readKeyFile(vaultPath);
    const wait = remainingWaitSeconds(keyFile, now());
    if (wait > 0) {
      throw new CoreError('TOO_MANY_ATTEMPTS', `wait ${wait} s before the next attempt`, {
        retryAfterSeconds: wait,
        failedAttempts: keyFile.failedAttempts.count,
      });
    }
    const result = await check(keyFile);
    if (result === null) {
      const updated = updateUnlessReadOnly(vaultPath, (fresh) => ({
        ...fresh,
        failedAttempts: { count: fresh.failedAttempts.count + 1, lastFailureAt: now().toISOString() },
      }));
      const count = updated.failedAttempts.count;
      throw new CoreError(slot === 'passphrase' ? 'WRONG_PASSPHRASE' : 'WRONG_RECOVERY_KEY', `${slot} does not unlock this vault`, {
        failedAttempts: count,
        retryAfterSeconds: waitSecondsAfter(count),
      });
    }
    if (keyFile.failedAttempts.count > 0) {
      updateUnlessReadOnly(vaultPath, (fresh) => ({ ...fresh, failedAttempts: { count: 0, lastFailureAt: null } }));
    }
    return { keyFile, result };
  });
}

/**
 * The counter cannot be written on read-only media: the attempt is still answered (a wrong
 * passphrase is wrong, not "no access"), uncounted. Whoever holds such media can copy them and
 * reset the counter anyway; the throttle protects a vault where it can be kept.
 */
function updateUnlessReadOnly(vaultPath: string, change: (current: KeyFile) => KeyFile): KeyFile {
  try {
    return updateKeyFile(vaultPath, change);
  } catch (error) {
    // Only where nothing can be written: a writable vault whose key file cannot be written must
    // not let every wrong guess go uncounted without a word.
    if (error instanceof CoreError && error.code === 'PERMISSION_DENIED' && isReadOnlyLocation(vaultPath)) return readKeyFile(vaultPath);
    throw error;
  }
}

/**
 * Check a credential against the key file (throttledAttempt). Returns every database key the
 * credential unwraps: the current one and, after an interrupted rotation, the pending one.
 */
export async function unwrapWithCredential(vaultPath: string, credential: VaultCredential, now: () => Date): Promise<{ keyFile: KeyFile; candidates: KeyCandidate[] }> {
  const slot = slotFor(credential);
  const { keyFile, result: candidates } = await throttledAttempt(vaultPath, slot, now, async (keyFile) => {
    // A malformed recovery key (checksum) throws here and is not counted: it is a typo, not a guess.
    const kek = await keyEncryptionKeyFor(credential, keyFile);
    const found: KeyCandidate[] = [];
    try {
      for (const slots of [keyFile.slots, keyFile.pendingRotation]) {
        const key = slots ? unwrapKey(kek, slots[slot], keyFile.vaultId, slot) : null;
        if (key && slots) found.push({ key, slots });
      }
    } finally {
      kek.fill(0);
    }
    return found.length > 0 ? found : null;
  });
  return { keyFile, candidates };
}

/**
 * Open the database with whichever candidate key fits. After an interrupted rotation the file is
 * under the old key (rekey rolled back) or the new one (rekey done, key file not yet final); the
 * key file is brought in line with the file either way: the slots that opened it become current.
 * Call with the vault's process lock held.
 */
export function openWithCandidates(vaultPath: string, candidates: KeyCandidate[], options: ConnectionOptions): { db: Connection; key: Buffer } {
  // Read-only media: the key file stays as it is; the key that opens the file is used all the same.
  let lastError: unknown;
  for (const candidate of candidates) {
    let db: Connection;
    try {
      db = openEncryptedDatabase(vaultPath, candidate.key, options);
    } catch (error) {
      lastError = error;
      if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') continue;
      break;
    }
    try {
      if (!options.readOnly)
        updateKeyFile(vaultPath, (fresh) =>
          fresh.pendingRotation === null && JSON.stringify(fresh.slots) === JSON.stringify(candidate.slots)
            ? fresh
            : { ...fresh, slots: candidate.slots, pendingRotation: null },
        );
    } catch (error) {
      db.close();
      wipeCandidates(candidates);
      throw error;
    }
    wipeCandidates(candidates, candidate.key);
    return { db, key: candidate.key };
  }
  wipeCandidates(candidates);
  throw lastError;
}
