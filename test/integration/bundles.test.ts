import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoData, testIban } from '../../electron/core/demo/demo-data';
import Database from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { BUNDLE_PASSPHRASE, OWN_FREE, fillSampleDossier, introduce, openBundleVault, setProvenance, type BundleVault } from './support/bundles';

/** The content of a dossier as both vaults should have it: ids and local numbers left out. */
async function dossierContent(vault: BundleVault, dossierId: number) {
  const dossier = await vault.call('dossier.get', { dossierId });
  const signals = await Promise.all(dossier.signals.map((signal) => vault.call('signal.get', { signalId: signal.id })));
  const notes = await vault.call('note.list', { dossierId, includeInternal: true, limit: 500, offset: 0 });
  const measures = await vault.call('measure.list', { dossierId });
  const attachments = await vault.call('attachment.list', { dossierId });
  const subjects = await Promise.all(dossier.subjects.map((link) => vault.call('subject.get', { subjectId: link.subjectId })));
  return {
    title: dossier.title,
    summary: dossier.summary,
    status: dossier.status,
    tlp: dossier.tlp,
    priority: dossier.priority,
    openedOn: dossier.openedOn,
    partners: dossier.partners,
    phenomena: dossier.phenomena.map((phenomenon) => phenomenon.code),
    legalBasis: dossier.legalBasis,
    signals: signals.map(({ summary, description, receivedOn, howReceived, reporterName, reporterContact, sourceGrade, informationGrade, tlp }) => ({
      summary,
      description,
      receivedOn,
      howReceived,
      reporterName,
      reporterContact,
      sourceGrade,
      informationGrade,
      tlp,
    })),
    subjects: dossier.subjects
      .map((link) => ({ label: link.subject.label, role: link.role, tlp: link.tlp, grading: `${link.sourceGrade}${link.informationGrade}` }))
      .sort((x, y) => x.label.localeCompare(y.label)),
    subjectDetails: subjects.map((subject) => subject.details).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    subjectLinks: subjects.flatMap((subject) =>
      subject.links.filter((link) => link.direction === 'outgoing').map((link) => `${subject.label} ${link.kind} ${link.other.label}`),
    ),
    notes: notes.items.map(({ body, internal, partner, notedOn }) => ({ body, internal, partner, notedOn })),
    measures: measures.map(({ kind, description, stage, tlp }) => ({ kind, description, stage, tlp })),
    attachments: attachments.map(({ fileName, mediaType, byteSize, sha256, tlp }) => ({ fileName, mediaType, byteSize, sha256, tlp })),
  };
}

