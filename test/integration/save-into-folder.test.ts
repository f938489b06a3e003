import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestedFileName } from '../../shared/domain/file-names';
import { makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

/**
 * A save path that names an existing folder writes the suggested file name inside it: decided in
 * the core, so that the CLI and the UI agree. A path that is no folder stays the file it names.
 */
describe('saving into a folder', () => {
  it('writes the register, the CSV report, an attachment and a backup inside a named folder, with the suggested names', async () => {
    const { call, fail, core } = await openDossierCore({ now: () => new Date('2026-03-01T10:00:00') });
    const folder = makeTempFolder();

    const register = await call('register.export', { targetPath: folder, format: 'markdown' });
    expect(register.path).toBe(path.join(folder, suggestedFileName.register('2026-03-01', 'markdown')));
    expect(register.path).toBe(path.join(folder, 'verwerkingsregister-2026-03-01.md'));
    expect(fs.readFileSync(register.path, 'utf8')).toMatch(/^# Verwerkingsregister/);
    // Saved once: the same folder again is the same file, refused without overwrite.
    expect(await fail('register.export', { targetPath: folder, format: 'markdown' })).toMatchObject({ code: 'FILE_EXISTS' });

    const csv = await call('report.exportCsv', { from: '2025-01-01', to: '2025-12-31', targetPath: `${folder}${path.sep}` });
    expect(csv.path).toBe(path.join(folder, 'jaarrapportage-2025-01-01-2025-12-31.csv'));
    expect(fs.existsSync(csv.path)).toBe(true);

    const dossier = await call('dossier.create', { title: 'Loods Havenstraat' });
    const source = path.join(makeTempFolder(), 'foto loods.jpg');
    fs.writeFileSync(source, Buffer.from('niet echt een foto'));
    const attachment = await call('attachment.import', { dossierId: dossier.id, sourcePath: source });
    const saved = await call('attachment.export', { attachmentId: attachment.id, targetPath: folder });
    expect(saved.path).toBe(path.join(folder, 'foto loods.jpg'));
    expect(fs.readFileSync(path.join(folder, 'foto loods.jpg'), 'utf8')).toBe('niet echt een foto');

    const backup = await call('vault.backup', { targetPath: folder });
    expect(backup.path).toBe(path.join(folder, 'werkbestand-reservekopie-2026-03-01.kluis'));
    expect(fs.existsSync(backup.path)).toBe(true);

    // A path that does not exist is a file name, as before.
    const named = path.join(folder, 'eigen naam.md');
    expect((await call('register.export', { targetPath: named, format: 'markdown' })).path).toBe(named);
    await core.call('vault.lock', {});
  });
});
