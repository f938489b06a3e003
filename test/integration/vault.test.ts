import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/kernel/errors';
import { keyFileLockPathFor } from '../../electron/core/vault/key-file-lock';
import { keyFilePathFor, readKeyFile, recoveryKeyEncryptionKey, wrapKey, writeKeyFile } from '../../electron/core/vault/key-file';
import { lockFilePathFor } from '../../electron/core/vault/process-lock';
import { parseRecoveryKey } from '../../electron/core/vault/recovery-key';
import { restoreVault } from '../../electron/core/vault/restore';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { makeFifo, timed } from './support/special-files';

async function createTestVault(folder = makeTempFolder()) {
  const vaultPath = path.join(folder, 'Werkbestand.kluis');
  const { vault, recoveryKey } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'Test Gebruiker' }, FAST_VAULT_OPTIONS);
  return { folder, vaultPath, vault, recoveryKey };
}

async function expectCode(promise: Promise<unknown> | (() => unknown), code: string): Promise<CoreError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe(code);
    return error as CoreError;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Open the file the way any SQLCipher 4 tool would: raw key, SQLCipher 4 defaults, no Dossierkluis code. */
function openLikeSqlcipherTool(vaultPath: string, hexKey: string) {
  const db = new Database(vaultPath, { fileMustExist: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${hexKey}'"`);
  return db;
}

describe('vault lifecycle', () => {
  it('creates, locks and unlocks, keeping what was written', async () => {
    const { vaultPath, vault } = await createTestVault();
    expect(vault.status()).toEqual({
      state: 'unlocked',
      path: vaultPath,
      name: 'Werkbestand',
      displayName: 'Test Gebruiker',
      integrity: { state: 'not-run', checkedAt: null },
    });
    vault.updateSettings({ autoLockMinutes: 17 });
    vault.lock();
    expect(vault.isOpen).toBe(false);
    expect(() => vault.settings()).toThrow(CoreError);
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);

    const again = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(again.settings().autoLockMinutes).toBe(17);
    expect(again.auditTrail().map((entry) => entry.action)).toEqual(['vault.unlocked', 'vault.locked', 'settings.updated', 'vault.created']);
    again.lock();
  });

  it('writes a standard SQLCipher 4 file that opens with the raw key and nothing else', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.lock();
    expect(fs.readFileSync(vaultPath).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    if (process.platform !== 'win32') {
      expect(fs.statSync(vaultPath).mode & 0o777).toBe(0o600);
      expect(fs.statSync(`${vaultPath}.keys`).mode & 0o777).toBe(0o600);
    }
    const hexKey = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(hexKey).toMatch(/^[0-9a-f]{64}$/);
    const db = openLikeSqlcipherTool(vaultPath, hexKey);
    expect(db.prepare("SELECT value FROM vault_meta WHERE key = 'display_name'").pluck().get()).toBe('Test Gebruiker');
    db.close();
    const wrong = openLikeSqlcipherTool(vaultPath, 'ab'.repeat(32));
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    wrong.close();
  });

  it('refuses a passphrase shorter than 12 characters and an existing file', async () => {
    const folder = makeTempFolder();
    await expectCode(Vault.create(path.join(folder, 'a.kluis'), { passphrase: 'kort', displayName: 'X' }, FAST_VAULT_OPTIONS), 'WEAK_PASSPHRASE');
    expect(fs.readdirSync(folder)).toEqual([]);
    const { vaultPath, vault } = await createTestVault(folder);
    vault.lock();
    await expectCode(Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'X' }, FAST_VAULT_OPTIONS), 'VAULT_EXISTS');
    const { vault: named } = await Vault.create(path.join(folder, 'zonder-extensie'), { passphrase: TEST_PASSPHRASE, displayName: 'X' }, FAST_VAULT_OPTIONS);
    expect(named.path).toBe(path.join(folder, 'zonder-extensie.kluis'));
    named.lock();
  });
});

