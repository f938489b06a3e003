import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('dashboard', () => {
  it('counts open dossiers, areas, shared subjects, overdue measures and blind spots against the previous period', async () => {
    const { call } = await openDossierCore({ now: () => NOW });
    const phenomena = await call('phenomenon.list', {});
    const byCode = (code: string) => phenomena.find((phenomenon) => phenomenon.code === code)!.id;

    for (const receivedOn of ['2024-02-01', '2024-05-01', '2024-08-01', '2024-11-01']) {
      await call('signal.create', { receivedOn, howReceived: 'partner', summary: 'Witwassen vorig jaar', phenomenonId: byCode('witwassen') });
    }
    await call('signal.create', {
      receivedOn: '2025-03-02',
      howReceived: 'burger',
      summary: 'Hennep',
      phenomenonId: byCode('drugs.hennepteelt'),
      location: 'Dorpsstraat 1, 5678 CD Ergens',
    });
    await call('signal.create', { receivedOn: '2025-03-20', howReceived: 'burger', summary: 'Drugs', phenomenonId: byCode('drugs') });

    const open = await call('dossier.create', { title: 'Open', openedOn: '2025-02-01', phenomenonIds: [byCode('drugs.hennepteelt'), byCode('drugs.drugshandel')] });
    await call('dossier.changeStatus', { dossierId: open.id, to: 'in_opwerking', changedOn: '2025-02-02' });
    const closed = await call('dossier.create', { title: 'Dicht', openedOn: '2025-02-01', phenomenonIds: [byCode('milieu')] });
    await call('dossier.changeStatus', { dossierId: closed.id, to: 'afgesloten', changedOn: '2025-03-01', closingReason: 'opgelost', reason: 'klaar' });
    const address = await call('subject.create', { details: { type: 'address', postcode: '1234AB', houseNumber: 5 } });
    const person = await call('subject.create', { details: { type: 'person', name: 'Gedeelde Persoon' } });
    for (const dossier of [open, closed]) {
      await call('subject.linkToDossier', { subjectId: address.id, dossierId: dossier.id, role: 'locatie' });
      await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'betrokkene' });
    }
    const inOpen = await call('signal.create', { receivedOn: '2025-01-20', howReceived: 'meldpunt', summary: 'In het dossier', phenomenonId: byCode('drugs') });
    await call('signal.attachToDossier', { signalId: inOpen.id, dossierId: open.id });
    await call('measure.add', { dossierId: open.id, kind: 'huisbezoek', plannedOn: '2026-01-15', stage: 'gepland' });
    await call('measure.add', { dossierId: open.id, kind: 'bibob_toets', plannedOn: '2026-06-01', stage: 'gepland' });
    await call('measure.add', { dossierId: open.id, kind: 'integrale_controle', startedOn: '2025-04-01', stage: 'lopend' });
    await call('measure.add', { dossierId: closed.id, kind: 'stopgesprek', startedOn: '2025-04-01', stage: 'afgerond' });

    const figures = await call('dashboard.figures', { from: '2025-01-01', to: '2025-12-31' });
    expect(figures.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(figures.openByStatus.find((entry) => entry.status === 'in_opwerking')?.count).toBe(1);
    expect(figures.openByStatus.some((entry) => entry.status === 'afgesloten')).toBe(false);
    // Two sub-forms of drugs in one dossier: one open drugs dossier.
    expect(figures.openByPhenomenon).toEqual([expect.objectContaining({ phenomenonId: byCode('drugs'), count: 1 })]);
    expect(figures.signalsOverTime.find((month) => month.month === '2025-03')?.counts).toEqual({ [String(byCode('drugs'))]: 2 });
    expect(figures.areas).toEqual([
      { area: '1234', dossiers: 2, signals: 1, previousSignals: 0 },
      { area: '5678', dossiers: 0, signals: 1, previousSignals: 0 },
    ]);
    expect(figures.topSubjects.map((subject) => [subject.subjectId, subject.dossiers])).toEqual(
      expect.arrayContaining([
        [person.id, 2],
        [address.id, 2],
      ]),
    );
    expect(figures.openMeasures).toBe(3);
    expect(figures.overdueMeasures).toBe(1);
    expect(figures.blindSpots).toContainEqual({ kind: 'phenomenon', key: String(byCode('witwassen')), label: 'Witwassen', current: 0, previous: 4 });
    expect(figures.blindSpots.some((spot) => spot.key === String(byCode('drugs')))).toBe(false);
  });
});

describe('processing register', () => {
  it('is pre-filled, saved in the vault with an audit entry, and exported as Markdown or HTML', async () => {
    const { call, fail, auditTrail, vaultPath } = await openDossierCore({ now: () => NOW });
    const register = await call('register.get', {});
    expect(register.legalBases).toContain('artikel 10 AVG');
    expect(register.retention).toContain('Losse signalen zonder vervolg: 1 jaar');
    await call('retention.updateDefaults', { looseSignalYears: 2 });
    expect((await call('register.get', {})).retention).toContain('Losse signalen zonder vervolg: 2 jaar');

    const saved = await call('register.update', { controller: 'Het college van Gemeente <Voorbeeld> & co' });
    expect(saved.controller).toBe('Het college van Gemeente <Voorbeeld> & co');
    expect(saved.purposes).toBe(register.purposes);
    expect((await call('register.get', {})).controller).toBe(saved.controller);

    const folder = makeTempFolder();
    const markdown = path.join(folder, 'register.md');
    await call('register.export', { targetPath: markdown, format: 'markdown' });
    const text = fs.readFileSync(markdown, 'utf8');
    expect(text).toMatch(/^# Verwerkingsregister \(artikel 30 AVG\)\n\nStand van 2026-03-01\./);
    expect(text).toContain('## Verwerkingsverantwoordelijke\n\nHet college van Gemeente <Voorbeeld> & co\n');
    expect(await fail('register.export', { targetPath: markdown, format: 'markdown' })).toMatchObject({ code: 'FILE_EXISTS' });
    // Like every output file: never one of the vault's own, not even when asked to overwrite.
    const vaultBefore = fs.readFileSync(vaultPath);
    for (const [name, input] of [
      ['register.export', { targetPath: vaultPath, format: 'markdown', overwrite: true }],
      ['report.exportCsv', { from: '2025-01-01', to: '2025-12-31', targetPath: vaultPath, overwrite: true }],
    ] as const) {
      expect(await fail(name, input), name).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'targetPath', reason: 'file.vault' } });
    }
    expect(fs.readFileSync(vaultPath).equals(vaultBefore)).toBe(true);
    expect((fs.statSync(markdown).mode & 0o777).toString(8)).toBe('600');
    const html = path.join(folder, 'register.html');
    await call('register.export', { targetPath: html, format: 'html' });
    expect(fs.readFileSync(html, 'utf8')).toContain('<p>Het college van Gemeente &lt;Voorbeeld&gt; &amp; co</p>');

    const actions = (await auditTrail()).map((entry) => [entry.action, entry.details]);
    expect(actions).toContainEqual(['register.updated', { fields: ['controller'] }]);
    expect(actions).toContainEqual(['register.exported', { format: 'html' }]);
    expect(actions).toContainEqual(['retention.defaults-updated', { looseSignalYears: 2 }]);
  });
});
