import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../shared/api';
import { attachmentApi } from '../../shared/api/attachments';
import { dossierApi } from '../../shared/api/dossiers';
import { ATTACHMENT_CHUNK_SIZE, exportAttachment, importAttachment, listAttachments, readAttachmentRange } from '../../electron/core/attachments/attachments';
import { sanitizeFileName } from '../../electron/core/attachments/file-name';
import { CoreError } from '../../electron/core/kernel/errors';
import { coreContextFor, type CoreContext } from '../../electron/core/kernel/context';
import { createDossier } from '../../electron/core/dossiers/dossiers';
import { emptyTrash, listTrash, moveToTrash, restoreFromTrash } from '../../electron/core/dossiers/trash';
import { configureConnection, openEncryptedDatabase } from '../../electron/core/vault/connection';
import { MIGRATIONS, applyMigrations, schemaVersionOf } from '../../electron/core/vault/migrations';
import { Vault } from '../../electron/core/vault/vault';
import { importKilledMidway } from './support/import-killed-midway';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';
import { makeFifo, makeSocket, timed } from './support/special-files';
import { formatErrorMessage } from '../../shared/i18n/errors';

const MiB = 1024 * 1024;
const openVaults: Vault[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const vault of openVaults.splice(0)) vault.lock();
});

async function openVault() {
  const folder = makeTempFolder('kluis-bijlagen-');
  const vaultPath = path.join(folder, 'bijlagen.kluis');
  const { vault } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'P. Leider' }, FAST_VAULT_OPTIONS);
  openVaults.push(vault);
  const context = coreContextFor(vault);
  const dossier = createDossier(context, dossierApi['dossier.create'].input.parse({ title: 'Dossier met bijlagen' }));
  return { vault, vaultPath, folder, context, dossierId: dossier.id };
}

function importInput(dossierId: number, sourcePath: string, extra: Record<string, unknown> = {}) {
  return attachmentApi['attachment.import'].input.parse({ dossierId, sourcePath, ...extra });
}

function rowCounts(context: CoreContext) {
  return {
    attachments: context.db.prepare('SELECT count(*) FROM attachments').pluck().get() as number,
    chunks: context.db.prepare('SELECT count(*) FROM attachment_chunks').pluck().get() as number,
  };
}

function sha256(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const piece of fs.createReadStream(filePath, { highWaterMark: MiB })) hash.update(piece as Buffer);
  return hash.digest('hex');
}

