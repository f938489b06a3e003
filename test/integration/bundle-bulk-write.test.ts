/**
 * The throughput changes measured in test/bench/bundles.ts: large writes go through the rollback
 * journal and come back to the WAL, the export's file is written on the thread pool in order, and
 * the core's event loop turns during a long export.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentApi } from '../../shared/api/attachments';
import { dossierApi } from '../../shared/api/dossiers';
import { importAttachment } from '../../electron/core/attachments/attachments';
import { BULK_CACHE_MEBIBYTES } from '../../electron/core/attachments/bulk-write';
import { QueuedFileWriter } from '../../electron/core/bundles/streams';
import { EXPORT_CACHE_MEBIBYTES, exportBundle } from '../../electron/core/bundles/export';
import { loadVaultKeys } from '../../electron/core/bundles/identity';
import { bundleApi } from '../../shared/api/bundles';
import { coreContextFor } from '../../electron/core/kernel/context';
import { openReadOnlyConnection } from '../../electron/core/vault/connection';
import { createDossier } from '../../electron/core/dossiers/dossiers';
import { Vault } from '../../electron/core/vault/vault';
import { importKilledMidway } from './support/import-killed-midway';
import { startStallGauge } from '../support/stall-gauge';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { fillSampleDossier, introduce, openBundleVault, randomFile, type BundleVault } from './support/bundles';

const MiB = 1024 * 1024;
const openVaults: Vault[] = [];

afterEach(() => {
  for (const vault of openVaults.splice(0)) vault.lock();
});

async function vaultWithDossier() {
  const folder = makeTempFolder('kluis-bulk-');
  const vaultPath = path.join(folder, 'bulk.kluis');
  const { vault } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'P. Leider' }, FAST_VAULT_OPTIONS);
  openVaults.push(vault);
  const context = coreContextFor(vault);
  const dossierId = createDossier(context, dossierApi['dossier.create'].input.parse({ title: 'Grote bijlagen' })).id;
  return { vault, vaultPath, folder, context, dossierId };
}

const journalMode = (vault: Vault) => vault.database.pragma('journal_mode', { simple: true });
const cacheSize = (vault: Vault) => vault.database.pragma('cache_size', { simple: true });

describe('large writes through the rollback journal', () => {
  it('attachment.import writes with the rollback journal and a small cache, then returns to the WAL and the usual cache', async () => {
    const { vault, folder, context, dossierId } = await vaultWithDossier();
    const source = randomFile(folder, 'groot.bin', 24 * MiB);
    const cacheBefore = cacheSize(vault);
    const during: Array<{ mode: unknown; cache: unknown }> = [];
    const attachment = importAttachment(context, attachmentApi['attachment.import'].input.parse({ dossierId, sourcePath: source }), (done) => {
      if (done === 12 * MiB) during.push({ mode: journalMode(vault), cache: cacheSize(vault) });
    });
    expect(during).toEqual([{ mode: 'delete', cache: -1024 * BULK_CACHE_MEBIBYTES }]);
    expect(journalMode(vault)).toBe('wal');
    expect(cacheSize(vault)).toBe(cacheBefore);
    expect(fs.existsSync(`${vault.path}-journal`)).toBe(false);
    const stored = Buffer.concat(vault.database.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq').pluck().all(attachment.id) as Buffer[]);
    expect(crypto.createHash('sha256').update(stored).digest('hex')).toBe(crypto.createHash('sha256').update(fs.readFileSync(source)).digest('hex'));
  });

  it('stays in WAL mode, without waiting, while another connection has the vault open (the background integrity check)', async () => {
    const { vault, vaultPath, folder, context, dossierId } = await vaultWithDossier();
    const key = Buffer.from(await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS), 'hex');
    const reader = openReadOnlyConnection(vaultPath, key);
    // A read in progress, as the check's quick_check of one table is.
    const rows = reader.prepare('SELECT id FROM dossiers').iterate();
    try {
      rows.next();
      const source = randomFile(folder, 'groot.bin', 4 * MiB);
      const modes: unknown[] = [];
      const started = performance.now();
      importAttachment(context, attachmentApi['attachment.import'].input.parse({ dossierId, sourcePath: source }), () => modes.push(journalMode(vault)));
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(new Set(modes)).toEqual(new Set(['wal']));
    } finally {
      rows.return?.();
      reader.close();
      key.fill(0);
    }
    expect(journalMode(vault)).toBe('wal');
    expect(vault.database.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('a failed import is rolled back and the settings restored too', async () => {
    const { vault, folder, context, dossierId } = await vaultWithDossier();
    const source = randomFile(folder, 'groot.bin', 20 * MiB);
    const cacheBefore = cacheSize(vault);
    expect(() =>
      importAttachment(context, attachmentApi['attachment.import'].input.parse({ dossierId, sourcePath: source }), (done) => {
        if (done >= 16 * MiB) throw new Error('geannuleerd');
      }),
    ).toThrow(/geannuleerd/);
    expect(journalMode(vault)).toBe('wal');
    expect(cacheSize(vault)).toBe(cacheBefore);
    expect(vault.database.prepare('SELECT count(*) FROM attachment_chunks').pluck().get()).toBe(0);
    expect(vault.database.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a process killed mid-import leaves a hot journal that the next unlock rolls back, back in WAL mode', async () => {
    const { vault, vaultPath, folder, dossierId } = await vaultWithDossier();
    const source = randomFile(folder, 'groot.bin', 40 * MiB);
    vault.lock();
    openVaults.splice(openVaults.indexOf(vault), 1);
    const { output, signal } = await importKilledMidway(vaultPath, dossierId, source);
    expect(output).toBe('MID');
    expect(signal).toBe('SIGKILL');
    // Half of 40 MiB does not fit in the small cache: pages were spilled, after their originals were journaled.
    expect(fs.existsSync(`${vaultPath}-journal`)).toBe(true);
    const reopened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    openVaults.push(reopened);
    expect(journalMode(reopened)).toBe('wal');
    expect(fs.existsSync(`${vaultPath}-journal`)).toBe(false);
    expect(reopened.database.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
    expect(reopened.database.prepare('SELECT count(*) FROM attachment_chunks').pluck().get()).toBe(0);
    expect(reopened.database.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('QueuedFileWriter', () => {
  it('writes queued buffers in order, also with little room, and reports a failure', async () => {
    const folder = makeTempFolder('kluis-queued-');
    const target = path.join(folder, 'uit.bin');
    const fd = fs.openSync(target, 'w');
    const writer = new QueuedFileWriter(fd, 100_000);
    const pieces: Buffer[] = [];
    for (let index = 0; index < 200; index++) {
      const group = [crypto.randomBytes(1 + ((index * 7919) % 65_536)), crypto.randomBytes(index % 3)];
      pieces.push(...group);
      await writer.write(group);
    }
    await writer.flush();
    fs.closeSync(fd);
    expect(fs.readFileSync(target).equals(Buffer.concat(pieces))).toBe(true);

    const readOnly = fs.openSync(target, 'r');
    const failing = new QueuedFileWriter(readOnly, 0);
    await expect(failing.write([Buffer.from('x')])).rejects.toThrow(/EBADF/);
    await expect(failing.flush()).rejects.toThrow(/EBADF/);
    fs.closeSync(readOnly);
  });
});

describe('a long export and import', () => {
  it('let the core’s event loop turn, and leave the receiving vault in WAL mode', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const { dossier } = await fillSampleDossier(a, { attachmentBytes: 48 * MiB });
    const bundle = path.join(makeTempFolder('kluis-bundel-'), 'groot.dkbundel');

    // The export and this timer share the thread, as the core's calls and its worker's messages do.
    const gauge = startStallGauge();
    const started = performance.now();
    let loop: { longest: number; ticks: number };
    try {
      await a.call('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle });
    } finally {
      loop = gauge.stop();
    }
    const duration = performance.now() - started;
    const { longest, ticks } = loop;
    // Without the turns the timer would not fire once until the export is done (longest ≈ duration).
    expect(ticks).toBeGreaterThan(3);
    expect(longest).toBeLessThan(duration / 2);

    const inspection = await b.call('bundle.inspect', { path: bundle });
    await b.call('bundle.import', { path: bundle, manifestSha256: inspection.manifestSha256 });
    const imported = await b.call('dossier.list', { limit: 10, offset: 0 });
    const attachments = await b.call('attachment.list', { dossierId: imported.items.find((item) => item.title === dossier.title)!.id });
    expect(attachments.reduce((sum, attachment) => sum + attachment.byteSize, 0)).toBeGreaterThanOrEqual(48 * MiB);
    // Another write after the import: it goes to the WAL again, no journal is left beside the vault.
    await b.call('dossier.create', { title: 'Daarna' });
    expect(fs.existsSync(`${b.vaultPath}-wal`)).toBe(true);
    expect(fs.existsSync(`${b.vaultPath}-journal`)).toBe(false);
    await a.core.dispose();
    await b.core.dispose();
  });
});

describe('the export’s memory', () => {
  it('streams the attachments with a small page cache, and puts the usual one back', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const { dossier } = await fillSampleDossier(a, { attachmentBytes: 16 * MiB });
    await a.core.dispose();
    await b.core.dispose();
    const vault = await Vault.unlock(a.vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    openVaults.push(vault);
    const usual = cacheSize(vault);
    const during: unknown[] = [];
    const input = bundleApi['bundle.export'].input.parse({
      dossierIds: [dossier.id],
      recipients: [{ partnerId: bInA }],
      targetPath: path.join(makeTempFolder('kluis-bundel-'), 'groot.dkbundel'),
    });
    await exportBundle(coreContextFor(vault), loadVaultKeys(vault.database), input, {}, (done, total) => {
      if (done > total / 2 && during.length === 0) during.push(cacheSize(vault));
    });
    // A gigabyte's pages pass through the cache once: at the usual 64 MiB they would fill it all, in the export's peak memory.
    expect(during).toEqual([-1024 * EXPORT_CACHE_MEBIBYTES]);
    expect(cacheSize(vault)).toBe(usual);
    expect(usual).toBeLessThan(-1024 * EXPORT_CACHE_MEBIBYTES);
  });
});

describe('calls beside a long bundle job', () => {
  it('a dossier list asked during an export, an inspection or an import is answered before it ends', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const { dossier } = await fillSampleDossier(a, { attachmentBytes: 32 * MiB });
    const bundle = path.join(makeTempFolder('kluis-bundel-'), 'groot.dkbundel');

    /** Start `job`; at its first progress past zero ask for the dossier list; which of the two finished first? */
    async function listDuring(vault: BundleVault, kind: string, job: () => Promise<unknown>): Promise<string[]> {
      const order: string[] = [];
      let asked: Promise<void> | null = null;
      const stop = vault.core.onEvent((event) => {
        if (asked || event.type !== 'job.progress' || event.kind !== kind || event.done === 0 || event.done >= event.total) return;
        asked = vault.core.call('dossier.list', { limit: 10, offset: 0 }).then(() => {
          order.push('list');
        });
      });
      await job();
      order.push(kind);
      stop();
      await asked;
      expect(asked).not.toBeNull();
      return order;
    }

    expect(await listDuring(a, 'bundle-export', () => a.call('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle }))).toEqual([
      'list',
      'bundle-export',
    ]);
    let manifestSha256 = '';
    expect(
      await listDuring(b, 'bundle-inspect', async () => {
        manifestSha256 = (await b.call('bundle.inspect', { path: bundle })).manifestSha256;
      }),
    ).toEqual(['list', 'bundle-inspect']);
    // The import's one transaction is open across the whole read, but holds none of its rows until its end: a read that writes nothing goes on.
    expect(await listDuring(b, 'bundle-import', () => b.call('bundle.import', { path: bundle, manifestSha256 }))).toEqual(['list', 'bundle-import']);
    await a.core.dispose();
    await b.core.dispose();
  });
});
