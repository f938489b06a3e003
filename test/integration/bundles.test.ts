import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempFolder } from '../support/temp-vault';
import { BUNDLE_PASSPHRASE, fillSampleDossier, introduce, openBundleVault, type BundleVault } from './support/bundles';

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
    subjectLinks: subjects.flatMap((subject) => subject.links.filter((link) => link.direction === 'outgoing').map((link) => `${subject.label} ${link.kind} ${link.other.label}`)),
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
      audience: 'verified-partners',
      blocked: false,
      violations: [],
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
    expect(provenance).toEqual([
      expect.objectContaining({ bundleId: exported.bundleId, senderName: 'Gemeente Voorbeeldstad', originNumber: sample.dossier.number }),
    ]);
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
    await a.call('bundle.export', { dossierIds: [sample.dossier.id], usePassphrase: true, passphrase: BUNDLE_PASSPHRASE, targetPath: out });
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
    expect(book).toEqual([expect.objectContaining({ name: 'Afzender', verifiedAt: null })]);
  });
});
