import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { CoreError, fromFileSystemError } from '../kernel/errors';

export type Connection = Database.Database;

export interface ConnectionOptions {
  /**
   * Open for reading only: the vault sits where nothing can be written (read-only media). SQLite
   * then refuses every write itself too, behind the core's own refusal (VAULT_READ_ONLY).
   */
  readOnly?: boolean;
  /** Path of a better_sqlite3.node built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Page cache in MiB: decrypted pages held here make reads as fast as plaintext. */
  cacheMebibytes?: number;
}

const DEFAULT_CACHE_MEBIBYTES = 64;

/** SQLCipher 4 keyed with a raw 256-bit key: the file opens in any SQLCipher 4 tool with that key. */
function applyKey(db: Connection, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  // The key has to pass through a JS string here; it lives only as long as this statement.
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/**
 * An existing vault is never an empty file: creation writes the first page before the key file
 * exists. SQLite would take an empty file for a valid empty database (which unlock then migrates
 * into a fresh vault) and deletes a WAL it finds beside one, so it is refused before SQLite
 * touches it. A FIFO or device is no vault either, and reading one can block for good.
 */
function assertExistingVaultFile(path: string): void {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(path);
  } catch (error) {
    throw fromFileSystemError(error, 'open vault');
  }
  if (!stats.isFile()) throw new CoreError('VAULT_CORRUPT', 'vault path is not a regular file');
  if (stats.size === 0) throw new CoreError('VAULT_CORRUPT', 'vault file is empty');
}

/**
 * Open the encrypted file and prove the key by reading the header. Nothing is written: a vault
 * that turns out too new, corrupt or empty is left exactly as it was.
 */
export function openEncryptedDatabase(path: string, key: Buffer, options: ConnectionOptions & { create?: boolean } = {}): Connection {
  if (!options.create) assertExistingVaultFile(path);
  let db: Connection;
  try {
    db = new Database(path, { readonly: options.readOnly === true, fileMustExist: !options.create, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw fromFileSystemError(error, 'open vault');
  }
  let schemaObjects: number;
  let userVersion: number;
  try {
    applyKey(db, key);
    userVersion = db.pragma('user_version', { simple: true }) as number;
    schemaObjects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  } catch (error) {
    db.close();
    // A file in WAL mode (left so by a crash, or by a version that did not switch back at the lock)
    // needs its -shm file beside it, which cannot be made on read-only media; a hot journal left by
    // a killed write needs a writer to roll it back (SQLITE_READONLY_ROLLBACK and its kin). Neither
    // is damage: calling it corrupt could send the user to an older backup.
    const code = String((error as { code?: unknown }).code);
    if (options.readOnly && (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))) {
      throw new CoreError('VAULT_READ_ONLY_NEEDS_COPY', `read-only vault cannot be opened in place: ${(error as Error).message}`, undefined, { cause: error });
    }
    throw new CoreError('VAULT_CORRUPT', `vault cannot be read with its key: ${(error as Error).message}`, undefined, { cause: error });
  }
  // A vault with a key file has had its first migration committed; one without any would be
  // "migrated" into a new, empty vault in place of the one the user lost.
  if (!options.create && userVersion === 0 && schemaObjects === 0) {
    db.close();
    throw new CoreError('VAULT_CORRUPT', 'vault file holds no vault (no schema)');
  }
  return db;
}

/** The settings every connection runs with; each says below what it protects against. */
export function configureConnection(db: Connection, options: ConnectionOptions = {}): void {
  if (options.readOnly) {
    // Only what reading needs: the journal mode and the rest are settings of a writer.
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma(`cache_size = ${-1024 * (options.cacheMebibytes ?? DEFAULT_CACHE_MEBIBYTES)}`);
    return;
  }
  db.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives a power cut, not only a crash of the process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten, so dossiers destroyed after their retention period are gone.
  db.pragma('secure_delete = ON');
  // Sorts and temporary tables stay in memory: SQLite's temp files are not encrypted.
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = ${-1024 * (options.cacheMebibytes ?? DEFAULT_CACHE_MEBIBYTES)}`);
  db.pragma('busy_timeout = 5000');
}

/** A quick structural check of the whole file; the first problem it finds, or null when the file is sound. */
export function quickCheck(db: Connection): string | null {
  const rows = db.pragma('quick_check(1)') as Array<{ quick_check: string }>;
  const first = rows[0]?.quick_check ?? 'no answer';
  return first === 'ok' ? null : first;
}

/** `PRAGMA quick_check` of one table with its indexes; the first problem, or null. */
export function quickCheckTable(db: Connection, table: string): string | null {
  const rows = db.pragma(`quick_check('${table.replaceAll("'", "''")}')`) as Array<{ quick_check: string }>;
  const first = rows[0]?.quick_check ?? 'no answer';
  return first === 'ok' ? null : first;
}

/**
 * The tables unlock itself reads, which stay a few pages whatever the vault holds: the schema,
 * the vault's identity and settings, the phenomena list. Checked at every unlock; everything else
 * is checked in the background (integrity-check.ts), so unlock does not grow with the vault.
 */
export const UNLOCK_CHECKED_TABLES = ['sqlite_schema', 'vault_meta', 'vault_secret', 'settings', 'dossier_number_counters', 'phenomena'] as const;

/**
 * The bounded check at unlock: page 1 and the schema were read by openEncryptedDatabase; here the
 * small tables above get their structural check (SQLCipher verifies each page's HMAC as it is read).
 */
export function unlockCheck(db: Connection): string | null {
  const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  for (const table of UNLOCK_CHECKED_TABLES) {
    if (table !== 'sqlite_schema' && !present.has(table)) continue;
    const problem = quickCheckTable(db, table);
    if (problem) return `${table}: ${problem}`;
  }
  return null;
}

/**
 * A second, read-only connection to an open vault (WAL lets a reader run beside the writer), for
 * the background integrity check. The caller wipes its copy of the key.
 */
export function openReadOnlyConnection(path: string, key: Uint8Array, options: ConnectionOptions = {}): Connection {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    applyKey(db, Buffer.from(key.buffer, key.byteOffset, key.byteLength));
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = ${-1024 * (options.cacheMebibytes ?? 16)}`);
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