describe('passphrase and recovery key', () => {
  it('a wrong passphrase changes nothing in the vault and says WRONG_PASSPHRASE', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.lock();
    const before = sha256(vaultPath);
    const error = await expectCode(Vault.unlock(vaultPath, { passphrase: 'dit is het niet!' }, FAST_VAULT_OPTIONS), 'WRONG_PASSPHRASE');
    expect(error.details?.failedAttempts).toBe(1);
    expect(sha256(vaultPath)).toBe(before);
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);
  });

  it('after five wrong tries in a row each further try waits longer, also after a restart', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.lock();
    let now = new Date('2026-11-28T10:00:00Z');
    const options = { ...FAST_VAULT_OPTIONS, now: () => now };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expectCode(Vault.unlock(vaultPath, { passphrase: `fout wachtwoord ${attempt}` }, options), 'WRONG_PASSPHRASE');
    }
    // The count is in the key file: a new process sees it too. Even the right passphrase must wait.
    expect(readKeyFile(vaultPath).failedAttempts.count).toBe(5);
    const wait = await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, options), 'TOO_MANY_ATTEMPTS');
    expect(wait.details?.retryAfterSeconds).toBe(1);

    now = new Date(now.getTime() + 1_000);
    await expectCode(Vault.unlock(vaultPath, { passphrase: 'nog steeds fout' }, options), 'WRONG_PASSPHRASE');
    const longer = await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, options), 'TOO_MANY_ATTEMPTS');
    expect(longer.details?.retryAfterSeconds).toBe(2);

    now = new Date(now.getTime() + 2_000);
    const opened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, options);
    expect(readKeyFile(vaultPath).failedAttempts).toEqual({ count: 0, lastFailureAt: null });
    opened.lock();
  });

  it('wrong guesses made side by side wait for each other: each sees the count of the one before', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.lock();
    // A stopped clock: the one-second wait after the fifth guess must not run out on a loaded machine.
    const stopped = new Date();
    const options = { ...FAST_VAULT_OPTIONS, now: () => new Date(stopped) };
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, index) => Vault.unlock(vaultPath, { passphrase: `gok ${index} is fout` }, options).catch((error: unknown) => error)),
    );
    const codes = guesses.map((guess) => (guess instanceof CoreError ? guess.code : 'opened')).sort();
    expect(codes).toEqual([...Array(3).fill('TOO_MANY_ATTEMPTS'), ...Array(5).fill('WRONG_PASSPHRASE')]);
    expect(readKeyFile(vaultPath).failedAttempts.count).toBe(5);
    expect(fs.existsSync(keyFileLockPathFor(vaultPath))).toBe(false);
  });

  it('unlocks with the recovery key; a wrong one is refused, a typo is not counted', async () => {
    const { vaultPath, vault, recoveryKey } = await createTestVault();
    vault.lock();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);

    const opened = await Vault.unlock(vaultPath, { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') }, FAST_VAULT_OPTIONS);
    opened.lock();

    const typo = recoveryKey.slice(0, 20) + (recoveryKey[20] === 'A' ? 'B' : 'A') + recoveryKey.slice(21);
    await expectCode(Vault.unlock(vaultPath, { recoveryKey: typo }, FAST_VAULT_OPTIONS), 'WRONG_RECOVERY_KEY');
    expect(readKeyFile(vaultPath).failedAttempts.count).toBe(0);

    const other = await createTestVault();
    other.vault.lock();
    await expectCode(Vault.unlock(vaultPath, { recoveryKey: other.recoveryKey }, FAST_VAULT_OPTIONS), 'WRONG_RECOVERY_KEY');
    expect(readKeyFile(vaultPath).failedAttempts.count).toBe(1);
  });

  it('shows the recovery key again only after the passphrase', async () => {
    const { vault, recoveryKey } = await createTestVault();
    await expectCode(vault.recoveryKey('verkeerd wachtwoord'), 'WRONG_PASSPHRASE');
    expect(await vault.recoveryKey(TEST_PASSPHRASE)).toBe(recoveryKey);
    vault.lock();
  });

  it('passphrase checks inside a session share the throttle and counter of unlock, and each refusal is in the trail', async () => {
    const { vaultPath, vault } = await createTestVault();
    let now = new Date('2026-11-28T10:00:00Z');
    const options = { ...FAST_VAULT_OPTIONS, now: () => now };
    vault.lock();
    const opened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, options);
    const refusals = [
      () => opened.recoveryKey('fout 1 bij de herstelsleutel'),
      () => opened.changePassphrase('fout 2 bij het wijzigen', 'nieuw lang wachtwoord 2026'),
      () => opened.rotateKey('fout 3 bij het vernieuwen'),
      () => opened.recoveryKey('fout 4 bij de herstelsleutel'),
      () => opened.changePassphrase('fout 5 bij het wijzigen', 'nieuw lang wachtwoord 2026'),
    ];
    for (const [index, refuse] of refusals.entries()) {
      const error = await expectCode(refuse, 'WRONG_PASSPHRASE');
      expect(error.details).toEqual({ failedAttempts: index + 1, retryAfterSeconds: index + 1 < 5 ? 0 : 1 });
      expect(readKeyFile(vaultPath).failedAttempts.count).toBe(index + 1);
    }
    // Even the right passphrase waits now, as at unlock.
    const wait = await expectCode(() => opened.recoveryKey(TEST_PASSPHRASE), 'TOO_MANY_ATTEMPTS');
    expect(wait.details?.retryAfterSeconds).toBe(1);
    const refused = opened.auditTrail(20, undefined, ['vault.passphrase-refused']).map((entry) => entry.details);
    expect(refused.reverse()).toEqual([
      { purpose: 'recovery-key', failedAttempts: 1 },
      { purpose: 'passphrase-change', failedAttempts: 2 },
      { purpose: 'key-rotation', failedAttempts: 3 },
      { purpose: 'recovery-key', failedAttempts: 4 },
      { purpose: 'passphrase-change', failedAttempts: 5 },
    ]);
    opened.lock();
    // The count is the one unlock uses.
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, options), 'TOO_MANY_ATTEMPTS');
    now = new Date(now.getTime() + 1_000);
    const again = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, options);
    expect(readKeyFile(vaultPath).failedAttempts.count).toBe(0);
    await expectCode(() => again.recoveryKey('weer fout'), 'WRONG_PASSPHRASE');
    expect(await again.recoveryKey(TEST_PASSPHRASE)).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    expect(readKeyFile(vaultPath).failedAttempts).toEqual({ count: 0, lastFailureAt: null });
    again.lock();
  });

  it('change passphrase rewraps the key: the old one stops working, data stays', async () => {
    const { vaultPath, vault, recoveryKey } = await createTestVault();
    vault.updateSettings({ language: 'en' });
    await expectCode(vault.changePassphrase('niet het huidige wachtwoord', 'nieuw lang wachtwoord 2026'), 'WRONG_PASSPHRASE');
    await expectCode(vault.changePassphrase(TEST_PASSPHRASE, 'te kort'), 'WEAK_PASSPHRASE');
    await vault.changePassphrase(TEST_PASSPHRASE, 'nieuw lang wachtwoord 2026');
    vault.lock();
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'WRONG_PASSPHRASE');
    const opened = await Vault.unlock(vaultPath, { passphrase: 'nieuw lang wachtwoord 2026' }, FAST_VAULT_OPTIONS);
    expect(opened.settings().language).toBe('en');
    opened.lock();
    (await Vault.unlock(vaultPath, { recoveryKey }, FAST_VAULT_OPTIONS)).lock();
  });
});

