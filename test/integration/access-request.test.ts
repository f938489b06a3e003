import { describe, expect, it } from 'vitest';
import { coreContextFor } from '../../electron/core/kernel/context';
import { decideForOutput, loadFacts, recordDisclosure } from '../../electron/core/sharing/regime';
import { appendAuditEntry } from '../../electron/core/vault/audit-chain';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE } from '../support/temp-vault';
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
    expect(found.subjectLinks).toEqual([
      { id: expect.any(Number), fromLabel: 'J. de Vries', toLabel: expect.stringContaining('1234'), kind: 'lives_at', tlp: 'AMBER+STRICT', disclosedTo: [] },
    ]);
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

  it('finds exactly the entries that name the person by a subject reference: none about another subject, none by text alone', async () => {
    const { core, vaultPath, call } = await openDossierCore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const person = await call('subject.create', { details: { type: 'person', name: 'Anna Bakker', bsn: '111222333' } });
    // Enough subjects that one's id starts with the person's digits (1 and 11): text matching would take both.
    const others = [];
    for (let index = 0; others.length === 0 || others.at(-1)!.id < person.id * 10 + 1; index++) {
      others.push(await call('subject.create', { details: { type: 'person', name: `Ander persoon ${index}` } }));
    }
    const lookalike = others.at(-1)!;
    expect(String(lookalike.id).startsWith(String(person.id))).toBe(true);
    const dossier = await call('dossier.create', { title: 'Kamerverhuur' });
    await call('subject.get', { subjectId: lookalike.id });
    await call('subject.linkToDossier', { subjectId: lookalike.id, dossierId: dossier.id, role: 'eigenaar' });

    await call('subject.get', { subjectId: person.id });
    await call('subject.update', { subjectId: person.id, details: { type: 'person', name: 'Anna Bakker', bsn: '111222333', birthDate: '1980-02-03' } });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'huurder' });
    await call('subject.link', { fromSubjectId: lookalike.id, toSubjectId: person.id, kind: 'family_of' });
    await call('subject.matches', { subjectId: person.id });
    await call('trash.move', { kind: 'subject', id: person.id });
    await call('trash.restore', { kind: 'subject', id: person.id });

    // Entries that only look like they are about the person: a key that contains "subjectId", the id as text.
    await core.call('vault.lock', {});
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    for (const details of [{ formerSubjectIdNote: person.id }, { subjectId: String(person.id) }]) {
      appendAuditEntry(vault.database, { occurred_at: '2026-03-01T10:00:00Z', actor: 'x', action: 'subject.viewed', details: JSON.stringify(details) });
    }
    vault.lock();
    await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });

    const found = await call('accessRequest.search', { bsn: '111222333' });
    expect(found.subjects.map((subject) => subject.id)).toEqual([person.id]);
    expect(found.audit.map((entry) => entry.action)).toEqual([
      'subject.created',
      'subject.viewed',
      'subject.updated',
      'subject.linked-to-dossier',
      'subject.linked',
      'subject.matches-viewed',
      'subject.trashed',
      'subject.restored',
    ]);
    for (const entry of found.audit) {
      const { details } = entry;
      expect([details.subjectId, details.toSubjectId, details.fromSubjectId, details.id], entry.action).toContain(person.id);
    }
  });

  it('says per own fact of the person to whom it was disclosed and when, from the register; internal use is no recipient', async () => {
    const { core, vaultPath, call } = await openDossierCore({ now: () => new Date('2026-12-01T10:00:00Z') });
    const person = await call('subject.create', { details: { type: 'person', name: 'Anna Bakker', bsn: '111222333' } });
    const partner = await call('subject.create', { details: { type: 'person', name: 'Bert Bakker' } });
    const dossier = await call('dossier.create', { title: 'Kamerverhuur' });
    const other = await call('dossier.create', { title: 'Ander dossier' });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'huurder' });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: other.id, role: 'eigenaar' });
    await call('subject.link', { fromSubjectId: person.id, toSubjectId: partner.id, kind: 'family_of' });
    const before = await call('accessRequest.search', { bsn: '111222333' });
    const link = before.dossiers.find((row) => row.id === dossier.id)!;
    const otherLink = before.dossiers.find((row) => row.id === other.id)!;
    expect(before.dossiers.every((row) => row.disclosedTo.length === 0)).toBe(true);

    // Two outputs, recorded as the outputs record them: the link (the municipality's own, free to use)
    // went to the police in a bundle, and the person's record into a print for internal use.
    await core.call('vault.lock', {});
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, { ...FAST_VAULT_OPTIONS, now: () => new Date('2026-12-03T10:00:00Z') });
    try {
      const context = coreContextFor(vault);
      const police = { kind: 'recipients' as const, members: [{ organisation: 'politie', person: 'J. Agent', verified: true }] };
      const facts = loadFacts(context, [{ kind: 'dossier-link', id: link.linkId }]);
      const toPolice = decideForOutput(context, facts, police);
      expect(toPolice.going.map((fact) => fact.ref)).toEqual([{ kind: 'dossier-link', id: link.linkId }]);
      recordDisclosure(context, { output: 'bundle', channel: 'bundle', audience: police, decision: toPolice });
      const internal = { kind: 'internal' as const };
      recordDisclosure(context, {
        output: 'preweegdocument',
        channel: 'pdf',
        audience: internal,
        decision: decideForOutput(context, loadFacts(context, [{ kind: 'subject', id: person.id }]), internal),
      });
    } finally {
      vault.lock();
    }
    await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });

    const found = await call('accessRequest.search', { bsn: '111222333' });
    const disclosed = found.dossiers.find((row) => row.linkId === link.linkId)!;
    expect(disclosed.disclosedTo).toEqual([
      expect.objectContaining({ output: 'bundle', channel: 'bundle', occurredAt: '2026-12-03T10:00:00.000Z', recipients: 'Politie (J. Agent)' }),
    ]);
    // Only that link: not the person's other dossier, not the record that went into an internal print, not the link between the two.
    expect(found.dossiers.find((row) => row.linkId === otherLink.linkId)!.disclosedTo).toEqual([]);
    expect(found.subjects[0]!.disclosedTo).toEqual([]);
    expect(found.subjectLinks).toEqual([expect.objectContaining({ fromLabel: 'Anna Bakker', toLabel: 'Bert Bakker', disclosedTo: [] })]);
  });
});
