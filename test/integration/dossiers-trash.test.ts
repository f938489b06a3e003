import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

describe('the trash', () => {
  it('hides a trashed item everywhere, restores it whole, and destroys it when emptied, leaving only audit entries', async () => {
    const { call, fail, core, auditTrail, vaultPath } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Te vernietigen dossier' });
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Signaal in het dossier' });
    await call('signal.attachToDossier', { signalId: signal.id, dossierId: dossier.id });
    const note = await call('note.add', { dossierId: dossier.id, body: 'Notitie in het dossier' });
    await call('measure.add', { dossierId: dossier.id, kind: 'huisbezoek' });
    const subject = await call('subject.create', { details: { type: 'email', address: 'fictief@voorbeeld.nl' } });
    await call('subject.linkToDossier', { subjectId: subject.id, dossierId: dossier.id, role: 'betrokkene' });
    const keptSignal = await call('signal.create', { howReceived: 'burger', summary: 'Blijft bestaan' });

    const trashed = await call('trash.move', { kind: 'dossier', id: dossier.id });
    expect(trashed).toMatchObject({ kind: 'dossier', id: dossier.id, label: `${dossier.number} Te vernietigen dossier` });
    expect(await fail('dossier.get', { dossierId: dossier.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fail('note.add', { dossierId: dossier.id, body: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('dossier.list', {})).total).toBe(0);
    // Its signal went with it; a signal outside it did not.
    expect((await call('signal.list', {})).items.map((item) => item.id)).toEqual([keptSignal.id]);
    // The counts (computed apart from the page: live signals less those in trashed dossiers) agree, filtered or not.
    expect((await call('signal.list', {})).total).toBe(1);
    expect((await call('signal.list', { howReceived: 'meldpunt' })).total).toBe(0);
    expect((await call('signal.list', { inDossier: true })).total).toBe(0);
    expect((await call('signal.list', { howReceived: 'burger' })).total).toBe(1);
    expect(await fail('signal.get', { signalId: signal.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('subject.get', { subjectId: subject.id })).dossiers).toEqual([]);
    expect(await fail('trash.move', { kind: 'dossier', id: dossier.id })).toMatchObject({ code: 'NOT_FOUND' });

    await call('trash.restore', { kind: 'dossier', id: dossier.id });
    const restored = await call('dossier.get', { dossierId: dossier.id });
    expect(restored.signals.map((item) => item.id)).toEqual([signal.id]);
    expect(restored.subjects.map((link) => link.subject.id)).toEqual([subject.id]);
    expect(await fail('trash.restore', { kind: 'dossier', id: dossier.id })).toMatchObject({ code: 'NOT_FOUND' });

    await call('trash.move', { kind: 'note', id: note.id });
    expect((await call('note.list', { dossierId: dossier.id })).total).toBe(0);
    await call('trash.move', { kind: 'dossier', id: dossier.id });
    await call('trash.move', { kind: 'subject', id: subject.id });
    expect((await call('trash.list', {})).map((item) => [item.kind, item.id]).sort()).toEqual(
      [
        ['dossier', dossier.id],
        ['note', note.id],
        ['subject', subject.id],
      ].sort(),
    );

    expect(await call('trash.empty', {})).toEqual({ destroyed: { signal: 0, dossier: 1, subject: 1, note: 1, measure: 0, attachment: 0 } });
    expect(await call('trash.list', {})).toEqual([]);
    expect(await fail('trash.restore', { kind: 'dossier', id: dossier.id })).toMatchObject({ code: 'NOT_FOUND' });

    const emptied = (await auditTrail()).find((entry) => entry.action === 'trash.emptied');
    expect(emptied?.details).toEqual({ destroyed: { signal: [], dossier: [dossier.id], subject: [subject.id], note: [note.id], measure: [], attachment: [] } });

    // Everything under the dossier is gone from the file, not only hidden.
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      const count = (table: string) => vault.database.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      for (const table of ['dossiers', 'dossier_notes', 'measures', 'dossier_status_changes', 'subject_dossier_links', 'subjects', 'subject_match_keys']) {
        expect(count(table), table).toBe(0);
      }
      expect(count('signals')).toBe(1);
    } finally {
      vault.lock();
    }
    await core.dispose();
  });
});
