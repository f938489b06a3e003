import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PASSPHRASE_MIN_LENGTH, type VaultSettings, type VaultStatus } from '../../../shared/api/vault';
import { CoreError, fromFileSystemError, toCoreError } from '../errors';
import { commitTemporaryFile, temporarySiblingPath } from '../fs/atomic-write';
import { configureConnection, openEncryptedDatabase, quickCheck, type Connection, type ConnectionOptions } from './connection';
import { calibrateKdf, deriveKeyEncryptionKey, type KdfCalibration } from './kdf';
import {
  keyFilePathFor,
  readKeyFile,
  recoveryKeyEncryptionKey,
  remainingWaitSeconds,
  unwrapKey,
  waitSecondsAfter,
  wrapKey,
  writeKeyFile,
  type KeyFile,
  type KeySlotName,
  type KeySlots,
} from './key-file';
import { applyMigrations, assertSchemaNotTooNew } from './migrations';
import { ProcessLock } from './process-lock';
import { formatRecoveryKey, generateRecoverySecret, parseRecoveryKey } from './recovery-key';

export const VAULT_EXTENSION = '.kluis';

export interface VaultOptions extends ConnectionOptions {
  kdf?: KdfCalibration;
  /** Injected clock, for the throttling tests. */
  now?: () => Date;
}

export type VaultCredential = { passphrase: string } | { recoveryKey: string };

export const DEFAULT_SETTINGS: VaultSettings = { autoLockMinutes: 10, language: 'nl' };

/** The -wal and -shm files SQLite keeps beside the vault; both hold encrypted pages only. */
export function sidecarPathsFor(vaultPath: string): string[] {
  return [`${vaultPath}-wal`, `${vaultPath}-shm`, `${vaultPath}-journal`];
}

export function vaultNameOf(vaultPath: string): string {
  return path.basename(vaultPath, VAULT_EXTENSION);
}

export function assertPassphraseStrongEnough(passphrase: string): void {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) {
    throw new CoreError('WEAK_PASSPHRASE', `passphrase shorter than ${PASSPHRASE_MIN_LENGTH} characters`, {
      minimumLength: PASSPHRASE_MIN_LENGTH,
    });
  }
}

