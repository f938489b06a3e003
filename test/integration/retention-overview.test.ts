import { describe, expect, it } from 'vitest';
import { openDossierCore } from './support/dossier-core';

/**
 * The reminder's counts come from one SQL aggregate (retentionOverview), the list from JavaScript
 * (toItem, addYears). Both must agree, also on 29 February in a year without one and on the last
 * day of the 30-day window.
 */
describe('retention overview', () => {
  it('counts what the retention list shows: overdue, and due within 30 days', async () => {
    // Today 29-01-2027: the 30-day window ends on 28-02-2027.
    const { call } = await openDossierCore({ now: () => new Date('2027-01-29T09:00:00Z') });
    await call('retention.updateDefaults', { looseSignalYears: 3 });
    const receivedDates = ['2024-02-29', '2024-02-28', '2024-03-01', '2024-01-28', '2024-01-29', '2023-06-30', '2025-05-05'];
    for (const receivedOn of receivedDates) {
      await call('signal.create', { receivedOn, howReceived: 'burger', summary: `Los signaal van ${receivedOn} (test)` });
    }
    const inTrash = await call('signal.create', { receivedOn: '2020-02-29', howReceived: 'burger', summary: 'In de prullenbak (test)' });
    await call('trash.move', { kind: 'signal', id: inTrash.id });
    const explicit = await call('signal.create', { receivedOn: '2019-01-01', howReceived: 'burger', summary: 'Met een eigen termijn (test)' });
    await call('retention.setUntil', { kind: 'signal', id: explicit.id, until: '2027-02-15', reason: 'Lopend onderzoek' });
    const closed = await call('dossier.create', { title: 'Afgesloten op 29 februari (test)', openedOn: '2020-01-10' });
    await call('dossier.changeStatus', { dossierId: closed.id, to: 'afgesloten', changedOn: '2022-02-28', closingReason: 'geen_grond', reason: 'Geen grond' });
    await call('dossier.create', { title: 'Open sinds 2022 (test)', openedOn: '2022-02-20' });
    await call('dossier.create', { title: 'Open sinds 2021 (test)', openedOn: '2021-06-01' });

    const items = await call('retention.list', {});
    const overdue = items.filter((item) => item.overdue).length;
    const dueWithin30Days = items.filter((item) => !item.overdue && item.retentionUntil <= '2027-02-28').length;
    // The 29 February signal ends on 28-02-2027: inside the window, which a naive "2027-02-29" would miss.
    expect(items.find((item) => item.title.includes('2024-02-29'))?.retentionUntil).toBe('2027-02-28');
    expect(dueWithin30Days).toBeGreaterThanOrEqual(4);
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(await call('retention.overview', {})).toEqual({ overdue, dueWithin30Days });
  });
});