describe('key rotation', () => {
  it('re-encrypts the file under a new key and issues a new recovery key; the passphrase stays', async () => {
    const { vaultPath, vault, recoveryKey } = await createTestVault();
    const oldKey = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    vault.database.exec('CREATE TABLE sample (value TEXT) STRICT');
    vault.database.prepare('INSERT INTO sample VALUES (?)').run('blijft bewaard');
    await expectCode(vault.rotateKey('verkeerd wachtwoord'), 'WRONG_PASSPHRASE');
    const { recoveryKey: newRecoveryKey } = await vault.rotateKey(TEST_PASSPHRASE);
    expect(newRecoveryKey).not.toBe(recoveryKey);
    expect(vault.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(vault.database.prepare('SELECT value FROM sample').pluck().get()).toBe('blijft bewaard');
    expect(await vault.recoveryKey(TEST_PASSPHRASE)).toBe(newRecoveryKey);
    vault.lock();

    const newKey = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(newKey).not.toBe(oldKey);
    const withOldKey = openLikeSqlcipherTool(vaultPath, oldKey);
    expect(() => withOldKey.prepare('SELECT count(*) FROM sample').get()).toThrow();
    withOldKey.close();
    // The old recovery key was stored under the old key: it must not open the vault any more.
    await expectCode(Vault.unlock(vaultPath, { recoveryKey }, FAST_VAULT_OPTIONS), 'WRONG_RECOVERY_KEY');
    const opened = await Vault.unlock(vaultPath, { recoveryKey: newRecoveryKey }, FAST_VAULT_OPTIONS);
    expect(opened.database.prepare('SELECT value FROM sample').pluck().get()).toBe('blijft bewaard');
    expect(readKeyFile(vaultPath).pendingRotation).toBeNull();
    opened.lock();
  });

  it('a recovery-key renewal interrupted after the new secret was stored lets the old recovery key in once', async () => {
    const { vaultPath, vault, recoveryKey } = await createTestVault();
    const { recoveryKey: newRecoveryKey } = await vault.rotateKey(TEST_PASSPHRASE);
    vault.lock();
    // The state between "secret stored" and "slot current": the current slot still wraps the key
    // under the old recovery secret, the new slot is pending, the secret inside is the new one.
    const databaseKey = Buffer.from(await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'hex');
    const final = readKeyFile(vaultPath);
    const oldRecoveryKek = recoveryKeyEncryptionKey(parseRecoveryKey(recoveryKey)!, final.vaultId);
    writeKeyFile(vaultPath, {
      ...final,
      slots: { ...final.slots, recovery: wrapKey(oldRecoveryKek, databaseKey, final.vaultId, 'recovery') },
      pendingRotation: final.slots,
    });

    const opened = await Vault.unlock(vaultPath, { recoveryKey }, FAST_VAULT_OPTIONS);
    expect(await opened.recoveryKey(TEST_PASSPHRASE)).toBe(newRecoveryKey);
    opened.lock();
    expect(readKeyFile(vaultPath).pendingRotation).toBeNull();
    await expectCode(Vault.unlock(vaultPath, { recoveryKey }, FAST_VAULT_OPTIONS), 'WRONG_RECOVERY_KEY');
    (await Vault.unlock(vaultPath, { recoveryKey: newRecoveryKey }, FAST_VAULT_OPTIONS)).lock();
  });

  it('recovers from a rotation interrupted after the rekey, before the key file was final', async () => {
    const { vaultPath, vault } = await createTestVault();
    const beforeRotation = readKeyFile(vaultPath);
    await vault.rotateKey(TEST_PASSPHRASE);
    vault.lock();
    const afterRotation = readKeyFile(vaultPath);
    // The state a crash between `PRAGMA rekey` and the last key-file write leaves behind.
    writeKeyFile(vaultPath, { ...beforeRotation, pendingRotation: afterRotation.slots });
    const opened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    opened.lock();
    const repaired = readKeyFile(vaultPath);
    expect(repaired.slots).toEqual(afterRotation.slots);
    expect(repaired.pendingRotation).toBeNull();
  });

  it('recovers from a rotation interrupted before the rekey took effect', async () => {
    const { vaultPath, vault } = await createTestVault();
    const current = readKeyFile(vaultPath);
    // Pending slots for a key the file was never rekeyed to: the current key still opens it.
    writeKeyFile(vaultPath, { ...current, pendingRotation: current.slots });
    vault.lock();
    const opened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    opened.lock();
    expect(readKeyFile(vaultPath).pendingRotation).toBeNull();
    expect(readKeyFile(vaultPath).slots).toEqual(current.slots);
  });
});

describe('refusals that leave the vault untouched', () => {
  it('refuses a vault from a newer version with VAULT_TOO_NEW, byte for byte unchanged', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.lock();
    const hexKey = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    const raw = openLikeSqlcipherTool(vaultPath, hexKey);
    raw.pragma('user_version = 999');
    raw.close();
    const before = { db: sha256(vaultPath), keys: sha256(keyFilePathFor(vaultPath)) };
    const error = await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'VAULT_TOO_NEW');
    expect(error.details?.vaultVersion).toBe(999);
    expect({ db: sha256(vaultPath), keys: sha256(keyFilePathFor(vaultPath)) }).toEqual(before);
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);
  });

  it('reports a damaged database file as VAULT_CORRUPT instead of crashing', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.database.exec('CREATE TABLE filler (value TEXT) STRICT');
    const insert = vault.database.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('vulling '.repeat(100));
    vault.lock();
    const bytes = fs.readFileSync(vaultPath);
    crypto.randomFillSync(bytes, 4096 * 3, 4096); // scramble one page in the middle
    fs.writeFileSync(vaultPath, bytes);
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'VAULT_CORRUPT');
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);

    fs.writeFileSync(vaultPath, bytes.subarray(0, 100)); // truncated
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'VAULT_CORRUPT');
  });

  it('refuses an empty vault file beside its key file with VAULT_CORRUPT, leaving it as it was', async () => {
    const { folder, vaultPath, vault } = await createTestVault();
    vault.lock();
    // An empty file is a valid empty SQLite database: opened as is, it would be migrated into a fresh vault.
    fs.writeFileSync(vaultPath, '');
    fs.chmodSync(vaultPath, 0o644);
    const filesBefore = fs.readdirSync(folder).sort();
    const keysBefore = sha256(keyFilePathFor(vaultPath));
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'VAULT_CORRUPT');
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'VAULT_CORRUPT');
    expect(fs.statSync(vaultPath).size).toBe(0);
    expect(fs.statSync(vaultPath).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(folder).sort()).toEqual(filesBefore);
    expect(sha256(keyFilePathFor(vaultPath))).toBe(keysBefore);

    // Nor is a missing one created beside its key file.
    fs.rmSync(vaultPath);
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'VAULT_NOT_FOUND');
    expect(fs.existsSync(vaultPath)).toBe(false);
  });

  it('refuses a file under the right key that holds no vault (no schema) without migrating it', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.lock();
    const hexKey = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    // What a vault is before its first migration: SQLCipher pages under its key, user_version 0, no tables.
    fs.writeFileSync(vaultPath, '');
    const raw = openLikeSqlcipherTool(vaultPath, hexKey);
    raw.exec('CREATE TABLE tijdelijk (x TEXT); DROP TABLE tijdelijk;');
    raw.close();
    expect(fs.statSync(vaultPath).size).toBeGreaterThan(0);
    const before = sha256(vaultPath);
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'VAULT_CORRUPT');
    expect(sha256(vaultPath)).toBe(before);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO as the backup to restore at once, naming it', async () => {
    const { folder, vaultPath, vault } = await createTestVault();
    const backupPath = path.join(folder, 'kopie.kluis');
    vault.backup(backupPath);
    vault.lock();
    fs.rmSync(backupPath);
    const fifo = makeFifo(folder, 'kopie.kluis');
    try {
      const before = sha256(vaultPath);
      const { value: error, ms } = await timed(() => expectCode(restoreVault(backupPath, vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS), 'FILE_NOT_REGULAR'));
      expect(error.details).toMatchObject({ path: backupPath, kind: 'fifo' });
      expect(ms).toBeLessThan(1000);
      expect(sha256(vaultPath)).toBe(before);
    } finally {
      fifo.dispose();
    }
  });

  it('refuses an empty backup as BACKUP_INVALID and leaves the target as it was', async () => {
    const { folder, vaultPath, vault } = await createTestVault();
    const backupPath = path.join(folder, 'kopie.kluis');
    vault.backup(backupPath);
    vault.lock();
    fs.writeFileSync(backupPath, '');
    const before = sha256(vaultPath);
    await expectCode(restoreVault(backupPath, vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS), 'BACKUP_INVALID');
    expect(sha256(vaultPath)).toBe(before);
    expect(fs.statSync(backupPath).size).toBe(0);
  });

  it('names a missing or damaged key file', async () => {
    const { vaultPath, vault } = await createTestVault();
    vault.lock();
    const keyFile = fs.readFileSync(keyFilePathFor(vaultPath), 'utf8');
    fs.writeFileSync(keyFilePathFor(vaultPath), keyFile.replace('"version": 1', '"version": 7'));
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'KEY_FILE_INVALID');
    fs.writeFileSync(keyFilePathFor(vaultPath), keyFile.slice(0, 50));
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'KEY_FILE_INVALID');
    fs.rmSync(keyFilePathFor(vaultPath));
    await expectCode(Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'KEY_FILE_MISSING');
    await expectCode(Vault.unlock(path.join(path.dirname(vaultPath), 'bestaat-niet.kluis'), { passphrase: TEST_PASSPHRASE }), 'VAULT_NOT_FOUND');
  });
});

