import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/api/core';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

/**
 * Issue 14, security 10: a vault on read-only media opens with the right passphrase, read-only,
 * for reading, listing, searching and making a copy; every change is refused before it reaches
 * SQLite with VAULT_READ_ONLY, and the files on the media stay exactly as they were.
 *
 * The media are real: as root (where chmod stops nothing) a tmpfs remounted read-only, so that
 * every write fails with EROFS as on a write-protected stick; as another user a folder 0555 with
 * files 0444.
 */

const releases: Array<() => void> = [];
afterEach(() => {
  for (const release of releases.splice(0).reverse()) release();
});

function readOnlyCopyOf(vaultPath: string): { vaultPath: string; how: string } {
  // The vault, its key file, and whatever a crash left beside it.
  const files = [vaultPath, `${vaultPath}.keys`, `${vaultPath}-journal`, `${vaultPath}-wal`].filter((file) => fs.existsSync(file));
  if (process.getuid?.() === 0) {
    const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-alleen-lezen-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m,mode=0700', 'tmpfs', mountPoint]);
    releases.push(() => {
      execFileSync('umount', [mountPoint]);
      fs.rmdirSync(mountPoint);
    });
    for (const file of files) fs.copyFileSync(file, path.join(mountPoint, path.basename(file)));
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    return { vaultPath: path.join(mountPoint, path.basename(vaultPath)), how: 'tmpfs, read-only' };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-alleen-lezen-'));
  for (const file of files) fs.copyFileSync(file, path.join(folder, path.basename(file)));
  for (const file of fs.readdirSync(folder)) fs.chmodSync(path.join(folder, file), 0o444);
  fs.chmodSync(folder, 0o555);
  releases.push(() => {
    fs.chmodSync(folder, 0o755);
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return { vaultPath: path.join(folder, path.basename(vaultPath)), how: 'chmod 0555/0444' };
}

/** A child process that writes into the vault in rollback-journal mode and is killed before its COMMIT. */
function killMidWrite(vaultPath: string, hexKey: string): void {
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(process.argv[1], { fileMustExist: true });
    db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma(\`key="x'\${process.argv[2]}'"\`);
    db.pragma('journal_mode = DELETE'); db.pragma('cache_size = -64');
    db.exec('BEGIN IMMEDIATE');
    db.prepare('UPDATE settings SET value = value WHERE 1').run();
    db.exec('CREATE TABLE ballast (data BLOB)');
    const insert = db.prepare('INSERT INTO ballast VALUES (?)');
    for (let i = 0; i < 64; i++) insert.run(Buffer.alloc(64 * 1024, i));
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script, vaultPath, hexKey], { cwd: process.cwd() });
  expect(fs.existsSync(`${vaultPath}-journal`), 'the killed write left its journal').toBe(true);
}

/** Every file in the folder with its contents' hash: what "left exactly as it was" means. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(folder).map((name) => [
      name,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(folder, name)))
        .digest('hex'),
    ]),
  );
}

async function vaultWithADossier() {
  const { call, core, vaultPath } = await openDossierCore();
  const dossier = await call('dossier.create', { title: 'Hennepzolder Dorpsstraat' });
  await call('signal.create', { receivedOn: '2025-03-01', howReceived: 'meldpunt', summary: 'Geur van hennep bij de Dorpsstraat' });
  await core.dispose();
  return { vaultPath, dossier };
}

function openCore() {
  return new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS });
}

describe('a vault on read-only media', () => {
  it('opens read-only with the right passphrase: read, list, search; the status says so', async () => {
    const { vaultPath: original, dossier } = await vaultWithADossier();
    const media = readOnlyCopyOf(original);
    const before = snapshot(path.dirname(media.vaultPath));
    const core = openCore();
    try {
      const status = await core.call('vault.unlock', { path: media.vaultPath, passphrase: TEST_PASSPHRASE });
      expect(status, media.how).toMatchObject({ state: 'unlocked', readOnly: true });
      expect(await core.call('vault.status', {})).toMatchObject({ readOnly: true });
      const list = await core.call('dossier.list', { sort: 'number', direction: 'asc', limit: 50, offset: 0 });
      expect(list.items.map((item) => item.title)).toEqual(['Hennepzolder Dorpsstraat']);
      expect((await core.call('dossier.get', { dossierId: dossier.id })).title).toBe('Hennepzolder Dorpsstraat');
      const found = await core.call('search.query', { query: 'hennep' });
      expect(found.total).toBeGreaterThan(0);
      expect(await core.call('audit.verify', {})).toMatchObject({ intact: true });
    } finally {
      await core.dispose();
    }
    expect(snapshot(path.dirname(media.vaultPath))).toEqual(before);
  });

  it('refuses every change with VAULT_READ_ONLY before it reaches SQLite, and the media stay as they were', async () => {
    const { vaultPath: original, dossier } = await vaultWithADossier();
    const media = readOnlyCopyOf(original);
    const before = snapshot(path.dirname(media.vaultPath));
    const core = openCore();
    try {
      await core.call('vault.unlock', { path: media.vaultPath, passphrase: TEST_PASSPHRASE });
      const refusals = [
        await core.callUntrusted('dossier.create', { title: 'Nieuw' }),
        await core.callUntrusted('note.add', { dossierId: dossier.id, body: 'Gesprek gevoerd.' }),
        await core.callUntrusted('settings.update', { autoLockMinutes: 5 }),
        await core.callUntrusted('vault.changePassphrase', { currentPassphrase: TEST_PASSPHRASE, newPassphrase: 'een heel nieuw wachtwoord' }),
        // A disclosure is recorded in the trail and the register, which cannot be written here.
        await core.callUntrusted('report.exportCsv', { from: '2025-01-01', to: '2025-12-31', targetPath: path.join(makeTempFolder(), 'r.csv') }),
      ];
      for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, error: { code: 'VAULT_READ_ONLY' } });
      // Still open and readable after the refusals.
      expect((await core.call('dossier.get', { dossierId: dossier.id })).title).toBe('Hennepzolder Dorpsstraat');
    } finally {
      await core.dispose();
    }
    expect(snapshot(path.dirname(media.vaultPath))).toEqual(before);
  });

  it('a wrong passphrase is wrong, not "no access"', async () => {
    const { vaultPath: original } = await vaultWithADossier();
    const media = readOnlyCopyOf(original);
    const core = openCore();
    try {
      expect(await core.callUntrusted('vault.unlock', { path: media.vaultPath, passphrase: 'niet het wachtwoord' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSPHRASE' },
      });
    } finally {
      await core.dispose();
    }
  });

  // chattr +i stops even root from replacing the file; only where the tool and the file system allow it.
  const canPinFiles = spawnSync('chattr', ['--version']).status !== null;

  it.skipIf(!canPinFiles)('a writable vault whose key file cannot be written does not leave a wrong guess uncounted', async () => {
    const { vaultPath } = await vaultWithADossier();
    const keyFile = `${vaultPath}.keys`;
    expect(spawnSync('chattr', ['+i', keyFile]).status, 'chattr +i on the key file').toBe(0);
    releases.push(() => void spawnSync('chattr', ['-i', keyFile]));
    const before = fs.readFileSync(keyFile);
    const core = openCore();
    try {
      // The guess cannot be counted, so it is not answered: "no access", never a silent free try.
      expect(await core.callUntrusted('vault.unlock', { path: vaultPath, passphrase: 'niet het wachtwoord' })).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      });
    } finally {
      await core.dispose();
    }
    expect(fs.readFileSync(keyFile).equals(before)).toBe(true);
  });

  it('a backup copies it to writable media, with the read-only session in the copy’s trail', async () => {
    const { vaultPath: original, dossier } = await vaultWithADossier();
    const media = readOnlyCopyOf(original);
    const target = path.join(makeTempFolder(), 'gered.kluis');
    const core = openCore();
    try {
      await core.call('vault.unlock', { path: media.vaultPath, passphrase: TEST_PASSPHRASE });
      await core.call('dossier.get', { dossierId: dossier.id });
      await core.call('vault.backup', { targetPath: target });
    } finally {
      await core.dispose();
    }
    expect((fs.statSync(target).mode & 0o777).toString(8)).toBe('600');
    const copy = await Vault.unlock(target, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      expect(copy.status()).not.toMatchObject({ readOnly: true });
      const actions = copy.auditTrail(20).map((entry) => entry.action);
      // Newest first: this unlock, then the read-only session's entries, carried into the copy.
      expect(actions.slice(0, 4)).toEqual(['vault.unlocked', 'vault.backup', 'dossier.viewed', 'vault.unlocked']);
      expect(copy.auditTrail(20)[2]!.details).toMatchObject({ dossierId: dossier.id });
      expect(copy.verifyAuditTrail()).toMatchObject({ intact: true });
    } finally {
      copy.lock();
    }
  });

  it('a vault that cannot be read in place (left in WAL mode, with a hot journal, or an older schema) is named as such, untouched', async () => {
    for (const leaveBehind of ['wal-mode', 'older-schema', 'hot-journal'] as const) {
      const { vaultPath: original } = await vaultWithADossier();
      const hexKey = await Vault.revealDatabaseKey(original, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
      // Straight through SQLCipher, as a crash (WAL mode) or an older version (schema) left it.
      const db = new Database(original, { fileMustExist: true });
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${hexKey}'"`);
      if (leaveBehind === 'wal-mode') db.pragma('journal_mode = WAL');
      else if (leaveBehind === 'older-schema') db.pragma(`user_version = ${(db.pragma('user_version', { simple: true }) as number) - 1}`);
      db.close();
      // A write killed midway in rollback-journal mode (a bundle import, an attachment): a hot
      // journal that only a writer may roll back; SQLite answers SQLITE_READONLY_ROLLBACK.
      if (leaveBehind === 'hot-journal') killMidWrite(original, hexKey);
      const media = readOnlyCopyOf(original);
      const before = snapshot(path.dirname(media.vaultPath));
      const core = openCore();
      try {
        expect(await core.callUntrusted('vault.unlock', { path: media.vaultPath, passphrase: TEST_PASSPHRASE }), leaveBehind).toMatchObject({
          ok: false,
          error: { code: 'VAULT_READ_ONLY_NEEDS_COPY' },
        });
      } finally {
        await core.dispose();
      }
      expect(snapshot(path.dirname(media.vaultPath))).toEqual(before);
    }
  });

  it('kluis dossiers and kluis check work there and say that nothing is recorded', async () => {
    const { vaultPath: original } = await vaultWithADossier();
    const media = readOnlyCopyOf(original);
    const env = { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: TEST_PASSPHRASE };
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('electron/core/cli/kluis.ts'), ...args], { env, encoding: 'utf8', timeout: 60_000 });
      return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
    };
    const listed = run(['dossiers', media.vaultPath]);
    expect(listed.stderr).toMatch(/^Alleen lezen: /);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Hennepzolder Dorpsstraat$/);
    const checked = run(['check', media.vaultPath]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('Kluis in orde');
    expect(checked.stderr).toMatch(/^Alleen lezen: /);
    const changed = run(['change-passphrase', media.vaultPath]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/^kluis: Alleen lezen: /);
  });
});
