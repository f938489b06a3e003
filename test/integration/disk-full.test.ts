import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BULK_CACHE_MEBIBYTES } from '../../electron/core/attachments/bulk-write';
import { Core } from '../../electron/core/api/core';
import { CoreError, toCoreError } from '../../electron/core/kernel/errors';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { fillSampleDossier, introduce, openBundleVault } from './support/bundles';

/** A real, small file system (tmpfs) when this process may mount one (root on Linux); else null. */
function mountTinyFileSystem(kilobytes: number): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', folder], { stdio: 'ignore' });
    mounted.push(folder);
    return folder;
  } catch {
    return null;
  }
}
const mounted: string[] = [];
afterAll(() => {
  for (const folder of mounted) {
    execFileSync('umount', [folder], { stdio: 'ignore' });
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

describe('a full disk', () => {
  it('a write that does not fit answers DISK_FULL and leaves the data as it was', async () => {
    const { vault } = await Vault.create(path.join(makeTempFolder(), 'vol.kluis'), { passphrase: TEST_PASSPHRASE, displayName: 'Test' }, FAST_VAULT_OPTIONS);
    const db = vault.database;
    db.exec('CREATE TABLE notes (body TEXT NOT NULL) STRICT');
    db.prepare('INSERT INTO notes VALUES (?)').run('er was eens');
    // SQLite's page ceiling stands in for the disk: the same SQLITE_FULL as a full stick.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const insert = db.prepare('INSERT INTO notes VALUES (?)');
    let caught: unknown;
    try {
      db.transaction(() => {
        for (let i = 0; i < 100; i++) insert.run('x'.repeat(10_000));
      })();
    } catch (error) {
      caught = toCoreError(error, 'write');
    }
    expect(caught).toBeInstanceOf(CoreError);
    expect((caught as CoreError).code).toBe('DISK_FULL');
    expect(db.prepare('SELECT body FROM notes').pluck().all()).toEqual(['er was eens']);
    vault.lock();
  });

  const tiny = mountTinyFileSystem(256);
  it.skipIf(!tiny)('creating a vault on a full disk says DISK_FULL and leaves no half vault', async () => {
    fs.writeFileSync(path.join(tiny!, 'vulling'), Buffer.alloc(240 * 1024));
    const core = new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS });
    const result = await core.callUntrusted('vault.create', { path: path.join(tiny!, 'vol.kluis'), passphrase: TEST_PASSPHRASE, displayName: 'Test' });
    expect(result.ok ? result : result.error.code, JSON.stringify(result)).toBe('DISK_FULL');
    expect(fs.readdirSync(tiny!)).toEqual(['vulling']);
    await core.dispose();
  });

  const stick = mountTinyFileSystem(64);
  it.skipIf(!stick)('a backup to a full stick says DISK_FULL, leaves no partial file, and the vault keeps working', async () => {
    const { vault } = await Vault.create(path.join(makeTempFolder(), 'werk.kluis'), { passphrase: TEST_PASSPHRASE, displayName: 'Test' }, FAST_VAULT_OPTIONS);
    vault.database.exec('CREATE TABLE notes (body TEXT NOT NULL) STRICT');
    vault.database.prepare('INSERT INTO notes VALUES (?)').run('y'.repeat(200_000)); // larger than the stick
    let caught: unknown;
    try {
      vault.backup(path.join(stick!, 'kopie.kluis'));
    } catch (error) {
      caught = error;
    }
    expect((caught as CoreError | undefined)?.code).toBe('DISK_FULL');
    expect(fs.readdirSync(stick!)).toEqual([]);
    expect(vault.database.prepare('SELECT length(body) FROM notes').pluck().get()).toBe(200_000);
    vault.lock();
  });

  const smallVolume = mountTinyFileSystem(2048);
  it.skipIf(!smallVolume)('an import that outgrows the disk says DISK_FULL, not a bad bundle, and leaves the vault as it was', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger', { root: smallVolume! });
    try {
      const { bInA } = await introduce(a, b);
      // Beyond the import's page cache, so that the vault file must grow while the bundle is still being read.
      const sample = await fillSampleDossier(a, { attachmentBytes: (BULK_CACHE_MEBIBYTES + 4) * 1024 * 1024 });
      const bundle = path.join(makeTempFolder(), 'groot.dkbundel');
      await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle });
      const inspection = await b.call('bundle.inspect', { path: bundle });
      const before = await b.digest();

      const failure = await b.fail('bundle.import', { path: bundle, manifestSha256: inspection.manifestSha256 });
      expect(failure.code, failure.message).toBe('DISK_FULL');
      expect(await b.digest()).toBe(before);
      // The vault keeps working, and the bundle is still the valid bundle it was.
      expect((await b.call('bundle.inspect', { path: bundle })).manifestSha256).toBe(inspection.manifestSha256);
      expect(await b.call('dossier.list', {})).toMatchObject({ total: 0 });
    } finally {
      await Promise.all([a.core.dispose(), b.core.dispose()]);
    }
  });
});
