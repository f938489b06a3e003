import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError, HandlerName, Input, Output } from '../../shared/api';
import { Core, type CoreOptions } from '../../electron/core/api/core';
import type { CoreService } from '../../electron/core/api/core-service';
import { TEMPORARY_COPY_PREFIX, isTemporaryCopyPath, type PathOpener } from '../../electron/core/attachments/temporary-copies';
import { Vault } from '../../electron/core/vault/vault';
import { CoreWorkerClient } from '../../electron/core/worker/core-worker-client';
import { makePng } from '../support/sample-files';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

const workerSource = path.resolve('electron/core/worker/core-worker.ts');
const typescriptWorker = path.resolve('test/support/typescript-worker.mjs');
/** Above Linux's largest pid (2^22): no process has it, so its folders are a crash's left-overs. */
const DEAD_PID = 4_194_304 + 4321;
const isPosix = process.platform !== 'win32';

/** A stand-in for the operating system's "open with": records what it was asked to open, and can fail. */
function fakeOpener(failWith?: string) {
  const opened: Array<{ path: string; bytes: Buffer; mode: number; folderMode: number }> = [];
  const openPath: PathOpener = async (filePath) => {
    if (failWith) throw new Error(failWith);
    opened.push({
      path: filePath,
      bytes: fs.readFileSync(filePath),
      mode: fs.statSync(filePath).mode & 0o777,
      folderMode: fs.statSync(path.dirname(filePath)).mode & 0o777,
    });
  };
  return { opened, openPath };
}

function copyFolders(baseDir: string): string[] {
  return fs.readdirSync(baseDir).filter((name) => name.startsWith(TEMPORARY_COPY_PREFIX));
}

/** A core (in this thread, or in a worker) with a fresh unlocked vault, a dossier and one attachment. */
async function openCore(make: (options: CoreOptions) => CoreService, fileName = 'Foto Noordweg 12.png', content: Buffer = makePng(48, 32), extra: Partial<CoreOptions> = {}) {
  const baseDir = makeTempFolder('kluis-kopieen-');
  const core = make({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS, temporaryCopiesDir: baseDir, ...extra });
  const vaultPath = path.join(makeTempFolder(), 'w.kluis');

  const call = <K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> => core.call(name, input);
  async function fail(name: HandlerName, input: unknown): Promise<ApiError> {
    const result = await core.callUntrusted(name, input);
    if (result.ok) throw new Error(`${name} succeeded`);
    return result.error;
  }

  await call('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'P. Leider' });
  const dossier = await call('dossier.create', { title: 'Open met ander programma' });
  const sourcePath = path.join(makeTempFolder(), fileName);
  fs.writeFileSync(sourcePath, content);
  const attachment = await call('attachment.import', { dossierId: dossier.id, sourcePath });

  async function auditActions(): Promise<Array<{ action: string; details: Record<string, unknown> }>> {
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      return vault.auditTrail(10_000).reverse();
    } finally {
      vault.lock();
    }
  }
  return { core, call, fail, baseDir, attachment, content, auditActions };
}

