import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditEntry } from '../../../shared/api/audit';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { disclosedItemsOf, subjectIdsOf, type AuditDetails, type PassphrasePurpose } from '../../../shared/domain/audit-details';
import { PASSPHRASE_MIN_LENGTH, type IntegrityCheckStatus, type VaultSettings, type VaultStatus } from '../../../shared/api/vault';
import { CoreError, fromFileSystemError, toCoreError } from '../kernel/errors';
import { createOwnerOnlyFile, temporarySiblingPath } from '../kernel/atomic-write';
import { checkAuditAction } from '../kernel/audit-scope';
import { configureConnection, openEncryptedDatabase, unlockCheck, type Connection, type ConnectionOptions } from './connection';
import { BackgroundIntegrityCheck, type IntegrityOutcome, type IntegrityWorkerScript } from './integrity-check';
import { calibrateKdf, deriveKeyEncryptionKey, type KdfCalibration } from './kdf';
import { keyFilePathFor, readKeyFile, recoveryKeyEncryptionKey, unwrapKey, updateKeyFile, wrapKey, writeKeyFile, type KeyFile, type KeySlots } from './key-file';
import { withKeyFileLock } from './key-file-lock';
import { appendAuditEntry, verifyAuditChain, type AuditChainReport } from './audit-chain';
import { LATEST_SCHEMA_VERSION, applyMigrations, assertSchemaNotTooNew, schemaVersionOf } from './migrations';
import { ProcessLock } from './process-lock';
import { formatRecoveryKey, generateRecoverySecret } from './recovery-key';
import { openWithCandidates, slotFor, throttledAttempt, unwrapWithCredential, wipeCandidates, type VaultCredential } from './unlock-keys';
import {
  VAULT_EXTENSION,
  commitVaultPair,
  isOwnedBy,
  isReadOnlyLocation,
  pathExists,
  removeStaleTemporaryFiles,
  removeTemporaryPair,
  sidecarPathsFor,
  vaultNameOf,
} from './vault-files';

export { VAULT_EXTENSION, sidecarPathsFor, vaultNameOf, type VaultCredential };

export interface VaultOptions extends ConnectionOptions {
  kdf?: KdfCalibration;
  /** Injected clock, for the throttling tests. */
  now?: () => Date;
  /**
   * The integrity worker's script (bundled beside the core). Without it there is no background
   * check (the command line checks in the foreground) and the status says 'not-run'.
   */
  integrityWorker?: IntegrityWorkerScript;
}

export const DEFAULT_SETTINGS: VaultSettings = { autoLockMinutes: 10, language: 'nl' };

export function assertPassphraseStrongEnough(passphrase: string): void {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) {
    throw new CoreError('WEAK_PASSPHRASE', `passphrase shorter than ${PASSPHRASE_MIN_LENGTH} characters`, {
      minimumLength: PASSPHRASE_MIN_LENGTH,
    });
  }
}

/** An audit entry of a read-only session: it cannot be written into the vault, only into a copy. */
interface UnrecordedAuditEntry {
  occurredAt: string;
  actor: string;
  action: AuditAction;
  details: unknown;
}

/**
 * Append one entry to the hash-chained trail of `db`, with the subjects it names (audit_subjects)
 * and the facts a disclosure names (audit_disclosures), in one transaction.
 */
function writeAuditEntry(db: Connection, entry: UnrecordedAuditEntry): void {
  db.transaction(() => {
    const details = entry.details as AuditDetails[AuditAction];
    const auditId = appendAuditEntry(db, { occurred_at: entry.occurredAt, actor: entry.actor, action: entry.action, details: JSON.stringify(details) });
    const subjectIds = subjectIdsOf(entry.action, details);
    if (subjectIds.length > 0) {
      const insert = db.prepare('INSERT INTO audit_subjects (audit_id, subject_id) VALUES (?, ?)');
      for (const subjectId of subjectIds) insert.run(auditId, subjectId);
    }
    for (const item of disclosedItemsOf(entry.action, details)) {
      db.prepare('INSERT OR IGNORE INTO audit_disclosures (audit_id, dossier_id, kind, item_id) VALUES (?, ?, ?, ?)').run(auditId, item.dossierId, item.kind, item.id);
    }
  })();
}

function readRecoverySecret(db: Connection): Buffer {
  return db.prepare("SELECT value FROM vault_secret WHERE name = 'recovery_secret'").pluck().get() as Buffer;
}