describe('backup and restore', () => {
  it('round trips through an encrypted backup; a later change is not in it', async () => {
    const { folder, vaultPath, vault, recoveryKey } = await createTestVault();
    vault.updateSettings({ autoLockMinutes: 5 });
    const backupPath = path.join(folder, 'backup', 'Werkbestand-2026-11-28.kluis');
    const result = vault.backup(backupPath);
    expect(result.bytes).toBeGreaterThan(0);
    expect(fs.readFileSync(backupPath).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    expect(fs.readdirSync(path.dirname(backupPath)).sort()).toEqual(['Werkbestand-2026-11-28.kluis', 'Werkbestand-2026-11-28.kluis.keys']);
    vault.updateSettings({ autoLockMinutes: 30 });
    vault.lock();

    await expectCode(restoreVault(backupPath, vaultPath, 'verkeerd wachtwoord', FAST_VAULT_OPTIONS), 'WRONG_PASSPHRASE');
    const restored = await restoreVault(backupPath, vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS);
    expect(restored.previousVaultMovedTo).toMatch(/\.voor-herstel-/);
    expect(fs.existsSync(restored.previousVaultMovedTo!)).toBe(true);

    const opened = await Vault.unlock(vaultPath, { recoveryKey }, FAST_VAULT_OPTIONS);
    expect(opened.settings().autoLockMinutes).toBe(5);
    opened.lock();
  });

  it('refuses a damaged backup and leaves the target as it was', async () => {
    const { folder, vaultPath, vault } = await createTestVault();
    const backupPath = path.join(folder, 'kopie.kluis');
    vault.backup(backupPath);
    vault.lock();
    const bytes = fs.readFileSync(backupPath);
    fs.writeFileSync(backupPath, bytes.subarray(0, bytes.length / 2));
    const before = sha256(vaultPath);
    await expectCode(restoreVault(backupPath, vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS), 'BACKUP_INVALID');
    expect(sha256(vaultPath)).toBe(before);
  });

  it('keeps what the replaced vault had committed in its WAL, and only reads the backup', async () => {
    const { folder, vaultPath, vault } = await createTestVault();
    const backupPath = path.join(folder, 'kopie.kluis');
    vault.backup(backupPath);
    vault.database.exec('CREATE TABLE later (value TEXT) STRICT');
    vault.database.prepare('INSERT INTO later VALUES (?)').run('na de reservekopie');
    // Leave the committed rows in the WAL, as a crash would: no checkpoint, no clean close.
    expect(fs.statSync(`${vaultPath}-wal`).size).toBeGreaterThan(0);
    const databaseCopy = fs.readFileSync(vaultPath);
    const walCopy = fs.readFileSync(`${vaultPath}-wal`);
    vault.lock();
    fs.writeFileSync(vaultPath, databaseCopy);
    fs.writeFileSync(`${vaultPath}-wal`, walCopy);
    const backupBefore = { db: sha256(backupPath), keys: sha256(`${backupPath}.keys`), files: fs.readdirSync(folder).length };

    const restored = await restoreVault(backupPath, vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS);
    expect({ db: sha256(backupPath), keys: sha256(`${backupPath}.keys`) }).toEqual({ db: backupBefore.db, keys: backupBefore.keys });

    const previous = await Vault.unlock(restored.previousVaultMovedTo!, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(previous.database.prepare('SELECT value FROM later').pluck().get()).toBe('na de reservekopie');
    previous.lock();
    const current = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(current.database.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'later'").pluck().get()).toBe(0);
    expect(current.auditTrail().map((entry) => entry.action)).toContain('vault.restored');
    current.lock();
    await expectCode(restoreVault(backupPath, backupPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS), 'INVALID_INPUT');
  });

  it("never writes a backup over the vault's own files, nor over an existing file unless asked", async () => {
    const { folder, vaultPath, vault } = await createTestVault();
    const keysBefore = sha256(`${vaultPath}.keys`);
    for (const target of [vaultPath, `${vaultPath}.keys`, `${vaultPath}-wal`, path.join(folder, '.', 'Werkbestand.kluis')]) {
      await expectCode(() => vault.backup(target), 'INVALID_INPUT');
    }
    // The same folder through a symbolic link is the same file.
    const link = path.join(makeTempFolder(), 'link');
    fs.symlinkSync(folder, link);
    await expectCode(() => vault.backup(path.join(link, 'Werkbestand.kluis')), 'INVALID_INPUT');
    expect(sha256(`${vaultPath}.keys`)).toBe(keysBefore);

    const target = path.join(folder, 'kopie.kluis');
    vault.backup(target);
    await expectCode(() => vault.backup(target), 'VAULT_EXISTS');
    vault.updateSettings({ autoLockMinutes: 3 });
    vault.backup(target, { overwrite: true });
    vault.lock();
    const copy = await Vault.unlock(target, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(copy.settings().autoLockMinutes).toBe(3);
    copy.lock();
  });
});
