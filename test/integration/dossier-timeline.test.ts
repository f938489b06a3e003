import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type TimelineEntry } from '../../shared/api';
import { coreContextFor } from '../../electron/core/kernel/context';
import { createDossier } from '../../electron/core/dossiers/dossiers';
import { timelinePageSql } from '../../electron/core/dossiers/timeline';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore, TEST_ACTOR } from './support/dossier-core';

/** What a test can compare: the kind, the item's id and (for measures) the event. */
function keyOf(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'signal':
      return `signal:${entry.signalId}`;
    case 'note':
      return `note:${entry.noteId}`;
    case 'status':
      return `status:${entry.toStatus}`;
    case 'measure':
      return `measure:${entry.measureId}:${entry.event}`;
    case 'attachment':
      return `attachment:${entry.attachmentId}`;
    case 'subject':
      return `subject:${entry.subjectId}`;
  }
}

/**
 * A dossier with one of everything, some of it in the trash, on a clock that moves a minute per
 * read, so that what is recorded later has a later timestamp. Noon UTC keeps the local day the
 * same in every time zone from UTC−11 to UTC+11.
 */
async function dossierWithHistory() {
  let minute = 0;
  const clock = () => new Date(Date.UTC(2026, 4, 20, 12, minute++));
  const core = await openDossierCore({ now: clock });
  const { call } = core;

  const dossier = await call('dossier.create', { title: 'Fictieve loods aan de Voorbeeldweg', openedOn: '2026-01-10' });
  const signal = await call('signal.create', {
    howReceived: 'meldpunt',
    summary: 'Stankoverlast bij fictieve loods',
    receivedOn: '2026-01-05',
    sourceGrade: 'B',
    informationGrade: 2,
  });
  await call('signal.attachToDossier', { signalId: signal.id, dossierId: dossier.id });
  const trashedSignal = await call('signal.create', { howReceived: 'burger', summary: 'Weggegooid signaal', receivedOn: '2026-01-06' });
  await call('signal.attachToDossier', { signalId: trashedSignal.id, dossierId: dossier.id });
  await call('trash.move', { kind: 'signal', id: trashedSignal.id });

  await call('dossier.changeStatus', { dossierId: dossier.id, to: 'in_opwerking', changedOn: '2026-02-01', reason: 'Meer informatie nodig' });
  const note = await call('note.add', { dossierId: dossier.id, body: 'Gesprek met wijkagent over de loods.', notedOn: '2026-02-15', partner: 'politie' });
  const internalNote = await call('note.add', { dossierId: dossier.id, body: 'Eigen inschatting: prioriteit verhogen.', notedOn: '2026-02-20', internal: true });
  const trashedNote = await call('note.add', { dossierId: dossier.id, body: 'Verkeerd dossier', notedOn: '2026-02-21' });
  await call('trash.move', { kind: 'note', id: trashedNote.id });

  const measure = await call('measure.add', {
    dossierId: dossier.id,
    kind: 'bibob_toets',
    partner: 'gemeente_vergunningen',
    plannedOn: '2026-03-01',
    startedOn: '2026-03-05',
    decidedOn: '2026-04-01',
    stage: 'besloten',
  });
  const plannedOnly = await call('measure.add', { dossierId: dossier.id, kind: 'stopgesprek', plannedOn: '2026-03-10' });
  const trashedMeasure = await call('measure.add', { dossierId: dossier.id, kind: 'aangifte', plannedOn: '2026-03-11' });
  await call('trash.move', { kind: 'measure', id: trashedMeasure.id });

  const folder = makeTempFolder('kluis-tijdlijn-');
  const photo = path.join(folder, 'foto-loods.txt');
  fs.writeFileSync(photo, 'fictieve inhoud');
  const attachment = await call('attachment.import', { dossierId: dossier.id, sourcePath: photo });
  const trashedAttachment = await call('attachment.import', { dossierId: dossier.id, sourcePath: photo, fileName: 'weg.txt' });
  await call('trash.move', { kind: 'attachment', id: trashedAttachment.id });

  const owner = await call('subject.create', { details: { type: 'person', name: 'Fictieve Eigenaar Pietersen' } });
  await call('subject.linkToDossier', { subjectId: owner.id, dossierId: dossier.id, role: 'eigenaar', sourceGrade: 'A', informationGrade: 1 });
  const reporter = await call('subject.create', { details: { type: 'person', name: 'Fictieve Melder Klaassen' } });
  await call('subject.linkToDossier', { subjectId: reporter.id, dossierId: dossier.id, role: 'melder' });
  const trashedSubject = await call('subject.create', { details: { type: 'phone', number: '06-12345678' } });
  await call('subject.linkToDossier', { subjectId: trashedSubject.id, dossierId: dossier.id, role: 'betrokkene' });
  await call('trash.move', { kind: 'subject', id: trashedSubject.id });

  return { ...core, dossier, signal, note, internalNote, measure, plannedOnly, attachment, owner, reporter };
}

