import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreError } from '../../electron/core/kernel/errors';
import { ProcessLock, lockFilePathFor } from '../../electron/core/vault/process-lock';
import { makeTempFolder } from '../support/temp-vault';

/** A lock file as another process left it; `null` writes an empty one (a crash while creating it). */
function writeLock(vaultPath: string, owner: Record<string, unknown> | null, ageMs = 0): void {
  const lockPath = lockFilePathFor(vaultPath);
  fs.writeFileSync(lockPath, owner === null ? '' : JSON.stringify(owner));
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(lockPath, when, when);
}

function expectInUse(vaultPath: string): void {
  try {
    ProcessLock.acquire(vaultPath);
  } catch (error) {
    expect((error as CoreError).code).toBe('VAULT_IN_USE');
    return;
  }
  throw new Error('expected VAULT_IN_USE');
}

const bootedAt = () => new Date(Math.round((Date.now() - os.uptime() * 1000) / 60_000) * 60_000).toISOString();

describe('the per-vault process lock', () => {
  it('respects a live process on this host and a lock from another host', () => {
    const vaultPath = path.join(makeTempFolder(), 'v.kluis');
    // The parent of this test process is alive for as long as the test runs.
    writeLock(vaultPath, { pid: process.ppid, hostname: os.hostname(), bootedAt: bootedAt(), acquiredAt: new Date().toISOString() });
    expectInUse(vaultPath);
    writeLock(vaultPath, { pid: 1, hostname: 'andere-laptop', bootedAt: bootedAt(), acquiredAt: new Date().toISOString() });
    expectInUse(vaultPath);
  });

  it('takes over a lock from before the last reboot, even when its pid is in use again', () => {
    const vaultPath = path.join(makeTempFolder(), 'v.kluis');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    writeLock(vaultPath, { pid: process.ppid, hostname: os.hostname(), bootedAt: yesterday, acquiredAt: yesterday });
    const lock = ProcessLock.acquire(vaultPath);
    expect(JSON.parse(fs.readFileSync(lockFilePathFor(vaultPath), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);
  });

  it('waits for an unreadable lock that is fresh (being written), takes over an old one', () => {
    const vaultPath = path.join(makeTempFolder(), 'v.kluis');
    writeLock(vaultPath, null, 0);
    expectInUse(vaultPath);
    writeLock(vaultPath, null, 60_000);
    ProcessLock.acquire(vaultPath).release();
  });

  it('releasing does not remove a lock that another process has taken since', () => {
    const vaultPath = path.join(makeTempFolder(), 'v.kluis');
    const lock = ProcessLock.acquire(vaultPath);
    const other = { pid: process.ppid, hostname: os.hostname(), bootedAt: bootedAt(), acquiredAt: new Date().toISOString() };
    writeLock(vaultPath, other);
    lock.release();
    expect(JSON.parse(fs.readFileSync(lockFilePathFor(vaultPath), 'utf8'))).toEqual(other);
  });
});
