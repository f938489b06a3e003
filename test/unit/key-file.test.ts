import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recoveryKeyEncryptionKey, remainingWaitSeconds, unwrapKey, waitSecondsAfter, wrapKey, type KeyFile } from '../../electron/core/vault/key-file';
import { calibrateKdf, deriveKeyEncryptionKey, kdfParametersSchema } from '../../electron/core/vault/kdf';

describe('key wrapping', () => {
  const vaultId = crypto.randomUUID();

  it('unwraps with the right key encryption key only, bound to vault and slot', () => {
    const kek = crypto.randomBytes(32);
    const databaseKey = crypto.randomBytes(32);
    const wrapped = wrapKey(kek, databaseKey, vaultId, 'passphrase');
    expect(unwrapKey(kek, wrapped, vaultId, 'passphrase')?.equals(databaseKey)).toBe(true);
    expect(unwrapKey(crypto.randomBytes(32), wrapped, vaultId, 'passphrase')).toBeNull();
    expect(unwrapKey(kek, wrapped, crypto.randomUUID(), 'passphrase')).toBeNull();
    expect(unwrapKey(kek, wrapped, vaultId, 'recovery')).toBeNull();
    const tampered = Buffer.from(wrapped.ciphertext, 'base64');
    tampered[3]! ^= 1;
    expect(unwrapKey(kek, { ...wrapped, ciphertext: tampered.toString('base64') }, vaultId, 'passphrase')).toBeNull();
  });

  it('derives the recovery key encryption key per vault', () => {
    const secret = crypto.randomBytes(32);
    expect(recoveryKeyEncryptionKey(secret, vaultId).equals(recoveryKeyEncryptionKey(secret, vaultId))).toBe(true);
    expect(recoveryKeyEncryptionKey(secret, vaultId).equals(recoveryKeyEncryptionKey(secret, crypto.randomUUID()))).toBe(false);
  });
});

describe('throttling of wrong attempts', () => {
  it('is free for five, then doubles, capped at fifteen minutes', () => {
    expect([0, 4, 5, 6, 7, 10].map(waitSecondsAfter)).toEqual([0, 0, 1, 2, 4, 32]);
    expect(waitSecondsAfter(100)).toBe(900);
  });

  it('counts from the last failure', () => {
    const keyFile = { failedAttempts: { count: 8, lastFailureAt: '2026-11-28T10:00:00.000Z' } } as KeyFile;
    expect(remainingWaitSeconds(keyFile, new Date('2026-11-28T10:00:03Z'))).toBe(5);
    expect(remainingWaitSeconds(keyFile, new Date('2026-11-28T10:00:08Z'))).toBe(0);
  });
});

describe('Argon2id parameters', () => {
  it('refuses parameters below the 64 MiB floor or out of range', () => {
    const good = { algorithm: 'argon2id', version: 0x13, memoryKiB: 65_536, iterations: 3, parallelism: 1, salt: crypto.randomBytes(16).toString('base64') };
    expect(kdfParametersSchema.safeParse(good).success).toBe(true);
    expect(kdfParametersSchema.safeParse({ ...good, memoryKiB: 32_768 }).success).toBe(false);
    expect(kdfParametersSchema.safeParse({ ...good, iterations: 0 }).success).toBe(false);
    expect(kdfParametersSchema.safeParse({ ...good, algorithm: 'pbkdf2' }).success).toBe(false);
    expect(kdfParametersSchema.safeParse({ ...good, salt: 'kort' }).success).toBe(false);
  });

  it('calibrates the number of passes towards the target time, at least two', async () => {
    const quick = await calibrateKdf({ memoryKiB: 65_536, targetMilliseconds: 1 });
    // Calibration only times two probe passes; a long target keeps this robust on a loaded machine.
    const slower = await calibrateKdf({ memoryKiB: 65_536, targetMilliseconds: 5_000 });
    expect(quick.iterations).toBe(2);
    expect(slower.iterations).toBeGreaterThan(quick.iterations);
    expect(slower.salt).not.toBe(quick.salt);
  });

  it('derives the same key for the same passphrase and salt, another for another', async () => {
    const parameters = await calibrateKdf({ fixedIterations: 1, memoryKiB: 65_536 });
    const a = await deriveKeyEncryptionKey('één wachtwoord', parameters);
    // NFC normalisation: the decomposed spelling of "één" is the same passphrase.
    const b = await deriveKeyEncryptionKey('e\u0301e\u0301n wachtwoord', parameters);
    const c = await deriveKeyEncryptionKey('een wachtwoord', parameters);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });
});