describe('the timeline of a dossier', () => {
  it('holds every kind, newest first, without what is in the trash or the melder', async () => {
    const made = await dossierWithHistory();
    const timeline = await made.call('dossier.timeline', { dossierId: made.dossier.id });

    expect(timeline.items.map(keyOf)).toEqual([
      `subject:${made.owner.id}`, // 20-05-2026, recorded after the attachment
      `attachment:${made.attachment.id}`,
      `measure:${made.measure.id}:decided`, // 01-04-2026
      `measure:${made.plannedOnly.id}:planned`, // 10-03-2026
      `measure:${made.measure.id}:started`, // 05-03-2026
      `measure:${made.measure.id}:planned`, // 01-03-2026
      `note:${made.internalNote.id}`, // 20-02-2026
      `note:${made.note.id}`, // 15-02-2026
      'status:in_opwerking', // 01-02-2026
      'status:ontvangen', // 10-01-2026, the dossier's opening
      `signal:${made.signal.id}`, // 05-01-2026
    ]);
    expect(timeline.total).toBe(11);
    const dates = timeline.items.map((entry) => entry.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.slice(2)).toEqual(['2026-04-01', '2026-03-10', '2026-03-05', '2026-03-01', '2026-02-20', '2026-02-15', '2026-02-01', '2026-01-10', '2026-01-05']);

    // Each entry carries what the screen shows and links to.
    const byKey = new Map(timeline.items.map((entry) => [keyOf(entry), entry]));
    expect(byKey.get(`signal:${made.signal.id}`)).toMatchObject({
      label: 'Stankoverlast bij fictieve loods',
      howReceived: 'meldpunt',
      sourceGrade: 'B',
      informationGrade: 2,
      actor: null,
    });
    expect(byKey.get(`note:${made.note.id}`)).toMatchObject({ label: 'Gesprek met wijkagent over de loods.', actor: TEST_ACTOR, partner: 'politie', internal: false });
    expect(byKey.get(`note:${made.internalNote.id}`)).toMatchObject({ internal: true });
    expect(byKey.get('status:in_opwerking')).toMatchObject({ fromStatus: 'ontvangen', actor: TEST_ACTOR, label: 'Meer informatie nodig', closingReason: null });
    expect(byKey.get('status:ontvangen')).toMatchObject({ fromStatus: null });
    expect(byKey.get(`measure:${made.measure.id}:decided`)).toMatchObject({ measureKind: 'bibob_toets', stage: 'besloten', partner: 'gemeente_vergunningen' });
    expect(byKey.get(`attachment:${made.attachment.id}`)).toMatchObject({ label: 'foto-loods.txt', actor: TEST_ACTOR, byteSize: 15, date: '2026-05-20' });
    expect(byKey.get(`subject:${made.owner.id}`)).toMatchObject({
      label: 'Fictieve Eigenaar Pietersen',
      role: 'eigenaar',
      subjectType: 'person',
      sourceGrade: 'A',
      date: '2026-05-20',
    });

    // Nothing of the trash, and not the reporter's identity.
    const text = JSON.stringify(timeline);
    for (const hidden of ['Weggegooid signaal', 'Verkeerd dossier', 'weg.txt', 'aangifte', '06-12345678', 'Klaassen', 'melder']) expect(text).not.toContain(hidden);
  });

  it('reads oldest first, in pages, by kind and without internal notes when asked', async () => {
    const made = await dossierWithHistory();
    const newestFirst = (await made.call('dossier.timeline', { dossierId: made.dossier.id })).items.map(keyOf);
    const oldestFirst = await made.call('dossier.timeline', { dossierId: made.dossier.id, direction: 'asc' });
    expect(oldestFirst.items.map(keyOf)).toEqual([...newestFirst].reverse());

    const first = await made.call('dossier.timeline', { dossierId: made.dossier.id, limit: 4 });
    const second = await made.call('dossier.timeline', { dossierId: made.dossier.id, limit: 4, offset: 4 });
    expect(first.total).toBe(11);
    expect([...first.items, ...second.items].map(keyOf)).toEqual(newestFirst.slice(0, 8));

    const measuresAndStatus = await made.call('dossier.timeline', { dossierId: made.dossier.id, kinds: ['measure', 'status'] });
    expect(measuresAndStatus.items.map((entry) => entry.kind)).toEqual(['measure', 'measure', 'measure', 'measure', 'status', 'status']);
    expect(measuresAndStatus.total).toBe(6);

    const shared = await made.call('dossier.timeline', { dossierId: made.dossier.id, kinds: ['note'], includeInternal: false });
    expect(shared.items.map(keyOf)).toEqual([`note:${made.note.id}`]);
  });

  it('is refused for a dossier in the trash, and reading it is audited', async () => {
    const made = await dossierWithHistory();
    await made.call('dossier.timeline', { dossierId: made.dossier.id });
    expect(await made.fail('dossier.timeline', { dossierId: made.dossier.id, kinds: [] })).toMatchObject({ code: 'INVALID_INPUT' });
    await made.call('trash.move', { kind: 'dossier', id: made.dossier.id });
    expect(await made.fail('dossier.timeline', { dossierId: made.dossier.id })).toMatchObject({ code: 'NOT_FOUND' });
    const views = (await made.auditTrail()).filter((entry) => entry.action === 'dossier.timeline-viewed');
    expect(views).toEqual([expect.objectContaining({ actor: TEST_ACTOR, details: { dossierId: made.dossier.id } })]);
  });

  it('searches each table by its per-dossier index and sorts only the dossier’s own rows', async () => {
    const { vault } = await Vault.create(path.join(makeTempFolder(), 'plan.kluis'), { passphrase: TEST_PASSPHRASE, displayName: 'T' }, FAST_VAULT_OPTIONS);
    try {
      const context = coreContextFor(vault);
      const dossier = createDossier(context, api['dossier.create'].input.parse({ title: 'Fictief' }));
      const { page, count } = timelinePageSql(api['dossier.timeline'].input.parse({ dossierId: dossier.id }));
      context.db.prepare(page.sql).all(...page.params);
      context.db.prepare(count.sql).all(...count.params);
      const plan = (context.db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...page.params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
      expect(plan).toMatch(/SEARCH s USING INDEX signals_by_dossier \(dossier_id=\?\)/);
      expect(plan).toMatch(/SEARCH n USING INDEX dossier_notes_by_dossier \(dossier_id=\?\)/);
      // Either per-dossier index will do; migration 0010 added one that also holds the date.
      expect(plan).toMatch(/SEARCH c USING (COVERING )?INDEX dossier_status_changes_(by_dossier|latest) \(dossier_id=\?\)/);
      expect(plan).toMatch(/SEARCH m USING INDEX measures_by_dossier \(dossier_id=\?\)/);
      expect(plan).toMatch(/SEARCH a USING INDEX attachments_by_dossier \(dossier_id=\?\)/);
      expect(plan).toMatch(/SEARCH l USING INDEX subject_dossier_links_by_dossier \(dossier_id=\?\)/);
      expect(plan).toMatch(/SEARCH sj USING INTEGER PRIMARY KEY/);
      expect(plan).not.toMatch(/\bSCAN (s|n|c|m|a|l|sj)\b/);
    } finally {
      vault.lock();
    }
  });
});
