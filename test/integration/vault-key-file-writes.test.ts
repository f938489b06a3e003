import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyFileLockPathFor } from '../../electron/core/vault/key-file-lock';
import { keyFilePathFor, readKeyFile, writeKeyFile } from '../../electron/core/vault/key-file';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

/**
 * Every write of the key file happens inside the key-file lock (vault/key-file-lock.ts), the lock
 * that makes another process's unlock attempt read, check and write the counter one at a time.
 * A passphrase change or key rotation that wrote outside it could be overwritten by a concurrent
 * attempt's counter update, made from a stale copy: the new passphrase slot would be lost.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

/** For each write of the key file (its atomic rename into place): whether the lock file was there. */
function watchKeyFileWrites(vaultPath: string): Array<{ locked: boolean }> {
  const writes: Array<{ locked: boolean }> = [];
  const rename = fs.renameSync;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (String(to) === keyFilePathFor(vaultPath)) writes.push({ locked: fs.existsSync(keyFileLockPathFor(vaultPath)) });
    rename(from, to);
  });
  return writes;
}

async function createVault() {
  const vaultPath = path.join(makeTempFolder(), 'Werkbestand.kluis');
  const { vault } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'Test Gebruiker' }, FAST_VAULT_OPTIONS);
  return { vaultPath, vault };
}

describe('key-file writes hold the key-file lock', () => {
  it('a passphrase change writes the new slot inside the lock', async () => {
    const { vaultPath, vault } = await createVault();
    const writes = watchKeyFileWrites(vaultPath);
    await vault.changePassphrase(TEST_PASSPHRASE, 'een heel nieuw wachtwoord');
    vault.lock();
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((write) => !write.locked)).toEqual([]);
    expect(fs.existsSync(keyFileLockPathFor(vaultPath))).toBe(false);
    (await Vault.unlock(vaultPath, { passphrase: 'een heel nieuw wachtwoord' }, FAST_VAULT_OPTIONS)).lock();
  });

  it('a key rotation writes each of its steps inside the lock', async () => {
    const { vaultPath, vault } = await createVault();
    const writes = watchKeyFileWrites(vaultPath);
    await vault.rotateKey(TEST_PASSPHRASE);
    vault.lock();
    // Pending slots, current slots, pending recovery slot, current recovery slot.
    expect(writes.length).toBeGreaterThanOrEqual(4);
    expect(writes.filter((write) => !write.locked)).toEqual([]);
    expect(fs.existsSync(keyFileLockPathFor(vaultPath))).toBe(false);
    (await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS)).lock();
  });

  it('the repairs at unlock (recovery slot, finished rotation) write inside the lock', async () => {
    const { vaultPath, vault } = await createVault();
    vault.lock();
    // A rotation killed between its steps: the recovery slot no longer fits the secret inside.
    const keyFile = readKeyFile(vaultPath);
    writeKeyFile(vaultPath, { ...keyFile, slots: { ...keyFile.slots, recovery: { ...keyFile.slots.passphrase } } });
    const writes = watchKeyFileWrites(vaultPath);
    (await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS)).lock();
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((write) => !write.locked)).toEqual([]);
  });
});
