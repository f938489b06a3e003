import { describe, expect, it } from 'vitest';
import { openDossierCore } from './support/dossier-core';

describe('access request (inzageverzoek)', () => {
  it('finds a person through a merged subject and a note that mentions them, and records the handling without personal data', async () => {
    const { call, fail, auditTrail } = await openDossierCore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const withBsn = await call('subject.create', { details: { type: 'person', name: 'Johannes de Vries', birthDate: '1975-04-12', bsn: '111222333' } });
    const short = await call('subject.create', { details: { type: 'person', name: 'J. de Vries' } });
    const other = await call('subject.create', { details: { type: 'person', name: 'Piet Jansen', birthDate: '1960-01-01' } });
    const address = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 12, street: 'Dorpsstraat', city: 'Ergens' } });
    await call('subject.link', { fromSubjectId: short.id, toSubjectId: address.id, kind: 'lives_at' });

    const first = await call('dossier.create', { title: 'Hennepzolder Dorpsstraat' });
    const second = await call('dossier.create', { title: 'Kamerverhuur' });
    const unrelated = await call('dossier.create', { title: 'Witwassen via autohandel' });
    const elsewhere = await call('dossier.create', { title: 'Ander dossier' });
    await call('subject.linkToDossier', { subjectId: withBsn.id, dossierId: first.id, role: 'huurder' });
    await call('subject.linkToDossier', { subjectId: short.id, dossierId: second.id, role: 'eigenaar' });
    await call('subject.linkToDossier', { subjectId: other.id, dossierId: elsewhere.id, role: 'kopstuk' });
    await call('note.add', { dossierId: unrelated.id, body: 'De wijkagent zag J. de Vries bij de garage.' });
    await call('note.add', { dossierId: unrelated.id, body: 'Niets over deze persoon.' });
    const signal = await call('signal.create', { howReceived: 'burger', summary: 'Overlast Dorpsstraat', description: 'Melder noemt de Vries als huurder.' });

    // The subject with the BSN is merged into the one without: the kept subject takes over the BSN and the links.
    await call('subject.merge', { keepSubjectId: short.id, mergeSubjectId: withBsn.id });

    const found = await call('accessRequest.search', { bsn: '111222333' });
    expect(found.subjects).toEqual([expect.objectContaining({ id: short.id, matchedBy: 'bsn', mergedSubjectIds: [withBsn.id] })]);
    expect(found.subjects[0]!.details).toMatchObject({ bsn: '111222333', birthDate: '1975-04-12' });
    expect(found.dossiers.map((dossier) => dossier.id).sort()).toEqual([first.id, second.id].sort());
    expect(found.dossiers.map((dossier) => dossier.id)).not.toContain(elsewhere.id);
    expect(found.subjectLinks).toEqual([{ fromLabel: 'J. de Vries', toLabel: expect.stringContaining('1234'), kind: 'lives_at', tlp: 'AMBER+STRICT' }]);
    expect(found.notes.map((note) => note.body)).toEqual(['De wijkagent zag J. de Vries bij de garage.']);
    expect(found.signals).toEqual([expect.objectContaining({ id: signal.id, via: 'text' })]);
    // Audit entries about the duplicate from before the merge belong to the person too.
    const aboutDuplicate = found.audit.filter((entry) => entry.action === 'subject.linked-to-dossier');
    expect(aboutDuplicate).toHaveLength(2);
    expect(found.audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['subject.created', 'subject.merged', 'subject.linked']));

    // By name and date of birth (the kept spelling), and by address.
    const byName = await call('accessRequest.search', { name: 'j de vries', birthDate: '1975-04-12' });
    expect(byName.subjects.map((subject) => subject.id)).toEqual([short.id]);
    const byAddress = await call('accessRequest.search', { postcode: '1234 ab', houseNumber: '12' });
    expect(byAddress.subjects.map((subject) => [subject.id, subject.matchedBy])).toEqual([[address.id, 'address']]);
    expect((await call('accessRequest.search', { bsn: '123456782' })).subjects).toEqual([]);
    expect(await fail('accessRequest.search', {})).toMatchObject({ code: 'INVALID_INPUT' });

    await call('accessRequest.recordHandled', { criteria: ['bsn'], subjects: 1, dossiers: 2, reference: 'AVG-2026-014' });
    const trail = await auditTrail();
    const handled = trail.find((entry) => entry.action === 'access-request.handled');
    expect(handled?.details).toEqual({ criteria: ['bsn'], subjects: 1, dossiers: 2, reference: 'AVG-2026-014' });
    // Searching itself is not recorded with the criteria: no BSN or name in the trail.
    expect(JSON.stringify(trail)).not.toMatch(/111222333|Vries/);
  });
});
