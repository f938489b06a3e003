import fs from 'node:fs';
import os from 'node:os';
import { CoreError, fromFileSystemError } from '../kernel/errors';
import { temporarySiblingPath } from '../kernel/atomic-write';

/**
 * One process per vault. The lock is a file created with O_EXCL beside the vault, holding the
 * owner's pid, host and boot time. A lock whose process is gone (on this host, since this boot)
 * is stale and taken over, so a crash never locks the user out.
 */
export const LOCK_FILE_SUFFIX = '.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  /** When this machine booted (minute precision): a lock from before a reboot is stale whatever its pid. */
  bootedAt: string;
  acquiredAt: string;
}

/** A lock file without a readable owner is one being written, or a crash while writing it. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;
/** os.uptime() has second precision and the clock may be adjusted; reboots are minutes apart. */
const BOOT_TIME_TOLERANCE_MS = 120_000;

export function lockFilePathFor(vaultPath: string): string {
  return vaultPath + LOCK_FILE_SUFFIX;
}

function bootTime(): Date {
  return new Date(Math.round((Date.now() - os.uptime() * 1000) / 60_000) * 60_000);
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
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string' && typeof owner.bootedAt === 'string') return owner as LockOwner;
    return null;
  } catch {
    return null;
  }
}

function isStale(lockPath: string, owner: LockOwner | null): boolean {
  if (!owner) {
    const modified = fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    return Date.now() - modified > UNREADABLE_LOCK_GRACE_MS;
  }
  // A lock from another host (a shared folder) cannot be checked and is respected.
  if (owner.hostname !== os.hostname()) return false;
  if (Math.abs(Date.parse(owner.bootedAt) - bootTime().getTime()) > BOOT_TIME_TOLERANCE_MS) return true;
  if (owner.pid === process.pid) return false;
  return !isProcessAlive(owner.pid);
}

function newOwner(): LockOwner {
  return { pid: process.pid, hostname: os.hostname(), bootedAt: bootTime().toISOString(), acquiredAt: new Date().toISOString() };
}

function isOurs(owner: LockOwner | null, ours: LockOwner): boolean {
  return owner !== null && owner.pid === ours.pid && owner.hostname === ours.hostname && owner.acquiredAt === ours.acquiredAt;
}

export class ProcessLock {
  private released = false;
  private constructor(
    readonly lockPath: string,
    private readonly owner: LockOwner,
  ) {}

  static acquire(vaultPath: string): ProcessLock {
    const lockPath = lockFilePathFor(vaultPath);
    const owner = newOwner();
    try {
      fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
      return new ProcessLock(lockPath, owner);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fromFileSystemError(error, 'create lock');
    }
    const existing = readOwner(lockPath);
    if (!isStale(lockPath, existing)) {
      throw new CoreError('VAULT_IN_USE', `vault in use by pid ${existing?.pid} on ${existing?.hostname}`, { pid: existing?.pid ?? null });
    }
    // Take over a stale lock by renaming a complete lock file over it (atomic), then read it back:
    // of two processes racing for the same stale lock, the one whose file is there has it.
    const temporary = temporarySiblingPath(lockPath);
    fs.writeFileSync(temporary, JSON.stringify(owner), { mode: 0o600 });
    fs.renameSync(temporary, lockPath);
    if (!isOurs(readOwner(lockPath), owner)) throw new CoreError('VAULT_IN_USE', 'vault lock taken by another process');
    return new ProcessLock(lockPath, owner);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    if (isOurs(readOwner(this.lockPath), this.owner)) fs.rmSync(this.lockPath, { force: true });
  }
}