/** Random bytes streamed to disk through one reused buffer; returns the SHA-256 of what was written. */
function writeRandomFile(filePath: string, bytes: number): string {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.allocUnsafe(MiB);
  const fd = fs.openSync(filePath, 'w', 0o600);
  try {
    for (let written = 0; written < bytes;) {
      const piece = buffer.subarray(0, Math.min(MiB, bytes - written));
      crypto.randomFillSync(piece);
      hash.update(piece);
      fs.writeSync(fd, piece);
      written += piece.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function expectCoreError(work: () => unknown, code: string): CoreError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe(code);
    return error as CoreError;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

function auditActions(vault: Vault): string[] {
  return vault.auditTrail(10_000).map((entry) => entry.action);
}

describe('migration 0004: attachments', () => {
  it('is version 4 and creates strict tables whose chunks go with their attachment and its dossier', () => {
    expect(MIGRATIONS[3]).toMatchObject({ version: 4, name: 'attachments' });
    const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm.kluis'), crypto.randomBytes(32), { create: true });
    configureConnection(db);
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    applyMigrations(db, MIGRATIONS.slice(0, 4));
    expect(schemaVersionOf(db)).toBe(4);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'attachment%' ORDER BY name").all() as Array<{
      name: string;
      sql: string;
    }>;
    expect(tables.map((table) => table.name)).toEqual(['attachment_chunks', 'attachments']);
    for (const table of tables) expect(table.sql).toMatch(/\)\s*STRICT$/);

    db.exec(
      "INSERT INTO dossiers (id, year, sequence, title, priority, status, tlp, opened_on, created_at, updated_at) VALUES (1, 2026, 1, 't', 'normaal', 'ontvangen', 'AMBER', '2026-01-01', 'x', 'x')",
    );
    const insert = db.prepare(
      `INSERT INTO attachments (dossier_id, file_name, media_type, byte_size, sha256, chunk_size, added_at, added_by, source_grade, information_grade, tlp)
       VALUES (1, ?, 'text/plain', 1, ?, 1048576, 'x', 'a', 'X', 4, 'AMBER')`,
    );
    const digest = sha256('x');
    expect(() => insert.run('map/geheim.txt', digest)).toThrow(/CHECK/);
    expect(() => insert.run('map\\geheim.txt', digest)).toThrow(/CHECK/);
    expect(() => insert.run('geheim.txt', 'ABC')).toThrow(/CHECK/);
    const attachmentId = insert.run('geheim.txt', digest).lastInsertRowid;
    db.prepare('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, 0, ?)').run(attachmentId, Buffer.from('x'));
    expect(() => db.prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, 1, 'tekst')").run(attachmentId)).toThrow(/cannot store TEXT/);
    expect(() => db.prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (999, 0, x'00')").run()).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM dossiers WHERE id = 1');
    expect(db.prepare('SELECT (SELECT count(*) FROM attachments) + (SELECT count(*) FROM attachment_chunks)').pluck().get()).toBe(0);
    db.close();
  });
});

describe('attachments', () => {
  it('round-trip a small text file through the core API, with progress events and audit entries without names or content', async () => {
    const { core, call, fail, auditTrail, vaultPath } = await openDossierCore();
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    const dossier = await call('dossier.create', { title: 'Drugslab Noordweg' });
    const folder = makeTempFolder();
    const text = 'Gespreksverslag met J. de Vries, Noordweg 12.\nEen tweede regel met ë en ß.\n';
    const sourcePath = path.join(folder, 'Verslag J. de Vries.txt');
    fs.writeFileSync(sourcePath, text);

    const attachment = await call('attachment.import', { dossierId: dossier.id, sourcePath, tlp: 'RED' });
    expect(attachment).toMatchObject({
      dossierId: dossier.id,
      fileName: 'Verslag J. de Vries.txt',
      mediaType: 'text/plain',
      byteSize: Buffer.byteLength(text),
      sha256: sha256(text),
      addedBy: 'P. Leider',
      sourceGrade: 'X',
      informationGrade: 4,
      tlp: 'RED',
    });
    expect(await call('attachment.list', { dossierId: dossier.id })).toEqual([attachment]);

    const exportFolder = makeTempFolder();
    const targetPath = path.join(exportFolder, 'uit.txt');
    expect(await call('attachment.export', { attachmentId: attachment.id, targetPath })).toEqual({
      path: targetPath,
      bytes: Buffer.byteLength(text),
      sha256: sha256(text),
    });
    expect(fs.readFileSync(targetPath, 'utf8')).toBe(text);
    if (process.platform !== 'win32') expect(fs.statSync(targetPath).mode & 0o777).toBe(0o600);

    // An existing file is refused unless overwrite, and is left as it was.
    fs.writeFileSync(targetPath, 'ouder bestand');
    expect(await fail('attachment.export', { attachmentId: attachment.id, targetPath })).toMatchObject({ code: 'FILE_EXISTS' });
    expect(fs.readFileSync(targetPath, 'utf8')).toBe('ouder bestand');
    await call('attachment.export', { attachmentId: attachment.id, targetPath, overwrite: true });
    expect(fs.readFileSync(targetPath, 'utf8')).toBe(text);
    expect(fs.readdirSync(exportFolder)).toEqual(['uit.txt']);
    // Never over the vault's own files; a name is not a path.
    expect(await fail('attachment.export', { attachmentId: attachment.id, targetPath: vaultPath, overwrite: true })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('attachment.import', { dossierId: dossier.id, sourcePath, fileName: '../elders.txt' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('attachment.import', { dossierId: dossier.id, sourcePath: folder })).toMatchObject({ code: 'FILE_NOT_REGULAR', details: { path: folder } });
    expect(await fail('attachment.import', { dossierId: dossier.id, sourcePath: `${vaultPath}.keys` })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('attachment.import', { dossierId: dossier.id, sourcePath: path.join(folder, 'weg.txt') })).toMatchObject({
      code: 'FILE_NOT_FOUND',
      details: { path: path.join(folder, 'weg.txt') },
    });
    expect(await fail('attachment.import', { dossierId: 999, sourcePath })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fail('attachment.export', { attachmentId: 999, targetPath: path.join(exportFolder, 'x') })).toMatchObject({ code: 'NOT_FOUND' });

    const progress = events.flatMap((event) => (event.type === 'job.progress' ? [event] : []));
    const firstImport = progress.filter((event) => event.jobId === progress.find((first) => first.kind === 'attachment-import')!.jobId);
    expect(firstImport.map((event) => [event.done, event.total])).toEqual([
      [0, 1],
      [Buffer.byteLength(text), Buffer.byteLength(text)],
    ]);
    expect(progress.filter((event) => event.kind === 'attachment-export').length).toBeGreaterThanOrEqual(2);

    // The dossier's register, read back from the trail (before auditTrail locks the vault).
    const register = await call('disclosure.list', { dossierId: dossier.id });
    expect(register.map((entry) => [entry.output, entry.channel, entry.items])).toEqual([
      ['attachment', 'file', [{ kind: 'attachment', id: attachment.id }]],
      ['attachment', 'file', [{ kind: 'attachment', id: attachment.id }]],
    ]);

    const trail = await auditTrail();
    const attachmentEntries = trail.filter((entry) => entry.action.startsWith('attachment.'));
    expect(attachmentEntries.map((entry) => entry.action)).toEqual(['attachment.imported', 'attachment.list-viewed', 'attachment.exported', 'attachment.exported']);
    expect(attachmentEntries[0]!.details).toEqual({ attachmentId: attachment.id, dossierId: dossier.id, bytes: Buffer.byteLength(text) });
    expect(attachmentEntries[2]!.details).toEqual({ attachmentId: attachment.id, bytes: Buffer.byteLength(text) });
    // Each save that wrote a file is a disclosure in the register: the attachment, for the user's own use, with its own code.
    const disclosures = trail.filter((entry) => entry.action === 'disclosure.recorded');
    expect(disclosures).toHaveLength(2);
    expect(disclosures[0]!.details).toMatchObject({
      output: 'attachment',
      channel: 'file',
      audience: { kind: 'internal' },
      marking: 'RED',
      items: [{ kind: 'attachment', id: attachment.id, dossierId: dossier.id }],
      withheld: 0,
      path: null,
    });
    const everything = JSON.stringify(trail);
    for (const secret of ['Vries', 'Noordweg 12', 'Gespreksverslag', exportFolder]) expect(everything).not.toContain(secret);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO, a device or a socket as the source at once, naming the file, and keeps nothing', async () => {
    const { call, fail } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Bron die geen bestand is' });
    const folder = makeTempFolder();
    const fifo = makeFifo(folder, 'pijp.txt');
    const socket = await makeSocket(folder, 'contact.sock');
    try {
      for (const sourcePath of [fifo.path, '/dev/null', socket.path]) {
        const { value: error, ms } = await timed(() => fail('attachment.import', { dossierId: dossier.id, sourcePath }));
        expect(error, sourcePath).toMatchObject({ code: 'FILE_NOT_REGULAR', details: { path: sourcePath, field: 'sourcePath' } });
        expect(ms, sourcePath).toBeLessThan(1000);
        expect(formatErrorMessage('nl', error.code, error.details)).toContain(sourcePath);
      }
      expect(await call('attachment.list', { dossierId: dossier.id })).toEqual([]);
    } finally {
      fifo.dispose();
      await socket.dispose();
    }
  });
  it('report byte progress through the core at most every percent, ending at the total', async () => {
    const { core, call } = await openDossierCore();
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    const dossier = await call('dossier.create', { title: 'Voortgang' });
    const sourcePath = path.join(makeTempFolder(), 'groot.bin');
    const size = 150 * MiB + 12_345;
    writeRandomFile(sourcePath, size);
    await call('attachment.import', { dossierId: dossier.id, sourcePath });
    const progress = events.flatMap((event) => (event.type === 'job.progress' && event.kind === 'attachment-import' ? [event] : []));
    expect(new Set(progress.map((event) => event.jobId)).size).toBe(1);
    expect(progress[0]).toMatchObject({ done: 0 });
    expect(progress.at(-1)).toMatchObject({ done: size, total: size });
    // One per percent (150 chunks, so some percents are skipped), never more.
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.length).toBeLessThanOrEqual(102);
    const dones = progress.map((event) => event.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it('sniff images and PDF by their first bytes, and store a sanitised base name', async () => {
    const { context, dossierId } = await openVault();
    const folder = makeTempFolder();
    const cases: Array<{ name: string; bytes: Buffer; given?: string; expected: string }> = [
      { name: 'scan.dat', bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), expected: 'image/png' },
      { name: 'foto.jpg', bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), expected: 'application/pdf' },
      { name: 'foto.png', bytes: Buffer.from('ffd8ffe000104a464946', 'hex'), given: 'image/png', expected: 'image/jpeg' },
      { name: 'anim', bytes: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), expected: 'image/gif' },
      { name: 'plaatje', bytes: Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), expected: 'image/webp' },
      { name: 'bericht.eml', bytes: Buffer.from('From: a@b.nl\r\n'), expected: 'message/rfc822' },
      { name: 'lijst', bytes: Buffer.from('a;b\n'), given: 'text/csv', expected: 'text/csv' },
      { name: 'onbekend.xyz', bytes: Buffer.from([1, 2, 3]), expected: 'application/octet-stream' },
      { name: 'leeg.txt', bytes: Buffer.alloc(0), expected: 'text/plain' },
    ];
    for (const { name, bytes, given, expected } of cases) {
      const sourcePath = path.join(folder, name);
      fs.writeFileSync(sourcePath, bytes);
      const attachment = importAttachment(context, importInput(dossierId, sourcePath, given ? { mediaType: given } : {}));
      expect(attachment.mediaType, name).toBe(expected);
      expect(attachment.sha256).toBe(sha256(bytes));
    }
    expect(sanitizeFileName('/home/pl/Bijlagen/Jansen.pdf')).toBe('Jansen.pdf');
    expect(sanitizeFileName('C:\\Users\\pl\\Jansen.pdf')).toBe('Jansen.pdf');
    expect(sanitizeFileName('rap<port>:"1"|?*.pdf')).toBe('rap_port___1____.pdf');
    expect(sanitizeFileName('..')).toBe('bijlage');
    expect(sanitizeFileName(' .verborgen\u0007. ')).toBe('verborgen_');
    expect(sanitizeFileName('a'.repeat(300) + '.pdf')).toMatch(/^a{251}\.pdf$/);
    const sourcePath = path.join(folder, 'bron.txt');
    fs.writeFileSync(sourcePath, 'x');
    expect(importAttachment(context, importInput(dossierId, sourcePath, { fileName: 'geheim:naam.txt' })).fileName).toBe('geheim_naam.txt');
  });

  it('read a range across chunk boundaries for a preview, audited', async () => {
    const { vault, context, dossierId } = await openVault();
    const sourcePath = path.join(makeTempFolder(), 'drie.bin');
    const size = 3 * ATTACHMENT_CHUNK_SIZE + 500;
    writeRandomFile(sourcePath, size);
    const source = fs.readFileSync(sourcePath);
    const attachment = importAttachment(context, importInput(dossierId, sourcePath));
    expect(rowCounts(context)).toEqual({ attachments: 1, chunks: 4 });
    for (const [offset, length] of [
      [0, 16],
      [ATTACHMENT_CHUNK_SIZE - 5, 10],
      [ATTACHMENT_CHUNK_SIZE - 1, 2 * ATTACHMENT_CHUNK_SIZE + 2],
      [size - 100, 1000],
      [size + 10, 10],
    ] as const) {
      expect(readAttachmentRange(context, attachment.id, offset, length).equals(source.subarray(offset, offset + length)), `${offset}+${length}`).toBe(true);
    }
    expectCoreError(() => readAttachmentRange(context, attachment.id, -1, 10), 'INVALID_INPUT');
    expectCoreError(() => readAttachmentRange(context, attachment.id, 0, 64 * MiB), 'INVALID_INPUT');
    expect(vault.auditTrail(1)[0]).toMatchObject({ action: 'attachment.viewed', details: { attachmentId: attachment.id, offset: size, length: 0 } });
  });

  describe('an import is all or nothing', () => {
    async function withSource(size = 5 * MiB + 7) {
      const opened = await openVault();
      const sourcePath = path.join(makeTempFolder(), 'bron.bin');
      writeRandomFile(sourcePath, size);
      return { ...opened, sourcePath, size };
    }

    function expectNothingKept(vault: Vault, context: CoreContext) {
      expect(rowCounts(context)).toEqual({ attachments: 0, chunks: 0 });
      expect(auditActions(vault)).not.toContain('attachment.imported');
    }

    it('a throw from onProgress midway leaves no attachment rows or chunks, and the vault goes on working', async () => {
      const { vault, context, dossierId, sourcePath, size } = await withSource();
      expect(() =>
        importAttachment(context, importInput(dossierId, sourcePath), (done) => {
          if (done >= 3 * MiB) throw new Error('geannuleerd');
        }),
      ).toThrow(/geannuleerd/);
      expectNothingKept(vault, context);
      const attachment = importAttachment(context, importInput(dossierId, sourcePath));
      expect(attachment.byteSize).toBe(size);
      expect(rowCounts(context)).toEqual({ attachments: 1, chunks: 6 });
    });

    it('a source that shrinks while it is read is refused (IO_ERROR) and leaves nothing', async () => {
      const { vault, context, dossierId, sourcePath } = await withSource();
      expectCoreError(
        () =>
          importAttachment(context, importInput(dossierId, sourcePath), (done) => {
            if (done === 2 * MiB) fs.truncateSync(sourcePath, 3 * MiB - 10);
          }),
        'IO_ERROR',
      );
      expectNothingKept(vault, context);
    });

    it('a source that becomes unreadable midway (EIO, a pulled USB stick) leaves nothing', async () => {
      const { vault, context, dossierId, sourcePath } = await withSource();
      const realReadSync = fs.readSync.bind(fs) as (...args: unknown[]) => number;
      let reads = 0;
      vi.spyOn(fs, 'readSync').mockImplementation((...args: unknown[]) => {
        if (++reads === 4) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', errno: -5, syscall: 'read' });
        return realReadSync(...args);
      });
      expectCoreError(() => importAttachment(context, importInput(dossierId, sourcePath)), 'IO_ERROR');
      expect(reads).toBe(4);
      vi.restoreAllMocks();
      expectNothingKept(vault, context);
    });

    it('a process killed midway (SIGKILL, no rollback) leaves nothing once the vault is opened again', async () => {
      const { vault, vaultPath, dossierId, sourcePath } = await withSource(40 * MiB);
      vault.lock();
      openVaults.splice(openVaults.indexOf(vault), 1);
      const { output, signal } = await importKilledMidway(vaultPath, dossierId, sourcePath);
      expect(output).toBe('MID');
      expect(signal).toBe('SIGKILL');
      const reopened = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
      openVaults.push(reopened);
      expectNothingKept(reopened, coreContextFor(reopened));
      expect(reopened.database.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });

  describe('an export writes the whole attachment or nothing', () => {
    it('a failure midway leaves the old file in place and no temporary file', async () => {
      const { context, dossierId } = await openVault();
      const sourcePath = path.join(makeTempFolder(), 'bron.bin');
      writeRandomFile(sourcePath, 4 * MiB + 1);
      const attachment = importAttachment(context, importInput(dossierId, sourcePath));
      const exportFolder = makeTempFolder();
      const targetPath = path.join(exportFolder, 'bestaand.bin');
      fs.writeFileSync(targetPath, 'ouder bestand');
      expect(() =>
        exportAttachment(
          context,
          attachment.id,
          targetPath,
          (done) => {
            if (done >= 2 * MiB) throw new Error('geannuleerd');
          },
          { overwrite: true },
        ),
      ).toThrow(/geannuleerd/);
      expect(fs.readdirSync(exportFolder)).toEqual(['bestaand.bin']);
      expect(fs.readFileSync(targetPath, 'utf8')).toBe('ouder bestand');

      const freshTarget = path.join(exportFolder, 'nieuw.bin');
      expect(() =>
        exportAttachment(context, attachment.id, freshTarget, (done) => {
          if (done >= MiB) throw new Error('geannuleerd');
        }),
      ).toThrow(/geannuleerd/);
      expect(fs.readdirSync(exportFolder)).toEqual(['bestaand.bin']);
      // A folder is no file to overwrite: the attachment goes inside it under its own name.
      const intoFolder = exportAttachment(context, attachment.id, exportFolder, undefined, { overwrite: true });
      expect(intoFolder.path).toBe(path.join(exportFolder, attachment.fileName));
      expect(fs.statSync(intoFolder.path).size).toBe(4 * MiB + 1);
    });

    it('content that no longer matches its SHA-256 is refused (VAULT_CORRUPT) and not written', async () => {
      const { context, dossierId } = await openVault();
      const sourcePath = path.join(makeTempFolder(), 'bron.bin');
      writeRandomFile(sourcePath, 2 * MiB + 3);
      const attachment = importAttachment(context, importInput(dossierId, sourcePath));
      const chunk = context.db.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = 1').pluck().get(attachment.id) as Buffer;
      chunk[0] = chunk[0]! ^ 0xff;
      context.db.prepare('UPDATE attachment_chunks SET data = ? WHERE attachment_id = ? AND seq = 1').run(chunk, attachment.id);
      const exportFolder = makeTempFolder();
      expectCoreError(() => exportAttachment(context, attachment.id, path.join(exportFolder, 'uit.bin')), 'VAULT_CORRUPT');
      context.db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ? AND seq = 2').run(attachment.id);
      expectCoreError(() => exportAttachment(context, attachment.id, path.join(exportFolder, 'uit.bin')), 'VAULT_CORRUPT');
      expect(fs.readdirSync(exportFolder)).toEqual([]);
    });
  });

  it('go to the trash and back, and are destroyed with their chunks when it is emptied', async () => {
    const { vault, context, dossierId } = await openVault();
    const sourcePath = path.join(makeTempFolder(), 'Foto Jansen.jpg');
    writeRandomFile(sourcePath, 2 * MiB + 1);
    const first = importAttachment(context, importInput(dossierId, sourcePath));
    const second = importAttachment(context, importInput(dossierId, sourcePath));
    expect(moveToTrash(context, { kind: 'attachment', id: first.id })).toMatchObject({ kind: 'attachment', id: first.id, label: 'Foto Jansen.jpg' });
    expect(listAttachments(context, dossierId).map((item) => item.id)).toEqual([second.id]);
    expectCoreError(() => exportAttachment(context, first.id, path.join(makeTempFolder(), 'x.jpg')), 'NOT_FOUND');
    expect(listTrash(context).map((item) => [item.kind, item.id])).toEqual([['attachment', first.id]]);
    restoreFromTrash(context, { kind: 'attachment', id: first.id });
    expect(listAttachments(context, dossierId).map((item) => item.id)).toEqual([first.id, second.id]);

    moveToTrash(context, { kind: 'attachment', id: first.id });
    expect(emptyTrash(context).destroyed).toMatchObject({ attachment: 1 });
    expect(rowCounts(context)).toEqual({ attachments: 1, chunks: 3 });
    expect(vault.auditTrail(1)[0]!.details).toMatchObject({ destroyed: { attachment: [first.id] } });

    // A trashed dossier hides its attachments; emptying the trash destroys them through the cascade.
    moveToTrash(context, { kind: 'dossier', id: dossierId });
    expectCoreError(() => listAttachments(context, dossierId), 'NOT_FOUND');
    expectCoreError(() => readAttachmentRange(context, second.id, 0, 10), 'NOT_FOUND');
    emptyTrash(context);
    expect(rowCounts(context)).toEqual({ attachments: 0, chunks: 0 });
  });

  it('leave no plaintext on disk: a canary inside an attachment is found only in the exported file', async () => {
    const startedAt = Date.now() - 1000;
    const { vault, folder: vaultFolder, context, dossierId } = await openVault();
    const canary = `KANARIE-${crypto.randomBytes(12).toString('hex')}`;
    const sourceFolder = makeTempFolder();
    const sourcePath = path.join(sourceFolder, 'verslag.txt');
    // Over several chunks, with the canary in the first, a middle and the last.
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(40_000);
    fs.writeFileSync(sourcePath, [canary, filler, canary, filler, canary].join('\n'));
    const attachment = importAttachment(context, importInput(dossierId, sourcePath));
    fs.rmSync(sourceFolder, { recursive: true, force: true });
    readAttachmentRange(context, attachment.id, 0, 100);
    const exportFolder = makeTempFolder();
    const exported = path.join(exportFolder, 'export.txt');
    exportAttachment(context, attachment.id, exported);

    const needle = Buffer.from(canary);
    const filesUnder = (root: string): string[] =>
      fs.readdirSync(root, { withFileTypes: true, recursive: true }).flatMap((entry) => (entry.isFile() ? [path.join(entry.parentPath, entry.name)] : []));
    /** Every file in the vault's folder, the export folder, and whatever was written to the temp folder during this test. */
    const candidates = () => {
      const recent: string[] = [];
      for (const entry of fs.readdirSync(os.tmpdir(), { withFileTypes: true })) {
        const full = path.join(os.tmpdir(), entry.name);
        try {
          if (entry.isFile()) recent.push(full);
          else if (entry.isDirectory() && fs.statSync(full).mtimeMs >= startedAt) recent.push(...filesUnder(full));
        } catch {
          // Another process's folder that went away meanwhile.
        }
      }
      return [...new Set([...filesUnder(vaultFolder), ...filesUnder(exportFolder), ...recent])];
    };
    const containing = () =>
      candidates().filter((file) => {
        try {
          const stats = fs.statSync(file);
          return stats.mtimeMs >= startedAt && stats.size < 256 * MiB && fs.readFileSync(file).includes(needle);
        } catch {
          return false;
        }
      });

    // While open (WAL and shm present) and after the lock (checkpointed into the file).
    expect(fs.existsSync(`${vault.path}-wal`)).toBe(true);
    expect(containing()).toEqual([exported]);
    vault.lock();
    openVaults.splice(openVaults.indexOf(vault), 1);
    expect(containing()).toEqual([exported]);
    expect(filesUnder(vaultFolder).length).toBeGreaterThanOrEqual(2);
  });

  it('stream a 500 MB file in and out with bounded memory, the SHA-256 equal on both sides', async () => {
    const { context, dossierId } = await openVault();
    const folder = makeTempFolder('kluis-groot-');
    const sourcePath = path.join(folder, 'groot.bin');
    const size = 500 * 1000 * 1000;
    const sourceDigest = writeRandomFile(sourcePath, size);

    const measure = () => {
      const usage = process.memoryUsage();
      return { rss: usage.rss, arrayBuffers: usage.arrayBuffers };
    };
    const watch = () => {
      const before = measure();
      const peak = { ...before };
      return {
        sample: () => {
          const now = measure();
          peak.rss = Math.max(peak.rss, now.rss);
          peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
        },
        growthMB: () => ({ rss: (peak.rss - before.rss) / 1e6, arrayBuffers: (peak.arrayBuffers - before.arrayBuffers) / 1e6 }),
      };
    };

    const importWatch = watch();
    let importStart = performance.now();
    const attachment = importAttachment(context, importInput(dossierId, sourcePath), importWatch.sample);
    const importSeconds = (performance.now() - importStart) / 1000;
    expect(attachment).toMatchObject({ byteSize: size, sha256: sourceDigest, mediaType: 'application/octet-stream' });
    expect(rowCounts(context)).toEqual({ attachments: 1, chunks: Math.ceil(size / ATTACHMENT_CHUNK_SIZE) });
    fs.rmSync(sourcePath);

    const exportWatch = watch();
    const targetPath = path.join(folder, 'terug.bin');
    importStart = performance.now();
    exportAttachment(context, attachment.id, targetPath, exportWatch.sample);
    const exportSeconds = (performance.now() - importStart) / 1000;
    expect(fs.statSync(targetPath).size).toBe(size);
    expect(await sha256OfFile(targetPath)).toBe(sourceDigest);

    const importGrowth = importWatch.growthMB();
    const exportGrowth = exportWatch.growthMB();
    console.log(
      `attachment 500 MB: import ${(size / 1e6 / importSeconds).toFixed(0)} MB/s (${importSeconds.toFixed(1)} s), ` +
        `export ${(size / 1e6 / exportSeconds).toFixed(0)} MB/s (${exportSeconds.toFixed(1)} s); ` +
        `peak growth import rss ${importGrowth.rss.toFixed(1)} MB, arrayBuffers ${importGrowth.arrayBuffers.toFixed(1)} MB; ` +
        `export rss ${exportGrowth.rss.toFixed(1)} MB, arrayBuffers ${exportGrowth.arrayBuffers.toFixed(1)} MB`,
    );
    for (const growth of [importGrowth, exportGrowth]) {
      expect(growth.rss).toBeLessThan(150);
      expect(growth.arrayBuffers).toBeLessThan(150);
    }
  }, 180_000);
});