export class Vault {
  private closed = false;
  private cachedDisplayName: string | null = null;
  private integrity: IntegrityCheckStatus = { state: 'not-run', checkedAt: null };
  private integrityCheck: BackgroundIntegrityCheck | null = null;
  private integrityListener: ((status: IntegrityCheckStatus) => void) | null = null;
  /** What a read-only session would have written into the trail; carried into a backup. */
  private readonly unrecordedAudit: UnrecordedAuditEntry[] = [];

  private constructor(
    readonly path: string,
    readonly vaultId: string,
    private readonly db: Connection,
    private databaseKey: Buffer,
    /** Null for a read-only vault: no lock file can be made beside it, and it is never written. */
    private readonly processLock: ProcessLock | null,
    private readonly options: VaultOptions,
    /** Opened from read-only media (isReadOnlyLocation): reading only; the core refuses changes. */
    readonly readOnly = false,
  ) {}

  /** Create a new vault file with its key file. Returns it unlocked, with the recovery key to show once. */
  static async create(vaultPath: string, input: { passphrase: string; displayName: string }, options: VaultOptions = {}): Promise<{ vault: Vault; recoveryKey: string }> {
    // Every vault carries the .kluis extension, so that it is recognisable and backed up as such.
    const resolved = path.resolve(vaultPath);
    const target = resolved.endsWith(VAULT_EXTENSION) ? resolved : resolved + VAULT_EXTENSION;
    assertPassphraseStrongEnough(input.passphrase);
    const refuseExisting = () => {
      if (pathExists(target, 'create vault') || pathExists(keyFilePathFor(target), 'create vault', target)) {
        throw new CoreError('VAULT_EXISTS', `a vault already exists at ${target}`);
      }
    };
    refuseExisting();
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
    let processLock: ProcessLock | undefined;
    let createdFile = false;
    let db: Connection | undefined;
    try {
      processLock = ProcessLock.acquire(target);
      // Checked again: the calibration took a second, in which another process may have made one.
      refuseExisting();
      // Owner-only from the first byte; SQLite gives the -wal and -shm files the same mode.
      try {
        fs.writeFileSync(target, '', { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CoreError('VAULT_EXISTS', `a vault already exists at ${target}`);
        throw error;
      }
      createdFile = true;
      db = openEncryptedDatabase(target, databaseKey, { ...options, create: true });
      configureConnection(db, options);
      applyMigrations(db);
      const createdAt = (options.now?.() ?? new Date()).toISOString();
      const displayName = input.displayName.trim();
      const created = db;
      created.transaction(() => {
        const setMeta = created.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)');
        setMeta.run('vault_id', vaultId);
        setMeta.run('created_at', createdAt);
        setMeta.run('display_name', displayName);
        created.prepare('INSERT INTO vault_secret (name, value) VALUES (?, ?)').run('recovery_secret', recoverySecret);
        appendAuditEntry(created, { occurred_at: createdAt, actor: displayName, action: 'vault.created', details: '{}' });
      })();
      const recoveryKek = recoveryKeyEncryptionKey(recoverySecret, vaultId);
      writeKeyFile(target, {
        format: 'dossierkluis-keyfile',
        version: 1,
        vaultId,
        createdAt,
        kdf,
        slots: {
          passphrase: wrapKey(kek, databaseKey, vaultId, 'passphrase'),
          recovery: wrapKey(recoveryKek, databaseKey, vaultId, 'recovery'),
        },
        pendingRotation: null,
        failedAttempts: { count: 0, lastFailureAt: null },
      });
      recoveryKek.fill(0);
      return { vault: new Vault(target, vaultId, db, databaseKey, processLock, options), recoveryKey: formatRecoveryKey(recoverySecret) };
    } catch (error) {
      db?.close();
      // Only what this call made is removed: never a vault that another process created meanwhile.
      if (createdFile) for (const file of [target, keyFilePathFor(target), ...sidecarPathsFor(target)]) fs.rmSync(file, { force: true });
      processLock?.release();
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
    if (!pathExists(target, 'unlock')) throw new CoreError('VAULT_NOT_FOUND', `no vault at ${target}`);
    const readOnly = isReadOnlyLocation(target);
    const { keyFile, candidates } = await unwrapWithCredential(target, credential, () => options.now?.() ?? new Date());
    let processLock: ProcessLock | null = null;
    try {
      if (!readOnly) processLock = ProcessLock.acquire(target);
    } catch (error) {
      wipeCandidates(candidates);
      throw error;
    }
    let db: Connection | undefined;
    let key: Buffer | undefined;
    const connectionOptions = { ...options, readOnly };
    try {
      // Opening may bring the key file in line with the file (an interrupted rotation): a write.
      ({ db, key } = readOnly
        ? openWithCandidates(target, candidates, connectionOptions)
        : await withKeyFileLock(target, async () => openWithCandidates(target, candidates, connectionOptions)));
      assertSchemaNotTooNew(db);
      configureConnection(db, connectionOptions);
      // Bounded: the full check of every table runs in the background (startIntegrityCheck).
      const problem = unlockCheck(db);
      if (problem) throw new CoreError('VAULT_CORRUPT', `integrity check failed: ${problem}`);
      if (!readOnly) applyMigrations(db);
      else if (schemaVersionOf(db) < LATEST_SCHEMA_VERSION) {
        // The code reads only the newest schema, and an older one cannot be migrated in place.
        throw new CoreError('VAULT_READ_ONLY_NEEDS_COPY', `read-only vault has schema ${schemaVersionOf(db)}, ${LATEST_SCHEMA_VERSION} is needed`);
      }
      const vault = new Vault(target, keyFile.vaultId, db, key, processLock, options, readOnly);
      if (!readOnly) await withKeyFileLock(target, async () => vault.repairRecoverySlot());
      vault.audit('vault.unlocked', { method: slotFor(credential) });
      return vault;
    } catch (error) {
      db?.close();
      key?.fill(0);
      processLock?.release();
      throw toCoreError(error, 'unlock', target);
    }
  }

  /**
   * The raw SQLCipher key as 64 hex digits, for opening the file without Dossierkluis. It does not
   * need the database to be sound, so it works on a damaged vault too. After an interrupted
   * rotation it opens the file to learn which of the two keys is the right one.
   */
  static async revealDatabaseKey(vaultPath: string, credential: VaultCredential, options: VaultOptions = {}): Promise<string> {
    const target = path.resolve(vaultPath);
    const { candidates } = await unwrapWithCredential(target, credential, () => options.now?.() ?? new Date());
    let key = candidates[0]!.key;
    if (candidates.length > 1) {
      const processLock = ProcessLock.acquire(target);
      try {
        const opened = await withKeyFileLock(target, async () => openWithCandidates(target, candidates, options));
        opened.db.close();
        key = opened.key;
      } finally {
        processLock.release();
      }
    }
    try {
      return key.toString('hex');
    } finally {
      wipeCandidates(candidates);
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** The database, for the domain modules of the core. Throws VAULT_LOCKED once locked. */
  get database(): Connection {
    if (this.closed) throw new CoreError('VAULT_LOCKED', 'vault is locked');
    return this.db;
  }

  /** The database key, or VAULT_LOCKED once the vault was locked (its key is wiped then). */
  private openKey(): Buffer {
    if (this.closed) throw new CoreError('VAULT_LOCKED', 'vault is locked');
    return this.databaseKey;
  }

  /** Read once: every audit entry names the actor, and the name does not change while open. */
  get displayName(): string {
    this.cachedDisplayName ??= this.meta('display_name') ?? '';
    return this.cachedDisplayName;
  }

  status(): VaultStatus {
    const status: VaultStatus = { state: 'unlocked', path: this.path, name: vaultNameOf(this.path), displayName: this.displayName, integrity: { ...this.integrity } };
    return this.readOnly ? { ...status, readOnly: true } : status;
  }

  /** Changes are refused on read-only media before they reach SQLite (the core does so per call too). */
  private assertWritable(): void {
    if (this.readOnly) throw new CoreError('VAULT_READ_ONLY', `vault ${this.path} is read-only`);
  }

  /** Where the background integrity check of this session stands. */
  get integrityStatus(): IntegrityCheckStatus {
    return { ...this.integrity };
  }

  /**
   * Start the full structural check in a worker thread (VaultOptions.integrityWorker), off the
   * thread that answers calls. A problem is recorded in the audit trail (no content: the action
   * only) and `onFinished` hears every result. Without a worker script nothing runs ('not-run').
   */
  startIntegrityCheck(onFinished?: (status: IntegrityCheckStatus) => void): void {
    const script = this.options.integrityWorker;
    if (!script || this.closed || this.integrityCheck?.isRunning) return;
    this.integrityListener = onFinished ?? null;
    this.integrity = { state: 'running', checkedAt: null };
    this.integrityCheck = BackgroundIntegrityCheck.start(script, this.path, this.openKey(), { nativeBinding: this.options.nativeBinding }, (outcome) =>
      this.integrityFinished(outcome),
    );
  }

  private integrityFinished(outcome: IntegrityOutcome): void {
    if (this.closed) return;
    this.integrity = { state: outcome.kind, checkedAt: (this.options.now?.() ?? new Date()).toISOString() };
    if (outcome.kind === 'problem') this.auditOutsideTransactions('vault.integrity-problem');
    this.integrityListener?.({ ...this.integrity });
  }

  /**
   * The result arrives between calls, but a bundle import keeps its transaction open across
   * awaits: an entry written now would be committed or rolled back with it. It waits until no
   * transaction is open (checked every 200 ms; given up when the vault is locked first).
   */
  private auditOutsideTransactions(action: 'vault.integrity-problem'): void {
    if (this.closed) return;
    if (this.db.inTransaction) {
      setTimeout(() => this.auditOutsideTransactions(action), 200).unref();
      return;
    }
    try {
      this.audit(action, {});
    } catch {
      // The damage may be where the trail is written: the warning still reaches the user.
    }
  }

  /** Stop a running background check and wait until its worker and connection are gone. */
  async stopIntegrityCheck(): Promise<void> {
    const check = this.integrityCheck;
    this.integrityCheck = null;
    if (!check) return;
    const wasRunning = check.isRunning;
    await check.stop();
    if (wasRunning) this.integrity = { state: 'not-run', checkedAt: null };
  }

  private meta(key: string): string | null {
    const row = this.database.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(key) as string | undefined;
    return row ?? null;
  }

  /**
   * Append to the hash-chained audit trail: who (the vault's display name), when, what. The
   * subjects the entry names go into audit_subjects, and the facts a disclosure names into
   * audit_disclosures, in the same transaction: derived data outside the chain, so that an access
   * request finds a person's entries by id and the disclosure register a dossier's by dossier.
   */
  audit<A extends AuditAction>(action: A, details: AuditDetails[A]): void {
    checkAuditAction(action);
    const entry: UnrecordedAuditEntry = { occurredAt: (this.options.now?.() ?? new Date()).toISOString(), actor: this.displayName, action, details };
    // Read-only media cannot take the entry: it is kept for a copy (backup) of this session.
    if (this.readOnly) {
      if (this.closed) throw new CoreError('VAULT_LOCKED', 'vault is locked');
      this.unrecordedAudit.push(entry);
      return;
    }
    writeAuditEntry(this.database, entry);
  }

  verifyAuditTrail(): AuditChainReport {
    return verifyAuditChain(this.database);
  }

  /** Newest first, `limit` entries older than `beforeId` (or the newest when absent), only those with one of `actions` when given. */
  auditTrail(limit = 100, beforeId?: number, actions?: readonly string[]): AuditEntry[] {
    const onlyActions = actions ? 'AND action IN (SELECT value FROM json_each(?))' : '';
    const rows = this.database
      .prepare(`SELECT id, occurred_at, actor, action, details FROM audit_log WHERE id < ? ${onlyActions} ORDER BY id DESC LIMIT ?`)
      .all(...[beforeId ?? Number.MAX_SAFE_INTEGER, ...(actions ? [JSON.stringify(actions)] : []), limit]) as Array<{
      id: number;
      occurred_at: string;
      actor: string;
      action: string;
      details: string;
    }>;
    return rows.map((row) => ({ id: row.id, occurredAt: row.occurred_at, actor: row.actor, action: row.action, details: JSON.parse(row.details) }));
  }

  settings(): VaultSettings {
    const rows = this.database.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]));
    return { ...DEFAULT_SETTINGS, ...stored };
  }

  updateSettings(changes: Partial<VaultSettings>): VaultSettings {
    this.assertWritable();
    const upsert = this.database.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.database.transaction(() => {
      for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
      this.audit('settings.updated', changes);
    })();
    return this.settings();
  }

  /**
   * The recovery secret inside the vault must unwrap the key file's recovery slot, so that the
   * recovery key shown in the settings always works. A rotation interrupted between its steps can
   * leave them apart; the secret inside the vault wins and the slot is rewrapped.
   */
  private repairRecoverySlot(): void {
    const secret = readRecoverySecret(this.database);
    const kek = recoveryKeyEncryptionKey(secret, this.vaultId);
    secret.fill(0);
    try {
      updateKeyFile(this.path, (fresh) => {
        const unwrapped = unwrapKey(kek, fresh.slots.recovery, fresh.vaultId, 'recovery');
        const matches = unwrapped !== null && crypto.timingSafeEqual(unwrapped, this.databaseKey);
        unwrapped?.fill(0);
        return matches ? fresh : { ...fresh, slots: { ...fresh.slots, recovery: wrapKey(kek, this.databaseKey, fresh.vaultId, 'recovery') } };
      });
    } finally {
      kek.fill(0);
    }
  }

  /**
   * Check the passphrase against the key file without touching the open database. A guess inside
   * a session is a guess like one at unlock: it goes through the same throttle and counter (else a
   * session left open would allow unlimited guessing), and each wrong one is recorded in the trail.
   */
  private async verifyPassphrase(passphrase: string, purpose: PassphrasePurpose): Promise<{ keyFile: KeyFile; kek: Buffer }> {
    try {
      const { keyFile, result: kek } = await throttledAttempt(
        this.path,
        'passphrase',
        () => this.options.now?.() ?? new Date(),
        async (keyFile) => {
          const kek = await deriveKeyEncryptionKey(passphrase, keyFile.kdf);
          let matches = false;
          try {
            // The vault may have been locked while Argon2id ran (the core serialises calls, but be sure).
            const databaseKey = this.openKey();
            const unwrapped = unwrapKey(kek, keyFile.slots.passphrase, keyFile.vaultId, 'passphrase');
            matches = unwrapped !== null && crypto.timingSafeEqual(unwrapped, databaseKey);
            unwrapped?.fill(0);
          } finally {
            if (!matches) kek.fill(0);
          }
          return matches ? kek : null;
        },
      );
      return { keyFile, kek };
    } catch (error) {
      // Locked meanwhile (only a caller outside the core's queue can do that): nowhere to write.
      if (error instanceof CoreError && error.code === 'WRONG_PASSPHRASE' && this.isOpen) {
        this.audit('vault.passphrase-refused', { purpose, failedAttempts: Number(error.details?.failedAttempts ?? 0) });
      }
      throw error;
    }
  }

  /** Rewrap the database key under a new passphrase: instant, and the old passphrase stops working. */
  async changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    this.assertWritable();
    assertPassphraseStrongEnough(newPassphrase);
    const { kek } = await this.verifyPassphrase(currentPassphrase, 'passphrase-change');
    kek.fill(0);
    const kdf = await calibrateKdf(this.options.kdf);
    const newKek = await deriveKeyEncryptionKey(newPassphrase, kdf);
    try {
      const databaseKey = this.openKey();
      // Inside the key-file lock: an unlock attempt elsewhere must not write its counter back over the new slot.
      await withKeyFileLock(this.path, async () =>
        updateKeyFile(this.path, (fresh) => ({
          ...fresh,
          kdf,
          slots: { ...fresh.slots, passphrase: wrapKey(newKek, databaseKey, fresh.vaultId, 'passphrase') },
        })),
      );
    } finally {
      newKek.fill(0);
    }
    this.audit('vault.passphrase-changed', {});
  }

