import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/core/documents/pdf';
import { PART_WITHHELD_NOTICE } from '../../electron/core/sharing/composed-text';
import { writeProvenance, type ProvenanceKind } from '../../electron/core/sharing/provenance';
import { decideForOutput, dossierFacts, recordDisclosure } from '../../electron/core/sharing/regime';
import { DRIEHOEK_AUDIENCE, PREWEEG_SECTIONS, type OutputAudience, type SectionTexts } from '../../shared/api/documents';
import { TLP_CODES, type TlpCode } from '../../shared/domain/enums';
import type { Audience, Provenance } from '../../shared/domain/sharing';
import { docxPart, pdfPageTexts, wordParagraphs } from '../support/document-files';
import { makeTempFolder } from '../support/temp-vault';
import { contextOf } from './support/core-context';
import { openDossierCore } from './support/dossier-core';

type Session = Awaited<ReturnType<typeof openDossierCore>>;

const hasChromium = findChromium().path !== null;
const OWN: Provenance = { originator: 'gemeente', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' };
const POLICE: Provenance = { originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' };
const INTERNAL: OutputAudience = { kind: 'internal' };
const WONINGCORPORATIE: OutputAudience = { kind: 'recipients', members: [{ organisation: 'woningcorporatie', person: null, verified: false }] };

const RED_NOTE = 'Politie: de eigenaar is bekend van eerdere witwaszaken (demo).';
const AMBER_NOTE = 'Politie bevestigt contacten met een bekend kopstuk (demo).';
const SIGNAL = 'Veel contante betalingen bij kapsalon (demo)';
const IBANS = ['NL91ABNA0417164300', 'NL44RABO0123456789'];

/** Every code a line carries beside its item ("[bron B, informatie 2, TLP:AMBER]", "[TLP:GREEN]"), not the words that explain a withheld one. */
function itemCodes(text: string): TlpCode[] {
  return [...text.matchAll(/\[(?:bron [A-Z], informatie \d, )?TLP:([A-Z+]+)\]/g)].map((match) => match[1] as TlpCode);
}
const stricterThan = (code: TlpCode, marking: TlpCode): boolean => TLP_CODES.indexOf(code) < TLP_CODES.indexOf(marking);
const allText = (sections: SectionTexts): string => PREWEEG_SECTIONS.map((section) => sections[section]).join('\n');

/**
 * The preweegdocument and the signal sheet under the sharing regime, on a real vault: a dossier
 * like the demo's 2025-0001 with a police note marked RED and two bank accounts linked with RED.
 */
describe('preweegdocument and signal sheet under the sharing regime', () => {
  let session: Session;
  let dossierId: number;
  let signalId: number;
  let redNoteId: number;
  let amberNoteId: number;
  const bankLinks: number[] = [];
  const folder = makeTempFolder();

  beforeAll(async () => {
    session = await openDossierCore();
    const context = contextOf(session.core);
    const provenance = (kind: ProvenanceKind, id: number, value: Provenance) => writeProvenance(context, kind, id, value);
    const dossier = await session.call('dossier.create', { title: 'Witwassen via kapsalon (demo)', summary: 'Vermoeden van witwassen via een kapsalon.', tlp: 'AMBER' });
    dossierId = dossier.id;
    const signal = await session.call('signal.create', {
      howReceived: 'meldpunt',
      summary: SIGNAL,
      location: 'Kerkstraat 1, Voorbeeldstad',
      tlp: 'AMBER',
      receivedOn: '2026-01-05',
    });
    await session.call('signal.attachToDossier', { signalId: signal.id, dossierId });
    signalId = signal.id;
    provenance('signal', signal.id, OWN);
    const red = await session.call('note.add', { dossierId, body: RED_NOTE, partner: 'politie', tlp: 'RED', notedOn: '2026-01-10' });
    redNoteId = red.id;
    provenance('note', red.id, POLICE);
    const amber = await session.call('note.add', { dossierId, body: AMBER_NOTE, partner: 'politie', tlp: 'AMBER', notedOn: '2026-01-11' });
    provenance('note', amber.id, POLICE);
    amberNoteId = amber.id;
    for (const iban of IBANS) {
      // Subjects default to AMBER+STRICT and a link's line names its subject: coded AMBER like the dossier, so the marking stays AMBER.
      const account = await session.call('subject.create', { details: { type: 'bank_account', iban }, tlp: 'AMBER' });
      const link = await session.call('subject.linkToDossier', { subjectId: account.id, dossierId, role: 'betrokkene', tlp: 'RED' });
      provenance('dossier-link', link.id, OWN);
      bankLinks.push(link.id);
    }
    const person = await session.call('subject.create', { details: { type: 'person', name: 'Karel Kapper (demo)' }, tlp: 'AMBER' });
    const personLink = await session.call('subject.linkToDossier', { subjectId: person.id, dossierId, role: 'kopstuk', tlp: 'AMBER' });
    provenance('dossier-link', personLink.id, OWN);
    const measure = await session.call('measure.add', { dossierId, kind: 'bibob_toets', description: 'Bibob-toets op de exploitatievergunning', tlp: 'GREEN' });
    provenance('measure', measure.id, OWN);
  });

  it('composes for the lokale driehoek by default: the RED note and RED accounts stay out, the marking is the strictest code that remains', async () => {
    const draft = await session.call('document.compose', { dossierId });
    expect(draft.audience).toEqual(DRIEHOEK_AUDIENCE);
    const text = allText(draft.sections);
    expect(text).not.toContain(RED_NOTE);
    for (const iban of IBANS) expect(text).not.toContain(iban);
    expect(text).toContain(AMBER_NOTE);
    expect(text).toContain(SIGNAL);
    expect(text).toContain('Karel Kapper (demo)');
    expect(draft.tlp).toBe('AMBER');
    expect(draft.sharing!.marking).toBe('AMBER');
    expect(draft.sharing!.withheld.map((fact) => `${fact.ref.kind}:${fact.ref.id}`).sort()).toEqual(
      [`note:${redNoteId}`, ...bankLinks.map((id) => `dossier-link:${id}`)].sort(),
    );
    expect(itemCodes(text).length).toBeGreaterThanOrEqual(4);
    for (const code of itemCodes(text)) expect(stricterThan(code, draft.tlp), code).toBe(false);
    expect(draft.sections.verantwoording).toContain('- Behandelcode: TLP:AMBER');
    expect(draft.sections.verantwoording).toContain(
      'Weggelaten volgens de verstrekkingsregels:\n- 3 gegevens: TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven',
    );
    // Section 10 names the bases of what went, grouped by label, and nothing the dossier does not record.
    expect(draft.sections.verantwoording).toContain('- Grondslag: Eigen publieke taak: Gemeentewet (3 gegevens); Wet politiegegevens (politiegegevens) (1 gegeven)');
    expect(draft.sections.verantwoording).not.toMatch(/Wgs|Convenant/);
    expect(draft.sections.verantwoording).toContain('- Verstrekt aan: nog aan niemand');
  });

  it('writes a visible "[grondslag invullen]" when neither the facts nor the dossier record a basis', async () => {
    const bare = await session.call('dossier.create', { title: 'Dossier zonder grondslag (demo)' });
    const draft = await session.call('document.compose', { dossierId: bare.id, audience: INTERNAL });
    expect(draft.sections.verantwoording).toContain('- Grondslag: [grondslag invullen]');
    await session.call('dossier.update', { dossierId: bare.id, legalBasis: 'Art. 13b Opiumwet, eigen beleid (demo)' });
    const again = await session.call('document.compose', { dossierId: bare.id, documentId: draft.document.id, audience: INTERNAL });
    expect(again.sections.verantwoording).toContain('- Grondslag: Art. 13b Opiumwet, eigen beleid (demo) (dossier)');
  });

  it('fills "Verstrekt aan" from the disclosure register', async () => {
    const context = contextOf(session.core);
    const audience: Audience = { kind: 'recipients', members: [{ organisation: 'belastingdienst', person: 'A. Fiscus', verified: true }] };
    const decision = decideForOutput(context, dossierFacts(context, dossierId, ['dossier', 'signal']), audience, null, { viaKey: true });
    recordDisclosure(context, { output: 'bundle', channel: 'bundle', audience, decision, path: null });
    const draft = await session.call('document.compose', { dossierId });
    expect(draft.sections.verantwoording).toMatch(/- Verstrekt aan:\n {2}\d\d-\d\d-\d{4}: Belastingdienst\/Toeslagen \(A\. Fiscus\) \(bundel, bundel\)/);
    expect(draft.sections.verantwoording).not.toContain('nog aan niemand');
  });

  it('withholds every section of a preweegdocument for a private party while the dossier has a summary (art. 10)', async () => {
    const draft = await session.call('document.compose', { dossierId, audience: INTERNAL });
    const preview = await session.call('document.printView', { documentId: draft.document.id, audience: WONINGCORPORATIE });
    // Every section is the notice; section 10 also says what was left out and why.
    for (const section of PREWEEG_SECTIONS) expect(preview.sections[section].startsWith(PART_WITHHELD_NOTICE), section).toBe(true);
    expect(preview.sharing.sectionsWithheld).toEqual([...PREWEEG_SECTIONS]);
    expect(preview.html).not.toContain('Vermoeden van witwassen');
    for (const hidden of [RED_NOTE, AMBER_NOTE, SIGNAL, 'Karel Kapper (demo)', ...IBANS]) expect(preview.html).not.toContain(hidden);
  });

  it('prints a version composed for internal use for a private party without the art. 10 lines, and records the Word file in the register', async () => {
    // The dossier's summary makes its own fact art. 10 data (and the whole document with it): without one, only the art. 10 lines stay out.
    await session.call('dossier.update', { dossierId, summary: null });
    try {
      await printsForPrivateParty();
    } finally {
      await session.call('dossier.update', { dossierId, summary: 'Vermoeden van witwassen via een kapsalon.' });
    }
  });

  async function printsForPrivateParty(): Promise<void> {
    const draft = await session.call('document.compose', { dossierId, audience: INTERNAL });
    expect(allText(draft.sections)).toContain(RED_NOTE);
    expect(draft.tlp).toBe('RED');

    const preview = await session.call('document.printView', { documentId: draft.document.id, audience: WONINGCORPORATIE });
    const text = allText(preview.sections);
    for (const hidden of [RED_NOTE, AMBER_NOTE, SIGNAL, 'Karel Kapper (demo)', ...IBANS]) expect(text).not.toContain(hidden);
    expect(preview.sharing.summary.withheldCounts.art10).toBe(4); // the signal, two police notes, the person
    expect(preview.sharing.withheldLines).toContain('4 gegevens: strafrechtelijke persoonsgegevens (art. 10 AVG), niet voor een private partij of een onbekende ontvanger');
    expect(preview.sections.verantwoording).toContain('Weggelaten volgens de verstrekkingsregels:');
    expect(preview.sections.verantwoording).toContain(`- Behandelcode: TLP:${preview.sharing.marking}`);
    expect(preview.sharing.marking).toBe('AMBER'); // the dossier's own fields remain
    for (const code of itemCodes(text)) expect(stricterThan(code, preview.sharing.marking), code).toBe(false);

    const target = path.join(folder, 'woningcorporatie.docx');
    const written = await session.call('document.exportDocx', { documentId: draft.document.id, targetPath: target, audience: WONINGCORPORATIE });
    expect(written.sharing.marking).toBe('AMBER');
    const body = wordParagraphs(docxPart(target, 'word/document.xml')).join('\n');
    expect(body).not.toContain(RED_NOTE);
    expect(body).not.toContain(SIGNAL);
    expect(body).toContain('Behandelcode: TLP:AMBER');
    expect(body).toContain('art. 10 AVG');
    const relations = docxPart(target, 'word/_rels/document.xml.rels');
    const header = docxPart(target, `word/${/Target="(header\d*\.xml)"/.exec(relations)![1]}`);
    expect(wordParagraphs(header).join('')).toContain('TLP:AMBER');
    expect(wordParagraphs(header).join('')).not.toContain('TLP:RED');
    const register = await session.call('disclosure.list', { dossierId });
    expect(register[0]).toMatchObject({ output: 'preweegdocument', channel: 'word', audience: WONINGCORPORATIE, marking: 'AMBER' });
    expect(register[0]!.items).not.toContainEqual({ kind: 'note', id: redNoteId });
  }

  it('leaves a section out with a notice when a withheld fact’s line in it was edited', async () => {
    const draft = await session.call('document.compose', { dossierId, audience: INTERNAL });
    const edited = draft.sections.informatie_per_partner.replace(RED_NOTE, `${RED_NOTE} Bevestigd door de wijkagent.`);
    expect(edited).not.toBe(draft.sections.informatie_per_partner);
    const saved = await session.call('document.save', { documentId: draft.document.id, baseVersion: 1, sections: { informatie_per_partner: edited } });
    const preview = await session.call('document.printView', { documentId: saved.document.id, audience: DRIEHOEK_AUDIENCE });
    expect(preview.sections.informatie_per_partner).toBe(PART_WITHHELD_NOTICE);
    expect(preview.sharing.sectionsWithheld).toEqual(['informatie_per_partner']);
    // The accounts' lines were not edited: taken out one by one, the rest of the section stays.
    expect(preview.sections.betrokkenen).toContain('Karel Kapper (demo)');
    for (const iban of IBANS) expect(preview.sections.betrokkenen).not.toContain(iban);
    expect(preview.html).not.toContain('wijkagent');
    expect(preview.html).toContain('TLP:AMBER');
    expect(preview.html).not.toMatch(/TLP:RED[^,]/); // only in the reason "TLP:RED, alleen voor ..."

    await session.call('document.printed', { documentId: saved.document.id, version: saved.version.version, audience: DRIEHOEK_AUDIENCE });
    const register = await session.call('disclosure.list', { dossierId });
    expect(register[0]).toMatchObject({ output: 'preweegdocument', channel: 'print', audience: DRIEHOEK_AUDIENCE, marking: 'AMBER' });
  });

  it('lets an override take a chosen withheld fact along, with its reason in the output and the register', async () => {
    const draft = await session.call('document.compose', { dossierId, audience: INTERNAL });
    const override = { reason: 'Afgestemd met de politie (demo)', items: [{ kind: 'note' as const, id: redNoteId }] };
    const preview = await session.call('document.printView', { documentId: draft.document.id, audience: DRIEHOEK_AUDIENCE, override });
    expect(allText(preview.sections)).toContain(RED_NOTE);
    expect(preview.sharing.marking).toBe('RED');
    expect(preview.sharing.withheldLines).toContain('1 gegeven toch meegegeven, reden: Afgestemd met de politie (demo)');
    await session.call('document.printed', { documentId: draft.document.id, version: 1, audience: DRIEHOEK_AUDIENCE, override });
    const register = await session.call('disclosure.list', { dossierId });
    expect(register[0]).toMatchObject({ channel: 'print', overridden: [{ kind: 'note', id: redNoteId }], overrideReason: 'Afgestemd met de politie (demo)' });
  });

  it('shows each item with the code it has now, when it changed after composing', async () => {
    const draft = await session.call('document.compose', { dossierId, audience: INTERNAL });
    expect(draft.sections.informatie_per_partner).toContain(`${AMBER_NOTE} [bron X, informatie 4, TLP:AMBER]`);
    // Lowered after composing (no handler changes a note's code yet: straight in the vault).
    const setCode = (tlp: TlpCode) => contextOf(session.core).db.prepare('UPDATE dossier_notes SET tlp = ? WHERE id = ?').run(tlp, amberNoteId);
    setCode('GREEN');
    try {
      const preview = await session.call('document.printView', { documentId: draft.document.id, audience: INTERNAL });
      expect(preview.sections.informatie_per_partner).toContain(`${AMBER_NOTE} [bron X, informatie 4, TLP:GREEN]`);
      expect(preview.sections.informatie_per_partner).not.toContain(`${AMBER_NOTE} [bron X, informatie 4, TLP:AMBER]`);
    } finally {
      setCode('AMBER');
    }
  });

  it('keeps an older version without fact lines under its own code, whole or not at all', async () => {
    const context = contextOf(session.core);
    const sections = Object.fromEntries(PREWEEG_SECTIONS.map((section) => [section, `Oude tekst van ${section}`]));
    const insert = (tlp: TlpCode, inDossier = dossierId): number => {
      const documentId = Number(
        context.db
          .prepare(`INSERT INTO documents (dossier_id, kind, title, created_at, created_by) VALUES (?, 'preweeg', 'Oud preweegdocument', ?, 'P')`)
          .run(inDossier, new Date().toISOString()).lastInsertRowid,
      );
      context.db
        .prepare(`INSERT INTO document_versions (document_id, version, origin, tlp, content, saved_at, saved_by) VALUES (?, 1, 'composed', ?, ?, ?, 'P')`)
        .run(documentId, tlp, JSON.stringify({ sections, included: { reporter: false, bsn: false, internalNotes: false }, omitted: [] }), new Date().toISOString());
      return documentId;
    };
    // Such a version counts as holding every fact of its dossier (it goes whole or not at all, marked by the
    // strictest of them and its own code): "whole" needs a dossier whose facts may all go to the driehoek.
    const plain = await session.call('dossier.create', { title: 'Dossier zonder beperkte gegevens (demo)', tlp: 'GREEN' });
    const strict = await session.call('document.printView', { documentId: insert('AMBER+STRICT', plain.id), audience: DRIEHOEK_AUDIENCE });
    expect(strict.sharing.marking).toBe('AMBER+STRICT');
    expect(strict.sections.aanleiding).toBe('Oude tekst van aanleiding');
    expect(strict.html).toContain('TLP:AMBER+STRICT');

    // Its own RED code keeps it from the driehoek, even when every fact of the dossier may go.
    const red = await session.call('document.printView', { documentId: insert('RED', plain.id), audience: DRIEHOEK_AUDIENCE });
    expect(red.sharing.marking).toBe('RED');
    expect(red.sections.aanleiding).toBe(PART_WITHHELD_NOTICE);
    expect(red.html).not.toContain('Oude tekst');

    // In this dossier the RED police note and the RED accounts keep even the AMBER+STRICT version back, marked RED.
    const held = await session.call('document.printView', { documentId: insert('AMBER+STRICT'), audience: DRIEHOEK_AUDIENCE });
    expect(held.sharing.marking).toBe('RED');
    expect(held.sections.aanleiding).toBe(PART_WITHHELD_NOTICE);
    expect(held.html).not.toContain('Oude tekst');
  });

  it.skipIf(!hasChromium)(
    'writes the driehoek PDF with the marking on every page and no item stricter than it, recorded in the register',
    async () => {
      const draft = await session.call('document.compose', { dossierId });
      const target = path.join(folder, 'driehoek.pdf');
      const written = await session.call('document.exportPdf', { documentId: draft.document.id, targetPath: target });
      expect(written.sharing).toMatchObject({ marking: 'AMBER', audience: DRIEHOEK_AUDIENCE });
      const pages = await pdfPageTexts(target);
      for (const page of pages) expect(page).toContain('TLP:AMBER');
      const text = pages.join('\n');
      expect(text).not.toContain(RED_NOTE.slice(0, 40));
      for (const code of itemCodes(text.replace(/\s+/g, ' '))) expect(stricterThan(code, 'AMBER'), code).toBe(false);
      const register = await session.call('disclosure.list', { dossierId });
      expect(register[0]).toMatchObject({ output: 'preweegdocument', channel: 'pdf', marking: 'AMBER' });
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'marks the informatieplein signal sheet with its strictest remaining item and leaves the RED accounts off',
    async () => {
      const target = path.join(folder, 'signaalblad.pdf');
      const sheet = await session.call('document.signalSheetPdf', { signalId, targetPath: target });
      expect(sheet.summary.marking).toBe('AMBER');
      expect(sheet.summary.withheld.map((fact) => fact.ref.id).sort()).toEqual([...bankLinks].sort());
      expect(sheet.withheldLines).toEqual(['2 gegevens: TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven']);
      const [page] = await pdfPageTexts(target);
      expect(page).toContain('TLP:AMBER · Signaal');
      expect(page).toContain('Karel Kapper (demo)');
      for (const iban of IBANS) expect(page).not.toContain(iban);
      expect(page).toContain('2 gegevens: TLP:RED');
      for (const code of itemCodes(page!)) expect(stricterThan(code, 'AMBER'), code).toBe(false);
      const register = await session.call('disclosure.list', { dossierId });
      expect(register[0]).toMatchObject({ output: 'signal-sheet', channel: 'pdf', marking: 'AMBER' });
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'leaves the signal itself off a sheet for a private party, and says why',
    async () => {
      const target = path.join(folder, 'signaalblad-woningcorporatie.pdf');
      const sheet = await session.call('document.signalSheetPdf', { signalId, targetPath: target, audience: WONINGCORPORATIE });
      expect(sheet.summary.withheld.map((fact) => fact.ref)).toContainEqual({ kind: 'signal', id: signalId });
      const [page] = await pdfPageTexts(target);
      expect(page).not.toContain(SIGNAL);
      expect(page).not.toContain('Kerkstraat 1');
      expect(page).toContain('Weggelaten: dit signaal mag niet naar deze ontvangers.');
      expect(page).toContain('art. 10 AVG');
    },
    60_000,
  );
});
