import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../shared/domain/validation';
import { openDossierCore, TEST_ACTOR } from './support/dossier-core';

/** Signals into dossiers, numbering, the status process, the journal and measures, through the core API. */
describe('signals and dossiers', () => {
  it('takes in signals and turns one into a dossier that inherits its phenomenon and handling code', async () => {
    const { call, fail, core } = await openDossierCore();
    const phenomena = await call('phenomenon.list', {});
    const drugs = phenomena.find((phenomenon) => phenomenon.code === 'drugs')!;
    const hennep = phenomena.find((phenomenon) => phenomenon.code === 'drugs.hennepteelt')!;
    expect(hennep.parentId).toBe(drugs.id);

    const quick = await call('signal.create', { howReceived: 'meldpunt', summary: 'Stankoverlast bij fictieve loods' });
    expect(quick).toMatchObject({
      receivedOn: localIsoDate(new Date()),
      sourceGrade: 'X',
      informationGrade: 4,
      tlp: 'AMBER+STRICT',
      reporterProtected: true,
      dossier: null,
      phenomenon: null,
    });
    const full = await call('signal.create', {
      receivedOn: '2026-02-03',
      howReceived: 'medewerker',
      reporterName: 'Fictieve Collega',
      reporterContact: 'toestel 1234',
      origin: 'gemeente_handhaving',
      phenomenonId: hennep.id,
      summary: 'Dichtgeplakte ramen, veel stroomverbruik',
      description: 'Bij controle opgevallen: ramen afgeplakt, geluid van ventilatoren.',
      location: 'Fictiefstraat 1, Voorbeeldstad',
      sourceGrade: 'B',
      informationGrade: 2,
      tlp: 'AMBER',
      legalBasis: 'Convenant RIEC',
      purpose: 'Opwerken signaal ondermijning',
    });
    expect(full).toMatchObject({ phenomenon: { code: 'drugs.hennepteelt' }, reporterName: 'Fictieve Collega', origin: 'gemeente_handhaving' });

    const loose = await call('signal.list', { inDossier: false });
    expect(loose.total).toBe(2);
    expect(loose.items.map((signal) => signal.id)).toEqual([quick.id, full.id]); // newest received first
    expect(loose.items[0]).not.toHaveProperty('reporterName'); // lists never show the reporter

    const dossier = await call('signal.toDossier', { signalId: full.id });
    const year = new Date().getFullYear();
    expect(dossier).toMatchObject({
      number: `${year}-0001`,
      title: 'Dichtgeplakte ramen, veel stroomverbruik',
      status: 'ontvangen',
      tlp: 'AMBER',
      priority: 'normaal',
      phenomena: [{ code: 'drugs.hennepteelt' }],
    });
    expect(await call('signal.get', { signalId: full.id })).toMatchObject({ dossier: { id: dossier.id, number: dossier.number } });
    expect(await fail('signal.toDossier', { signalId: full.id })).toMatchObject({ code: 'SIGNAL_ALREADY_IN_DOSSIER', details: { number: dossier.number } });

    // The other signal joins the dossier later; it cannot then move to another one.
    await call('signal.attachToDossier', { signalId: quick.id, dossierId: dossier.id });
    const other = await call('dossier.create', { title: 'Ander fictief dossier' });
    expect(await fail('signal.attachToDossier', { signalId: quick.id, dossierId: other.id })).toMatchObject({ code: 'SIGNAL_ALREADY_IN_DOSSIER' });
    expect((await call('signal.list', { dossierId: dossier.id })).total).toBe(2);
    expect((await call('signal.list', { inDossier: false })).total).toBe(0);

    const opened = await call('dossier.get', { dossierId: dossier.id });
    expect(opened.signals.map((signal) => signal.id)).toEqual([full.id, quick.id]); // oldest first in the dossier
    expect(opened.nextStatuses).toEqual(['in_opwerking', 'regulier_afgehandeld', 'afgesloten']);
    expect(opened).toMatchObject({ legalBasis: 'Convenant RIEC', purpose: 'Opwerken signaal ondermijning' });

    // Filtering on a phenomenon finds the dossiers filed under its sub-forms.
    expect((await call('dossier.list', { phenomenonId: drugs.id })).items.map((item) => item.id)).toEqual([dossier.id]);
    expect((await call('signal.list', { phenomenonId: drugs.id })).items.map((item) => item.id)).toEqual([full.id]);
    expect(await fail('signal.get', { signalId: 9999 })).toMatchObject({ code: 'NOT_FOUND', details: { kind: 'signal', id: 9999 } });
    await core.dispose();
  });

  it('updates a signal field by field, clears with null, and keeps an anonymous signal without reporter', async () => {
    const { call, fail, core } = await openDossierCore();
    const signal = await call('signal.create', { howReceived: 'burger', summary: 'Fictieve melding', reporterName: 'Fictieve Burger', location: 'Plein 1' });
    const updated = await call('signal.update', { signalId: signal.id, location: null, informationGrade: 3, reporterProtected: false });
    expect(updated).toMatchObject({ location: null, informationGrade: 3, reporterProtected: false, reporterName: 'Fictieve Burger', summary: 'Fictieve melding' });
    expect(await fail('signal.update', { signalId: signal.id, howReceived: 'anoniem' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'reporterName', reason: 'reporter.anonymous' },
    });
    expect(await call('signal.update', { signalId: signal.id, howReceived: 'anoniem', reporterName: null })).toMatchObject({ howReceived: 'anoniem', reporterName: null });
    await core.dispose();
  });

  it('numbers dossiers per year and never gives a number twice', async () => {
    const { call, core } = await openDossierCore();
    const numbers = [];
    for (const openedOn of ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2025-06-01']) {
      numbers.push((await call('dossier.create', { title: `Fictief ${openedOn}`, openedOn })).number);
    }
    expect(numbers).toEqual(['2025-0001', '2025-0002', '2026-0001', '2026-0002', '2025-0003']);

    // The newest of 2025 is destroyed; its number stays taken.
    const newest = (await call('dossier.list', { sort: 'number', limit: 1, openedUntil: '2025-12-31' })).items[0]!;
    expect(newest.number).toBe('2025-0003');
    await call('trash.move', { kind: 'dossier', id: newest.id });
    await call('trash.empty', {});
    expect((await call('dossier.create', { title: 'Na vernietiging', openedOn: '2025-07-01' })).number).toBe('2025-0004');

    const ascending = await call('dossier.list', { sort: 'number', direction: 'asc' });
    expect(ascending.items.map((item) => item.number)).toEqual(['2025-0001', '2025-0002', '2025-0004', '2026-0001', '2026-0002']);
    const page = await call('dossier.list', { sort: 'number', direction: 'asc', limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(page.items.map((item) => item.number)).toEqual(['2025-0004', '2026-0001']);
    await core.dispose();
  });

  it('moves a dossier only along the transition table, dated and attributed, and closing needs a reason', async () => {
    const { call, fail, core } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Fictieve casus', openedOn: '2026-01-05' });

    const refused = await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'stuurploeg' });
    expect(refused).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', details: { from: 'ontvangen', to: 'stuurploeg' } });
    expect(await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'ontvangen' })).toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });

    const path = ['in_opwerking', 'voorgelegd_driehoek', 'informatieplein', 'preweeg_concept', 'preweeg_akkoord', 'stuurploeg', 'aanpak', 'interventie'] as const;
    for (const [index, to] of path.entries()) {
      const { dossier: moved, change } = await call('dossier.changeStatus', {
        dossierId: dossier.id,
        to,
        changedOn: `2026-02-${String(index + 1).padStart(2, '0')}`,
        reason: to === 'aanpak' ? 'Stuurploeg: aanpakken' : undefined,
      });
      expect(moved.status).toBe(to);
      expect(change).toMatchObject({ toStatus: to, actor: TEST_ACTOR, closingReason: null });
    }
    expect(await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'regulier_afgehandeld' })).toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });
    expect(await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'afgesloten' })).toMatchObject({ code: 'CLOSING_REASON_REQUIRED' });
    expect((await call('dossier.get', { dossierId: dossier.id })).status).toBe('interventie'); // the refusal changed nothing

    const closed = await call('dossier.changeStatus', { dossierId: dossier.id, to: 'afgesloten', closingReason: 'opgelost', changedOn: '2026-03-01' });
    expect(closed.dossier).toMatchObject({ status: 'afgesloten', closingReason: 'opgelost' });
    expect((await call('dossier.list', { statuses: ['afgesloten'] })).items.map((item) => item.id)).toEqual([dossier.id]);

    expect(await fail('dossier.changeStatus', { dossierId: dossier.id, to: 'in_opwerking' })).toMatchObject({ code: 'REOPEN_REASON_REQUIRED' });
    const reopened = await call('dossier.changeStatus', { dossierId: dossier.id, to: 'in_opwerking', reason: 'Nieuwe melding over hetzelfde pand' });
    expect(reopened.dossier).toMatchObject({ status: 'in_opwerking', closingReason: null });

    const history = await call('dossier.history', { dossierId: dossier.id });
    expect(history.map((change) => [change.fromStatus, change.toStatus])).toEqual([
      [null, 'ontvangen'],
      ['ontvangen', 'in_opwerking'],
      ...path.slice(1).map((to, index) => [path[index], to]),
      ['interventie', 'afgesloten'],
      ['afgesloten', 'in_opwerking'],
    ]);
    expect(history[0]).toMatchObject({ changedOn: '2026-01-05', actor: TEST_ACTOR });
    expect(history.find((change) => change.toStatus === 'aanpak')).toMatchObject({ changedOn: '2026-02-07', reason: 'Stuurploeg: aanpakken' });
    expect(history.at(-2)).toMatchObject({ closingReason: 'opgelost', changedOn: '2026-03-01' });
    expect(history.at(-1)).toMatchObject({ reason: 'Nieuwe melding over hetzelfde pand', actor: TEST_ACTOR });
    for (const change of history) expect(change.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await core.dispose();
  });

  it('lets a signal leave the flow early as regulier afgehandeld, and filters the list by status', async () => {
    const { call, core } = await openDossierCore();
    const first = await call('dossier.create', { title: 'Eerste', priority: 'hoog', owner: 'Fictieve Eigenaar' });
    const second = await call('dossier.create', { title: 'Tweede' });
    await call('dossier.changeStatus', { dossierId: second.id, to: 'regulier_afgehandeld', reason: 'Via handhaving afgedaan' });
    expect((await call('dossier.list', { statuses: ['regulier_afgehandeld'] })).items.map((item) => item.title)).toEqual(['Tweede']);
    expect((await call('dossier.list', { statuses: ['ontvangen', 'regulier_afgehandeld'], sort: 'title', direction: 'asc' })).items.map((item) => item.title)).toEqual([
      'Eerste',
      'Tweede',
    ]);
    expect((await call('dossier.list', { priority: 'hoog' })).items.map((item) => item.id)).toEqual([first.id]);
    expect((await call('dossier.list', { owner: 'Fictieve Eigenaar' })).items.map((item) => item.id)).toEqual([first.id]);
    await core.dispose();
  });

  it('keeps a journal of graded notes with handling codes, and measures with their stages', async () => {
    const { call, core } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Fictief dossier', partners: ['politie', 'belastingdienst', 'politie'] });
    const shared = await call('note.add', {
      dossierId: dossier.id,
      body: 'Politie bevestigt: pand bekend van eerdere inval.',
      notedOn: '2026-02-01',
      partner: 'politie',
      sourceGrade: 'A',
      informationGrade: 1,
      tlp: 'AMBER',
    });
    expect(shared).toMatchObject({ author: TEST_ACTOR, sourceGrade: 'A', informationGrade: 1, tlp: 'AMBER', internal: false, partner: 'politie' });
    const internal = await call('note.add', {
      dossierId: dossier.id,
      body: 'Eigen inschatting: waarschijnlijk stroomdiefstal.',
      notedOn: '2026-02-02',
      internal: true,
      tlp: 'RED',
    });
    expect(internal).toMatchObject({ sourceGrade: 'X', informationGrade: 4, tlp: 'RED', internal: true });

    const journal = await call('note.list', { dossierId: dossier.id });
    expect(journal.items.map((note) => note.id)).toEqual([internal.id, shared.id]);
    expect((await call('note.list', { dossierId: dossier.id, includeInternal: false })).items.map((note) => note.id)).toEqual([shared.id]);

    const bibob = await call('measure.add', { dossierId: dossier.id, kind: 'bibob_toets', partner: 'gemeente_vergunningen', plannedOn: '2026-03-01' });
    expect(bibob).toMatchObject({ stage: 'gepland', tlp: 'AMBER+STRICT', startedOn: null });
    const warning = await call('measure.add', { dossierId: dossier.id, kind: 'opiumwet_13b_waarschuwing', plannedOn: '2026-02-15' });
    const started = await call('measure.update', { measureId: bibob.id, stage: 'lopend', startedOn: '2026-03-02' });
    expect(started).toMatchObject({ stage: 'lopend', startedOn: '2026-03-02', plannedOn: '2026-03-01', partner: 'gemeente_vergunningen' });
    const decided = await call('measure.update', { measureId: bibob.id, stage: 'besloten', decidedOn: '2026-04-01', outcome: 'Vergunning geweigerd' });
    expect(decided).toMatchObject({ stage: 'besloten', outcome: 'Vergunning geweigerd' });
    expect((await call('measure.list', { dossierId: dossier.id })).map((measure) => measure.id)).toEqual([warning.id, bibob.id]);

    expect((await call('dossier.get', { dossierId: dossier.id })).partners).toEqual(['belastingdienst', 'politie']);
    await core.dispose();
  });

  it('audits every change and every view, with ids but without the personal data itself', async () => {
    const { call, core, auditTrail } = await openDossierCore();
    const signal = await call('signal.create', { howReceived: 'burger', summary: 'Geheime fictieve melding', reporterName: 'Fictieve Melder Jansen' });
    await call('signal.get', { signalId: signal.id });
    await call('signal.update', { signalId: signal.id, tlp: 'RED' });
    const dossier = await call('signal.toDossier', { signalId: signal.id, title: 'Fictief dossier' });
    await call('dossier.get', { dossierId: dossier.id });
    await call('dossier.update', { dossierId: dossier.id, title: 'Nieuwe titel', owner: 'Iemand' });
    await call('dossier.changeStatus', { dossierId: dossier.id, to: 'afgesloten', closingReason: 'geen_grond' });
    const note = await call('note.add', { dossierId: dossier.id, body: 'Fictieve notitie over Jansen' });
    await call('note.list', { dossierId: dossier.id });
    const measure = await call('measure.add', { dossierId: dossier.id, kind: 'stopgesprek' });
    await call('measure.update', { measureId: measure.id, stage: 'afgerond' });
    const person = await call('subject.create', { details: { type: 'person', name: 'Fictieve Melder Jansen', bsn: '111222333' } });
    await call('subject.get', { subjectId: person.id });
    await call('subject.update', { subjectId: person.id, tlp: 'RED' });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'melder' });
    await call('subject.matches', { subjectId: person.id });
    await call('trash.move', { kind: 'note', id: note.id });
    await call('trash.restore', { kind: 'note', id: note.id });

    const trail = await auditTrail();
    const actions = trail.map((entry) => entry.action);
    for (const action of [
      'signal.created',
      'signal.viewed',
      'signal.updated',
      'dossier.created',
      'signal.attached',
      'dossier.viewed',
      'dossier.updated',
      'dossier.status-changed',
      'note.added',
      'note.list-viewed',
      'measure.added',
      'measure.updated',
      'subject.created',
      'subject.viewed',
      'subject.updated',
      'subject.linked-to-dossier',
      'subject.matches-viewed',
      'note.trashed',
      'note.restored',
    ]) {
      expect(actions, action).toContain(action);
    }
    const ours = trail.filter((entry) => !entry.action.startsWith('vault.'));
    for (const entry of ours) expect(entry.actor).toBe(TEST_ACTOR);
    expect(trail.find((entry) => entry.action === 'dossier.status-changed')?.details).toEqual({
      dossierId: dossier.id,
      number: dossier.number,
      from: 'ontvangen',
      to: 'afgesloten',
      closingReason: 'geen_grond',
    });
    expect(trail.find((entry) => entry.action === 'dossier.updated')?.details).toEqual({ dossierId: dossier.id, fields: ['title', 'owner'] });
    const everything = JSON.stringify(ours);
    for (const secret of ['Jansen', 'Geheime', '111222333', 'Nieuwe titel', 'Fictieve notitie']) expect(everything).not.toContain(secret);
    await core.dispose();
  });

  it("moves the dossier's updated_at when a signal of it changes or an item under it is trashed or restored", async () => {
    let clock = new Date(2026, 5, 10, 9, 0);
    const tick = () => (clock = new Date(clock.getTime() + 60_000));
    const { call, core, auditTrail } = await openDossierCore({ now: () => clock });
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Fictief signaal', receivedOn: '2026-05-20' });
    const dossier = await call('signal.toDossier', { signalId: signal.id });
    // The first status is dated when the signal came in; the audit entry names the new number.
    expect((await call('dossier.history', { dossierId: dossier.id }))[0]).toMatchObject({ toStatus: 'ontvangen', changedOn: '2026-05-20' });
    expect(dossier.openedOn).toBe('2026-06-10');
    const note = await call('note.add', { dossierId: dossier.id, body: 'Fictieve notitie' });

    const updatedAt = async () => (await call('dossier.get', { dossierId: dossier.id })).updatedAt;
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['signal.update', () => call('signal.update', { signalId: signal.id, location: 'Fictiefstraat' })],
      ['trash.move', () => call('trash.move', { kind: 'note', id: note.id })],
      ['trash.restore', () => call('trash.restore', { kind: 'note', id: note.id })],
      ['trash.move signal', () => call('trash.move', { kind: 'signal', id: signal.id })],
      ['trash.restore signal', () => call('trash.restore', { kind: 'signal', id: signal.id })],
    ];
    for (const [step, run] of steps) {
      tick();
      await run();
      expect([step, await updatedAt()]).toEqual([step, clock.toISOString()]);
    }

    const attached = (await auditTrail()).find((entry) => entry.action === 'signal.attached');
    expect(attached?.details).toEqual({ signalId: signal.id, dossierId: dossier.id, number: dossier.number });
    await core.dispose();
  });
});