  /** The recovery key again, after the passphrase is re-entered. */
  async recoveryKey(passphrase: string): Promise<string> {
    const { kek } = await this.verifyPassphrase(passphrase, 'recovery-key');
    kek.fill(0);
    const secret = readRecoverySecret(this.database);
    try {
      this.audit('vault.recovery-key-shown', {});
      return formatRecoveryKey(secret);
    } finally {
      secret.fill(0);
    }
  }

  /**
   * Re-encrypt the whole file under a fresh database key (PRAGMA rekey), for when the key may have
   * leaked, then issue a new recovery key: the old recovery secret was readable with the old key.
   * Each step may be interrupted; unlock repairs what it left (openWithCandidates picks the key that
   * opens the file and makes its slots current; repairRecoverySlot lines the recovery slot up with
   * the secret inside). Rekey phase, with the recovery secret unchanged so both credentials keep
   * working throughout:
   *   1. the key file records the new key's slots as pending;
   *   2. PRAGMA rekey (SQLite3MultipleCiphers cannot rekey in WAL mode: the journal switches to
   *      DELETE for it, so the rekey is one rolled-back-or-done transaction);
   *   3. the key file makes the new slots current; back to WAL.
   * Then renewRecoveryKey.
   */
  async rotateKey(passphrase: string): Promise<{ recoveryKey: string }> {
    this.assertWritable();
    const { keyFile, kek } = await this.verifyPassphrase(passphrase, 'key-rotation');
    // The rekey needs the file to itself (journal mode DELETE): the background reader stops first.
    await this.stopIntegrityCheck();
    const db = this.database;
    const newKey = crypto.randomBytes(32);
    const secret = readRecoverySecret(db);
    const recoveryKek = recoveryKeyEncryptionKey(secret, keyFile.vaultId);
    secret.fill(0);
    const newSlots: KeySlots = {
      passphrase: wrapKey(kek, newKey, keyFile.vaultId, 'passphrase'),
      recovery: wrapKey(recoveryKek, newKey, keyFile.vaultId, 'recovery'),
    };
    kek.fill(0);
    recoveryKek.fill(0);
    // Every key-file step of the rotation inside the key-file lock (as each unlock attempt is), so
    // that no attempt from another process writes a stale copy back between them.
    const recoveryKey = await withKeyFileLock(this.path, async () => this.rekeyAndRenew(db, newKey, newSlots));
    // The rekey rewrote every page: check the new file, whether or not the first check had finished.
    this.startIntegrityCheck(this.integrityListener ?? undefined);
    return { recoveryKey };
  }

