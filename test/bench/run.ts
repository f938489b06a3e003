/**
 * npm run bench: figures for the vault, measured in one run on this machine. Absolute times on a
 * shared machine mean little, so the comparisons are printed as ratios (encrypted / plaintext).
 *   BENCH_VAULT_MB   size of the large vault for the open-time figure (default 1024)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { configureConnection, openEncryptedDatabase, quickCheck, type Connection } from '../../electron/core/vault/connection';
import { FAST_KDF_FOR_TESTS, deriveKeyEncryptionKey } from '../../electron/core/vault/kdf';
import { readKeyFile } from '../../electron/core/vault/key-file';
import { Vault } from '../../electron/core/vault/vault';

const PASSPHRASE = 'benchmark wachtwoord 2026';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-'));
const rows: string[][] = [];

function time<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function unlockFigures(): Promise<void> {
  const vaultPath = path.join(folder, 'calibrated.kluis');
  const created = await timeAsync(() => Vault.create(vaultPath, { passphrase: PASSPHRASE, displayName: 'Bench' }));
  created.value.vault.lock();
  const kdf = readKeyFile(vaultPath).kdf;
  const kdfTimes: number[] = [];
  const unlockTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    kdfTimes.push((await timeAsync(() => deriveKeyEncryptionKey(PASSPHRASE, kdf))).ms);
    const unlocked = await timeAsync(() => Vault.unlock(vaultPath, { passphrase: PASSPHRASE }));
    unlockTimes.push(unlocked.ms);
    unlocked.value.lock();
  }
  rows.push(['Argon2id parameters (calibrated)', `${kdf.memoryKiB / 1024} MiB, ${kdf.iterations} passes, parallelism ${kdf.parallelism}`]);
  rows.push(['Create vault (calibration + KDF + schema)', fmt(created.ms)]);
  rows.push(['Argon2id alone (median of 3)', fmt(median(kdfTimes))]);
  rows.push(['Unlock: KDF + open + quick_check (median of 3)', fmt(median(unlockTimes))]);
}

function fillTable(db: Connection, megabytes: number): number {
  db.exec('CREATE TABLE IF NOT EXISTS blob_rows (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, body BLOB NOT NULL) STRICT');
  db.exec('CREATE INDEX IF NOT EXISTS blob_rows_tag ON blob_rows (tag)');
  const insert = db.prepare('INSERT INTO blob_rows (tag, body) VALUES (?, ?)');
  const rowBytes = 4000;
  const total = Math.ceil((megabytes * 1024 * 1024) / rowBytes);
  const body = crypto.randomBytes(rowBytes); // random: incompressible, like real attachments
  const batch = 5_000;
  for (let start = 0; start < total; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(total, start + batch); i++) insert.run(`tag-${i % 1000}`, body);
    })();
  }
  return total;
}

async function largeVaultFigure(): Promise<void> {
  const megabytes = Number(process.env.BENCH_VAULT_MB ?? 1024);
  const vaultPath = path.join(folder, 'large.kluis');
  const fast = { kdf: FAST_KDF_FOR_TESTS };
  const { vault } = await Vault.create(vaultPath, { passphrase: PASSPHRASE, displayName: 'Bench' }, fast);
  const filled = time(() => fillTable(vault.database, megabytes));
  vault.lock();
  const size = fs.statSync(vaultPath).size;
  const kdfMs = (await timeAsync(() => deriveKeyEncryptionKey(PASSPHRASE, readKeyFile(vaultPath).kdf))).ms;
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const unlocked = await timeAsync(() => Vault.unlock(vaultPath, { passphrase: PASSPHRASE }, fast));
    opens.push(unlocked.ms - kdfMs);
    unlocked.value.lock();
  }
  const keyHex = await Vault.revealDatabaseKey(vaultPath, { passphrase: PASSPHRASE }, fast);
  const key = Buffer.from(keyHex, 'hex');
  const bareOpen = time(() => {
    const db = openEncryptedDatabase(vaultPath, key, {});
    configureConnection(db);
    return db;
  });
  const check = time(() => quickCheck(bareOpen.value));
  bareOpen.value.close();
  rows.push([`Fill a ${(size / 1024 / 1024).toFixed(0)} MB vault (${filled.value} rows)`, fmt(filled.ms)]);
  rows.push([`Open that vault, without the KDF (quick_check included, median of 3)`, fmt(median(opens))]);
  rows.push(['  of which: open and configure the connection', fmt(bareOpen.ms)]);
  rows.push([`  of which: PRAGMA quick_check (${check.value ?? 'ok'})`, fmt(check.ms)]);
  fs.rmSync(vaultPath, { force: true });
}

/** Encrypted against plaintext, same schema, same data, same connection settings. */
function ratioFigures(): void {
  const megabytes = 200;
  const key = crypto.randomBytes(32);
  const encrypted = openEncryptedDatabase(path.join(folder, 'ratio-enc.db'), key, { create: true });
  const plain = new Database(path.join(folder, 'ratio-plain.db'));
  for (const db of [encrypted, plain]) configureConnection(db, { cacheMebibytes: 256 });

  const insertEnc = time(() => fillTable(encrypted, megabytes)).ms;
  const insertPlain = time(() => fillTable(plain, megabytes)).ms;
  rows.push([`Bulk insert ${megabytes} MB: encrypted / plaintext`, `${ratio(insertEnc, insertPlain)} (${fmt(insertEnc)} / ${fmt(insertPlain)})`]);

  // The tail of each blob lives on its overflow page: reading it forces every page through the cipher.
  const scan = (db: Connection) => db.prepare('SELECT max(substr(body, -8)) FROM blob_rows').pluck().get();
  scan(encrypted);
  scan(plain);
  const scanEnc = median([0, 1, 2].map(() => time(() => scan(encrypted)).ms));
  const scanPlain = median([0, 1, 2].map(() => time(() => scan(plain)).ms));
  rows.push(['Full scan, warm 256 MB cache: encrypted / plaintext', `${ratio(scanEnc, scanPlain)} (${fmt(scanEnc)} / ${fmt(scanPlain)})`]);

  const lookup = (db: Connection) => {
    const statement = db.prepare('SELECT count(*) FROM blob_rows WHERE tag = ?').pluck();
    for (let i = 0; i < 2_000; i++) statement.get(`tag-${i % 1000}`);
  };
  const lookupEnc = time(() => lookup(encrypted)).ms;
  const lookupPlain = time(() => lookup(plain)).ms;
  rows.push(['2000 indexed lookups: encrypted / plaintext', `${ratio(lookupEnc, lookupPlain)} (${fmt(lookupEnc)} / ${fmt(lookupPlain)})`]);
  encrypted.close();
  plain.close();
}

try {
  await unlockFigures();
  ratioFigures();
  await largeVaultFigure();
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([label]) => label!.length));
console.log(`\nDossierkluis vault benchmark (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version})\n`);
for (const [label, value] of rows) console.log(`${label!.padEnd(width)}  ${value}`);