function slotFor(credential: VaultCredential): KeySlotName {
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

interface UnwrappedKeys {
  current: Buffer;
  /** The key of a rotation that was interrupted, when there is one. */
  pending: Buffer | null;
}

/**
 * Check a credential against the key file, with throttling: after five wrong tries in a row each
 * further try waits longer, and the count lives in the key file so that a restart does not reset it.
 */
async function unwrapWithCredential(vaultPath: string, credential: VaultCredential, now: Date): Promise<{ keyFile: KeyFile; keys: UnwrappedKeys }> {
  let keyFile = readKeyFile(vaultPath);
  const wait = remainingWaitSeconds(keyFile, now);
  if (wait > 0) {
    throw new CoreError('TOO_MANY_ATTEMPTS', `wait ${wait} s before the next attempt`, {
      retryAfterSeconds: wait,
      failedAttempts: keyFile.failedAttempts.count,
    });
  }
  const slot = slotFor(credential);
  const wrongCode = slot === 'passphrase' ? 'WRONG_PASSPHRASE' : 'WRONG_RECOVERY_KEY';
  // A malformed recovery key (checksum) throws here and is not counted: it is a typo, not a guess.
  const kek = await keyEncryptionKeyFor(credential, keyFile);
  try {
    const current = unwrapKey(kek, keyFile.slots[slot], keyFile.vaultId, slot);
    const pending = keyFile.pendingRotation ? unwrapKey(kek, keyFile.pendingRotation[slot], keyFile.vaultId, slot) : null;
    if (!current && !pending) {
      const count = keyFile.failedAttempts.count + 1;
      keyFile = { ...keyFile, failedAttempts: { count, lastFailureAt: now.toISOString() } };
      writeKeyFile(vaultPath, keyFile);
      throw new CoreError(wrongCode, `${slot} does not unlock this vault`, {
        failedAttempts: count,
        retryAfterSeconds: waitSecondsAfter(count),
      });
    }
    if (keyFile.failedAttempts.count > 0) {
      keyFile = { ...keyFile, failedAttempts: { count: 0, lastFailureAt: null } };
      writeKeyFile(vaultPath, keyFile);
    }
    // A current slot that no longer unwraps can only mean the rotation finished; the pending key is the key.
    return { keyFile, keys: { current: current ?? pending!, pending: current ? pending : null } };
  } finally {
    kek.fill(0);
  }
}

/**
 * Open the database with whichever key fits. When a rotation was interrupted, the file is under
 * either the old key (rekey rolled back) or the new one (rekey done, key file not yet updated); the
 * key file is brought in line with the file either way.
 */
function openWithKnownKeys(vaultPath: string, keyFile: KeyFile, keys: UnwrappedKeys, options: ConnectionOptions): { db: Connection; key: Buffer } {
  try {
    const db = openEncryptedDatabase(vaultPath, keys.current, options);
    if (keyFile.pendingRotation) writeKeyFile(vaultPath, { ...keyFile, pendingRotation: null });
    keys.pending?.fill(0);
    return { db, key: keys.current };
  } catch (error) {
    if (!keys.pending || !(error instanceof CoreError) || error.code !== 'VAULT_CORRUPT') throw error;
  }
  const db = openEncryptedDatabase(vaultPath, keys.pending, options);
  writeKeyFile(vaultPath, { ...keyFile, slots: keyFile.pendingRotation!, pendingRotation: null });
  keys.current.fill(0);
  return { db, key: keys.pending };
}

function removeVaultFiles(vaultPath: string): void {
  for (const file of [vaultPath, keyFilePathFor(vaultPath), ...sidecarPathsFor(vaultPath)]) fs.rmSync(file, { force: true });
}

export class Vault {
  private closed = false;

  private constructor(
    readonly path: string,
    readonly vaultId: string,
    private db: Connection,
    private databaseKey: Buffer,
    private readonly processLock: ProcessLock,
    private readonly options: VaultOptions,
  ) {}

  /** Create a new vault file with its key file. Returns it unlocked, with the recovery key to show once. */
  static async create(
    vaultPath: string,
    input: { passphrase: string; displayName: string },
    options: VaultOptions = {},
  ): Promise<{ vault: Vault; recoveryKey: string }> {
    // Every vault carries the .kluis extension, so that it is recognisable and backed up as such.
    const resolved = path.resolve(vaultPath);
    const target = resolved.endsWith(VAULT_EXTENSION) ? resolved : resolved + VAULT_EXTENSION;
    assertPassphraseStrongEnough(input.passphrase);
    if (fs.existsSync(target) || fs.existsSync(keyFilePathFor(target))) {
      throw new CoreError('VAULT_EXISTS', `a vault already exists at ${target}`);
    }
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    } catch (error) {
      throw fromFileSystemError(error, 'create vault folder');
    }
    const kdf = await calibrateKdf(options.kdf);
    const kek = await deriveKeyEncryptionKey(input.passphrase, kdf);
    const databaseKey = crypto.randomBytes(32);
    const recoverySecret = generateRecoverySecret();
    const vaultId = crypto.randomUUID();
    const processLock = ProcessLock.acquire(target);
    let db: Connection | undefined;
    try {
      // Owner-only from the first byte; SQLite gives the -wal and -shm files the same mode.
      fs.writeFileSync(target, '', { flag: 'wx', mode: 0o600 });
      db = openEncryptedDatabase(target, databaseKey, { ...options, create: true });
      configureConnection(db, options);
      applyMigrations(db);
      const createdAt = (options.now?.() ?? new Date()).toISOString();
      const displayName = input.displayName.trim();
      db.transaction(() => {
        const setMeta = db!.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)');
        setMeta.run('vault_id', vaultId);
        setMeta.run('created_at', createdAt);
        setMeta.run('display_name', displayName);
        db!.prepare('INSERT INTO vault_secret (name, value) VALUES (?, ?)').run('recovery_secret', recoverySecret);
        db!.prepare('INSERT INTO audit_log (occurred_at, actor, action, details) VALUES (?, ?, ?, ?)').run(
          createdAt,
          displayName,
          'vault.created',
          '{}',
        );
      })();
      const recoveryKeyKek = recoveryKeyEncryptionKey(recoverySecret, vaultId);
      writeKeyFile(target, {
        format: 'dossierkluis-keyfile',
        version: 1,
        vaultId,
        createdAt,
        kdf,
        slots: {
          passphrase: wrapKey(kek, databaseKey, vaultId, 'passphrase'),
          recovery: wrapKey(recoveryKeyKek, databaseKey, vaultId, 'recovery'),
        },
        pendingRotation: null,
        failedAttempts: { count: 0, lastFailureAt: null },
      });
      recoveryKeyKek.fill(0);
      const recoveryKey = formatRecoveryKey(recoverySecret);
      return { vault: new Vault(target, vaultId, db, databaseKey, processLock, options), recoveryKey };
    } catch (error) {
      db?.close();
      processLock.release();
      removeVaultFiles(target);
      databaseKey.fill(0);
      throw toCoreError(error, 'create vault', target);
    } finally {
      kek.fill(0);
      recoverySecret.fill(0);
    }
  }

  /** Unlock with the passphrase or the recovery key. A wrong one changes nothing but the attempt counter. */
  static async unlock(vaultPath: string, credential: VaultCredential, options: VaultOptions = {}): Promise<Vault> {
    const target = path.resolve(vaultPath);
    if (!fs.existsSync(target)) throw new CoreError('VAULT_NOT_FOUND', `no vault at ${target}`);
    const now = options.now?.() ?? new Date();
    const { keyFile, keys } = await unwrapWithCredential(target, credential, now);
    let processLock: ProcessLock;
    try {
      processLock = ProcessLock.acquire(target);
    } catch (error) {
      keys.current.fill(0);
      keys.pending?.fill(0);
      throw error;
    }
    let db: Connection | undefined;
    let key: Buffer | undefined;
    try {
      ({ db, key } = openWithKnownKeys(target, keyFile, keys, options));
      assertSchemaNotTooNew(db);
      configureConnection(db, options);
      const problem = quickCheck(db);
      if (problem) throw new CoreError('VAULT_CORRUPT', `integrity check failed: ${problem}`);
      applyMigrations(db);
      const vault = new Vault(target, keyFile.vaultId, db, key, processLock, options);
      vault.audit('vault.unlocked', { method: slotFor(credential) });
      return vault;
    } catch (error) {
      db?.close();
      key?.fill(0);
      processLock.release();
      if (error instanceof CoreError) throw error;
      throw new CoreError('VAULT_CORRUPT', `vault cannot be opened: ${(error as Error).message}`, undefined, { cause: error });
    }
  }

  /**
   * The raw SQLCipher key as 64 hex digits, for opening the file without Dossierkluis. It does not
   * open the database, so it works on a damaged vault too.
   */
  static async revealDatabaseKey(vaultPath: string, credential: VaultCredential, options: VaultOptions = {}): Promise<string> {
    const target = path.resolve(vaultPath);
    const { keys } = await unwrapWithCredential(target, credential, options.now?.() ?? new Date());
    keys.pending?.fill(0);
    try {
      return keys.current.toString('hex');
    } finally {
      keys.current.fill(0);
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private get connection(): Connection {
    if (this.closed) throw new CoreError('VAULT_LOCKED', 'vault is locked');
    return this.db;
  }

  /** The database, for the domain modules of the core. Throws VAULT_LOCKED once locked. */
  get database(): Connection {
    return this.connection;
  }

  get displayName(): string {
    return this.meta('display_name') ?? '';
  }

  status(): VaultStatus {
    return { state: 'unlocked', path: this.path, name: vaultNameOf(this.path), displayName: this.displayName };
  }

  private meta(key: string): string | null {
    const row = this.connection.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(key) as string | undefined;
    return row ?? null;
  }

  audit(action: string, details: Record<string, unknown> = {}): void {
    this.connection
      .prepare('INSERT INTO audit_log (occurred_at, actor, action, details) VALUES (?, ?, ?, ?)')
      .run((this.options.now?.() ?? new Date()).toISOString(), this.displayName, action, JSON.stringify(details));
  }

  auditTrail(limit = 100): Array<{ occurredAt: string; actor: string; action: string; details: Record<string, unknown> }> {
    const rows = this.connection
      .prepare('SELECT occurred_at, actor, action, details FROM audit_log ORDER BY id DESC LIMIT ?')
      .all(limit) as Array<{ occurred_at: string; actor: string; action: string; details: string }>;
    return rows.map((row) => ({ occurredAt: row.occurred_at, actor: row.actor, action: row.action, details: JSON.parse(row.details) }));
  }

  settings(): VaultSettings {
    const rows = this.connection.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]));
    return { ...DEFAULT_SETTINGS, ...stored };
  }

  updateSettings(changes: Partial<VaultSettings>): VaultSettings {
    const upsert = this.connection.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.connection.transaction(() => {
      for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
      this.audit('settings.updated', changes);
    })();
    return this.settings();
  }

  /** Check the passphrase against the key file without touching the open database. */
  private async verifyPassphrase(passphrase: string): Promise<{ keyFile: KeyFile; kek: Buffer }> {
    const keyFile = readKeyFile(this.path);
    const kek = await deriveKeyEncryptionKey(passphrase, keyFile.kdf);
    const unwrapped = unwrapKey(kek, keyFile.slots.passphrase, keyFile.vaultId, 'passphrase');
    if (!unwrapped || !crypto.timingSafeEqual(unwrapped, this.databaseKey)) {
      kek.fill(0);
      throw new CoreError('WRONG_PASSPHRASE', 'current passphrase is wrong');
    }
    unwrapped.fill(0);
    return { keyFile, kek };
  }

  /** Rewrap the database key under a new passphrase: instant, and the old passphrase stops working. */
  async changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    assertPassphraseStrongEnough(newPassphrase);
    const { keyFile, kek } = await this.verifyPassphrase(currentPassphrase);
    kek.fill(0);
    const kdf = await calibrateKdf(this.options.kdf);
    const newKek = await deriveKeyEncryptionKey(newPassphrase, kdf);
    try {
      writeKeyFile(this.path, {
        ...keyFile,
        kdf,
        slots: { ...keyFile.slots, passphrase: wrapKey(newKek, this.databaseKey, keyFile.vaultId, 'passphrase') },
      });
    } finally {
      newKek.fill(0);
    }
    this.audit('vault.passphrase-changed');
  }

  /** The recovery key again, after the passphrase is re-entered. */
  async recoveryKey(passphrase: string): Promise<string> {
    const { kek } = await this.verifyPassphrase(passphrase);
    kek.fill(0);
    const secret = this.connection.prepare("SELECT value FROM vault_secret WHERE name = 'recovery_secret'").pluck().get() as Buffer;
    try {
      this.audit('vault.recovery-key-shown');
      return formatRecoveryKey(secret);
    } finally {
      secret.fill(0);
    }
  }

  /**
   * Re-encrypt the whole file under a fresh database key (PRAGMA rekey), for when the key may have
   * leaked. SQLite3MultipleCiphers cannot rekey in WAL mode, so the journal switches to DELETE for
   * the rotation. The key file records the new key as pending first, so that an interruption at any
   * point leaves a vault that opens with the old key or the new one (see openWithKnownKeys).
   */
  async rotateKey(passphrase: string): Promise<void> {
    const { keyFile, kek } = await this.verifyPassphrase(passphrase);
    const db = this.connection;
    const newKey = crypto.randomBytes(32);
    const secret = db.prepare("SELECT value FROM vault_secret WHERE name = 'recovery_secret'").pluck().get() as Buffer;
    const recoveryKek = recoveryKeyEncryptionKey(secret, keyFile.vaultId);
    secret.fill(0);
    const newSlots: KeySlots = {
      passphrase: wrapKey(kek, newKey, keyFile.vaultId, 'passphrase'),
      recovery: wrapKey(recoveryKek, newKey, keyFile.vaultId, 'recovery'),
    };
    kek.fill(0);
    recoveryKek.fill(0);
    writeKeyFile(this.path, { ...keyFile, pendingRotation: newSlots });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    } catch (error) {
      // The rekey runs as one transaction: on failure the file is still under the old key.
      db.pragma('journal_mode = WAL');
      writeKeyFile(this.path, { ...keyFile, pendingRotation: null });
      newKey.fill(0);
      throw toCoreError(error, 'rotate key', this.path);
    }
    db.pragma('journal_mode = WAL');
    writeKeyFile(this.path, { ...keyFile, slots: newSlots, pendingRotation: null });
    this.databaseKey.fill(0);
    this.databaseKey = newKey;
    this.audit('vault.key-rotated');
  }

  /**
   * An online, consistent, still encrypted copy (VACUUM INTO runs in one read transaction and
   * writes the copy under the same key), with a copy of the key file beside it. Both are written
   * under temporary names and renamed when complete.
   */
  backup(targetPath: string): { path: string; bytes: number } {
    const target = path.resolve(targetPath);
    if (target === this.path) throw new CoreError('INVALID_INPUT', 'backup target is the vault itself');
    const keyFile = readKeyFile(this.path);
    const temporaryDatabase = temporarySiblingPath(target);
    const temporaryKeyFile = temporaryDatabase + '.keys.tmp';
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      this.connection.prepare('VACUUM INTO ?').run(temporaryDatabase);
      fs.writeFileSync(
        temporaryKeyFile,
        JSON.stringify({ ...keyFile, pendingRotation: null, failedAttempts: { count: 0, lastFailureAt: null } }, null, 2) + '\n',
        { mode: 0o600 },
      );
      commitTemporaryFile(temporaryDatabase, target);
      commitTemporaryFile(temporaryKeyFile, keyFilePathFor(target));
    } catch (error) {
      fs.rmSync(temporaryDatabase, { force: true });
      fs.rmSync(temporaryKeyFile, { force: true });
      throw toCoreError(error, 'backup', target);
    }
    const bytes = fs.statSync(target).size;
    this.audit('vault.backup', { path: target, bytes });
    return { path: target, bytes };
  }

  /** Close the connection and wipe the key. The WAL is folded back first so that one file remains. */
  lock(): void {
    if (this.closed) return;
    try {
      this.audit('vault.locked');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
      this.closed = true;
      this.databaseKey.fill(0);
      this.processLock.release();
    }
  }
}