describe('dossier bundles: export from one vault, import into another', () => {
  it('round trip A → B to a verified partner: same content, redaction applied, provenance kept, audited', async () => {
    const a = await openBundleVault('Gemeente Voorbeeldstad');
    const b = await openBundleVault('RIEC Testregio');
    await a.call('bundle.setOrganisation', { organisation: 'Gemeente Voorbeeldstad' });
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a);
    const out = path.join(makeTempFolder(), 'dossier.dkbundel');

    const preview = await a.call('bundle.exportPreview', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }] });
    expect(preview).toMatchObject({
      audience: { kind: 'recipients', members: [{ organisation: 'riec', person: 'RIEC Testregio', verified: true }] },
      sharing: { withheld: [], overridden: [] },
      tlp: 'AMBER',
      leftOut: { reporters: 2, melderLinks: 1, bsns: 1, internalNotes: 1 },
      totals: { signals: 2, subjects: 2, subjectLinks: 1, notes: 1, measures: 1, attachments: 2 },
    });

    const exported = await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: out });
    expect(exported.path).toBe(out);
    expect(fs.statSync(out).size).toBe(exported.bytes);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['dossier.dkbundel']);
    expect(a.events.some((event) => event.type === 'job.progress' && event.kind === 'bundle-export')).toBe(true);

    const inspection = await b.call('bundle.inspect', { path: out });
    expect(inspection).toMatchObject({
      bundleId: exported.bundleId,
      encryptedTo: 'identity',
      tlp: 'AMBER',
      sender: { name: 'Gemeente Voorbeeldstad', organisation: 'Gemeente Voorbeeldstad', status: 'known' },
      dossiers: [{ title: sample.dossier.title, existing: null, suggestedAction: 'new', signals: 2, attachments: 2 }],
    });

    const before = await b.digest();
    const imported = await b.call('bundle.import', { path: out, manifestSha256: inspection.manifestSha256 });
    expect(await b.digest()).not.toBe(before);
    expect(imported.dossiers).toHaveLength(1);
    for (const kind of ['bundle-inspect', 'bundle-import'] as const) {
      const progress = b.events.filter((event) => event.type === 'job.progress' && event.kind === kind) as Array<{ done: number; total: number }>;
      expect(progress.length).toBeGreaterThan(2);
      expect(progress.at(-1)).toEqual(expect.objectContaining({ done: exported.bytes, total: exported.bytes }));
    }
    const localId = imported.dossiers[0]!.dossierId!;
    const [sent, received] = [await dossierContent(a, sample.dossier.id), await dossierContent(b, localId)];
    // What the redaction took out is the only difference.
    expect(received.signals.map((signal) => signal.reporterName)).toEqual([null, null]);
    expect(received.subjects.map((subject) => subject.label)).toEqual(['Jan Testpersoon', 'Voorbeeld Handel B.V.']);
    expect(received.subjectDetails.find((details) => details.type === 'person')).toMatchObject({ name: 'Jan Testpersoon', bsn: null });
    expect(received.notes.map((note) => note.internal)).toEqual([false]);
    expect(received).toEqual({
      ...sent,
      signals: sent.signals.map((signal) => ({ ...signal, reporterName: null, reporterContact: null })),
      subjects: sent.subjects.filter((subject) => subject.role !== 'melder'),
      subjectDetails: sent.subjectDetails
        .filter((details) => !(details.type === 'person' && details.name === 'Meldende Buurman'))
        .map((details) => (details.type === 'person' ? { ...details, bsn: null } : details)),
      notes: sent.notes.filter((note) => !note.internal),
    });

    const provenance = await b.call('bundle.provenance', { kind: 'dossier', id: localId });
    expect(provenance).toEqual([expect.objectContaining({ bundleId: exported.bundleId, senderName: 'Gemeente Voorbeeldstad', originNumber: sample.dossier.number })]);
    const attachmentsInB = await b.call('attachment.list', { dossierId: localId });
    expect(await b.call('bundle.provenance', { kind: 'attachment', id: attachmentsInB[0]!.id })).toHaveLength(1);

    const trailA = await a.call('audit.list', { limit: 20 });
    const exportedEntry = trailA.find((entry) => entry.action === 'bundle.exported')!;
    expect(exportedEntry.details).toMatchObject({
      bundleId: exported.bundleId,
      dossiers: [{ id: sample.dossier.id, number: sample.dossier.number }],
      to: [{ name: 'RIEC Testregio', verified: true }],
    });
    const trailB = await b.call('audit.list', { limit: 20 });
    expect(trailB.find((entry) => entry.action === 'bundle.imported')?.details).toMatchObject({ bundleId: exported.bundleId, sender: { name: 'Gemeente Voorbeeldstad' } });
  });

  it('a passphrase bundle opens with the passphrase only', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const sample = await fillSampleDossier(a, { tlp: 'GREEN', attachmentBytes: 10_000 });
    const out = path.join(makeTempFolder(), 'wachtwoord.dkbundel');
    // A passphrase names nobody: GREEN stays home unless overridden, which is what this test does.
    const exported = await a.call('bundle.export', {
      dossierIds: [sample.dossier.id],
      usePassphrase: true,
      passphrase: BUNDLE_PASSPHRASE,
      targetPath: out,
      override: { reason: 'Overdracht op een versleutelde stick (test)' },
    });
    expect(exported.preview.sharing.withheld).toEqual([]);
    expect(exported.preview.sharing.overridden.length).toBeGreaterThan(0);
    expect((await b.fail('bundle.inspect', { path: out })).code).toBe('BUNDLE_PASSPHRASE_REQUIRED');
    expect((await b.fail('bundle.inspect', { path: out, passphrase: 'niet het bundelwachtwoord' })).code).toBe('BUNDLE_WRONG_PASSPHRASE');
    const inspection = await b.call('bundle.inspect', { path: out, passphrase: BUNDLE_PASSPHRASE });
    expect(inspection.sender.status).toBe('unknown');
    const refused = await b.fail('bundle.import', { path: out, passphrase: BUNDLE_PASSPHRASE, manifestSha256: inspection.manifestSha256 });
    expect(refused.code).toBe('BUNDLE_SENDER_UNKNOWN');
    const imported = await b.call('bundle.import', {
      path: out,
      passphrase: BUNDLE_PASSPHRASE,
      manifestSha256: inspection.manifestSha256,
      acceptSender: inspection.sender.fingerprint.hex,
    });
    expect(imported.senderAdded).toBe(true);
    const book = await b.call('addressBook.list', {});
    // Accepting the sender says its fingerprint was compared: the card goes in as verified.
    expect(book).toEqual([expect.objectContaining({ name: 'Afzender', verifiedAt: expect.any(String), plainAge: false })]);
  });

  it('handling codes under the regime: own RED and AMBER+STRICT to a verified partner, a partner’s AMBER+STRICT by override only, nothing to an unknown key', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Geverifieerde Partner');
    const c = await openBundleVault('Ongeverifieerde Partner');
    const { bInA } = await introduce(a, b);
    const cInA = await a.call('addressBook.add', { path: await c.cardFile(makeTempFolder()), verified: false });
    const sample = await fillSampleDossier(a, { tlp: 'AMBER+STRICT', attachmentBytes: 5_000 });
    const secret = await a.call('subject.create', { details: { type: 'bank_account', iban: testIban(101) }, tlp: 'RED' });
    await a.call('subject.linkToDossier', { subjectId: secret.id, dossierId: sample.dossier.id, role: 'vermogen', tlp: 'AMBER+STRICT' });
    await setProvenance(a, OWN_FREE);
    await setProvenance(a, { originator: 'politie', receivedUnder: 'riec_convenant_wgs', restriction: 'vrij' }, { table: 'dossier_notes', ids: [sample.policeNote.id] });
    const selection = { dossierIds: [sample.dossier.id] };
    const policeNote = { kind: 'note' as const, id: sample.policeNote.id };

    // The municipality's own RED account goes to the verified partner by name; the police's AMBER+STRICT note does not.
    const toB = await a.call('bundle.exportPreview', { ...selection, recipients: [{ partnerId: bInA }] });
    expect(toB).toMatchObject({ tlp: 'RED', audience: { kind: 'recipients', members: [{ organisation: 'riec', person: 'Geverifieerde Partner', verified: true }] } });
    expect(toB.sharing.withheld).toEqual([expect.objectContaining({ ref: policeNote, tlp: 'AMBER+STRICT', reasons: ['tlp_amber_strict'] })]);
    // The same key given bare is still the verified partner.
    const bRecipient = (await b.call('bundle.identity', {})).ageRecipient;
    expect((await a.call('bundle.exportPreview', { ...selection, recipients: [{ ageRecipient: bRecipient }] })).audience).toEqual(toB.audience);

    // A key nobody compared, of no known organisation: nothing of AMBER+STRICT or RED goes, so nothing at all.
    const toC = await a.call('bundle.exportPreview', { ...selection, recipients: [{ partnerId: cInA.id }] });
    expect(toC.dossiers).toEqual([]);
    expect(toC.sharing.withheld.map((item) => item.ref.kind)).toEqual(
      expect.arrayContaining(['dossier', 'signal', 'note', 'measure', 'attachment', 'subject', 'dossier-link']),
    );
    expect(toC.sharing.withheld.every((item) => item.reasons.includes('tlp_amber_strict') || item.reasons.includes('tlp_red'))).toBe(true);
    expect((await a.call('bundle.exportPreview', { ...selection, usePassphrase: true })).audience).toEqual({ kind: 'passphrase' });

    const target = path.join(makeTempFolder(), 'rood.dkbundel');
    const blocked = await a.fail('bundle.export', { ...selection, recipients: [{ partnerId: cInA.id }], targetPath: target });
    expect(blocked.code).toBe('BUNDLE_TLP_BLOCKED');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);

    const reason = 'Afgestemd met de officier van justitie (test)';
    const exported = await a.call('bundle.export', { ...selection, recipients: [{ partnerId: bInA }], targetPath: target, override: { reason, items: [policeNote] } });
    expect(exported.preview.sharing).toMatchObject({ withheld: [], overridden: [{ ref: policeNote }], overrideReason: reason });
    const trail = await a.call('audit.list', { limit: 10 });
    expect(trail.find((entry) => entry.action === 'bundle.tlp-overridden')?.details).toMatchObject({
      bundleId: exported.bundleId,
      reason,
      count: 1,
      items: [{ ...policeNote, tlp: 'AMBER+STRICT' }],
    });
    const inspection = await b.call('bundle.inspect', { path: target });
    expect(inspection).toMatchObject({ tlp: 'RED', tlpOverride: { reason } });
  });

  it('a second bundle of the same dossier updates it; skip leaves it; new makes a copy; look-alike subjects are linked', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a, { attachmentBytes: 20_000 });
    // B knows the company already, under another spelling; the KvK number is the same.
    const known = await b.call('subject.create', { details: { type: 'organisation', name: 'Voorbeeld Handel BV', kvkNumber: '0000 1001' } });
    const send = async (name: string) => {
      const target = path.join(makeTempFolder(), name);
      await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: target });
      return { target, inspection: await b.call('bundle.inspect', { path: target }) };
    };

    const first = await send('eerste.dkbundel');
    expect(first.inspection.subjects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          label: 'Voorbeeld Handel B.V.',
          match: { subjectId: known.id, label: 'Voorbeeld Handel BV', by: 'match-key', matchedOn: ['kvk', 'organisation_name'] },
        }),
        expect.objectContaining({ label: 'Jan Testpersoon', match: null }),
      ]),
    );
    const dossierUid = first.inspection.dossiers[0]!.uid;
    expect(
      (await b.fail('bundle.import', { path: first.target, manifestSha256: first.inspection.manifestSha256, dossiers: [{ uid: dossierUid, action: 'update' }] })).code,
    ).toBe('INVALID_INPUT');
    const imported = await b.call('bundle.import', { path: first.target, manifestSha256: first.inspection.manifestSha256 });
    expect(imported).toMatchObject({ linkedSubjects: 1, created: { subjects: 1, signals: 2, attachments: 2 } });
    const localId = imported.dossiers[0]!.dossierId!;
    const companies = await b.call('subject.list', { query: 'Voorbeeld Handel', limit: 50, offset: 0 });
    expect(companies.total).toBe(1);
    expect((await b.call('dossier.get', { dossierId: localId })).subjects.map((link) => link.subjectId)).toContain(known.id);
    await b.call('note.add', { dossierId: localId, body: 'Eigen aantekening van B.' });

    // A works on: a new signal, a new title, a new measure.
    await a.call('dossier.update', { dossierId: sample.dossier.id, title: 'Hennepkwekerij en witwassen (test)' });
    const extra = await a.call('signal.create', { howReceived: 'partner', summary: 'Contante aankopen van apparatuur', tlp: 'AMBER' });
    await a.call('signal.attachToDossier', { signalId: extra.id, dossierId: sample.dossier.id });
    await a.call('measure.add', { dossierId: sample.dossier.id, kind: 'fiscale_actie', tlp: 'AMBER' });
    await setProvenance(a, OWN_FREE);

    const second = await send('tweede.dkbundel');
    expect(second.inspection.dossiers[0]).toMatchObject({ uid: dossierUid, existing: { id: localId, inTrash: false }, suggestedAction: 'update' });
    expect(second.inspection.subjects.every((subject) => subject.match !== null)).toBe(true);
    const updated = await b.call('bundle.import', { path: second.target, manifestSha256: second.inspection.manifestSha256 });
    expect(updated).toMatchObject({
      dossiers: [{ uid: dossierUid, action: 'update', dossierId: localId }],
      created: { signals: 1, measures: 1, subjects: 0, attachments: 0, notes: 0 },
      updated: { dossiers: 1, signals: 2, notes: 1, measures: 1 },
    });
    const afterUpdate = await dossierContent(b, localId);
    expect(afterUpdate.title).toBe('Hennepkwekerij en witwassen (test)');
    expect(afterUpdate.signals).toHaveLength(3);
    expect(afterUpdate.attachments).toHaveLength(2);
    expect(afterUpdate.notes.map((note) => note.body)).toContain('Eigen aantekening van B.');
    expect(await b.call('bundle.provenance', { kind: 'dossier', id: localId })).toHaveLength(2);

    const third = await send('derde.dkbundel');
    await b.call('bundle.import', { path: third.target, manifestSha256: third.inspection.manifestSha256, dossiers: [{ uid: dossierUid, action: 'skip' }] });
    expect(await dossierContent(b, localId)).toEqual(afterUpdate);

    // A bundle is imported once (replay): the copy comes from a new bundle of the same dossier.
    expect((await b.fail('bundle.inspect', { path: third.target })).code).toBe('BUNDLE_ALREADY_IMPORTED');
    const again = await send('derde-opnieuw.dkbundel');
    const copy = await b.call('bundle.import', { path: again.target, manifestSha256: again.inspection.manifestSha256, dossiers: [{ uid: dossierUid, action: 'new' }] });
    const copyId = copy.dossiers[0]!.dossierId!;
    expect(copyId).not.toBe(localId);
    expect(copy.dossiers[0]!.number).not.toBe(imported.dossiers[0]!.number);
    expect((await dossierContent(b, copyId)).signals).toHaveLength(3);
    expect((await b.call('bundle.provenance', { kind: 'dossier', id: copyId }))[0]).toMatchObject({ originUid: dossierUid, originNumber: sample.dossier.number });
    // The original keeps the uid: the next bundle still updates the first one.
    const fourth = await send('vierde.dkbundel');
    expect(fourth.inspection.dossiers[0]!.existing!.id).toBe(localId);
  });

  it('the demo vault travels whole: every dossier arrives with the same content (only protected reporters stay behind)', async () => {
    const a = await openBundleVault('Demo Afzender');
    const b = await openBundleVault('Demo Ontvanger');
    const { bInA } = await introduce(a, b);
    const summary = await generateDemoData(a.core);
    const dossiers = await a.call('dossier.list', { limit: 500, offset: 0, sort: 'number', direction: 'asc' });
    expect(dossiers.items).toHaveLength(summary.dossiers);
    const target = path.join(makeTempFolder(), 'demo.dkbundel');
    const exported = await a.call('bundle.export', {
      dossierIds: dossiers.items.map((dossier) => dossier.id),
      recipients: [{ partnerId: bInA }],
      redact: { reporterIdentity: false, bsn: false, internalNotes: false },
      override: { reason: 'Volledige overdracht van het werkbestand (test)' },
      targetPath: target,
    });
    expect(exported.preview.sharing.withheld).toEqual([]);
    expect(exported.preview.sharing.overridden.length).toBeGreaterThan(0);
    const inspection = await b.call('bundle.inspect', { path: target });
    const imported = await b.call('bundle.import', { path: target, manifestSha256: inspection.manifestSha256 });
    expect(imported.dossiers).toHaveLength(summary.dossiers);
    expect(imported.created.subjects).toBe(exported.preview.totals.subjects);
    for (const [index, dossier] of dossiers.items.entries()) {
      const sent = await dossierContent(a, dossier.id);
      const received = await dossierContent(b, imported.dossiers[index]!.dossierId!);
      // Every demo reporter is protected (the default): the name never leaves.
      expect(received).toEqual({ ...sent, signals: sent.signals.map((signal) => ({ ...signal, reporterName: null, reporterContact: null })) });
    }
  });

  it('an export writes the whole bundle or nothing: existing files, the vault’s own files, a damaged attachment', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a, { attachmentBytes: 3_000_000 });
    const folder = makeTempFolder();
    const target = path.join(folder, 'bestaat.dkbundel');
    fs.writeFileSync(target, 'al aanwezig');
    const selection = { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }] };
    expect((await a.fail('bundle.export', { ...selection, targetPath: target })).code).toBe('FILE_EXISTS');
    expect(fs.readFileSync(target, 'utf8')).toBe('al aanwezig');
    expect((await a.fail('bundle.export', { ...selection, targetPath: a.vaultPath, overwrite: true })).code).toBe('INVALID_INPUT');
    // A folder takes the suggested name inside it (decided in the core, as for every output).
    const otherFolder = makeTempFolder();
    const intoFolder = await a.call('bundle.export', { ...selection, targetPath: otherFolder });
    expect(path.dirname(intoFolder.path)).toBe(otherFolder);
    expect(path.basename(intoFolder.path)).toMatch(/^Dossiers \d{4}-\d{2}-\d{2}\.dkbundel$/);
    expect(fs.statSync(intoFolder.path).size).toBe(intoFolder.bytes);
    const replaced = await a.call('bundle.export', { ...selection, targetPath: target, overwrite: true });
    expect(fs.statSync(target).size).toBe(replaced.bytes);

    // A chunk of the large attachment changed behind the vault's back: the export stops, leaves no file.
    const attachment = (await a.call('attachment.list', { dossierId: sample.dossier.id })).find((item) => item.fileName === 'administratie.bin')!;
    const key = await Vault.revealDatabaseKey(a.vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    const raw = new Database(a.vaultPath, { fileMustExist: true });
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${key}'"`);
    const chunk = raw.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = 1').pluck().get(attachment.id) as Buffer;
    chunk[100]! ^= 0xff;
    raw.prepare('UPDATE attachment_chunks SET data = ? WHERE attachment_id = ? AND seq = 1').run(chunk, attachment.id);
    raw.close();
    const damaged = path.join(folder, 'beschadigd.dkbundel');
    expect((await a.fail('bundle.export', { ...selection, targetPath: damaged })).code).toBe('VAULT_CORRUPT');
    expect(fs.readdirSync(folder).sort()).toEqual(['bestaat.dkbundel']);
    const trail = await a.call('audit.list', { limit: 5 });
    expect(trail.filter((entry) => entry.action === 'bundle.exported')).toHaveLength(1);
  });
});
