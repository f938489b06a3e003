import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/kernel/errors';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

const childScript = path.join(import.meta.dirname, 'support', 'vault-child.ts');

function startChild(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', childScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(line)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${line}"; said: ${seen}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function createVault(folder: string) {
  const vaultPath = path.join(folder, 'Werkbestand.kluis');
  const { vault } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'Test Gebruiker' }, FAST_VAULT_OPTIONS);
  return { vaultPath, vault };
}

describe('one process per vault', () => {
  it('a second opener gets VAULT_IN_USE; the lock of a killed process is taken over', async () => {
    const { vaultPath, vault } = await createVault(makeTempFolder());
    vault.lock();
    const holder = startChild(['hold', vaultPath, TEST_PASSPHRASE]);
    try {
      await waitForLine(holder, 'OPEN');
      const error = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('VAULT_IN_USE');
    } finally {
      await killed(holder);
    }
    // The holder died without cleaning up: its lock file is still there, and stale.
    expect(fs.existsSync(`${vaultPath}.lock`)).toBe(true);
    const opened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(opened.isOpen).toBe(true);
    // And within one process, a second open is refused too.
    const again = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS).catch((e: unknown) => e);
    expect((again as CoreError).code).toBe('VAULT_IN_USE');
    opened.lock();
  });
});

