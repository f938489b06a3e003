import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_SIZE } from '../../electron/core/kernel/chunking';
import { insertAttachmentRow } from '../../electron/core/attachments/records';
import { coreContextFor, today, type CoreContext } from '../../electron/core/kernel/context';
import { insertDossierRow, updateDossierRow } from '../../electron/core/dossiers/dossier-records';
import { insertNoteRow } from '../../electron/core/dossiers/note-records';
import { insertSignalRow, updateSignalRow } from '../../electron/core/dossiers/signal-records';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

/**
 * The row writers serve the API handlers and the bundle import alike: what the API leaves out gets
 * the same defaults (NULL, now, today, the vault's user), and what the import passes (the
 * bundle's timestamps and authors) is stored as given.
 */
const NOW = '2026-03-01T10:00:00.000Z';
const BUNDLE_CREATED = '2025-11-02T08:30:00.000Z';
const BUNDLE_UPDATED = '2025-12-24T16:45:00.000Z';

describe('row writers', () => {
  let vault: Vault;
  let context: CoreContext;

  beforeAll(async () => {
    ({ vault } = await Vault.create(path.join(makeTempFolder(), 'rijen.kluis'), { passphrase: TEST_PASSPHRASE, displayName: 'Tester' }, FAST_VAULT_OPTIONS));
    context = coreContextFor(vault, () => new Date(NOW));
  });

  afterAll(() => vault.lock());

  const row = (table: string, id: number) => context.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;

  it('give a dossier the next number of its year, NULL for what is left out, and now as both timestamps unless given', () => {
    const first = insertDossierRow(context, { title: 'Eerste', priority: 'normaal', status: 'ontvangen', tlp: 'AMBER', openedOn: '2026-02-01' });
    const second = insertDossierRow(context, {
      title: 'Uit een bundel',
      priority: 'hoog',
      status: 'afgesloten',
      closingReason: 'geen_grond',
      tlp: 'GREEN',
      openedOn: '2026-01-15',
      createdAt: BUNDLE_CREATED,
      updatedAt: BUNDLE_UPDATED,
    });
    expect(first.number).toBe('2026-0001');
    expect(second.number).toBe('2026-0002');
    expect(row('dossiers', first.id)).toMatchObject({ summary: null, owner: null, closing_reason: null, legal_basis: null, created_at: NOW, updated_at: NOW });
    expect(row('dossiers', second.id)).toMatchObject({ status: 'afgesloten', closing_reason: 'geen_grond', created_at: BUNDLE_CREATED, updated_at: BUNDLE_UPDATED });

    updateDossierRow(context, second.id, { title: 'Bijgewerkt', owner: undefined, summary: null }, BUNDLE_UPDATED.replace('16:45', '17:00'));
    expect(row('dossiers', second.id)).toMatchObject({ title: 'Bijgewerkt', summary: null, priority: 'hoog', updated_at: '2025-12-24T17:00:00.000Z' });
  });

  it('give a signal today as its date and now as its timestamps; an update leaves out what it is not given', () => {
    const loose = insertSignalRow(context, {
      howReceived: 'burger',
      reporterName: 'Jan',
      reporterProtected: true,
      summary: 'Overlast',
      sourceGrade: 'X',
      informationGrade: 4,
      tlp: 'AMBER',
    });
    expect(row('signals', loose)).toMatchObject({
      received_on: today(context),
      reporter_name: 'Jan',
      reporter_protected: 1,
      dossier_id: null,
      phenomenon_id: null,
      created_at: NOW,
      updated_at: NOW,
    });
    const imported = insertSignalRow(context, {
      receivedOn: '2025-10-10',
      howReceived: 'partner',
      reporterProtected: false,
      summary: 'Van een partner',
      sourceGrade: 'B',
      informationGrade: 2,
      tlp: 'GREEN',
      createdAt: BUNDLE_CREATED,
      updatedAt: BUNDLE_UPDATED,
    });
    expect(row('signals', imported)).toMatchObject({ received_on: '2025-10-10', reporter_protected: 0, created_at: BUNDLE_CREATED, updated_at: BUNDLE_UPDATED });

    updateSignalRow(context, loose, { summary: 'Overlast en stank', reporterName: undefined, location: null });
    expect(row('signals', loose)).toMatchObject({ summary: 'Overlast en stank', reporter_name: 'Jan', location: null, updated_at: NOW });
  });

  it('write a note by the vault user today, or by the bundle author on the bundle date', () => {
    const { id: dossierId } = insertDossierRow(context, { title: 'Met notities', priority: 'laag', status: 'ontvangen', tlp: 'AMBER', openedOn: '2026-02-02' });
    const own = insertNoteRow(context, { dossierId, body: 'Eigen notitie', sourceGrade: 'X', informationGrade: 4, tlp: 'AMBER', internal: true });
    const imported = insertNoteRow(context, {
      dossierId,
      notedOn: '2025-11-01',
      author: 'Partner Analist',
      body: 'Uit de bundel',
      sourceGrade: 'A',
      informationGrade: 1,
      tlp: 'GREEN',
      internal: false,
      createdAt: BUNDLE_CREATED,
    });
    expect(row('dossier_notes', own)).toMatchObject({ noted_on: today(context), author: 'Tester', partner: null, internal: 1, created_at: NOW });
    expect(row('dossier_notes', imported)).toMatchObject({ noted_on: '2025-11-01', author: 'Partner Analist', internal: 0, created_at: BUNDLE_CREATED });
  });

  it('insert an attachment with the vault chunk size and a pending digest, added now by the vault user unless given', () => {
    const { id: dossierId } = insertDossierRow(context, { title: 'Met bijlagen', priority: 'laag', status: 'ontvangen', tlp: 'AMBER', openedOn: '2026-02-03' });
    const values = { dossierId, fileName: 'foto.jpg', mediaType: 'image/jpeg', byteSize: 10, sourceGrade: 'X', informationGrade: 4, tlp: 'AMBER' } as const;
    const own = insertAttachmentRow(context, values);
    const imported = insertAttachmentRow(context, { ...values, addedAt: BUNDLE_CREATED, addedBy: 'Partner Analist' });
    expect(row('attachments', own)).toMatchObject({ sha256: '0'.repeat(64), chunk_size: ATTACHMENT_CHUNK_SIZE, added_at: NOW, added_by: 'Tester' });
    expect(row('attachments', imported)).toMatchObject({ added_at: BUNDLE_CREATED, added_by: 'Partner Analist' });
  });
});
