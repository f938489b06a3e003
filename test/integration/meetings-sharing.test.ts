import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/core/documents/pdf';
import { coreContextFor, type CoreContext } from '../../electron/core/kernel/context';
import { readProvenance, writeProvenance, type ProvenanceKind } from '../../electron/core/sharing/provenance';
import { Vault } from '../../electron/core/vault/vault';
import { TLP_CODES, type TlpCode } from '../../shared/domain/enums';
import type { Provenance } from '../../shared/domain/sharing';
import { pdfPageTexts } from '../support/document-files';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

type Session = Awaited<ReturnType<typeof openDossierCore>>;

const TODAY = new Date('2026-05-12T09:00:00Z');
const OWN: Provenance = { originator: 'gemeente', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' };
const POLICE: Provenance = { originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' };

const RED_NOTE = 'CIE-melding over wapenopslag in de schuur';
const GREEN_NOTE = 'Handhaving zag afgeplakte ramen en een busje';
const CLEAR_NOTE = 'Buurtavond over overlast gepland';
const PERSON = 'Piet Voorbeeld';
const COMPANY = 'Voorbeeld Vastgoed B.V.';

const stricter = (a: TlpCode, b: TlpCode) => TLP_CODES.indexOf(a) < TLP_CODES.indexOf(b);

/** Writes straight into the vault while the core is locked: provenance has no handler of its own yet. */
async function withVault(session: Session, work: (context: CoreContext) => void): Promise<void> {
  await session.core.call('vault.lock', {});
  const vault = await Vault.unlock(session.vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
  try {
    work(coreContextFor(vault, () => TODAY));
  } finally {
    vault.lock();
  }
  await session.core.call('vault.unlock', { path: session.vaultPath, passphrase: TEST_PASSPHRASE });
}

const cliSource = path.resolve('electron/core/cli/kluis.ts');
function kluis(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: TEST_PASSPHRASE },
    input: '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** Every code an item line or item heading carries in the text of an output. */
function itemCodes(text: string): TlpCode[] {
  const codes = [...text.matchAll(/\[bron [ABCX], informatie \d, TLP:([A-Z+]+)\]/g)].map((match) => match[1] as TlpCode);
  return codes;
}

describe('meetings under the sharing regime', () => {
  let session: Session;
  let dossierId: number;
  let notes: { red: number; green: number; clear: number };
  let links: { person: number; company: number };
  let redSignalId: number;

  // Per test: the temp folders (and the vault in them) are removed after each.
  beforeEach(async () => {
    session = await openDossierCore({ now: () => TODAY });
    const { call } = session;
    const dossier = await call('dossier.create', { title: 'Woonfraude Voorbeeldlaan 3', tlp: 'CLEAR', openedOn: '2026-01-05' });
    dossierId = dossier.id;
    // A link's line names its subject, and the marking counts the subject's code: coded here like their links, so the
    // markings below are those of the notes and links (a subject left at the default AMBER+STRICT would mark every agenda so).
    const person = await call('subject.create', { details: { type: 'person', name: PERSON }, tlp: 'GREEN' });
    const company = await call('subject.create', { details: { type: 'organisation', name: COMPANY }, tlp: 'CLEAR' });
    links = {
      person: (await call('subject.linkToDossier', { subjectId: person.id, dossierId, role: 'kopstuk', tlp: 'GREEN' })).id,
      company: (await call('subject.linkToDossier', { subjectId: company.id, dossierId, role: 'eigenaar', tlp: 'CLEAR' })).id,
    };
    notes = {
      red: (await call('note.add', { dossierId, body: RED_NOTE, notedOn: '2026-04-01', tlp: 'RED', partner: 'politie' })).id,
      green: (await call('note.add', { dossierId, body: GREEN_NOTE, notedOn: '2026-04-02', tlp: 'GREEN' })).id,
      clear: (await call('note.add', { dossierId, body: CLEAR_NOTE, notedOn: '2026-04-03', tlp: 'CLEAR' })).id,
    };
    redSignalId = (await call('signal.create', { howReceived: 'partner', origin: 'politie', summary: 'Politie: ondergronds bankieren vanuit de kapperszaak', tlp: 'RED' })).id;
    await withVault(session, (context) => {
      const own: Array<[ProvenanceKind, number]> = [
        ['note', notes.green],
        ['note', notes.clear],
        ['dossier-link', links.person],
        ['dossier-link', links.company],
      ];
      for (const [kind, id] of own) writeProvenance(context, kind, id, OWN);
      writeProvenance(context, 'note', notes.red, POLICE);
      writeProvenance(context, 'signal', redSignalId, POLICE);
    });
  });

  it('keeps a RED police note out of a GREEN casustafel agenda: draft, screen data, register', async () => {
    const { call } = session;
    const meeting = await call('meeting.create', {
      kind: 'casustafel',
      heldOn: '2026-05-12',
      tlp: 'GREEN',
      title: 'Casustafel Voorbeeldlaan',
      participants: [
        { name: 'W. Agent', organisationCode: 'politie' },
        { name: 'P. Leider', organisationCode: 'gemeente_handhaving' },
      ],
    });
    const item = await call('meeting.addItem', { meetingId: meeting.id, dossierId });
    await call('meeting.addItem', { meetingId: meeting.id, signalId: redSignalId });
    // The draft never wrote what the participants may not have.
    expect(item.summary).not.toContain('wapenopslag');
    expect(item.summary).toContain(GREEN_NOTE);
    expect(item.summary).toContain(`${PERSON}: kopstuk`);

    const preview = await call('meeting.preview', { meetingId: meeting.id, part: 'agenda' });
    expect(JSON.stringify(preview.items)).not.toContain('wapenopslag');
    expect(JSON.stringify(preview.items)).not.toContain('ondergronds bankieren');
    expect(preview.items).toHaveLength(1);
    expect(preview.itemsLeftOut).toBe(1);
    expect(preview.items[0]).toMatchObject({ number: 1, tlp: 'GREEN' });
    expect(preview.marking).toBe('GREEN');
    expect(preview.summary.withheldCounts).toEqual({ tlp_red: 2 });
    expect(preview.notIncluded).toEqual([
      '2 gegevens: TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven',
      '1 agendapunt helemaal weggelaten: het dossier of signaal zelf mag niet naar deze ontvangers.',
    ]);
    expect(JSON.stringify(await call('meeting.get', { meetingId: meeting.id }))).not.toContain('wapenopslag');

    const printed = await call('meeting.printed', { meetingId: meeting.id, part: 'agenda' });
    expect(printed.marking).toBe('GREEN');
    const register = await call('disclosure.list', { dossierId });
    expect(register[0]).toMatchObject({ output: 'agenda', channel: 'print', marking: 'GREEN', withheld: 2 });
    expect(register[0]!.audience).toEqual({
      kind: 'recipients',
      members: [
        { organisation: 'politie', person: 'W. Agent', verified: false },
        { organisation: 'gemeente_handhaving', person: 'P. Leider', verified: false },
      ],
    });
    expect(register[0]!.items).toContainEqual({ kind: 'note', id: notes.green });
    expect(register[0]!.items).not.toContainEqual({ kind: 'note', id: notes.red });
  });

  it.skipIf(findChromium().path === null)(
    'writes the GREEN agenda as PDF without the RED note, marked by its content on every page, and registers it',
    async () => {
      const { call } = session;
      const meeting = await call('meeting.create', {
        kind: 'casustafel',
        heldOn: '2026-05-12',
        tlp: 'GREEN',
        title: 'Casustafel PDF',
        participants: [{ name: 'W. Agent', organisationCode: 'politie' }],
      });
      await call('meeting.addItem', { meetingId: meeting.id, dossierId });
      const target = path.join(makeTempFolder(), 'agenda.pdf');
      const written = await call('meeting.exportPdf', { meetingId: meeting.id, part: 'agenda', targetPath: target });
      const pages = await pdfPageTexts(target);
      const all = pages.join('\n');
      expect(all).not.toContain('wapenopslag');
      expect(all).toContain(GREEN_NOTE);
      pages.forEach((text) => expect(text).toContain('TLP:GREEN'));
      expect(all).toContain('Niet opgenomen');
      expect(all).toContain('1 gegeven: TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven');
      for (const code of itemCodes(all)) expect(stricter(code, written.output.marking)).toBe(false);
      const register = await call('disclosure.list', {});
      expect(register[0]).toMatchObject({ output: 'agenda', channel: 'pdf', marking: 'GREEN' });
      expect(register[0]!.audience).toEqual({ kind: 'recipients', members: [{ organisation: 'politie', person: 'W. Agent', verified: false }] });
    },
    60_000,
  );

  it('removes art. 10 data (notes, person links) when a woningcorporatie takes part, and says so with counts', async () => {
    const { call } = session;
    const meeting = await call('meeting.create', {
      kind: 'casustafel',
      heldOn: '2026-05-12',
      tlp: 'CLEAR',
      title: 'Casustafel met de corporatie',
      participants: [
        { name: 'H. Huur', organisationCode: 'woningcorporatie' },
        { name: 'W. Agent', organisationCode: 'politie' },
      ],
    });
    const item = await call('meeting.addItem', { meetingId: meeting.id, dossierId });
    expect(item.summary).toContain(CLEAR_NOTE);
    expect(item.summary).toContain(`${COMPANY}: eigenaar`);
    expect(item.summary).not.toContain(PERSON);
    expect(item.summary).not.toContain(GREEN_NOTE);

    const preview = await call('meeting.preview', { meetingId: meeting.id, part: 'agenda' });
    // The GREEN note and the person's link (a person: art. 10), the police note (RED, Wpg, restricted). GREEN itself
    // reaches any identified organisation, a private party too: art. 10 is what keeps those two from the corporatie.
    expect(preview.summary.withheldCounts).toEqual({ art10: 3, tlp_red: 1, restriction: 1 });
    expect(preview.notIncluded).toContain('3 gegevens: strafrechtelijke persoonsgegevens (art. 10 AVG), niet voor een private partij of een onbekende ontvanger');
    expect(preview.marking).toBe('CLEAR');
    expect(preview.items[0]!.tlp).toBe('CLEAR');
    expect(JSON.stringify(preview.items)).not.toContain(PERSON);

    // The same meeting printed for the police alone (the print dialog's audience): the GREEN facts may go, but the draft never held them.
    const forPolice = await call('meeting.preview', {
      meetingId: meeting.id,
      part: 'agenda',
      audience: { kind: 'recipients', members: [{ organisation: 'politie', person: 'W. Agent', verified: false }] },
    });
    expect(forPolice.summary.withheldCounts).toEqual({ tlp_red: 1 });
    expect(forPolice.items[0]!.summary).not.toContain(GREEN_NOTE);
  });

  it('marks by the content when it is stricter than the meeting, takes lines out for a stricter audience, and lets an override through', async () => {
    const { call } = session;
    // Prepared alone: no participants yet, internal use, so the draft holds everything.
    const meeting = await call('meeting.create', { kind: 'intern_overleg', heldOn: '2026-05-12', tlp: 'GREEN', title: 'Voorbereiding' });
    const item = await call('meeting.addItem', { meetingId: meeting.id, dossierId });
    expect(item.summary).toContain(RED_NOTE);
    const internal = await call('meeting.preview', { meetingId: meeting.id, part: 'agenda' });
    expect(internal.audience).toEqual({ kind: 'internal' });
    expect(internal).toMatchObject({ marking: 'RED', notIncluded: [] });
    expect(internal.items[0]!.tlp).toBe('RED');

    await call('meeting.update', { meetingId: meeting.id, participants: [{ name: 'W. Agent', organisationCode: 'politie' }] });
    const forPolice = await call('meeting.preview', { meetingId: meeting.id, part: 'agenda' });
    expect(forPolice.items[0]!.summary).not.toContain(RED_NOTE);
    expect(forPolice.items[0]!.summary).toContain(GREEN_NOTE);
    expect(forPolice).toMatchObject({ marking: 'GREEN' });
    expect(forPolice.items[0]!.tlp).toBe('GREEN');

    const overridden = await call('meeting.preview', {
      meetingId: meeting.id,
      part: 'agenda',
      override: { reason: 'Politie bracht het zelf in', items: [{ kind: 'note', id: notes.red }] },
    });
    expect(overridden.items[0]!.summary).toContain(RED_NOTE);
    expect(overridden.marking).toBe('RED');
    expect(overridden.notIncluded).toContain('1 gegeven toch meegegeven, reden: Politie bracht het zelf in');

    // The user rewrote the police line: the regime cannot tell what of it remains, and leaves the text out.
    await call('meeting.updateItem', { itemId: item.id, summary: item.summary.replace('wapenopslag', 'opslag') });
    const edited = await call('meeting.preview', { meetingId: meeting.id, part: 'agenda' });
    expect(edited.items[0]).toMatchObject({ summaryWithheld: true, tlp: 'CLEAR' });
    expect(edited.items[0]!.summary).not.toContain('opslag in de schuur');

    // The outcome: an internal, ungraded note coded by the item's facts. The item holds the police's note, which the
    // outcome may repeat: the note takes no terms the police never gave (supplier unknown, ask before passing it on).
    await call('meeting.updateItem', { itemId: item.id, outcome: 'besluit', decisions: 'Bestuurlijke rapportage opvragen.' });
    const applied = await call('meeting.applyOutcome', { itemId: item.id, note: 'Voorbereiding: bestuurlijke rapportage opvragen.' });
    const journal = await call('note.list', { dossierId, limit: 10 });
    const note = journal.items.find((entry) => entry.id === applied.noteId)!;
    expect(note).toMatchObject({ internal: true, sourceGrade: 'X', informationGrade: 4, tlp: 'RED' });
    let provenance: Provenance | undefined;
    await withVault(session, (context) => (provenance = readProvenance(context, 'note', applied.noteId!)));
    expect(provenance).toEqual({ originator: null, receivedUnder: null, restriction: 'vraag_leverancier' });
  });

  it('keeps back a text that still names a withheld fact: a draft from before the regime, or a fact typed in by hand', async () => {
    const { call } = session;
    const older = await call('meeting.create', { kind: 'casustafel', heldOn: '2026-05-12', tlp: 'GREEN', title: 'Van voor het regime' });
    const item = await call('meeting.addItem', { meetingId: older.id, dossierId });
    expect(item.summary).toContain(RED_NOTE);
    // Drafted by an earlier version: no lines recorded per fact.
    await withVault(session, (context) => context.db.prepare(`UPDATE meeting_items SET fact_lines = '[]' WHERE id = ?`).run(item.id));
    await call('meeting.update', { meetingId: older.id, participants: [{ name: 'W. Agent', organisationCode: 'politie' }] });
    const legacy = await call('meeting.preview', { meetingId: older.id, part: 'agenda' });
    expect(legacy.items[0]).toMatchObject({ summaryWithheld: true, tlp: 'CLEAR' });
    expect(JSON.stringify(legacy.items)).not.toContain('wapenopslag');

    const meeting = await call('meeting.create', {
      kind: 'casustafel',
      heldOn: '2026-05-12',
      tlp: 'GREEN',
      participants: [{ name: 'W. Agent', organisationCode: 'politie' }],
    });
    const drafted = await call('meeting.addItem', { meetingId: meeting.id, dossierId });
    expect((await call('meeting.preview', { meetingId: meeting.id, part: 'agenda' })).items[0]!.summaryWithheld).toBe(false);
    await call('meeting.updateItem', { itemId: drafted.id, summary: `${drafted.summary}\nAanvulling: ${RED_NOTE.toLowerCase()}.` });
    const typed = await call('meeting.preview', { meetingId: meeting.id, part: 'agenda' });
    expect(typed.items[0]!.summaryWithheld).toBe(true);
    expect(JSON.stringify(typed.items)).not.toContain('wapenopslag');
  });

  it('writes the outcome note with the grading and code the user chose', async () => {
    const { call } = session;
    const meeting = await call('meeting.create', { kind: 'lokale_driehoek', heldOn: '2026-05-11' });
    const item = await call('meeting.addItem', { meetingId: meeting.id, dossierId });
    const applied = await call('meeting.applyOutcome', { itemId: item.id, note: 'Driehoek: doorgaan.', sourceGrade: 'B', informationGrade: 2, tlp: 'AMBER', internal: false });
    const note = (await call('note.list', { dossierId, limit: 20 })).items.find((entry) => entry.id === applied.noteId)!;
    expect(note).toMatchObject({ internal: false, sourceGrade: 'B', informationGrade: 2, tlp: 'AMBER' });
  });

  it('writes an outcome note as the municipality’s own only when every fact of the item is', async () => {
    const { call } = session;
    const own = await call('dossier.create', { title: 'Eigen bevindingen Voorbeeldlaan 9', tlp: 'CLEAR', openedOn: '2026-01-05' });
    await call('note.add', { dossierId: own.id, body: 'Handhaving zag een afgeplakt raam.', notedOn: '2026-02-01', tlp: 'CLEAR' });
    const meeting = await call('meeting.create', { kind: 'intern_overleg', heldOn: '2026-05-13' });
    const item = await call('meeting.addItem', { meetingId: meeting.id, dossierId: own.id });
    const applied = await call('meeting.applyOutcome', { itemId: item.id, note: 'Intern: controle plannen.' });
    const note = (await call('note.list', { dossierId: own.id, limit: 20 })).items.find((entry) => entry.id === applied.noteId)!;
    expect(note.provenance).toEqual({ originator: 'gemeente', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' });
  });

  it('refuses a participant whose organisation is not in the list, and keeps the meeting as it was', async () => {
    const { call, fail } = session;
    const before = (await call('meeting.list', {})).length;
    const unknown = await fail('meeting.create', { kind: 'casustafel', heldOn: '2026-05-12', participants: [{ name: 'X', organisationCode: 'onbekende_club' }] });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: { kind: 'organisation', code: 'onbekende_club' } });
    expect((await fail('meeting.create', { kind: 'casustafel', heldOn: '2026-05-12', participants: [{ name: 'X', organisationCode: 'Politie!' }] })).code).toBe(
      'INVALID_INPUT',
    );
    expect(await call('meeting.list', {})).toHaveLength(before);
    const meeting = await call('meeting.create', { kind: 'casustafel', heldOn: '2026-05-12', participants: [{ name: 'W. Agent', organisationCode: 'politie' }] });
    await fail('meeting.update', { meetingId: meeting.id, participants: [{ name: 'X', organisationCode: 'onbekende_club' }] });
    expect((await call('meeting.get', { meetingId: meeting.id })).participants).toEqual([{ name: 'W. Agent', organisation: 'Politie', organisationCode: 'politie' }]);
  });

  it('kluis overleggen lists the meetings; kluis agenda writes the agenda through the regime and names what it left out', async () => {
    const { call } = session;
    const meeting = await call('meeting.create', {
      kind: 'casustafel',
      heldOn: '2026-05-12',
      tlp: 'GREEN',
      title: 'Casustafel CLI',
      participants: [{ name: 'W. Agent', organisationCode: 'politie' }],
    });
    await call('meeting.addItem', { meetingId: meeting.id, dossierId });
    await session.core.call('vault.lock', {});

    const list = kluis(['overleggen', session.vaultPath]);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')).toContain(`${meeting.id}  12-05-2026  casustafel  Casustafel CLI`);

    expect(kluis(['agenda', session.vaultPath, String(meeting.id)])).toMatchObject({ code: 2, stderr: expect.stringContaining('Geef --pdf <bestand>.') });
    expect(kluis(['agenda', session.vaultPath, 'een', '--pdf', 'x.pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('is geen overleg-id') });
    if (findChromium().path === null) return;
    const folder = makeTempFolder();
    const target = path.join(folder, 'agenda.pdf');
    const agenda = kluis(['agenda', session.vaultPath, String(meeting.id), '--pdf', target, '--audience', 'woningcorporatie']);
    expect(agenda.code).toBe(0);
    expect(agenda.stdout).toContain(`Agenda geschreven: ${target} (TLP:GREEN, voor Woningcorporatie`);
    expect(agenda.stderr).toContain('Niet opgenomen:');
    expect(agenda.stderr).toContain('strafrechtelijke persoonsgegevens (art. 10 AVG)');
    const all = (await pdfPageTexts(target)).join('\n');
    expect(all).not.toContain(GREEN_NOTE);
    expect(all).not.toContain('wapenopslag');
    expect(all).toContain('Niet opgenomen');

    const minutes = path.join(folder, 'verslag.pdf');
    expect(kluis(['agenda', session.vaultPath, String(meeting.id), '--minutes', '--pdf', minutes])).toMatchObject({ code: 0 });
    expect(fs.existsSync(minutes)).toBe(true);
    expect((await pdfPageTexts(minutes)).join('\n')).toContain('Verslag Casustafel CLI');

    await session.core.call('vault.unlock', { path: session.vaultPath, passphrase: TEST_PASSPHRASE });
    const register = await call('disclosure.list', {});
    expect(register[0]).toMatchObject({ output: 'verslag', channel: 'pdf' });
    expect(register[1]).toMatchObject({ output: 'agenda', channel: 'pdf', audience: { kind: 'recipients', members: [{ organisation: 'woningcorporatie' }] } });
  }, 120_000);
});