/**
 * Put a backup in place of a vault, after proving the passphrase opens the backup and the backup
 * is sound. A vault already at the target is kept beside it as `<name>.voor-herstel-<time>`.
 */
export async function restoreVault(
  backupPath: string,
  targetPath: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<{ path: string; previousVaultMovedTo: string | null }> {
  const backup = path.resolve(backupPath);
  const target = path.resolve(targetPath);
  if (!fs.existsSync(backup)) throw new CoreError('VAULT_NOT_FOUND', `no backup at ${backup}`);
  let check: Vault;
  try {
    check = await Vault.unlock(backup, { passphrase }, options);
  } catch (error) {
    if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') throw new CoreError('BACKUP_INVALID', error.message);
    throw error;
  }
  check.lock();
  const processLock = ProcessLock.acquire(target);
  try {
    let previousVaultMovedTo: string | null = null;
    if (fs.existsSync(target)) {
      previousVaultMovedTo = `${target}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(target, previousVaultMovedTo);
      if (fs.existsSync(keyFilePathFor(target))) fs.renameSync(keyFilePathFor(target), keyFilePathFor(previousVaultMovedTo));
    }
    for (const sidecar of sidecarPathsFor(target)) fs.rmSync(sidecar, { force: true });
    const temporaryDatabase = temporarySiblingPath(target);
    const temporaryKeyFile = temporaryDatabase + '.keys.tmp';
    fs.copyFileSync(backup, temporaryDatabase);
    fs.copyFileSync(keyFilePathFor(backup), temporaryKeyFile);
    commitTemporaryFile(temporaryDatabase, target);
    commitTemporaryFile(temporaryKeyFile, keyFilePathFor(target));
    return { path: target, previousVaultMovedTo };
  } catch (error) {
    throw toCoreError(error, 'restore', target);
  } finally {
    processLock.release();
  }
}
