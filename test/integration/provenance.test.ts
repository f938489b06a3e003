import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Core } from '../../electron/core/api/core';
import type * as Migrations from '../../electron/core/vault/migrations';
import { Vault } from '../../electron/core/vault/vault';
import type { Provenance } from '../../shared/domain/sharing';
import { auditSentence } from '../../shared/i18n/audit-sentences';
import { validationMessages } from '../../shared/i18n/validation';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore, TEST_ACTOR } from './support/dossier-core';

/**
 * A vault as an older app left it: the migrations stop at `ceiling` until the test lifts it. Only
 * the default of applyMigrations changes; the migrations themselves run as they do for a user.
 */
const schema = vi.hoisted(() => ({ ceiling: Number.POSITIVE_INFINITY }));
vi.mock('../../electron/core/vault/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof Migrations>();
  return {
    ...actual,
    applyMigrations: (db: Parameters<typeof actual.applyMigrations>[0], migrations?: Parameters<typeof actual.applyMigrations>[1]) =>
      actual.applyMigrations(db, migrations ?? actual.MIGRATIONS.filter((migration) => migration.version <= schema.ceiling)),
  };
});

const OWN_TASK: Provenance = { originator: 'gemeente', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' };
const POLICE: Provenance = { originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' };

async function dossierWithSubjects() {
  const opened = await openDossierCore();
  const dossier = await opened.call('dossier.create', { title: 'Fictieve loods' });
  const person = await opened.call('subject.create', { details: { type: 'email', address: 'kopstuk@voorbeeld.nl' } });
  const company = await opened.call('subject.create', { details: { type: 'email', address: 'bv@voorbeeld.nl' } });
  return { ...opened, dossier, person, company };
}

describe('provenance through the core API', () => {
  it('a note by the municipality itself defaults to its own task, free to use; a police note to the Wpg, no decision without consent', async () => {
    const { call, dossier } = await dossierWithSubjects();
    const own = await call('note.add', { dossierId: dossier.id, body: 'Eigen waarneming bij de loods.' });
    expect(own.provenance).toEqual(OWN_TASK);
    const department = await call('note.add', { dossierId: dossier.id, body: 'Controle handhaving.', partner: 'gemeente_handhaving' });
    expect(department.provenance).toEqual({ ...OWN_TASK, originator: 'gemeente_handhaving' });
    const police = await call('note.add', { dossierId: dossier.id, body: 'Politie meldt veel verkeer.', partner: 'politie' });
    expect(police.provenance).toEqual(POLICE);
    const tax = await call('note.add', { dossierId: dossier.id, body: 'Fiscale informatie.', partner: 'belastingdienst' });
    expect(tax.provenance).toEqual({ originator: 'belastingdienst', receivedUnder: 'awr', restriction: 'niet_verder_verstrekken' });

    // The journal reads them back from the same columns.
    const journal = await call('note.list', { dossierId: dossier.id });
    expect(Object.fromEntries(journal.items.map((note) => [note.id, note.provenance]))).toEqual({
      [own.id]: OWN_TASK,
      [department.id]: { ...OWN_TASK, originator: 'gemeente_handhaving' },
      [police.id]: POLICE,
      [tax.id]: { originator: 'belastingdienst', receivedUnder: 'awr', restriction: 'niet_verder_verstrekken' },
    });
  });

  it('a signal takes its origin as originator; explicit values are kept as given, null included', async () => {
    const { call } = await openDossierCore();
    const fromPolice = await call('signal.create', { howReceived: 'partner', summary: 'Melding van de politie', origin: 'politie' });
    expect(fromPolice.provenance).toEqual(POLICE);
    const explicit = await call('signal.create', {
      howReceived: 'partner',
      summary: 'Melding via het RIEC',
      origin: 'politie',
      provenance: { originator: 'riec', receivedUnder: 'riec_convenant_wgs', restriction: 'vrij' },
    });
    expect(explicit.provenance).toEqual({ originator: 'riec', receivedUnder: 'riec_convenant_wgs', restriction: 'vrij' });
    expect(explicit.origin).toBe('politie'); // the older field stays as it was given
    const unknownBasis = await call('signal.create', { howReceived: 'meldpunt', summary: 'Anonieme tip', provenance: { receivedUnder: null } });
    expect(unknownBasis.provenance).toEqual({ ...OWN_TASK, receivedUnder: null });
    expect((await call('signal.get', { signalId: explicit.id })).provenance).toEqual(explicit.provenance);
  });

  it('links, measures and attachments carry theirs, and every reader of them shows it', async () => {
    const { call, dossier, person, company } = await dossierWithSubjects();
    const link = await call('subject.linkToDossier', {
      subjectId: person.id,
      dossierId: dossier.id,
      role: 'kopstuk',
      provenance: { originator: 'politie' },
    });
    expect(link.provenance).toEqual(POLICE);
    const subjectLink = await call('subject.link', {
      fromSubjectId: person.id,
      toSubjectId: company.id,
      kind: 'director_of',
      provenance: { originator: 'woningcorporatie', restriction: 'niet_verder_verstrekken' },
    });
    // A private party has no default basis: not recorded, never guessed.
    expect(subjectLink.provenance).toEqual({ originator: 'woningcorporatie', receivedUnder: null, restriction: 'niet_verder_verstrekken' });
    const measure = await call('measure.add', { dossierId: dossier.id, kind: 'bibob_toets', partner: 'politie' });
    expect(measure.provenance).toEqual(OWN_TASK); // the partner of a measure carries it out; it did not supply it

    const file = path.join(makeTempFolder(), 'foto.txt');
    fs.writeFileSync(file, 'geen echte foto');
    const attachment = await call('attachment.import', { dossierId: dossier.id, sourcePath: file, provenance: { originator: 'omgevingsdienst', receivedUnder: 'open_bron' } });
    expect(attachment.provenance).toEqual({ originator: 'omgevingsdienst', receivedUnder: 'open_bron', restriction: 'geen_besluit_zonder_toestemming' });

    const read = await call('dossier.get', { dossierId: dossier.id });
    expect(read.subjects.find((subject) => subject.id === link.id)?.provenance).toEqual(POLICE);
    const network = await call('subject.get', { subjectId: person.id });
    expect(network.dossiers.map((entry) => entry.provenance)).toEqual([POLICE]);
    expect(network.links.map((entry) => entry.provenance)).toEqual([subjectLink.provenance]);
    expect((await call('measure.list', { dossierId: dossier.id })).map((entry) => entry.provenance)).toEqual([OWN_TASK]);
    expect((await call('attachment.list', { dossierId: dossier.id })).map((entry) => entry.provenance)).toEqual([attachment.provenance]);
  });

  it('an update changes only the fields given and names provenance in the audit entry', async () => {
    const { call, auditTrail, dossier } = await dossierWithSubjects();
    const signal = await call('signal.create', { howReceived: 'partner', summary: 'Melding van de politie', origin: 'politie' });
    const restricted = await call('signal.update', { signalId: signal.id, provenance: { restriction: 'niet_verder_verstrekken' } });
    expect(restricted.provenance).toEqual({ ...POLICE, restriction: 'niet_verder_verstrekken' });
    const rebased = await call('signal.update', { signalId: signal.id, summary: 'Melding, aangevuld', provenance: { receivedUnder: 'riec_convenant_wgs' } });
    expect(rebased).toMatchObject({
      summary: 'Melding, aangevuld',
      provenance: { originator: 'politie', receivedUnder: 'riec_convenant_wgs', restriction: 'niet_verder_verstrekken' },
    });

    const measure = await call('measure.add', { dossierId: dossier.id, kind: 'bibob_toets' });
    const changed = await call('measure.update', { measureId: measure.id, provenance: { originator: 'landelijk_bureau_bibob' } });
    // Changing the originator does not bring its defaults: the basis and restriction were recorded already.
    expect(changed.provenance).toEqual({ ...OWN_TASK, originator: 'landelijk_bureau_bibob' });
    const unchanged = await call('measure.update', { measureId: measure.id, provenance: {} });
    expect(unchanged.provenance).toEqual(changed.provenance);

    const updates = (await auditTrail()).filter((entry) => entry.action === 'signal.updated' || entry.action === 'measure.updated');
    expect(updates.map((entry) => [entry.action, entry.details.fields])).toEqual([
      ['signal.updated', ['provenance']],
      ['signal.updated', ['summary', 'provenance']],
      ['measure.updated', ['provenance']],
    ]);
    expect(auditSentence(updates[1]!, 'nl')).toBe('Signaal gewijzigd: samenvatting, leverancier, grondslag of gebruiksbeperking');
  });

  it('refuses an unknown organisation or basis with a Dutch message beside its field, and changes nothing', async () => {
    const { call, fail, dossier, person } = await dossierWithSubjects();
    const unknownOrganisation = await fail('note.add', { dossierId: dossier.id, body: 'Van wie?', provenance: { originator: 'verzonnen_club' } });
    expect(unknownOrganisation).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'provenance.originator', reason: 'organisation.unknown' } });
    expect(validationMessages.nl['organisation.unknown']).toBe('Deze organisatie staat niet in de lijst. Kies een organisatie uit de lijst.');
    expect((await call('note.list', { dossierId: dossier.id })).total).toBe(0);

    const signal = await call('signal.create', { howReceived: 'partner', summary: 'Melding van de politie', origin: 'politie' });
    const unknownBasis = await fail('signal.update', { signalId: signal.id, summary: 'Gewijzigd', provenance: { originator: 'riec', receivedUnder: 'verzonnen_wet' } });
    expect(unknownBasis).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'provenance.receivedUnder', reason: 'legal-basis.unknown' } });
    expect(validationMessages.nl['legal-basis.unknown']).toMatch(/^Deze grondslag staat niet in de lijst/);
    expect(await call('signal.get', { signalId: signal.id })).toMatchObject({ summary: 'Melding van de politie', provenance: POLICE });

    expect(await fail('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'kopstuk', provenance: { originator: 'nep' } })).toMatchObject({
      details: { field: 'provenance.originator', reason: 'organisation.unknown' },
    });
    expect((await call('dossier.get', { dossierId: dossier.id })).subjects).toEqual([]);
    const file = path.join(makeTempFolder(), 'stuk.txt');
    fs.writeFileSync(file, 'inhoud');
    expect(await fail('attachment.import', { dossierId: dossier.id, sourcePath: file, provenance: { receivedUnder: 'nep' } })).toMatchObject({
      details: { field: 'provenance.receivedUnder', reason: 'legal-basis.unknown' },
    });
    expect(await call('attachment.list', { dossierId: dossier.id })).toEqual([]);

    // The shape itself: a code is a slug, a restriction one of four, and nothing else is accepted.
    expect(await fail('note.add', { dossierId: dossier.id, body: 'x', provenance: { originator: 'Politie!' } })).toMatchObject({
      details: { field: 'provenance.originator', reason: 'code.invalid' },
    });
    expect(await fail('measure.add', { dossierId: dossier.id, kind: 'bibob_toets', provenance: { restriction: 'geheim' } })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'provenance.restriction' },
    });
    expect(await fail('note.add', { dossierId: dossier.id, body: 'x', provenance: { supplier: 'politie' } })).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await call('note.list', { dossierId: dossier.id })).total).toBe(0);
    expect(await call('measure.list', { dossierId: dossier.id })).toEqual([]);
  });

  it('a vault from version 11 shows its notes with the partner as originator, the basis unknown and "ask the supplier"', async () => {
    const vaultPath = path.join(makeTempFolder(), 'oud.kluis');
    schema.ceiling = 11;
    try {
      const { vault } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: TEST_ACTOR }, FAST_VAULT_OPTIONS);
      const db = vault.database;
      expect(db.pragma('user_version', { simple: true })).toBe(11);
      // As the app at version 11 wrote them.
      const now = '2026-11-01T10:00:00.000Z';
      db.prepare(
        `INSERT INTO dossiers (id, year, sequence, title, priority, status, tlp, opened_on, created_at, updated_at)
         VALUES (1, 2026, 1, 'Bestaand dossier', 'normaal', 'ontvangen', 'AMBER', '2026-01-01', ?, ?)`,
      ).run(now, now);
      const note = db.prepare(
        `INSERT INTO dossier_notes (dossier_id, noted_on, author, body, partner, source_grade, information_grade, tlp, internal, created_at)
         VALUES (1, '2026-11-01', 'P. Leider', ?, ?, 'B', 2, 'AMBER', 0, ?)`,
      );
      note.run('Van de politie', 'politie', now);
      note.run('Zonder partner', null, now);
      vault.lock();
    } finally {
      schema.ceiling = Number.POSITIVE_INFINITY;
    }

    const core = new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS });
    await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
    const journal = await core.call('note.list', { dossierId: 1 });
    expect(journal.items.map((entry) => [entry.body, entry.provenance])).toEqual([
      ['Zonder partner', { originator: null, receivedUnder: null, restriction: 'vraag_leverancier' }],
      ['Van de politie', { originator: 'politie', receivedUnder: null, restriction: 'vraag_leverancier' }],
    ]);
    // A note added now gets the defaults; the old ones stay as migrated.
    const added = await core.call('note.add', { dossierId: 1, body: 'Nieuw van de politie', partner: 'politie' });
    expect(added.provenance).toEqual(POLICE);
    expect((await core.call('note.list', { dossierId: 1 })).items.filter((entry) => entry.provenance.receivedUnder === null)).toHaveLength(2);
    await core.call('vault.lock', {});
  });
});
