import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { CoreError, fromFileSystemError } from '../kernel/errors';
import { writeFileAtomic } from '../kernel/atomic-write';
import { kdfParametersSchema } from './kdf';

/**
 * The key file sits beside the vault (`<vault>.keys`). It holds no secret in the clear: the random
 * database key, wrapped (AES-256-GCM) once under the passphrase's key-encryption key and once
 * under the recovery key's. Without the passphrase or the recovery key it is useless, and without
 * it the vault cannot be opened by passphrase: back up both files together.
 */
export const KEY_FILE_SUFFIX = '.keys';

const base64 = (bytes: number) =>
  z.string().refine((value) => {
    const decoded = Buffer.from(value, 'base64');
    return decoded.length === bytes && decoded.toString('base64') === value;
  }, `expected ${bytes} bytes in base64`);

const wrappedKeySchema = z.object({ nonce: base64(12), ciphertext: base64(48) }).strict();
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

const keySlotsSchema = z.object({ passphrase: wrappedKeySchema, recovery: wrappedKeySchema }).strict();
export type KeySlots = z.infer<typeof keySlotsSchema>;
export type KeySlotName = keyof KeySlots;

const keyFileSchema = z
  .object({
    format: z.literal('dossierkluis-keyfile'),
    version: z.literal(1),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    kdf: kdfParametersSchema,
    slots: keySlotsSchema,
    /** Set while a key rotation is under way: the new key's slots, so that an interrupted rotation can finish. */
    pendingRotation: keySlotsSchema.nullable(),
    failedAttempts: z.object({ count: z.number().int().min(0), lastFailureAt: z.iso.datetime().nullable() }).strict(),
  })
  .strict();

export type KeyFile = z.infer<typeof keyFileSchema>;

export function keyFilePathFor(vaultPath: string): string {
  return vaultPath + KEY_FILE_SUFFIX;
}

export function readKeyFile(vaultPath: string): KeyFile {
  let text: string;
  try {
    text = fs.readFileSync(keyFilePathFor(vaultPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CoreError('KEY_FILE_MISSING', `key file missing: ${keyFilePathFor(vaultPath)}`);
    }
    throw fromFileSystemError(error, 'read key file');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CoreError('KEY_FILE_INVALID', 'key file is not JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new CoreError('KEY_FILE_INVALID', `key file invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export function writeKeyFile(vaultPath: string, keyFile: KeyFile): void {
  try {
    writeFileAtomic(keyFilePathFor(vaultPath), JSON.stringify(keyFileSchema.parse(keyFile), null, 2) + '\n');
  } catch (error) {
    throw fromFileSystemError(error, 'write key file');
  }
}

/**
 * Read the key file afresh, change it, write it back. Keeping the read right before the write
 * means a slow step (Argon2id) in one process cannot write back a stale copy over another
 * process's passphrase change or rotation.
 */
export function updateKeyFile(vaultPath: string, change: (current: KeyFile) => KeyFile): KeyFile {
  const current = readKeyFile(vaultPath);
  const updated = change(current);
  // Returning the same object means "nothing to change": no write.
  if (updated !== current) writeKeyFile(vaultPath, updated);
  return updated;
}

function associatedData(vaultId: string, slot: KeySlotName): Buffer {
  return Buffer.from(`dossierkluis-keyfile/v1/${vaultId}/${slot}`, 'utf8');
}

export function wrapKey(keyEncryptionKey: Buffer, databaseKey: Buffer, vaultId: string, slot: KeySlotName): WrappedKey {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyEncryptionKey, nonce);
  cipher.setAAD(associatedData(vaultId, slot));
  const ciphertext = Buffer.concat([cipher.update(databaseKey), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** The database key, or null when the key-encryption key is wrong (the GCM tag does not verify). */
export function unwrapKey(keyEncryptionKey: Buffer, wrapped: WrappedKey, vaultId: string, slot: KeySlotName): Buffer | null {
  const sealed = Buffer.from(wrapped.ciphertext, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyEncryptionKey, Buffer.from(wrapped.nonce, 'base64'));
  decipher.setAAD(associatedData(vaultId, slot));
  decipher.setAuthTag(sealed.subarray(32));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The recovery secret has 256 bits of entropy already: HKDF, not Argon2, makes it a key. */
export function recoveryKeyEncryptionKey(recoverySecret: Buffer, vaultId: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', recoverySecret, Buffer.from(vaultId, 'utf8'), 'dossierkluis recovery kek v1', 32));
}

// Throttling of wrong passphrases: free for the first five in a row, then doubling waits.
const FREE_ATTEMPTS = 5;
const MAX_WAIT_SECONDS = 15 * 60;

export function waitSecondsAfter(failedCount: number): number {
  if (failedCount < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** (failedCount - FREE_ATTEMPTS));
}

/** Seconds the caller must still wait before another attempt is allowed (0 when allowed now). */
export function remainingWaitSeconds(keyFile: KeyFile, now: Date): number {
  const wait = waitSecondsAfter(keyFile.failedAttempts.count);
  if (wait === 0 || !keyFile.failedAttempts.lastFailureAt) return 0;
  const allowedAt = Date.parse(keyFile.failedAttempts.lastFailureAt) + wait * 1000;
  // Capped: a failure stamped in the future (a clock that was wrong) never locks out for longer.
  return Math.min(wait, Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000)));
}