describe('attachment.openCopy', () => {
  it('writes a private decrypted copy, hands it to the opener, and removes it when the vault locks', async () => {
    const opener = fakeOpener();
    const { core, call, baseDir, attachment, content, auditActions } = await openCore((options) => new Core(options, { openPath: opener.openPath }));

    const copy = await call('attachment.openCopy', { attachmentId: attachment.id });
    expect(path.basename(copy.path)).toBe('Foto Noordweg 12.png');
    expect(path.dirname(copy.path)).toBe(copy.folder);
    expect(path.dirname(copy.folder)).toBe(baseDir);
    expect(path.basename(copy.folder)).toMatch(new RegExp(`^${TEMPORARY_COPY_PREFIX}${process.pid}-[A-Za-z0-9]{6}$`));
    expect(isTemporaryCopyPath(copy.path, baseDir)).toBe(true);
    expect(opener.opened).toHaveLength(1);
    expect(opener.opened[0]!.path).toBe(copy.path);
    expect(opener.opened[0]!.bytes.equals(content)).toBe(true);
    if (isPosix) {
      expect(opener.opened[0]!.mode).toBe(0o600);
      expect(opener.opened[0]!.folderMode).toBe(0o700);
    }
    // The folder holds the copy only: no temporary sibling of the export left beside it.
    expect(fs.readdirSync(copy.folder)).toEqual(['Foto Noordweg 12.png']);

    // A second copy of the same attachment goes to a folder of its own.
    const second = await call('attachment.openCopy', { attachmentId: attachment.id });
    expect(second.folder).not.toBe(copy.folder);
    expect(copyFolders(baseDir)).toHaveLength(2);

    await call('vault.lock', {});
    expect(fs.existsSync(copy.path)).toBe(false);
    expect(copyFolders(baseDir)).toEqual([]);

    const trail = await auditActions();
    const entries = trail.filter((entry) => entry.action.startsWith('attachment.cop'));
    expect(entries.map((entry) => entry.action)).toEqual(['attachment.copy-opened', 'attachment.copy-opened', 'attachment.copies-removed']);
    expect(entries[0]!.details).toEqual({ attachmentId: attachment.id, bytes: content.length });
    expect(entries[2]!.details).toEqual({ removed: 2, left: 0 });
    // Each copy is a disclosure in the register: the attachment, for the user's own use, without the temporary path.
    const disclosures = trail.filter((entry) => entry.action === 'disclosure.recorded');
    expect(disclosures.map((entry) => entry.details)).toEqual([
      expect.objectContaining({
        output: 'attachment',
        channel: 'file',
        audience: { kind: 'internal' },
        items: [expect.objectContaining({ kind: 'attachment', id: attachment.id })],
        path: null,
      }),
      expect.objectContaining({
        output: 'attachment',
        channel: 'file',
        audience: { kind: 'internal' },
        items: [expect.objectContaining({ kind: 'attachment', id: attachment.id })],
        path: null,
      }),
    ]);
    expect(JSON.stringify(disclosures)).not.toContain(TEMPORARY_COPY_PREFIX);
    // Removed before the vault closed, so recorded before it.
    expect(trail.findIndex((entry) => entry.action === 'attachment.copies-removed')).toBeLessThan(
      trail.findIndex((entry, index) => index > 0 && entry.action === 'vault.locked'),
    );
    expect(JSON.stringify(trail)).not.toContain('Noordweg');
    await core.dispose();
  });

  it('removes the copies on auto-lock and when the core is disposed (the app or host closes)', async () => {
    const opener = fakeOpener();
    const idle = await openCore((options) => new Core(options, { openPath: opener.openPath }), 'a.png', makePng(4, 4), { autoLockSecondsOverride: 1 });
    const idleCopy = await idle.call('attachment.openCopy', { attachmentId: idle.attachment.id });
    expect(fs.existsSync(idleCopy.path)).toBe(true);
    await expect.poll(() => fs.existsSync(idleCopy.folder), { timeout: 5000, interval: 100 }).toBe(false);
    await idle.core.dispose();

    const closing = await openCore((options) => new Core(options, { openPath: opener.openPath }));
    const closingCopy = await closing.call('attachment.openCopy', { attachmentId: closing.attachment.id });
    await closing.core.dispose();
    expect(fs.existsSync(closingCopy.folder)).toBe(false);
  });

  it('refuses programs and scripts, and hosts without an opener, before writing anything', async () => {
    for (const name of ['factuur.pdf.exe', 'installeer.sh', 'snelkoppeling.lnk', 'script.JS', 'README', 'start.desktop']) {
      const opener = fakeOpener();
      const { core, fail, baseDir, attachment } = await openCore((options) => new Core(options, { openPath: opener.openPath }), name, Buffer.from('#!/bin/sh\necho hallo\n'));
      expect(await fail('attachment.openCopy', { attachmentId: attachment.id }), name).toMatchObject({
        code: 'INVALID_INPUT',
        details: { reason: 'attachment.risky-type' },
      });
      expect(opener.opened).toEqual([]);
      expect(copyFolders(baseDir)).toEqual([]);
      await core.dispose();
    }

    const withoutOpener = await openCore((options) => new Core(options));
    expect(await withoutOpener.fail('attachment.openCopy', { attachmentId: withoutOpener.attachment.id })).toMatchObject({ code: 'OPEN_FAILED' });
    expect(copyFolders(withoutOpener.baseDir)).toEqual([]);
    await withoutOpener.core.dispose();
  });

  it('removes the copy at once when the platform cannot open it', async () => {
    const opener = fakeOpener('geen programma voor .png');
    const { core, fail, baseDir, attachment } = await openCore((options) => new Core(options, { openPath: opener.openPath }));
    expect(await fail('attachment.openCopy', { attachmentId: attachment.id })).toMatchObject({ code: 'OPEN_FAILED' });
    expect(copyFolders(baseDir)).toEqual([]);
    await core.dispose();
  });

  it('asks the thread that owns the platform to open the copy when the core runs in a worker', async () => {
    const opener = fakeOpener();
    const { core, call, baseDir, attachment, content } = await openCore(
      (options) => new CoreWorkerClient(options, typescriptWorker, [workerSource], { openPath: opener.openPath }),
      'Proces-verbaal.pdf',
      Buffer.from('%PDF-1.4\n' + crypto.randomBytes(2000).toString('hex')),
    );
    const copy = await call('attachment.openCopy', { attachmentId: attachment.id });
    expect(opener.opened.map((entry) => entry.path)).toEqual([copy.path]);
    expect(opener.opened[0]!.bytes.equals(content)).toBe(true);
    await call('vault.lock', {});
    expect(copyFolders(baseDir)).toEqual([]);
    await core.dispose();

    // Without an opener the worker is told so, and nothing stays behind.
    const bare = await openCore((options) => new CoreWorkerClient(options, typescriptWorker, [workerSource]));
    expect(await bare.fail('attachment.openCopy', { attachmentId: bare.attachment.id })).toMatchObject({ code: 'OPEN_FAILED' });
    expect(copyFolders(bare.baseDir)).toEqual([]);
    await bare.core.dispose();
  });
});

