import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/core/documents/pdf';
import { pdfPageTexts } from '../support/document-files';
import { makeTempFolder } from '../support/temp-vault';
import { generateDemoData } from '../../electron/core/demo/demo-data';
import type { DossierSummary } from '../../shared/api/dossier-types';
import { openDossierCore } from './support/dossier-core';

type Session = Awaited<ReturnType<typeof openDossierCore>>;

const TODAY = new Date('2026-05-12T09:00:00Z');

describe('meetings', () => {
  let session: Session;
  let hennep: DossierSummary;
  let shisha: DossierSummary;
  let looseSignalId: number;

  beforeAll(async () => {
    session = await openDossierCore({ now: () => TODAY });
    await generateDemoData(session.core);
    const dossiers = (await session.call('dossier.list', { limit: 50 })).items;
    hennep = dossiers.find((dossier) => dossier.title.startsWith('Hennepkwekerij'))!;
    shisha = dossiers.find((dossier) => dossier.title.startsWith('Drugshandel vanuit Shishalounge'))!;
    looseSignalId = (await session.call('signal.list', { inDossier: false, limit: 1 })).items[0]!.id;
  });

  it('prepares a casustafel: participants, agenda in order with drafted summaries, reordering', async () => {
    const meeting = await session.call('meeting.create', {
      kind: 'casustafel',
      heldOn: '2026-05-12',
      place: 'Stadhuis, kamer 2.14',
      tlp: 'AMBER',
      // Two colleagues of the municipality: everything may go to them (the sharing regime is tested in meetings-sharing.test.ts).
      participants: [
        { name: 'P. Leider', organisationCode: 'gemeente_handhaving' },
        { name: 'H. Andhaver', organisation: 'Toezicht', organisationCode: 'gemeente_handhaving' },
      ],
    });
    expect(meeting).toMatchObject({ kind: 'casustafel', title: 'Casustafel', heldOn: '2026-05-12', tlp: 'AMBER', itemCount: 0 });
    expect(meeting.participants).toEqual([
      { name: 'P. Leider', organisation: 'Gemeente – handhaving', organisationCode: 'gemeente_handhaving' },
      { name: 'H. Andhaver', organisation: 'Toezicht', organisationCode: 'gemeente_handhaving' },
    ]);

    const first = await session.call('meeting.addItem', { meetingId: meeting.id, dossierId: hennep.id });
    const second = await session.call('meeting.addItem', { meetingId: meeting.id, dossierId: shisha.id });
    const third = await session.call('meeting.addItem', { meetingId: meeting.id, signalId: looseSignalId });
    expect([first.position, second.position, third.position]).toEqual([1, 2, 3]);
    // The draft: phenomenon, status, key subjects with roles and grading, facts, "komt ook voor in".
    expect(first.summary).toContain(`${hennep.number} ${hennep.title}`);
    expect(first.summary).toContain('Fenomeen: Hennepteelt. Status: Interventie(s) lopen.');
    expect(first.summary).toMatch(/Belangrijkste subjecten:\n- Jan Testpersoon: kopstuk \[bron [ABCX], informatie [1-4], TLP:[A-Z+]+\]/);
    expect(first.summary).toContain('Politie: Politie bevestigt');
    expect(first.summary).not.toContain('Eigen inschatting'); // an internal note
    expect(first.summary).toMatch(/Komt ook voor in:\n- \d{4}-\d{4} \(/);
    expect(third.summary).toContain('Vraag aan de partners');
    expect(third.summary).not.toMatch(/\(demo\)$/m);

    const moved = await session.call('meeting.updateItem', { itemId: third.id, position: 1, summary: 'Eigen tekst' });
    expect(moved).toMatchObject({ position: 1, summary: 'Eigen tekst' });
    const agenda = await session.call('meeting.get', { meetingId: meeting.id });
    expect(agenda.items.map((item) => item.id)).toEqual([third.id, first.id, second.id]);
    expect(agenda.items.map((item) => item.position)).toEqual([1, 2, 3]);
  });

  it('records outcome, decisions and actions; the dossier changes only when the outcome is applied', async () => {
    const meeting = await session.call('meeting.create', { kind: 'lokale_driehoek', heldOn: '2026-05-11' });
    const item = await session.call('meeting.addItem', { meetingId: meeting.id, dossierId: shisha.id });
    const statusBefore = (await session.call('dossier.get', { dossierId: shisha.id })).status;
    expect(statusBefore).toBe('aanpak');

    await session.call('meeting.updateItem', { itemId: item.id, outcome: 'besluit', decisions: 'Overgaan tot interventies.', recognisedBy: ['politie', 'politie'] });
    const late = await session.call('meeting.addAction', { itemId: item.id, who: 'W. Agent', what: 'Controle bij de achterdeur', dueOn: '2026-05-01', partner: 'politie' });
    const later = await session.call('meeting.addAction', { itemId: item.id, who: 'P. Leider', what: 'Brief aan exploitant', dueOn: '2026-06-01' });
    expect((await session.call('dossier.get', { dossierId: shisha.id })).status).toBe('aanpak');

    const open = await session.call('meeting.actions', { dossierId: shisha.id });
    expect(open.map((action) => [action.id, action.overdue])).toEqual([
      [late.id, true],
      [later.id, false],
    ]);
    expect(open[0]).toMatchObject({ meeting: { id: meeting.id, kind: 'lokale_driehoek' }, dossier: { id: shisha.id, number: shisha.number }, partner: 'politie' });

    const applied = await session.call('meeting.applyOutcome', { itemId: item.id, statusTo: 'interventie', note: 'Lokale driehoek: overgaan tot interventies.' });
    expect(applied.status).toBe('interventie');
    expect(applied.item.appliedAt).not.toBeNull();
    expect(applied.item.recognisedBy).toEqual(['politie']);
    const history = await session.call('dossier.history', { dossierId: shisha.id });
    expect(history.at(-1)).toMatchObject({ toStatus: 'interventie', changedOn: '2026-05-11', reason: 'Lokale driehoek van 11-05-2026' });
    const notes = await session.call('note.list', { dossierId: shisha.id, limit: 5 });
    expect(notes.items[0]).toMatchObject({ id: applied.noteId, body: 'Lokale driehoek: overgaan tot interventies.', notedOn: '2026-05-11' });

    const twice = await session.fail('meeting.applyOutcome', { itemId: item.id, note: 'nog eens' });
    expect(twice).toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'meeting-item.applied' } });
    const wrongStep = await session.call('meeting.addItem', { meetingId: meeting.id, dossierId: hennep.id });
    expect((await session.fail('meeting.applyOutcome', { itemId: wrongStep.id, statusTo: 'stuurploeg' })).code).toBe('INVALID_STATUS_TRANSITION');
    expect((await session.call('meeting.get', { meetingId: wrongStep.meetingId })).items.find((entry) => entry.id === wrongStep.id)!.appliedAt).toBeNull();

    await session.call('meeting.setActionDone', { actionId: late.id, done: true });
    const after = await session.call('meeting.actions', {});
    expect(after.some((action) => action.id === late.id)).toBe(false);
    expect(after.some((action) => action.id === later.id)).toBe(true);
    expect((await session.call('meeting.list', {})).find((entry) => entry.id === meeting.id)).toMatchObject({ itemCount: 2, openActions: 1 });
  });

  it('drafts "new since the previous meeting" from the last meeting that discussed the dossier', async () => {
    const earlier = await session.call('meeting.create', { kind: 'stuurploeg', heldOn: '2025-01-20' });
    await session.call('meeting.addItem', { meetingId: earlier.id, dossierId: hennep.id });
    const later = await session.call('meeting.create', { kind: 'stuurploeg', heldOn: '2025-02-10' });
    const item = await session.call('meeting.addItem', { meetingId: later.id, dossierId: hennep.id });
    expect(item.summary).toContain('Nieuw sinds het vorige overleg (20-01-2025):');
    expect(item.summary).toContain('30-01-2025 Gemeente – handhaving: Handhaving heeft het pand bezocht');
    expect(item.summary).not.toContain('18-01-2025 Politie');
  });

  it('refuses an item with both or neither a dossier and a signal', async () => {
    const meeting = await session.call('meeting.create', { kind: 'informatieplein', heldOn: '2026-05-12' });
    expect((await session.fail('meeting.addItem', { meetingId: meeting.id })).code).toBe('INVALID_INPUT');
    expect((await session.fail('meeting.addItem', { meetingId: meeting.id, dossierId: hennep.id, signalId: looseSignalId })).code).toBe('INVALID_INPUT');
  });

  it.skipIf(findChromium().path === null)(
    'prints the agenda and the verslag as PDF with the handling code and "pagina x van y" on every page',
    async () => {
      const meeting = await session.call('meeting.create', {
        kind: 'casustafel',
        heldOn: '2026-05-12',
        tlp: 'RED',
        title: 'Casustafel Proefstraat',
        participants: [{ name: 'W. Agent', organisationCode: 'politie' }],
      });
      const item = await session.call('meeting.addItem', { meetingId: meeting.id, dossierId: hennep.id });
      await session.call('meeting.updateItem', { itemId: item.id, outcome: 'herkend', recognisedBy: ['belastingdienst'], decisions: 'Boekenonderzoek starten.' });
      await session.call('meeting.addAction', { itemId: item.id, who: 'B. Dienst', what: 'Boekenonderzoek plannen', dueOn: '2026-06-01', partner: 'belastingdienst' });
      const folder = makeTempFolder();
      for (const part of ['agenda', 'verslag'] as const) {
        const target = path.join(folder, `${part}.pdf`);
        await session.call('meeting.exportPdf', { meetingId: meeting.id, part, targetPath: target });
        const pages = await pdfPageTexts(target);
        pages.forEach((text, index) => {
          expect(text).toContain('TLP:RED');
          expect(text).toContain(`pagina ${index + 1} van ${pages.length}`);
        });
        const all = pages.join('\n');
        expect(all).toContain(`${part === 'agenda' ? 'Agenda' : 'Verslag'} Casustafel Proefstraat`);
        expect(all).toContain(`1. ${hennep.number} ${hennep.title}`);
        if (part === 'verslag') {
          expect(all).toContain('Uitkomst: Herkend door partner(s): Belastingdienst');
          expect(all).toContain('Boekenonderzoek plannen');
        } else {
          expect(all).not.toContain('Boekenonderzoek plannen');
        }
      }
      const audit = await session.call('audit.list', { limit: 5, actions: ['meeting.exported'] });
      expect(audit.map((entry) => entry.details.part)).toEqual(['verslag', 'agenda']);
    },
    60_000,
  );
});
