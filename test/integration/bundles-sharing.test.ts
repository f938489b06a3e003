import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withheldLines } from '../../shared/i18n/sharing';
import { makeTempFolder } from '../support/temp-vault';
import { ageIdentityOf, craftBundle, decryptBytes, encryptBytes, makeSigner, untar, writeTemp } from './support/bundle-craft';
import { BUNDLE_PASSPHRASE, OWN_FREE, introduce, openBundleVault, provenanceRows, setProvenance, type BundleVault } from './support/bundles';

/**
 * Bundles under the sharing regime (docs/sharing-regime.md): what the regime withholds is left out
 * of the bundle and listed in the preview with its reasons; an override lets chosen items go and is
 * recorded; every export is in the disclosure register; provenance travels with the items.
 */

/** A dossier of the municipality's own with an own signal, and a police note on the given code. */
async function dossierWithPoliceNote(vault: BundleVault, noteTlp: 'AMBER+STRICT' | 'RED' | 'AMBER') {
  const dossier = await vault.call('dossier.create', { title: 'Witwassen via autohandel (test)', tlp: 'AMBER', openedOn: '2025-04-01' });
  const signal = await vault.call('signal.create', { howReceived: 'medewerker', summary: 'Contante aankopen van auto’s', receivedOn: '2025-03-30', tlp: 'AMBER' });
  await vault.call('signal.attachToDossier', { signalId: signal.id, dossierId: dossier.id });
  const note = await vault.call('note.add', { dossierId: dossier.id, body: 'Politie: betrokkene staat bekend om witwassen.', partner: 'politie', tlp: noteTlp });
  await setProvenance(vault, OWN_FREE);
  await setProvenance(vault, { originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' }, { table: 'dossier_notes', ids: [note.id] });
  return { dossier, signal, note };
}

describe('bundles under the sharing regime', () => {
  it("leaves a partner's AMBER+STRICT note out of a bundle to a third organisation, and lets it go by an override that the register and the trail keep", async () => {
    const a = await openBundleVault('Gemeente Voorbeeldstad');
    const b = await openBundleVault('Belastingdienst Oost');
    const { bInA } = await introduce(a, b, { b: 'belastingdienst' });
    const { dossier, signal, note } = await dossierWithPoliceNote(a, 'AMBER+STRICT');
    const selection = { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }] };

    const preview = await a.call('bundle.exportPreview', selection);
    expect(preview.audience).toEqual({ kind: 'recipients', members: [{ organisation: 'belastingdienst', person: 'Belastingdienst Oost', verified: true }] });
    expect(preview.sharing.withheld).toEqual([expect.objectContaining({ ref: { kind: 'note', id: note.id }, tlp: 'AMBER+STRICT', reasons: ['tlp_amber_strict'] })]);
    expect(preview.sharing.withheldCounts).toEqual({ tlp_amber_strict: 1 });
    expect(withheldLines(preview.sharing)).toEqual(['1 gegeven: TLP:AMBER+STRICT van een partner of een onbekende leverancier, blijft binnen de gemeente']);
    expect(preview).toMatchObject({ tlp: 'AMBER', totals: { signals: 1, notes: 0 } });

    // Without an override the note stays home; the rest goes.
    const plain = path.join(makeTempFolder(), 'zonder.dkbundel');
    const withoutNote = await a.call('bundle.export', { ...selection, targetPath: plain });
    expect(withoutNote.preview.totals).toMatchObject({ signals: 1, notes: 0 });
    const inspection = await b.call('bundle.inspect', { path: plain });
    expect(inspection).toMatchObject({ tlp: 'AMBER', declaredTlp: 'AMBER', tlpOverride: null, dossiers: [{ signals: 1, notes: 0 }] });

    // The override names the note and gives a reason: it goes, and the bundle is marked by it.
    const reason = 'Afgestemd met de politie (zaaksofficier), mail van 3 april';
    const overridden = path.join(makeTempFolder(), 'met.dkbundel');
    const withNote = await a.call('bundle.export', { ...selection, targetPath: overridden, override: { reason, items: [{ kind: 'note', id: note.id }] } });
    expect(withNote.preview).toMatchObject({ tlp: 'AMBER+STRICT', totals: { notes: 1 } });
    expect(withNote.preview.sharing).toMatchObject({ withheld: [], overridden: [{ ref: { kind: 'note', id: note.id } }], overrideReason: reason });
    const secondInspection = await b.call('bundle.inspect', { path: overridden });
    expect(secondInspection).toMatchObject({ tlp: 'AMBER+STRICT', declaredTlp: 'AMBER+STRICT', tlpOverride: { reason } });

    const register = await a.call('disclosure.list', { dossierId: dossier.id });
    expect(register).toHaveLength(2);
    expect(register[0]).toMatchObject({
      output: 'bundle',
      channel: 'bundle',
      marking: 'AMBER+STRICT',
      audience: { kind: 'recipients', members: [{ organisation: 'belastingdienst', person: 'Belastingdienst Oost', verified: true }] },
      overridden: [{ kind: 'note', id: note.id }],
      overrideReason: reason,
      withheld: 0,
    });
    expect(register[0]!.items).toEqual(
      expect.arrayContaining([
        { kind: 'note', id: note.id },
        { kind: 'signal', id: signal.id },
      ]),
    );
    expect(register[1]).toMatchObject({ marking: 'AMBER', withheld: 1, overridden: [], overrideReason: null });
    expect(register[1]!.items).not.toContainEqual({ kind: 'note', id: note.id });

    const trail = await a.call('audit.list', { actions: ['bundle.tlp-overridden'] });
    expect(trail).toHaveLength(1);
    expect(trail[0]!.details).toMatchObject({ bundleId: withNote.bundleId, reason, count: 1, items: [{ kind: 'note', id: note.id, tlp: 'AMBER+STRICT' }] });

    // At the recipient the note keeps its supplier: a police note, not the sender's own.
    const imported = await b.call('bundle.import', { path: overridden, manifestSha256: secondInspection.manifestSha256 });
    const notesInB = await b.call('note.list', { dossierId: imported.dossiers[0]!.dossierId!, includeInternal: true, limit: 10, offset: 0 });
    expect(notesInB.items).toHaveLength(1);
    expect((await provenanceRows(b, 'dossier_notes')).get(notesInB.items[0]!.id)).toEqual({
      originator: 'politie',
      receivedUnder: 'wpg',
      restriction: 'geen_besluit_zonder_toestemming',
    });
    // The municipality's own signal is, seen from the recipient, the sending municipality's.
    const signalsInB = (await b.call('dossier.get', { dossierId: imported.dossiers[0]!.dossierId! })).signals;
    expect((await provenanceRows(b, 'signals')).get(signalsInB[0]!.id)).toEqual({
      originator: 'andere_gemeente',
      receivedUnder: 'eigen_taak_gemeentewet',
      restriction: 'vrij',
    });
  });

  it('an override without a reason is refused, and nothing is written', async () => {
    const a = await openBundleVault('Gemeente');
    const b = await openBundleVault('Belastingdienst');
    const { bInA } = await introduce(a, b, { b: 'belastingdienst' });
    const { dossier } = await dossierWithPoliceNote(a, 'AMBER+STRICT');
    const target = path.join(makeTempFolder(), 'x.dkbundel');
    const before = await a.digest();
    const error = await a.fail('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }], targetPath: target, override: { reason: ' ' } });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'override.reason', reason: 'override.reason-short' } });
    expect(fs.existsSync(target)).toBe(false);
    expect(await a.digest()).toBe(before);
  });

  it("sends the municipality's own RED to a verified named partner, not to an unverified one", async () => {
    const a = await openBundleVault('Gemeente');
    const verified = await openBundleVault('J. de Vries');
    const unverified = await openBundleVault('K. Onbekend');
    const { bInA: verifiedId } = await introduce(a, verified, { b: 'politie' });
    const { bInA: unverifiedId } = await introduce(a, unverified, { b: 'politie', verified: false });
    const dossier = await a.call('dossier.create', { title: 'Ondermijning haven (test)', tlp: 'AMBER', openedOn: '2025-05-01' });
    const note = await a.call('note.add', { dossierId: dossier.id, body: 'Eigen waarneming handhaving: sleutelfiguur.', tlp: 'RED' });
    // A RED company with an AMBER link: the link cannot go without the company.
    const company = await a.call('subject.create', { details: { type: 'organisation', name: 'Havenlogistiek B.V.' }, tlp: 'RED' });
    const link = await a.call('subject.linkToDossier', { subjectId: company.id, dossierId: dossier.id, role: 'eigenaar', tlp: 'AMBER' });
    await setProvenance(a, OWN_FREE);

    const toVerified = await a.call('bundle.exportPreview', { dossierIds: [dossier.id], recipients: [{ partnerId: verifiedId }] });
    expect(toVerified.sharing.withheld).toEqual([]);
    expect(toVerified).toMatchObject({ tlp: 'RED', totals: { notes: 1, subjects: 1 } });

    const toUnverified = await a.call('bundle.exportPreview', { dossierIds: [dossier.id], recipients: [{ partnerId: unverifiedId }] });
    expect(toUnverified.sharing.withheld.map((fact) => [fact.ref, fact.reasons])).toEqual([
      [{ kind: 'dossier-link', id: link.id }, ['tlp_red']],
      [{ kind: 'note', id: note.id }, ['tlp_red']],
      [{ kind: 'subject', id: company.id }, ['tlp_red']],
    ]);
    expect(toUnverified.sharing.withheldCounts).toEqual({ tlp_red: 3 });
    expect(toUnverified).toMatchObject({ tlp: 'AMBER', totals: { notes: 0, subjects: 0 } });

    // Both at once: the strictest audience decides.
    const toBoth = await a.call('bundle.exportPreview', { dossierIds: [dossier.id], recipients: [{ partnerId: verifiedId }, { partnerId: unverifiedId }] });
    expect(toBoth.sharing.withheld.map((fact) => fact.ref.kind)).toEqual(['dossier-link', 'note', 'subject']);
  });

  it('a passphrase bundle leaves GREEN and art. 10 data out, with what hangs on them', async () => {
    const a = await openBundleVault('Gemeente');
    const b = await openBundleVault('Ontvanger');
    const dossier = await a.call('dossier.create', { title: 'Openbare inventarisatie (test)', tlp: 'CLEAR', openedOn: '2025-06-01' });
    const make = async (summary: string, tlp: 'CLEAR' | 'GREEN') => {
      const signal = await a.call('signal.create', { howReceived: 'medewerker', summary, receivedOn: '2025-05-30', tlp });
      await a.call('signal.attachToDossier', { signalId: signal.id, dossierId: dossier.id });
      return signal;
    };
    const open = await make('Leegstaand pand aan de Kade', 'CLEAR');
    const green = await make('Vermoeden van huisjesmelkerij', 'GREEN');
    const police = await make('Politie: drugsgerelateerde melding', 'CLEAR');
    const person = await a.call('subject.create', { details: { type: 'person', name: 'Piet Testpersoon' }, tlp: 'CLEAR' });
    const company = await a.call('subject.create', { details: { type: 'organisation', name: 'Kade Vastgoed B.V.' }, tlp: 'CLEAR' });
    await a.call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'betrokkene', tlp: 'CLEAR' });
    const companyLink = await a.call('subject.linkToDossier', { subjectId: company.id, dossierId: dossier.id, role: 'eigenaar', tlp: 'CLEAR' });
    const link = await a.call('subject.link', { fromSubjectId: person.id, toSubjectId: company.id, kind: 'director_of', tlp: 'CLEAR' });
    await setProvenance(a, OWN_FREE);
    await setProvenance(a, { originator: 'politie', receivedUnder: 'wpg', restriction: 'vrij' }, { table: 'signals', ids: [police.id] });

    const preview = await a.call('bundle.exportPreview', { dossierIds: [dossier.id], usePassphrase: true });
    expect(preview.audience).toEqual({ kind: 'passphrase' });
    const reasons = new Map(preview.sharing.withheld.map((fact) => [`${fact.ref.kind}:${fact.ref.id}`, fact.reasons]));
    expect(reasons.get(`signal:${green.id}`)).toEqual(['tlp_green', 'art10']);
    expect(reasons.get(`signal:${police.id}`)).toEqual(['art10']);
    expect(reasons.get(`subject:${person.id}`)).toEqual(['art10']);
    expect(reasons.get(`subject-link:${link.id}`)).toEqual(['art10']);
    expect(reasons.has(`signal:${open.id}`)).toBe(false);
    expect(reasons.has(`subject:${company.id}`)).toBe(false);
    expect(reasons.has(`dossier-link:${companyLink.id}`)).toBe(false);
    expect(preview).toMatchObject({ tlp: 'CLEAR', totals: { signals: 1, subjects: 1, subjectLinks: 0 } });

    const target = path.join(makeTempFolder(), 'wachtwoord.dkbundel');
    await a.call('bundle.export', { dossierIds: [dossier.id], usePassphrase: true, passphrase: BUNDLE_PASSPHRASE, targetPath: target });
    const inspection = await b.call('bundle.inspect', { path: target, passphrase: BUNDLE_PASSPHRASE });
    expect(inspection.dossiers).toMatchObject([{ signals: 1, subjects: 1 }]);
    expect(inspection.subjects.map((subject) => subject.label)).toEqual(['Kade Vastgoed B.V.']);
    const [entry] = await a.call('disclosure.list', { dossierId: dossier.id });
    expect(entry).toMatchObject({ audience: { kind: 'passphrase' }, channel: 'bundle', marking: 'CLEAR' });
    expect(entry!.items).not.toContainEqual({ kind: 'signal', id: green.id });
  });

  it('refuses a bundle of which nothing may go, and writes nothing', async () => {
    const a = await openBundleVault('Gemeente');
    const dossier = await a.call('dossier.create', { title: 'Alleen voor de gemeenschap (test)', tlp: 'GREEN', openedOn: '2025-06-01' });
    const preview = await a.call('bundle.exportPreview', { dossierIds: [dossier.id], usePassphrase: true });
    expect(preview.dossiers).toEqual([]);
    expect(preview.sharing.withheld).toEqual([expect.objectContaining({ ref: { kind: 'dossier', id: dossier.id }, reasons: ['tlp_green'] })]);
    const target = path.join(makeTempFolder(), 'leeg.dkbundel');
    const before = await a.digest();
    const error = await a.fail('bundle.export', { dossierIds: [dossier.id], usePassphrase: true, passphrase: BUNDLE_PASSPHRASE, targetPath: target });
    expect(error.code).toBe('BUNDLE_TLP_BLOCKED');
    expect(fs.existsSync(target)).toBe(false);
    expect(await a.digest()).toBe(before);
  });

  it("imports an older bundle without provenance as the sender's, with its terms unknown", async () => {
    const a = await openBundleVault('Gemeente');
    const b = await openBundleVault('Ontvangende gemeente');
    const { bInA } = await introduce(a, b);
    const { dossier } = await dossierWithPoliceNote(a, 'AMBER');
    const target = path.join(makeTempFolder(), 'nieuw.dkbundel');
    await a.call('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }], targetPath: target });

    // The same content as an older exporter wrote it: no originator, receivedUnder or restriction,
    // signed by a sender whose card B has under the police.
    const items = await untar(await decryptBytes(fs.readFileSync(target), { identity: await ageIdentityOf(b) }));
    const strip = (key: string, value: unknown) => (key === 'originator' || key === 'receivedUnder' || key === 'restriction' ? undefined : value);
    const content = items
      .filter((item) => item.name !== 'manifest.json' && item.name !== 'manifest.sig')
      .map((item) => (item.name.endsWith('.json') ? { ...item, data: Buffer.from(`${JSON.stringify(JSON.parse(item.data.toString('utf8')), strip, 2)}\n`) } : item));
    expect(content.some((item) => item.data.includes('"originator"'))).toBe(false);
    const signer = makeSigner('Wijkagent Oost', 'Politie Oost-Nederland');
    const card = writeTemp('kaart.json', Buffer.from(JSON.stringify({ format: 'dossierkluis-partner-card', version: 1, ...signer.sender })));
    await b.call('addressBook.add', { path: card, verified: true, organisationCode: 'politie' });
    const bRecipient = (await b.call('bundle.identity', {})).ageRecipient;
    const { archive, manifestSha256 } = await craftBundle(content, signer, { recipients: [bRecipient] });
    const older = writeTemp('oud.dkbundel', await encryptBytes(archive, { recipients: [bRecipient] }));

    const imported = await b.call('bundle.import', { path: older, manifestSha256 });
    const localId = imported.dossiers[0]!.dossierId!;
    const notes = await b.call('note.list', { dossierId: localId, includeInternal: true, limit: 10, offset: 0 });
    const signals = (await b.call('dossier.get', { dossierId: localId })).signals;
    const fromThePolice = { originator: 'politie', receivedUnder: null, restriction: 'vraag_leverancier' };
    expect((await provenanceRows(b, 'dossier_notes')).get(notes.items[0]!.id)).toEqual(fromThePolice);
    expect((await provenanceRows(b, 'signals')).get(signals[0]!.id)).toEqual(fromThePolice);
  });

  it('keeps the organisation of an address-book card, and refuses one the list does not have', async () => {
    const a = await openBundleVault('Gemeente');
    const b = await openBundleVault('Partner');
    const { bInA } = await introduce(a, b, { b: null });
    expect((await a.call('addressBook.list', {}))[0]).toMatchObject({ id: bInA, organisation: '', organisationCode: null });
    const set = await a.call('addressBook.setOrganisation', { partnerId: bInA, organisationCode: 'fiod' });
    expect(set.organisationCode).toBe('fiod');
    const before = await a.digest();
    const error = await a.fail('addressBook.setOrganisation', { partnerId: bInA, organisationCode: 'bestaat_niet' });
    expect(error.code).toBe('NOT_FOUND');
    expect(await a.digest()).toBe(before);
    const trail = await a.call('audit.list', { actions: ['address-book.organisation-set'] });
    expect(trail.map((entry) => entry.details)).toEqual([{ partnerId: bInA, organisationCode: 'fiod' }]);
  });
});