  /** The steps of rotateKey from the pending slots on; the caller holds the key-file lock. */
  private rekeyAndRenew(db: Connection, newKey: Buffer, newSlots: KeySlots): string {
    updateKeyFile(this.path, (fresh) => ({ ...fresh, pendingRotation: newSlots }));
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    } catch (error) {
      // The rekey is one transaction: on failure the file is still under the old key.
      newKey.fill(0);
      db.pragma('journal_mode = WAL');
      updateKeyFile(this.path, (fresh) => ({ ...fresh, pendingRotation: null }));
      throw toCoreError(error, 'rotate key', this.path);
    }
    // From here the file is under the new key, whatever happens next.
    this.databaseKey.fill(0);
    this.databaseKey = newKey;
    updateKeyFile(this.path, (fresh) => ({ ...fresh, slots: newSlots, pendingRotation: null }));
    db.pragma('journal_mode = WAL');
    this.audit('vault.key-rotated', {});
    return this.renewRecoveryKey();
  }

  /**
   * A new recovery secret, inside the vault and in the key file's recovery slot. The two files
   * cannot change at once, so: the new slot goes in as pending, then the secret is stored, then
   * the slot becomes current. Interrupted, the old recovery key still opens the vault once, after
   * which repairRecoverySlot follows the secret inside (shown in the settings).
   */
  private renewRecoveryKey(): string {
    const newSecret = generateRecoverySecret();
    const kek = recoveryKeyEncryptionKey(newSecret, this.vaultId);
    try {
      const recovery = wrapKey(kek, this.openKey(), this.vaultId, 'recovery');
      updateKeyFile(this.path, (fresh) => ({ ...fresh, pendingRotation: { ...fresh.slots, recovery } }));
      this.database.prepare("UPDATE vault_secret SET value = ? WHERE name = 'recovery_secret'").run(newSecret);
      updateKeyFile(this.path, (fresh) => ({ ...fresh, slots: { ...fresh.slots, recovery }, pendingRotation: null }));
      this.audit('vault.recovery-key-renewed', {});
      return formatRecoveryKey(newSecret);
    } finally {
      kek.fill(0);
      newSecret.fill(0);
    }
  }

  /**
   * An online, consistent, still encrypted copy (VACUUM INTO runs in one read transaction and
   * writes the copy under the same key), with a copy of the key file beside it. Both are written
   * under temporary names and renamed when complete, readable by the owner only. The vault's own
   * files are never a target; an existing file only with `overwrite`. What a killed backup or
   * restore left beside the target is removed first.
   */
  backup(targetPath: string, { overwrite = false }: { overwrite?: boolean } = {}): { path: string; bytes: number } {
    const target = path.resolve(targetPath);
    if (isOwnedBy(this.path, target) || isOwnedBy(this.path, keyFilePathFor(target))) {
      throw new CoreError('INVALID_INPUT', 'a backup cannot be written over the vault itself');
    }
    const exists = pathExists(target, 'backup') || pathExists(keyFilePathFor(target), 'backup', target);
    if (exists && !overwrite) throw new CoreError('VAULT_EXISTS', `${target} exists`);
    const keyFile = readKeyFile(this.path);
    const temporaryDatabase = temporarySiblingPath(target);
    const temporaryKeyFile = keyFilePathFor(temporaryDatabase);
    let targetLock: ProcessLock | undefined;
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      // Held for every backup, not only over an older vault (which must not be open elsewhere): a
      // second backup to the same target is refused, so temporary files found beside it are stale.
      targetLock = ProcessLock.acquire(target);
      removeStaleTemporaryFiles(target);
      // VACUUM INTO would create the copy with SQLite's default mode (0644 less the umask).
      createOwnerOnlyFile(temporaryDatabase);
      this.database.prepare('VACUUM INTO ?').run(temporaryDatabase);
      if (this.readOnly) this.carryTrailInto(temporaryDatabase, target);
      fs.writeFileSync(temporaryKeyFile, JSON.stringify({ ...keyFile, pendingRotation: null, failedAttempts: { count: 0, lastFailureAt: null } }, null, 2) + '\n', {
        mode: 0o600,
      });
      for (const sidecar of sidecarPathsFor(target)) fs.rmSync(sidecar, { force: true });
      commitVaultPair(temporaryDatabase, temporaryKeyFile, target);
    } catch (error) {
      removeTemporaryPair(temporaryDatabase, temporaryKeyFile);
      throw toCoreError(error, 'backup', target);
    } finally {
      targetLock?.release();
    }
    const bytes = fs.statSync(target).size;
    this.audit('vault.backup', { path: target, bytes });
    return { path: target, bytes };
  }

  /**
   * Remove what a killed restore left beside this vault (removeStaleTemporaryFiles): safe while
   * the vault is open, because this process holds its lock. Returns the paths removed.
   */
  removeStaleTemporaryFiles(): string[] {
    if (this.closed) throw new CoreError('VAULT_LOCKED', 'vault is locked');
    // Nothing can have been left on read-only media, and nothing could be removed there.
    if (this.readOnly) return [];
    return removeStaleTemporaryFiles(this.path);
  }

  /**
   * Close the connection and wipe the key. The WAL is folded back first so that one file remains.
   * Never throws: a lock must always happen, even when the audit entry or checkpoint cannot be written.
   */
  lock(): void {
    if (this.closed) return;
    // Callers that can wait (the core) await stopIntegrityCheck first; this only makes sure.
    void this.stopIntegrityCheck();
    if (!this.readOnly) this.foldBackForStorage();
    this.closed = true;
    try {
      this.db.close();
    } finally {
      this.databaseKey.fill(0);
      this.processLock?.release();
    }
  }

  /**
   * The last writes before the close: the lock's audit entry, the WAL folded back, and the file
   * left in rollback-journal mode. A file left in WAL mode cannot be opened where its -shm file
   * cannot be made (read-only media: a copy on a write-protected stick); unlock switches back.
   */
  private foldBackForStorage(): void {
    try {
      this.audit('vault.locked', {});
    } catch {
      // A full disk must not keep the vault open.
    }
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.pragma('journal_mode = DELETE');
    } catch {
      // The WAL stays beside the file and is folded in at the next unlock.
    }
  }

  /**
   * A backup made from read-only media continues the trail the media could not take: this
   * session's entries and the backup's own go into the copy (under the same key) before it is
   * put in place, so that the copy, which is what will be used from now on, tells what was done.
   */
  private carryTrailInto(temporaryDatabase: string, target: string): void {
    const copy = openEncryptedDatabase(temporaryDatabase, this.openKey());
    try {
      const entries = [
        ...this.unrecordedAudit,
        {
          occurredAt: (this.options.now?.() ?? new Date()).toISOString(),
          actor: this.displayName,
          action: 'vault.backup' as const,
          details: { path: target, bytes: fs.statSync(temporaryDatabase).size },
        },
      ];
      for (const entry of entries) writeAuditEntry(copy, entry);
    } finally {
      copy.close();
    }
  }
}
