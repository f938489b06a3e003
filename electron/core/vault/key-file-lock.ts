import { setTimeout as sleep } from 'node:timers/promises';
import { CoreError } from '../kernel/errors';
import { keyFilePathFor } from './key-file';
import { lockFilePathFor, ProcessLock } from './process-lock';

/**
 * A credential check reads the attempt counter, runs Argon2id (up to a second) and writes the
 * counter back. Processes that do this side by side all read the same count, all pass the wait and
 * overwrite each other's increment, so the throttle would hold only within one process. A lock file
 * beside the key file (`<vault>.keys.lock`: the same O_EXCL lock as the vault's own, with its
 * takeover of a crashed owner's lock) makes every attempt, from any process, wait its turn.
 */
export function keyFileLockPathFor(vaultPath: string): string {
  return lockFilePathFor(keyFilePathFor(vaultPath));
}

/** Long enough for a queue of attempts at a second each; a live owner never holds it longer than one. */
export const KEY_FILE_LOCK_TIMEOUT_MS = 60_000;
const RETRY_INTERVAL_MS = 20;

/**
 * Run `work` holding the key-file lock, waiting for it while another attempt (in this process or
 * another) holds it. Where no lock file can be made (a read-only folder) no process can write the
 * counter either, so the work runs without one.
 */
export async function withKeyFileLock<T>(vaultPath: string, work: () => Promise<T>, timeoutMs = KEY_FILE_LOCK_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lock: ProcessLock | null = null;
  for (;;) {
    try {
      lock = ProcessLock.acquire(keyFilePathFor(vaultPath));
      break;
    } catch (error) {
      if (error instanceof CoreError && error.code === 'PERMISSION_DENIED') break;
      if (!(error instanceof CoreError && error.code === 'VAULT_IN_USE') || Date.now() >= deadline) throw error;
      await sleep(RETRY_INTERVAL_MS);
    }
  }
  try {
    return await work();
  } finally {
    lock?.release();
  }
}
