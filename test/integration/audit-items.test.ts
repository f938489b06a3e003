import { describe, expect, it } from 'vitest';
import type { AuditListEntry } from '../../shared/api/audit';
import { openDossierCore } from './support/dossier-core';

/** The entry with this action, newest first (the list is newest first). */
function entryOf(entries: AuditListEntry[], action: string, predicate: (entry: AuditListEntry) => boolean = () => true): AuditListEntry {
  const entry = entries.find((candidate) => candidate.action === action && predicate(candidate));
  if (!entry) throw new Error(`no ${action} entry in ${entries.map((candidate) => candidate.action).join(', ')}`);
  return entry;
}

describe('audit.list for the audit screen', () => {
  it('names the items of each entry and says which can still be opened, without reading their content', async () => {
    const { call } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Dossier dat blijft' });
    const doomed = await call('dossier.create', { title: 'Dossier dat verdwijnt' });
    const note = await call('note.add', { dossierId: doomed.id, body: 'Notitie onder het verdwijnende dossier' });
    const loose = await call('signal.create', { howReceived: 'meldpunt', summary: 'Los signaal' });
    const attached = await call('signal.create', { howReceived: 'burger', summary: 'Signaal in een dossier' });
    await call('signal.attachToDossier', { signalId: attached.id, dossierId: dossier.id });
    const kept = await call('subject.create', { details: { type: 'email', address: 'blijft@voorbeeld.nl' } });
    const merged = await call('subject.create', { details: { type: 'email', address: 'blijft@voorbeeld.nl' } });
    await call('subject.merge', { keepSubjectId: kept.id, mergeSubjectId: merged.id });
    await call('trash.move', { kind: 'dossier', id: doomed.id });
    await call('trash.move', { kind: 'signal', id: loose.id });
    await call('trash.restore', { kind: 'signal', id: loose.id });

    const entries = await call('audit.list', { limit: 500 });
    expect(entries[0]!.action).toBe('audit.viewed');
    expect(entryOf(entries, 'dossier.created', (entry) => entry.details.dossierId === dossier.id).items).toEqual([
      { kind: 'dossier', id: dossier.id, key: 'dossierId', present: true, dossierId: dossier.id, number: dossier.number },
    ]);
    // A dossier in the trash cannot be opened, and neither can what hangs under it.
    expect(entryOf(entries, 'dossier.created', (entry) => entry.details.dossierId === doomed.id).items).toEqual([
      { kind: 'dossier', id: doomed.id, key: 'dossierId', present: false, dossierId: null, number: doomed.number },
    ]);
    expect(entryOf(entries, 'note.added').items).toEqual([
      { kind: 'note', id: note.id, key: 'noteId', present: false, dossierId: null, number: null },
      { kind: 'dossier', id: doomed.id, key: 'dossierId', present: false, dossierId: null, number: doomed.number },
    ]);
    // A signal is shown in its dossier if it has one; a loose one in none. The trash entries name their item by `id`.
    expect(entryOf(entries, 'signal.attached').items).toEqual([
      { kind: 'signal', id: attached.id, key: 'signalId', present: true, dossierId: dossier.id, number: null },
      { kind: 'dossier', id: dossier.id, key: 'dossierId', present: true, dossierId: dossier.id, number: dossier.number },
    ]);
    expect(entryOf(entries, 'signal.restored').items).toEqual([{ kind: 'signal', id: loose.id, key: 'id', present: true, dossierId: null, number: null }]);
    expect(entryOf(entries, 'dossier.trashed').items).toEqual([{ kind: 'dossier', id: doomed.id, key: 'id', present: false, dossierId: null, number: doomed.number }]);
    // The merged duplicate is gone; the kept subject is there.
    expect(entryOf(entries, 'subject.merged').items).toEqual([
      { kind: 'subject', id: kept.id, key: 'keptSubjectId', present: true, dossierId: null, number: null },
      { kind: 'subject', id: merged.id, key: 'mergedSubjectId', present: false, dossierId: null, number: null },
    ]);
    // Entries without an item name none; counts are not ids.
    expect(entryOf(entries, 'vault.created').items).toEqual([]);
    expect(entryOf(entries, 'audit.viewed').items).toEqual([]);

    // Once the trash is emptied the dossier is gone for good: not even its number is left to show.
    await call('trash.empty', {});
    const after = await call('audit.list', { actions: ['dossier.trashed'] });
    expect(after[0]!.items).toEqual([{ kind: 'dossier', id: doomed.id, key: 'id', present: false, dossierId: null, number: null }]);
  });

  it('keeps only the asked actions, page by page', async () => {
    const { call } = await openDossierCore();
    for (const title of ['Een', 'Twee', 'Drie']) await call('dossier.create', { title });
    await call('settings.update', { autoLockMinutes: 15 });

    const created = await call('audit.list', { actions: ['dossier.created'], limit: 2 });
    expect(created.map((entry) => entry.action)).toEqual(['dossier.created', 'dossier.created']);
    expect(created[0]!.id).toBeGreaterThan(created[1]!.id);
    const older = await call('audit.list', { actions: ['dossier.created'], beforeId: created[1]!.id });
    expect(older.map((entry) => entry.action)).toEqual(['dossier.created']);
    const mixed = await call('audit.list', { actions: ['settings.updated', 'vault.created'] });
    expect(mixed.map((entry) => entry.action)).toEqual(['settings.updated', 'vault.created']);
    expect(await call('audit.list', { actions: ['niet.bestaand'] })).toEqual([]);
  });
});
