import fs from 'node:fs';
import os from 'node:os';
import { CoreError, fromFileSystemError } from '../errors';

/**
 * One process per vault. The lock is a file created with O_EXCL beside the vault, holding the
 * owner's pid and host. A lock whose process is gone (on this host) is stale and taken over, so a
 * crash never locks the user out.
 */
export const LOCK_FILE_SUFFIX = '.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  acquiredAt: string;
}

export function lockFilePathFor(vaultPath: string): string {
  return vaultPath + LOCK_FILE_SUFFIX;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') return owner as LockOwner;
    return null;
  } catch {
    return null;
  }
}

function isStale(owner: LockOwner | null): boolean {
  // An unreadable lock is a crash during its own creation; a lock from another host (a shared
  // folder) cannot be checked and is respected.
  if (!owner) return true;
  if (owner.hostname !== os.hostname()) return false;
  if (owner.pid === process.pid) return false;
  return !isProcessAlive(owner.pid);
}

export class ProcessLock {
  private released = false;
  private constructor(readonly lockPath: string) {}

  static acquire(vaultPath: string): ProcessLock {
    const lockPath = lockFilePathFor(vaultPath);
    const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), acquiredAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
        return new ProcessLock(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fromFileSystemError(error, 'create lock');
      }
      const existing = readOwner(lockPath);
      if (!isStale(existing)) {
        throw new CoreError('VAULT_IN_USE', `vault in use by pid ${existing?.pid} on ${existing?.hostname}`, {
          pid: existing?.pid ?? null,
        });
      }
      // Take over a stale lock: remove it and race for a fresh one; the O_EXCL create decides.
      fs.rmSync(lockPath, { force: true });
    }
    throw new CoreError('VAULT_IN_USE', 'vault lock contended');
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const owner = readOwner(this.lockPath);
    if (owner && owner.pid === process.pid && owner.hostname === os.hostname()) fs.rmSync(this.lockPath, { force: true });
  }
}
