import { describe, expect, it } from 'vitest';
import { openDossierCore } from './support/dossier-core';

const NOW = new Date('2026-03-01T10:00:00Z');

type Trail = Awaited<ReturnType<Awaited<ReturnType<typeof openDossierCore>>['auditTrail']>>;
const retentionEntries = (trail: Trail) => trail.filter((entry) => entry.action.startsWith('retention.') && entry.action !== 'retention.defaults-updated');

describe('retention: one rule for every path that changes the date', () => {
  it('refuses a new retention date on dossier.update and signal.update without a reason, and audits it like the retention list with one', async () => {
    const { call, fail, core, auditTrail } = await openDossierCore({ now: () => NOW });
    const dossier = await call('dossier.create', { title: 'Bewaardossier', openedOn: '2025-02-01' });
    const loose = await call('signal.create', { receivedOn: '2025-06-10', howReceived: 'burger', summary: 'Los signaal' });
    const inside = await call('signal.create', { receivedOn: '2025-06-11', howReceived: 'burger', summary: 'Signaal in dossier' });
    await call('signal.attachToDossier', { signalId: inside.id, dossierId: dossier.id });

    // Without a reason: refused, with the field named, and nothing changed.
    const refused = await fail('dossier.update', { dossierId: dossier.id, title: 'Nieuwe titel', retentionUntil: '2033-01-01' });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'retentionReason', reason: 'text.required' } });
    expect(await fail('dossier.update', { dossierId: dossier.id, retentionUntil: '2033-01-01', retentionReason: '   ' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'retentionReason' },
    });
    expect(await call('dossier.get', { dossierId: dossier.id })).toMatchObject({ title: 'Bewaardossier', retentionUntil: null });
    expect(await fail('signal.update', { signalId: loose.id, retentionUntil: '2030-01-01' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'retentionReason', reason: 'text.required' },
    });
    expect((await call('signal.get', { signalId: loose.id })).retentionUntil).toBeNull();

    // Sending the date it already has is no change: no reason needed, no retention entry.
    await call('dossier.update', { dossierId: dossier.id, title: 'Nieuwe titel', retentionUntil: null });
    await call('signal.update', { signalId: loose.id, summary: 'Los signaal, aangevuld', retentionUntil: null });

    // With a reason: saved, and audited from the date that applied (the default) to the new one.
    await call('dossier.update', { dossierId: dossier.id, retentionUntil: '2033-01-01', retentionReason: 'Lopend strafrechtelijk onderzoek' });
    expect((await call('dossier.get', { dossierId: dossier.id })).retentionUntil).toBe('2033-01-01');
    await call('dossier.update', { dossierId: dossier.id, retentionUntil: '2028-01-01', retentionReason: 'Termijn te ruim genomen' });
    await call('signal.update', { signalId: loose.id, retentionUntil: '2027-06-30', retentionReason: 'Wacht op terugkoppeling politie' });
    // Cleared: the default applies again, and the entry says which date that is.
    await call('signal.update', { signalId: loose.id, retentionUntil: null, retentionReason: 'Terug naar de standaardtermijn' });
    // A signal in a dossier goes with its dossier, but its own date is still not changed without a reason.
    expect(await fail('signal.update', { signalId: inside.id, retentionUntil: '2029-01-01' })).toMatchObject({ details: { field: 'retentionReason' } });
    await call('signal.update', { signalId: inside.id, retentionUntil: '2029-01-01', retentionReason: 'Eigen termijn vastgelegd' });

    const list = await call('retention.list', {});
    expect(list.find((item) => item.kind === 'dossier' && item.id === dossier.id)).toMatchObject({ retentionUntil: '2028-01-01', explicit: true });
    expect(list.find((item) => item.kind === 'signal' && item.id === loose.id)).toMatchObject({ retentionUntil: '2026-06-10', explicit: false });

    const trail = await auditTrail();
    expect(retentionEntries(trail).map((entry) => [entry.action, entry.details])).toEqual([
      ['retention.extended', { kind: 'dossier', id: dossier.id, number: dossier.number, from: '2030-02-01', to: '2033-01-01', reason: 'Lopend strafrechtelijk onderzoek' }],
      ['retention.shortened', { kind: 'dossier', id: dossier.id, number: dossier.number, from: '2033-01-01', to: '2028-01-01', reason: 'Termijn te ruim genomen' }],
      ['retention.extended', { kind: 'signal', id: loose.id, number: null, from: '2026-06-10', to: '2027-06-30', reason: 'Wacht op terugkoppeling politie' }],
      ['retention.shortened', { kind: 'signal', id: loose.id, number: null, from: '2027-06-30', to: '2026-06-10', reason: 'Terug naar de standaardtermijn' }],
      ['retention.extended', { kind: 'signal', id: inside.id, number: null, from: null, to: '2029-01-01', reason: 'Eigen termijn vastgelegd' }],
    ]);
    // The ordinary change entries still name the field.
    expect(trail.filter((entry) => entry.action === 'dossier.updated').map((entry) => entry.details.fields)).toContainEqual(['retentionUntil']);
    await core.dispose();
  });

  it('lists a trashed item past its date as due, in the trash, and destroys it from there, leaving only audit entries', async () => {
    const { call, core, auditTrail } = await openDossierCore({ now: () => NOW });
    const trashed = await call('dossier.create', { title: 'PRULLENBAKKANARIE dossier', openedOn: '2018-03-01' });
    await call('note.add', { dossierId: trashed.id, body: 'Notitie PRULLENBAKKANARIE', notedOn: '2018-03-02' });
    const person = await call('subject.create', { details: { type: 'person', name: 'Prullenbak Kanarie', birthDate: '1970-05-05' } });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: trashed.id, role: 'betrokkene' });
    await call('dossier.changeStatus', { dossierId: trashed.id, to: 'afgesloten', changedOn: '2018-06-01', closingReason: 'geen_grond', reason: 'Geen grond' });
    await call('trash.move', { kind: 'dossier', id: trashed.id });
    const looseTrashed = await call('signal.create', { receivedOn: '2023-01-01', howReceived: 'anoniem', summary: 'PRULLENBAKKANARIE los' });
    await call('trash.move', { kind: 'signal', id: looseTrashed.id });
    // A trashed item whose period still runs is listed in the full list, not on the due list.
    const recent = await call('dossier.create', { title: 'Recent, in prullenbak', openedOn: '2026-01-10' });
    await call('trash.move', { kind: 'dossier', id: recent.id });

    const due = await call('retention.list', { dueOnly: true });
    expect(due.map((item) => [item.kind, item.id, item.retentionUntil, item.inTrash])).toEqual([
      ['dossier', trashed.id, '2023-06-01', true],
      ['signal', looseTrashed.id, '2024-01-01', true],
    ]);
    expect((await call('retention.list', {})).find((item) => item.kind === 'dossier' && item.id === recent.id)).toMatchObject({ inTrash: true, overdue: false });
    expect(await call('retention.overview', {})).toEqual({ overdue: 2, dueWithin30Days: 0 });

    const destroyed = await call('retention.destroy', { kind: 'dossier', id: trashed.id, reason: 'Bewaartermijn verstreken' });
    expect(destroyed.removed).toMatchObject({ notes: 1, subjects: 1, links: 1 });
    await call('retention.destroy', { kind: 'signal', id: looseTrashed.id, reason: 'Bewaartermijn verstreken' });
    expect(await call('retention.list', { dueOnly: true })).toEqual([]);
    // Gone from the trash too: only the recent dossier is left there.
    expect((await call('trash.list', {})).map((item) => [item.kind, item.id])).toEqual([['dossier', recent.id]]);
    expect((await call('search.query', { query: 'PRULLENBAKKANARIE' })).total).toBe(0);

    const trail = await auditTrail();
    expect(trail.filter((entry) => entry.action === 'retention.destroyed').map((entry) => entry.details)).toEqual([
      expect.objectContaining({ kind: 'dossier', id: trashed.id, number: trashed.number, inTrash: true, overdue: true, reason: 'Bewaartermijn verstreken' }),
      expect.objectContaining({ kind: 'signal', id: looseTrashed.id, number: null, inTrash: true, overdue: true }),
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/kanarie/i);
    await core.dispose();
  });

  it("counts the dashboard's open and overdue actions as the follow-up overview lists them", async () => {
    const { call, core } = await openDossierCore({ now: () => NOW });
    const dossier = await call('dossier.create', { title: 'Met acties', openedOn: '2025-09-01' });
    const trashed = await call('dossier.create', { title: 'Acties in prullenbak', openedOn: '2025-09-01' });
    const meeting = await call('meeting.create', { kind: 'casustafel', title: 'Casustafel', heldOn: '2026-02-01' });
    const item = await call('meeting.addItem', { meetingId: meeting.id, dossierId: dossier.id });
    const trashedItem = await call('meeting.addItem', { meetingId: meeting.id, dossierId: trashed.id });
    await call('meeting.addAction', { itemId: item.id, who: 'Politie', what: 'Verleden tijd', dueOn: '2026-02-15' });
    await call('meeting.addAction', { itemId: item.id, who: 'Gemeente', what: 'Toekomst', dueOn: '2026-04-01' });
    await call('meeting.addAction', { itemId: item.id, who: 'Gemeente', what: 'Zonder datum' });
    const done = await call('meeting.addAction', { itemId: item.id, who: 'Gemeente', what: 'Al gedaan', dueOn: '2026-02-10' });
    await call('meeting.setActionDone', { actionId: done.id, done: true });
    await call('meeting.addAction', { itemId: trashedItem.id, who: 'Politie', what: 'Onder een dossier in de prullenbak', dueOn: '2026-01-01' });
    await call('trash.move', { kind: 'dossier', id: trashed.id });

    const overview = await call('meeting.actions', {});
    const figures = await call('dashboard.figures', { from: '2025-01-01', to: '2025-12-31' });
    expect(figures.openActions).toBe(3);
    expect(figures.overdueActions).toBe(1);
    expect([figures.openActions, figures.overdueActions]).toEqual([overview.length, overview.filter((action) => action.overdue).length]);
    await core.dispose();
  });

  it('filters the signal list on a postcode area and period exactly as the dashboard counts it, so that a blind spot leads to its signals', async () => {
    const { call, fail, core } = await openDossierCore({ now: () => NOW });
    const inArea = await call('signal.create', {
      receivedOn: '2025-03-02',
      howReceived: 'burger',
      summary: 'Postcode in de locatie',
      location: 'Dorpsstraat 1, 5678 CD Ergens',
    });
    await call('signal.create', { receivedOn: '2025-03-03', howReceived: 'burger', summary: 'Zonder spatie', location: 'Kade 2,5678cd' });
    await call('signal.create', { receivedOn: '2025-03-04', howReceived: 'burger', summary: 'Geen postcode', location: 'Huisnummer 15678 CD' });
    await call('signal.create', { receivedOn: '2024-03-04', howReceived: 'burger', summary: 'Vorig jaar', location: '5678 CD' });
    const dossier = await call('dossier.create', { title: 'Adres in gebied', openedOn: '2025-01-01' });
    const address = await call('subject.create', { details: { type: 'address', postcode: '5678CD', houseNumber: 3 } });
    await call('subject.linkToDossier', { subjectId: address.id, dossierId: dossier.id, role: 'locatie' });
    const viaDossier = await call('signal.create', { receivedOn: '2025-05-01', howReceived: 'meldpunt', summary: 'Via het dossier' });
    await call('signal.attachToDossier', { signalId: viaDossier.id, dossierId: dossier.id });

    const figures = await call('dashboard.figures', { from: '2025-01-01', to: '2025-12-31' });
    expect(figures.areas.map((area) => area.area)).toEqual(['5678']);
    for (const area of figures.areas) {
      const current = await call('signal.list', { postcodeArea: area.area, receivedFrom: '2025-01-01', receivedUntil: '2025-12-31' });
      const previous = await call('signal.list', { postcodeArea: area.area, receivedFrom: '2024-01-01', receivedUntil: '2024-12-31' });
      expect([area.area, current.total, previous.total]).toEqual([area.area, area.signals, area.previousSignals]);
    }
    const page = await call('signal.list', { postcodeArea: '5678', receivedFrom: '2025-01-01', receivedUntil: '2025-12-31' });
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.id)).toEqual(expect.arrayContaining([inArea.id, viaDossier.id]));
    expect(page.items.map((item) => item.summary)).not.toContain('Geen postcode');
    expect(await fail('signal.list', { postcodeArea: '0123' })).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'postcodeArea' } });
    await core.dispose();
  });
});
