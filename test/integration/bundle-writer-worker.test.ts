import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { startAgePayload } from '../../electron/core/bundles/age-stream';
import { MAX_IN_FLIGHT, WorkerAgeFileSink } from '../../electron/core/bundles/writer-thread';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { TEST_BUNDLE_WRITER, fillSampleDossier, introduce, openBundleVault, type BundleVault } from './support/bundles';
import { startStallGauge } from '../support/stall-gauge';

/**
 * The bundle export with its writer worker (BundleOptions.writerWorker, as the app and the browser
 * host run it): age, the file's SHA-256 and the writes in a thread of their own. The same file
 * format, the same failures, the same clean-up as without it (bundles.test.ts covers that path).
 */

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A real, small file system (tmpfs) when this process may mount one (root on Linux); else null. */
const mounted: string[] = [];
function mountTinyFileSystem(kilobytes: number): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-full-bundle-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', folder], { stdio: 'ignore' });
    mounted.push(folder);
    return folder;
  } catch {
    fs.rmSync(folder, { recursive: true, force: true });
    return null;
  }
}
afterAll(() => {
  for (const folder of mounted) {
    execFileSync('umount', [folder], { stdio: 'ignore' });
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

async function corruptChunk(vault: BundleVault, attachmentId: number): Promise<void> {
  const key = await Vault.revealDatabaseKey(vault.vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
  const raw = new Database(vault.vaultPath, { fileMustExist: true });
  raw.pragma(`cipher='sqlcipher'`);
  raw.pragma('legacy=4');
  raw.pragma(`key="x'${key}'"`);
  const chunk = raw.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = 2').pluck().get(attachmentId) as Buffer;
  chunk[7]! ^= 0x01;
  raw.prepare('UPDATE attachment_chunks SET data = ? WHERE attachment_id = ? AND seq = 2').run(chunk, attachmentId);
  raw.close();
}

describe('bundle export through the writer worker', () => {
  it('writes a standard age file: `age -d` opens it, tar unpacks it, the attachment is byte for byte the original, and the other vault imports it', async () => {
    const a = await openBundleVault('Afzender Worker', { writerWorker: true });
    const b = await openBundleVault('Ontvanger Worker');
    const { bInA } = await introduce(a, b);
    // Several MiB: more than the worker may have in flight, so the sender waits for it on the way.
    const sample = await fillSampleDossier(a, { attachmentBytes: MAX_IN_FLIGHT + 3_500_001 });
    const work = makeTempFolder();
    const bundle = path.join(work, 'dossier.dkbundel');
    const progress: Array<{ done: number; total: number }> = [];
    a.core.onEvent((event) => {
      if (event.type === 'job.progress' && event.kind === 'bundle-export') progress.push({ done: event.done, total: event.total });
    });
    const exported = await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle });

    const file = fs.readFileSync(bundle);
    expect(exported.bytes).toBe(file.length);
    expect(exported.sha256).toBe(sha256(file));
    expect(fs.readdirSync(work)).toEqual(['dossier.dkbundel']);
    // Progress (throttled) rose to the whole content, never backwards.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((step, index) => index === 0 || step.done >= progress[index - 1]!.done)).toBe(true);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.at(-1)!.total).toBeGreaterThan(exported.preview.totals.attachmentBytes);

    const identityFile = path.join(work, 'partner.agekey');
    await b.call('bundle.writeAgeIdentity', { targetPath: identityFile });
    const archive = path.join(work, 'dossier.tar');
    run('age', ['-d', '-i', identityFile, '-o', archive, bundle]);
    const out = path.join(work, 'uitgepakt');
    fs.mkdirSync(out);
    run('tar', ['-xf', archive, '-C', out]);
    const attachment = (await a.call('attachment.list', { dossierId: sample.dossier.id })).find((item) => item.fileName === 'administratie.bin')!;
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { entries: Array<{ path: string; size: number; sha256: string }> };
    const entry = manifest.entries.find((item) => item.size === attachment.byteSize)!;
    const unpacked = fs.readFileSync(path.join(out, entry.path));
    expect(unpacked.length).toBe(attachment.byteSize);
    expect(sha256(unpacked)).toBe(entry.sha256);
    expect(sha256(unpacked)).toBe(attachment.sha256);

    const inspection = await b.call('bundle.inspect', { path: bundle });
    const imported = await b.call('bundle.import', { path: bundle, manifestSha256: inspection.manifestSha256 });
    const received = await b.call('attachment.list', { dossierId: imported.dossiers[0]!.dossierId! });
    expect(received.find((item) => item.fileName === 'administratie.bin')?.sha256).toBe(attachment.sha256);

    const audited = (await a.call('audit.list', { limit: 5 })).find((item) => item.action === 'bundle.exported');
    expect(audited?.details).toMatchObject({ sha256: exported.sha256, bytes: file.length });
  });

  it('the core’s event loop keeps turning, and a dossier list asked during the export is answered before it ends', async () => {
    const a = await openBundleVault('Afzender Beurten', { writerWorker: true });
    const b = await openBundleVault('Ontvanger Beurten');
    const { bInA } = await introduce(a, b);
    const { dossier } = await fillSampleDossier(a, { attachmentBytes: 40 * 1024 * 1024 });
    const bundle = path.join(makeTempFolder(), 'groot.dkbundel');
    const gauge = startStallGauge();
    const order: string[] = [];
    let asked: Promise<void> | null = null;
    const stop = a.core.onEvent((event) => {
      if (asked || event.type !== 'job.progress' || event.kind !== 'bundle-export' || event.done === 0 || event.done >= event.total) return;
      asked = a.core.call('dossier.list', { limit: 10, offset: 0 }).then(() => {
        order.push('list');
      });
    });
    const started = performance.now();
    let loop: { longest: number; ticks: number };
    try {
      await a.call('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle });
      order.push('export');
    } finally {
      loop = gauge.stop();
      stop();
    }
    const duration = performance.now() - started;
    const { longest, ticks } = loop;
    await asked;
    expect(order).toEqual(['list', 'export']);
    // Without the turns the timer would not fire once until the export is done (longest ≈ duration).
    expect(ticks).toBeGreaterThan(3);
    expect(longest).toBeLessThan(duration / 2);
  });

  it('a passphrase bundle opens with the passphrase in the other vault', async () => {
    const a = await openBundleVault('Afzender Wachtwoord', { writerWorker: true });
    const b = await openBundleVault('Ontvanger Wachtwoord');
    const sample = await fillSampleDossier(a, { attachmentBytes: 200_000, tlp: 'GREEN' });
    const bundle = path.join(makeTempFolder(), 'wachtwoord.dkbundel');
    const passphrase = 'een lange testzin voor de bundel';
    // A passphrase names nobody: the sample's AMBER goes by override only.
    await a.call('bundle.export', {
      dossierIds: [sample.dossier.id],
      usePassphrase: true,
      passphrase,
      targetPath: bundle,
      override: { reason: 'Test van het wachtwoordpad' },
    });
    const inspection = await b.call('bundle.inspect', { path: bundle, passphrase });
    expect(inspection.dossiers).toHaveLength(1);
  });

  it('a damaged attachment stops the export: the worker stops, no file is left, nothing is audited', async () => {
    const a = await openBundleVault('Afzender Schade', { writerWorker: true });
    const b = await openBundleVault('Ontvanger Schade');
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a, { attachmentBytes: 5_000_000 });
    const attachment = (await a.call('attachment.list', { dossierId: sample.dossier.id })).find((item) => item.fileName === 'administratie.bin')!;
    await corruptChunk(a, attachment.id);
    const folder = makeTempFolder();
    const error = await a.fail('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: path.join(folder, 'beschadigd.dkbundel') });
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(fs.readdirSync(folder)).toEqual([]);
    expect((await a.call('audit.list', { limit: 5 })).some((entry) => entry.action === 'bundle.exported')).toBe(false);
  });

  const full = mountTinyFileSystem(1024);
  it.skipIf(!full)('a full disk: DISK_FULL, with and without the worker, and the temporary file is removed', async () => {
    for (const writerWorker of [true, false]) {
      const a = await openBundleVault(`Afzender Vol ${writerWorker}`, { writerWorker });
      const b = await openBundleVault(`Ontvanger Vol ${writerWorker}`);
      const { bInA } = await introduce(a, b);
      const sample = await fillSampleDossier(a, { attachmentBytes: 3_000_000 });
      const error = await a.fail('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: path.join(full!, 'vol.dkbundel') });
      expect({ writerWorker, code: error.code }).toEqual({ writerWorker, code: 'DISK_FULL' });
      expect(fs.readdirSync(full!)).toEqual([]);
    }
  });

  it('a write the file refuses reaches the sender with its code, and abort waits for the worker', async () => {
    const folder = makeTempFolder();
    const filePath = path.join(folder, 'alleen-lezen.bin');
    fs.writeFileSync(filePath, '');
    const readOnly = fs.openSync(filePath, 'r');
    try {
      const { prefix, key } = await startAgePayload({ passphrase: 'x', scryptLogN: 10 });
      const sink = WorkerAgeFileSink.start(TEST_BUNDLE_WRITER, readOnly, prefix, key);
      // The key moved to the worker: none of it stays behind here.
      expect(key.every((byte) => byte === 0)).toBe(true);
      let caught: unknown;
      try {
        for (let index = 0; index < 40; index++) await sink.write([crypto.randomBytes(1024 * 1024)]);
        await sink.finish();
      } catch (error) {
        caught = error;
      }
      expect((caught as NodeJS.ErrnoException | undefined)?.code).toBe('EBADF');
      await sink.abort();
      expect(fs.statSync(filePath).size).toBe(0);
    } finally {
      fs.closeSync(readOnly);
    }
  });
});
