import { describe, expect, it } from 'vitest';
import type { SubjectDetailsInput } from '../../shared/api';
import { openDossierCore } from './support/dossier-core';

type DossierCore = Awaited<ReturnType<typeof openDossierCore>>;

/** A subject in a dossier, in one step, as the UI's "add a person" will do it. */
async function addSubject(call: DossierCore['call'], dossierId: number, details: SubjectDetailsInput, role: 'bewoner' | 'eigenaar' | 'kopstuk' = 'bewoner') {
  const subject = await call('subject.create', { details });
  await call('subject.linkToDossier', { subjectId: subject.id, dossierId, role });
  return subject;
}

describe('subjects, links and "komt ook voor in"', () => {
  it('finds a shared address across two dossiers by postcode and house number, however it was typed', async () => {
    const { call, core } = await openDossierCore();
    const first = await call('dossier.create', { title: 'Hennepkwekerij Fictiefstraat' });
    const second = await call('dossier.create', { title: 'Kamerverhuur Fictiefstraat' });
    const third = await call('dossier.create', { title: 'Niets mee te maken' });
    const loods = await addSubject(call, first.id, { type: 'address', postcode: '1234 ab', houseNumber: 12, street: 'Fictiefstraat', city: 'Voorbeeldstad' }, 'eigenaar');
    const flat = await addSubject(call, second.id, { type: 'address', postcode: '1234AB', houseNumber: 12, houseNumberAddition: 'b' });
    await addSubject(call, third.id, { type: 'address', postcode: '1234AB', houseNumber: 14 });

    const fromFirst = await call('subject.matches', { subjectId: loods.id, excludeDossierId: first.id });
    expect(fromFirst.lookalikes).toEqual([{ subject: expect.objectContaining({ id: flat.id, type: 'address' }), matchedOn: ['address'] }]);
    expect(fromFirst.dossiers).toEqual([
      { dossier: { id: second.id, number: second.number, title: second.title, status: 'ontvangen' }, subjectId: flat.id, roles: ['bewoner'] },
    ]);

    // Without an excluded dossier, the subject's own dossier is listed too.
    const everywhere = await call('subject.matches', { subjectId: loods.id });
    expect(everywhere.dossiers.map((entry) => [entry.dossier.id, entry.subjectId])).toEqual([
      [second.id, flat.id],
      [first.id, loods.id],
    ]);

    const onDossier = await call('dossier.matches', { dossierId: second.id });
    expect(onDossier).toHaveLength(1);
    expect(onDossier[0]).toMatchObject({ subjectId: flat.id, dossiers: [{ dossier: { id: first.id }, subjectId: loods.id, roles: ['eigenaar'] }] });
    expect(await call('dossier.matches', { dossierId: third.id })).toEqual([]);
    await core.dispose();
  });

  it('finds a company by KvK number and by its name without legal form', async () => {
    const { call, core } = await openDossierCore();
    const first = await call('dossier.create', { title: 'Witwassen autohandel' });
    const second = await call('dossier.create', { title: 'Bibob-aanvraag horeca' });
    const byKvk = await addSubject(call, first.id, { type: 'organisation', name: 'Autohandel De Brug B.V.', kvkNumber: '1234 5678', legalForm: 'bv' }, 'kopstuk');
    const sameKvk = await addSubject(call, second.id, { type: 'organisation', name: 'Brugzicht Horeca', kvkNumber: '12345678' });
    const sameName = await addSubject(call, second.id, { type: 'organisation', name: 'autohandel de  brug' });

    const matches = await call('subject.matches', { subjectId: byKvk.id, excludeDossierId: first.id });
    expect(matches.lookalikes.map((lookalike) => [lookalike.subject.id, lookalike.matchedOn])).toEqual([
      [sameName.id, ['organisation_name']],
      [sameKvk.id, ['kvk']],
    ]);
    expect(matches.dossiers.map((entry) => [entry.dossier.id, entry.subjectId])).toEqual([
      [second.id, sameKvk.id],
      [second.id, sameName.id],
    ]);
    await core.dispose();
  });

  it('matches a person on name and birth date, tolerant to case, diacritics, spacing, order and spelling variants', async () => {
    const { call, core } = await openDossierCore();
    const first = await call('dossier.create', { title: 'Eerste' });
    const second = await call('dossier.create', { title: 'Tweede' });
    const jan = await addSubject(call, first.id, { type: 'person', name: 'Jan de Vries', birthDate: '1980-01-31' });
    const sjaak = await addSubject(call, first.id, { type: 'person', name: 'Sjaak Janssen', birthDate: '1975-05-05' });
    const piet = await addSubject(call, first.id, { type: 'person', name: 'Piet Smidt', birthDate: '1990-10-10' });

    const sameJan = await addSubject(call, second.id, { type: 'person', name: '  VRIES,  Ján de ', birthDate: '1980-01-31' });
    const sameSjaak = await addSubject(call, second.id, { type: 'person', name: 'sjaak jansen', birthDate: '1975-05-05' });
    const samePiet = await addSubject(call, second.id, { type: 'person', name: 'Piet Smit', birthDate: '1990-10-10' });
    await addSubject(call, second.id, { type: 'person', name: 'Jan de Vries', birthDate: '1981-01-31' }); // another man
    await addSubject(call, second.id, { type: 'person', name: 'J. de Vries', birthDate: '1980-01-31' }); // initials: not sure enough
    await addSubject(call, second.id, { type: 'person', name: 'Jan de Vries' }); // no birth date: no key

    for (const [subject, expected] of [
      [jan, sameJan],
      [sjaak, sameSjaak],
      [piet, samePiet],
    ] as const) {
      const matches = await call('subject.matches', { subjectId: subject.id, excludeDossierId: first.id });
      expect(matches.lookalikes, subject.label).toEqual([{ subject: expect.objectContaining({ id: expected.id }), matchedOn: ['name_birth_date'] }]);
      expect(matches.dossiers.map((entry) => entry.dossier.id)).toEqual([second.id]);
    }
    await core.dispose();
  });

  it('leaves out trashed subjects and trashed dossiers, and finds them again after a restore', async () => {
    const { call, core } = await openDossierCore();
    const first = await call('dossier.create', { title: 'Eerste' });
    const second = await call('dossier.create', { title: 'Tweede' });
    const car = await addSubject(call, first.id, { type: 'vehicle', kenteken: 'AB-123-C' });
    const sameCar = await addSubject(call, second.id, { type: 'vehicle', kenteken: 'ab123c' });

    await call('trash.move', { kind: 'dossier', id: second.id });
    expect(await call('subject.matches', { subjectId: car.id, excludeDossierId: first.id })).toMatchObject({ lookalikes: [{ subject: { id: sameCar.id } }], dossiers: [] });
    await call('trash.move', { kind: 'subject', id: sameCar.id });
    expect(await call('subject.matches', { subjectId: car.id, excludeDossierId: first.id })).toMatchObject({ lookalikes: [], dossiers: [] });

    await call('trash.restore', { kind: 'dossier', id: second.id });
    await call('trash.restore', { kind: 'subject', id: sameCar.id });
    expect((await call('subject.matches', { subjectId: car.id, excludeDossierId: first.id })).dossiers.map((entry) => entry.dossier.id)).toEqual([second.id]);
    await core.dispose();
  });

  it('rebuilds the match keys when a subject changes', async () => {
    const { call, core } = await openDossierCore();
    const account = await call('subject.create', { details: { type: 'phone', number: '06-12345678' } });
    const other = await call('subject.create', { details: { type: 'phone', number: '06-87654321' } });
    expect((await call('subject.matches', { subjectId: account.id })).lookalikes).toEqual([]);
    const updated = await call('subject.update', { subjectId: other.id, details: { type: 'phone', number: '+31 6 1234 5678' }, sourceGrade: 'B' });
    expect(updated).toMatchObject({ label: '+31612345678', sourceGrade: 'B', informationGrade: 4 });
    expect((await call('subject.matches', { subjectId: account.id })).lookalikes).toMatchObject([{ subject: { id: other.id }, matchedOn: ['phone'] }]);
    await core.dispose();
  });

  it('links subjects to each other and to dossiers with role, period, source and grading: the network of a subject', async () => {
    const { call, core } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Netwerk' });
    const person = await call('subject.create', { details: { type: 'person', name: 'Fictieve Bestuurder', birthDate: '1970-07-07' } });
    const company = await call('subject.create', { details: { type: 'organisation', name: 'Fictief Holding BV', kvkNumber: '87654321' } });
    const premises = await call('subject.create', { details: { type: 'address', street: 'Industrieweg', houseNumber: 3, city: 'Voorbeeldstad' } });

    const role = await call('subject.linkToDossier', {
      subjectId: person.id,
      dossierId: dossier.id,
      role: 'kopstuk',
      validFrom: '2024-01-01',
      validUntil: '2025-12-31',
      source: 'Politie, BVH-bevraging',
      sourceGrade: 'B',
      informationGrade: 2,
      tlp: 'RED',
    });
    expect(role).toMatchObject({
      role: 'kopstuk',
      validFrom: '2024-01-01',
      validUntil: '2025-12-31',
      source: 'Politie, BVH-bevraging',
      sourceGrade: 'B',
      informationGrade: 2,
      tlp: 'RED',
    });
    const director = await call('subject.link', {
      fromSubjectId: person.id,
      toSubjectId: company.id,
      kind: 'director_of',
      validFrom: '2020-01-01',
      source: 'KvK-uittreksel',
      sourceGrade: 'A',
      informationGrade: 1,
    });
    await call('subject.link', { fromSubjectId: company.id, toSubjectId: premises.id, kind: 'registered_at' });

    const network = await call('subject.get', { subjectId: company.id });
    expect(network.links.map((link) => [link.direction, link.kind, link.other.id])).toEqual([
      ['incoming', 'director_of', person.id],
      ['outgoing', 'registered_at', premises.id],
    ]);
    expect(network.links[0]).toMatchObject({ id: director.id, sourceGrade: 'A', informationGrade: 1, validFrom: '2020-01-01', validUntil: null });
    expect((await call('subject.get', { subjectId: person.id })).dossiers).toMatchObject([{ role: 'kopstuk', dossier: { id: dossier.id, number: dossier.number } }]);
    expect((await call('dossier.get', { dossierId: dossier.id })).subjects).toMatchObject([{ role: 'kopstuk', subject: { id: person.id, label: 'Fictieve Bestuurder' } }]);
    expect(premises.label).toBe('Industrieweg 3, Voorbeeldstad');

    const listed = await call('subject.list', { query: 'fictie' });
    expect(listed.items.map((subject) => subject.label)).toEqual(['Fictief Holding BV', 'Fictieve Bestuurder']);
    expect((await call('subject.list', { type: 'address' })).items.map((subject) => subject.id)).toEqual([premises.id]);
    expect((await call('subject.list', { dossierId: dossier.id })).items.map((subject) => subject.id)).toEqual([person.id]);
    expect((await call('subject.list', { query: '100%_' })).total).toBe(0);
    await core.dispose();
  });

  it('merges duplicates keeping every link, filling empty fields, and records the merge in the audit trail', async () => {
    const { call, fail, core, auditTrail } = await openDossierCore();
    const first = await call('dossier.create', { title: 'Eerste' });
    const second = await call('dossier.create', { title: 'Tweede' });
    const kept = await addSubject(call, first.id, { type: 'person', name: 'Jan de Vries', birthDate: '1980-01-31' }, 'kopstuk');
    const duplicate = await call('subject.create', { details: { type: 'person', name: 'Vries, J. de', birthDate: '1980-01-31', bsn: '111222333' }, tlp: 'RED' });
    await call('subject.linkToDossier', { subjectId: duplicate.id, dossierId: second.id, role: 'bewoner' });
    await call('subject.linkToDossier', { subjectId: duplicate.id, dossierId: first.id, role: 'huurder' });
    const house = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 1 } });
    await call('subject.link', { fromSubjectId: duplicate.id, toSubjectId: house.id, kind: 'lives_at' });
    await call('subject.link', { fromSubjectId: kept.id, toSubjectId: duplicate.id, kind: 'family_of' }); // becomes a self-link

    const otherPerson = await call('subject.create', { details: { type: 'person', name: 'Jan de Vries', bsn: '123456782' } });
    expect(await fail('subject.merge', { keepSubjectId: duplicate.id, mergeSubjectId: otherPerson.id })).toMatchObject({ code: 'MERGE_CONFLICT', details: { field: 'bsn' } });
    expect(await fail('subject.merge', { keepSubjectId: kept.id, mergeSubjectId: house.id })).toMatchObject({ code: 'MERGE_CONFLICT', details: { field: 'type' } });

    const merged = await call('subject.merge', { keepSubjectId: kept.id, mergeSubjectId: duplicate.id });
    expect(merged).toMatchObject({ movedDossierLinks: 2, movedSubjectLinks: 1, droppedSelfLinks: 1, filledFields: ['bsn'] });
    expect(merged.subject).toMatchObject({ id: kept.id, label: 'Jan de Vries', tlp: 'RED', details: { name: 'Jan de Vries', bsn: '111222333', birthDate: '1980-01-31' } });

    const network = await call('subject.get', { subjectId: kept.id });
    expect(network.dossiers.map((link) => [link.dossier.id, link.role]).sort()).toEqual(
      [
        [first.id, 'kopstuk'],
        [first.id, 'huurder'],
        [second.id, 'bewoner'],
      ].sort(),
    );
    expect(network.links.map((link) => [link.kind, link.other.id])).toEqual([['lives_at', house.id]]);
    expect(await fail('subject.get', { subjectId: duplicate.id })).toMatchObject({ code: 'NOT_FOUND' });
    // The kept subject now carries the BSN: the other Jan de Vries with a different BSN is no look-alike.
    expect((await call('subject.matches', { subjectId: kept.id })).lookalikes).toEqual([]);

    const merge = (await auditTrail()).find((entry) => entry.action === 'subject.merged');
    expect(merge?.details).toEqual({
      keptSubjectId: kept.id,
      mergedSubjectId: duplicate.id,
      movedDossierLinks: 2,
      movedSubjectLinks: 1,
      droppedSelfLinks: 1,
      filledFields: ['bsn'],
    });
    await core.dispose();
  });

  it('keeps melder links (the reporter) inside their own dossier, marked protected there', async () => {
    const { call, core } = await openDossierCore();
    const first = await call('dossier.create', { title: 'Hennep Fictieweg' });
    const second = await call('dossier.create', { title: 'Melding Fictieweg' });
    const suspect = await addSubject(call, first.id, { type: 'person', name: 'Piet Fictief', birthDate: '1970-05-05' }, 'kopstuk');
    // The reporter of the second dossier is a look-alike of the first dossier's suspect.
    const reporter = await call('subject.create', { details: { type: 'person', name: 'piet fictief', birthDate: '1970-05-05' } });
    await call('subject.linkToDossier', { subjectId: reporter.id, dossierId: second.id, role: 'melder' });
    // A neighbour who lives in the first dossier's premises and reported the second.
    const neighbour = await addSubject(call, first.id, { type: 'person', name: 'Buurvrouw Verzonnen' });
    await call('subject.linkToDossier', { subjectId: neighbour.id, dossierId: second.id, role: 'melder' });

    // Not in "komt ook voor in" of the other dossier, nor of the subject.
    expect(await call('dossier.matches', { dossierId: first.id })).toEqual([]);
    expect((await call('subject.matches', { subjectId: suspect.id })).lookalikes).toEqual([]);
    expect((await call('subject.matches', { subjectId: neighbour.id })).dossiers.map((entry) => entry.dossier.id)).toEqual([first.id]);
    // Not in the network that leads from the first dossier to others.
    expect((await call('subject.get', { subjectId: neighbour.id })).dossiers.map((link) => [link.dossier.id, link.role])).toEqual([[first.id, 'bewoner']]);
    expect((await call('subject.get', { subjectId: reporter.id })).dossiers).toEqual([]);

    // Within their own dossier: there, and marked.
    const own = await call('dossier.get', { dossierId: second.id });
    expect(own.subjects.map((link) => [link.subjectId, link.role, link.protected]).sort()).toEqual(
      [
        [neighbour.id, 'melder', true],
        [reporter.id, 'melder', true],
      ].sort(),
    );
    const other = await call('dossier.get', { dossierId: first.id });
    expect(other.subjects.every((link) => !link.protected)).toBe(true);
    expect(other.subjects.map((link) => link.subjectId).sort()).toEqual([suspect.id, neighbour.id].sort());

    // Lists: protected where the subject is only the reporter.
    const listed = async (dossierId?: number) =>
      Object.fromEntries((await call('subject.list', dossierId === undefined ? {} : { dossierId })).items.map((subject) => [subject.id, subject.protected]));
    expect(await listed(second.id)).toEqual({ [reporter.id]: true, [neighbour.id]: true });
    expect(await listed(first.id)).toEqual({ [suspect.id]: false, [neighbour.id]: false });
    expect(await listed()).toEqual({ [reporter.id]: true, [neighbour.id]: false, [suspect.id]: false });
    await core.dispose();
  });

  it('refuses to merge addresses when a house number addition or BAG id is on one side only', async () => {
    const { call, fail, core } = await openDossierCore();
    const plain = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 12 } });
    const withAddition = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 12, houseNumberAddition: 'b' } });
    const withBag = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 12, bagId: '0123010000012345' } });
    expect(await fail('subject.merge', { keepSubjectId: plain.id, mergeSubjectId: withAddition.id })).toMatchObject({
      code: 'MERGE_CONFLICT',
      details: { field: 'houseNumberAddition' },
    });
    expect(await fail('subject.merge', { keepSubjectId: withAddition.id, mergeSubjectId: plain.id })).toMatchObject({
      code: 'MERGE_CONFLICT',
      details: { field: 'houseNumberAddition' },
    });
    expect(await fail('subject.merge', { keepSubjectId: plain.id, mergeSubjectId: withBag.id })).toMatchObject({ code: 'MERGE_CONFLICT', details: { field: 'bagId' } });
    // Other fields are still filled from the duplicate.
    const withStreet = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 12, street: 'Fictiefstraat' } });
    expect((await call('subject.merge', { keepSubjectId: plain.id, mergeSubjectId: withStreet.id })).filledFields).toEqual(['street']);
    await core.dispose();
  });

  it('removes a subject–dossier link and a subject–subject link, audited with ids only, strict inputs', async () => {
    const { call, fail, core, auditTrail } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Fictief' });
    const person = await call('subject.create', { details: { type: 'person', name: 'Fictieve Bewoner' } });
    const house = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 3 } });
    const dossierLink = await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'bewoner' });
    const subjectLink = await call('subject.link', { fromSubjectId: person.id, toSubjectId: house.id, kind: 'lives_at' });

    expect(await fail('subject.unlinkFromDossier', { linkId: dossierLink.id, extra: 1 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('subject.unlink', { linkId: '1' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('subject.unlink', { linkId: 0 })).toMatchObject({ code: 'INVALID_INPUT' });

    expect(await call('subject.unlinkFromDossier', { linkId: dossierLink.id })).toEqual({ linkId: dossierLink.id });
    expect(await call('subject.unlink', { linkId: subjectLink.id })).toEqual({ linkId: subjectLink.id });
    expect(await fail('subject.unlinkFromDossier', { linkId: dossierLink.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fail('subject.unlink', { linkId: subjectLink.id })).toMatchObject({ code: 'NOT_FOUND' });

    const network = await call('subject.get', { subjectId: person.id });
    expect(network.dossiers).toEqual([]);
    expect(network.links).toEqual([]);
    expect((await call('dossier.get', { dossierId: dossier.id })).subjects).toEqual([]);

    const trail = await auditTrail();
    expect(trail.find((entry) => entry.action === 'subject.unlinked-from-dossier')?.details).toEqual({ linkId: dossierLink.id, subjectId: person.id, dossierId: dossier.id });
    expect(trail.find((entry) => entry.action === 'subject.unlinked')?.details).toEqual({ linkId: subjectLink.id, fromSubjectId: person.id, toSubjectId: house.id });
    await core.dispose();
  });
});