describe('left-over copies', () => {
  it('are swept when a core starts, unless a running process owns them', () => {
    const baseDir = makeTempFolder('kluis-kopieen-');
    const stale = path.join(baseDir, `${TEMPORARY_COPY_PREFIX}${DEAD_PID}-aB3xYz`);
    fs.mkdirSync(stale, { mode: 0o700 });
    fs.writeFileSync(path.join(stale, 'Verslag.pdf'), 'gevoelige inhoud');
    fs.mkdirSync(path.join(stale, '.~lock'), { recursive: true });
    const running = path.join(baseDir, `${TEMPORARY_COPY_PREFIX}${process.pid}-Qw12Er`);
    fs.mkdirSync(running, { mode: 0o700 });
    fs.writeFileSync(path.join(running, 'open.png'), 'nog in gebruik');
    const unrelated = path.join(baseDir, 'dossierkluis-geopend-bewaren');
    fs.mkdirSync(unrelated);
    const someoneElse = path.join(baseDir, 'andere-map');
    fs.mkdirSync(someoneElse);

    const core = new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS, temporaryCopiesDir: baseDir });
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(path.join(running, 'open.png'))).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
    expect(fs.existsSync(someoneElse)).toBe(true);
    void core.dispose();
  });

  it('only a file directly inside a copy folder counts as a temporary copy', () => {
    const baseDir = makeTempFolder('kluis-kopieen-');
    const folder = path.join(baseDir, `${TEMPORARY_COPY_PREFIX}123-abcDEF`);
    expect(isTemporaryCopyPath(path.join(folder, 'foto.png'), baseDir)).toBe(true);
    expect(isTemporaryCopyPath(path.join(folder, 'sub', 'foto.png'), baseDir)).toBe(false);
    expect(isTemporaryCopyPath(folder, baseDir)).toBe(false);
    expect(isTemporaryCopyPath(path.join(baseDir, 'andere-map-1-abcdef', 'foto.png'), baseDir)).toBe(false);
    expect(isTemporaryCopyPath(path.join(folder, '..', '..', 'etc', 'passwd'), baseDir)).toBe(false);
    expect(isTemporaryCopyPath('foto.png', baseDir)).toBe(false);
    expect(isTemporaryCopyPath(path.join(folder, 'a\0b'), baseDir)).toBe(false);
  });
});