describe('crash safety', () => {
  it('SIGKILL in the middle of a large transaction leaves a sound vault with all or none of it', async () => {
    const { vaultPath, vault } = await createVault(makeTempFolder());
    vault.database.exec('CREATE TABLE crash_test (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
    vault.database.prepare('INSERT INTO crash_test (payload) VALUES (?)').run('before the crash');
    vault.lock();

    // 60k rows of 2 kB: about 120 MB, well past the 64 MB page cache, so pages spill to the WAL
    // before the commit that never comes.
    const rows = 60_000;
    const writer = startChild(['big-transaction', vaultPath, TEST_PASSPHRASE, String(rows)]);
    await waitForLine(writer, 'MID');
    await killed(writer);
    expect(writer.signalCode).toBe('SIGKILL');
    expect(fs.statSync(`${vaultPath}-wal`).size).toBeGreaterThan(1_000_000);

    const opened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(opened.database.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = opened.database.prepare('SELECT count(*) FROM crash_test').pluck().get() as number;
    expect([1, rows + 1]).toContain(count);
    expect(count).toBe(1); // killed before the commit: none of it
    opened.lock();
  });

  it('SIGKILL during a key rotation leaves a vault that opens with its passphrase', async () => {
    const { vaultPath, vault } = await createVault(makeTempFolder());
    vault.database.exec('CREATE TABLE crash_test (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
    const insert = vault.database.prepare('INSERT INTO crash_test (payload) VALUES (?)');
    vault.database.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`${i}:${'y'.repeat(2000)}`);
    })();
    vault.lock();

    // Kill at three moments: before the rekey, and twice while it rewrites the file (its rollback
    // journal exists only then).
    for (const moment of ['before-rekey', 'during-rekey', 'during-rekey'] as const) {
      const rotator = startChild(['rotate', vaultPath, TEST_PASSPHRASE]);
      await waitForLine(rotator, 'ROTATING');
      if (moment === 'during-rekey') {
        const journal = `${vaultPath}-journal`;
        while (!fs.existsSync(journal) && rotator.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(fs.existsSync(journal)).toBe(true);
      }
      await killed(rotator);
      const opened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
      expect(opened.database.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(opened.database.prepare('SELECT count(*) FROM crash_test').pluck().get()).toBe(20_000);
      opened.lock();
      expect(fs.existsSync(`${vaultPath}-journal`)).toBe(false);
    }
  });
});

describe('backups: owner-only, and no leftovers of a killed one', () => {
  it('a backup killed midway leaves owner-only files, which the next backup removes and nothing else', async () => {
    const folder = makeTempFolder();
    const { vaultPath, vault } = await createVault(folder);
    // Large enough that the copy takes a while: random bytes, so nothing shrinks them.
    vault.database.exec('CREATE TABLE filler (payload BLOB) STRICT');
    const insert = vault.database.prepare('INSERT INTO filler VALUES (?)');
    vault.database.transaction(() => {
      for (let i = 0; i < 15_000; i++) insert.run(crypto.randomBytes(4000));
    })();
    vault.lock();
    const backupFolder = makeTempFolder();
    const target = path.join(backupFolder, 'kopie.kluis');
    const leftover = /^\.kopie\.kluis\.[0-9a-f]{12}\.tmp/;

    const child = startChild(['backup', vaultPath, TEST_PASSPHRASE, target]);
    await waitForLine(child, 'BACKING-UP');
    const deadline = Date.now() + 30_000;
    while (!fs.readdirSync(backupFolder).some((name) => leftover.test(name) && fs.statSync(path.join(backupFolder, name)).size > 1_000_000)) {
      if (child.exitCode !== null) throw new Error('the backup finished before it could be killed: make the vault larger');
      if (Date.now() > deadline) throw new Error('no temporary backup file appeared');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await killed(child);

    const leftovers = fs.readdirSync(backupFolder).filter((name) => leftover.test(name));
    expect(leftovers.length).toBeGreaterThan(0);
    expect(fs.existsSync(target)).toBe(false);
    // Written under umask 000, yet readable by the owner only, from the first byte.
    for (const name of leftovers) expect(fs.statSync(path.join(backupFolder, name)).mode & 0o777, name).toBe(0o600);

    // Files that only look like ours, or are someone else's, stay.
    const others = ['.kopie.kluis.0123456789ab.tmp.bak', 'kopie.kluis.0123456789ab.tmp', '.kopie.kluis.notes.tmp', '.andere.kluis.0123456789ab.tmp', 'notities.txt'];
    for (const name of others) fs.writeFileSync(path.join(backupFolder, name), name);
    fs.mkdirSync(path.join(backupFolder, '.kopie.kluis.abcdefabcdef.tmp'));

    const again = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    const umask = process.umask(0o000);
    try {
      again.backup(target);
    } finally {
      process.umask(umask);
      again.lock();
    }
    expect(fs.readdirSync(backupFolder).sort()).toEqual(['.kopie.kluis.abcdefabcdef.tmp', ...others, 'kopie.kluis', 'kopie.kluis.keys'].sort());
    for (const name of ['kopie.kluis', 'kopie.kluis.keys']) expect(fs.statSync(path.join(backupFolder, name)).mode & 0o777, name).toBe(0o600);
    const copy = await Vault.unlock(target, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(copy.database.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(15_000);
    copy.lock();
  });
});

describe('nothing decrypted reaches the disk', () => {
  const CANARY = 'KANARIE-7f3a9c-GEHEIM-SIGNAAL';

  function filesContaining(folder: string, needles: Buffer[]): string[] {
    const hits: string[] = [];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch {
        continue; // vanished or unreadable (another process's temp file)
      }
      if (needles.some((needle) => content.includes(needle))) hits.push(file);
    }
    return hits;
  }

  it('the canary appears in no file: database, WAL, SHM, key file, lock, backup, temp folder', async () => {
    const folder = makeTempFolder();
    const tempBefore = new Set(fs.readdirSync(os.tmpdir()));
    const { vaultPath, vault } = await createVault(folder);
    const db = vault.database;
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 5_000; i++) insert.run(`${CANARY} notitie ${i} ${'z'.repeat(500)}`);
    })();
    vault.audit('bundle.organisation-set', { organisation: CANARY });
    // A sort big enough to want a temporary file (kept in memory by temp_store = MEMORY).
    db.prepare('SELECT body FROM notes ORDER BY body DESC').all();
    db.exec(`DELETE FROM notes WHERE id % 2 = 0`);
    vault.backup(path.join(folder, 'kopie.kluis'));

    const needles = [Buffer.from(CANARY, 'utf8'), Buffer.from(CANARY, 'utf16le'), Buffer.from('KANARIE', 'utf8')];
    expect(fs.existsSync(`${vaultPath}-wal`)).toBe(true);
    expect(filesContaining(folder, needles)).toEqual([]);
    vault.lock();
    expect(filesContaining(folder, needles)).toEqual([]);

    const newTempEntries = fs.readdirSync(os.tmpdir()).filter((name) => !tempBefore.has(name) && !folder.endsWith(name));
    for (const name of newTempEntries) {
      const entry = path.join(os.tmpdir(), name);
      const hits = fs.statSync(entry, { throwIfNoEntry: false })?.isDirectory()
        ? filesContaining(entry, needles)
        : filesContaining(os.tmpdir(), needles).filter((hit) => path.basename(hit) === name);
      expect(hits).toEqual([]);
    }
  });
});
