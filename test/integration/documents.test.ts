import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../electron/core/demo/demo-data';
import { PREWEEG_SECTIONS } from '../../shared/api/documents';
import type { DossierSummary } from '../../shared/api/dossier-types';
import { openDossierCore, TEST_ACTOR } from './support/dossier-core';

type Session = Awaited<ReturnType<typeof openDossierCore>>;

const FICTIONAL_BSN = '111222333'; // passes the elfproef, plainly made up
// The protections of the reporter, BSNs and internal notes hold whoever the document is for: these tests compose for internal use, so that the sharing regime (documents-sharing.test.ts) leaves nothing else out.
const INTERNAL = { kind: 'internal' } as const;
const grading = (fact: { sourceGrade: string; informationGrade: number; tlp: string }) => `[bron ${fact.sourceGrade}, informatie ${fact.informationGrade}, TLP:${fact.tlp}]`;

describe('preweegdocumenten', () => {
  let session: Session;
  let dossier: DossierSummary;

  beforeAll(async () => {
    session = await openDossierCore();
    await generateDemoData(session.core);
    const dossiers = await session.call('dossier.list', { limit: 50 });
    dossier = dossiers.items.find((item) => item.title.startsWith('Hennepkwekerij'))!;
    // A person with a BSN and a melder link: the protected fields the draft must leave out.
    const person = await session.call('subject.create', { details: { type: 'person', name: 'Piet Proefpersoon (demo)', bsn: FICTIONAL_BSN } });
    await session.call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'betrokkene', sourceGrade: 'B', informationGrade: 2 });
    const reporter = await session.call('subject.create', { details: { type: 'person', name: 'Mevrouw Meldster (demo)' } });
    await session.call('subject.linkToDossier', { subjectId: reporter.id, dossierId: dossier.id, role: 'melder' });
  });

  it('composes every section from the dossier’s facts with their grading, and leaves protected fields out', async () => {
    const draft = await session.call('document.compose', { dossierId: dossier.id, audience: INTERNAL });
    expect(draft.version).toMatchObject({ version: 1, origin: 'composed', savedBy: TEST_ACTOR });
    expect(draft.document).toMatchObject({ dossierId: dossier.id, dossierNumber: dossier.number, latestVersion: 1 });
    for (const section of PREWEEG_SECTIONS) expect(draft.sections[section].trim(), section).not.toBe('');

    const signals = await session.call('signal.list', { dossierId: dossier.id, limit: 50 });
    expect(signals.total).toBeGreaterThan(0);
    for (const signal of signals.items) expect(draft.sections.aanleiding).toContain(`${signal.summary} ${grading(signal)}`);

    const notes = await session.call('note.list', { dossierId: dossier.id, limit: 50 });
    const shared = notes.items.filter((note) => !note.internal);
    const internal = notes.items.filter((note) => note.internal);
    expect(shared.length).toBeGreaterThan(0);
    expect(internal.length).toBeGreaterThan(0);
    for (const note of shared) expect(draft.sections.informatie_per_partner).toContain(`${note.body} ${grading(note)}`);
    expect(draft.sections.informatie_per_partner).toMatch(/^Politie:$/m);
    for (const note of internal) expect(JSON.stringify(draft.sections)).not.toContain(note.body);

    expect(draft.sections.betrokkenen).toContain('Piet Proefpersoon (demo)');
    expect(draft.sections.betrokkenen).toContain(`betrokkene ${grading({ sourceGrade: 'B', informationGrade: 2, tlp: 'AMBER+STRICT' })}`);
    expect(draft.sections.handelingsperspectieven).toContain('Art. 13b Opiumwet – last onder dwangsom (lopend, Gemeente – handhaving)');
    expect(draft.sections.handelingsperspectieven).toContain('Barrièremodel');
    expect(draft.sections.kop).toContain(dossier.number);

    const everything = JSON.stringify(draft.sections);
    expect(everything).not.toContain(FICTIONAL_BSN);
    expect(everything).not.toContain('Meldster');
    expect(everything).not.toContain('T. Toezicht');
    expect(draft.included).toEqual({ reporter: false, bsn: false, internalNotes: false });
    expect(draft.omitted).toEqual([
      { kind: 'reporter', count: 2 },
      { kind: 'bsn', count: 1 },
      { kind: 'internalNotes', count: internal.length },
    ]);
    expect(draft.sections.verantwoording).toContain('Weggelaten beschermde gegevens:');
    expect(draft.sections.verantwoording).toContain('BSN van 1 persoon');
    expect(draft.audience).toEqual(INTERNAL);
    expect(draft.sharing).toMatchObject({ withheld: [], overridden: [] });
    expect(draft.sections.verantwoording).toContain('- Opgesteld voor: intern gebruik');
    expect(draft.sections.verantwoording).not.toContain('Weggelaten volgens de verstrekkingsregels');
  });

  it('includes the protected fields when the user includes them for this document', async () => {
    const draft = await session.call('document.compose', { dossierId: dossier.id, include: { reporter: true, bsn: true, internalNotes: true }, audience: INTERNAL });
    const everything = JSON.stringify(draft.sections);
    expect(everything).toContain(`BSN ${FICTIONAL_BSN}`);
    expect(everything).toContain('Mevrouw Meldster (demo)');
    expect(draft.sections.aanleiding).toContain('Melder: T. Toezicht (demo)');
    expect(everything).toContain('(intern)');
    expect(draft.omitted).toEqual([]);
    const audit = await session.call('audit.list', { limit: 20, actions: ['document.composed'] });
    expect(audit[0]!.details).toMatchObject({ documentId: draft.document.id, version: 1, included: ['reporter', 'bsn', 'internalNotes'] });
  });

  it('keeps every version (who, when), refuses a save on a stale version, and compares two versions per section', async () => {
    const first = await session.call('document.compose', { dossierId: dossier.id });
    const documentId = first.document.id;
    const advice = 'Start een Bibob-toets en een integrale controle.\nBespreek in de casustafel.';
    const second = await session.call('document.save', { documentId, baseVersion: 1, sections: { eerste_advies: advice }, tlp: 'RED', comment: 'Advies ingevuld' });
    expect(second.version).toMatchObject({ version: 2, origin: 'edited', savedBy: TEST_ACTOR, comment: 'Advies ingevuld' });
    expect(second.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(second.sections.eerste_advies).toBe(advice);
    expect(second.sections.aanleiding).toBe(first.sections.aanleiding);
    expect(second.tlp).toBe('RED');
    // Never lower than what the version holds: a lower code is not taken.
    const lower = await session.call('document.save', { documentId, baseVersion: 2, sections: {}, tlp: 'CLEAR' });
    expect(lower.tlp).toBe(first.tlp);
    const restored = await session.call('document.save', { documentId, baseVersion: 3, sections: {}, tlp: 'RED' });
    expect(restored.tlp).toBe('RED');

    const stale = await session.fail('document.save', { documentId, baseVersion: 1, sections: { eerste_advies: 'ander advies' } });
    expect(stale).toMatchObject({ code: 'DOCUMENT_CHANGED', details: { latestVersion: 4 } });

    const third = await session.call('document.save', { documentId, baseVersion: 4, sections: { eerste_advies: `${advice}\nEn een stopgesprek.` } });
    expect(third.version.version).toBe(5);

    const old = await session.call('document.get', { documentId, version: 1 });
    expect(old.sections.eerste_advies).toBe(first.sections.eerste_advies);
    expect(old.versions).toHaveLength(5);
    const latest = await session.call('document.get', { documentId });
    expect(latest.version.version).toBe(5);

    const comparison = await session.call('document.compare', { documentId, fromVersion: 1, toVersion: 5 });
    expect(comparison.tlpChanged).toEqual({ from: first.tlp, to: 'RED' });
    const changed = comparison.sections.filter((section) => section.changed).map((section) => section.section);
    expect(changed).toEqual(['eerste_advies']);
    const adviceLines = comparison.sections.find((section) => section.section === 'eerste_advies')!.lines;
    expect(adviceLines).toEqual([
      { kind: 'removed', text: first.sections.eerste_advies },
      { kind: 'added', text: 'Start een Bibob-toets en een integrale controle.' },
      { kind: 'added', text: 'Bespreek in de casustafel.' },
      { kind: 'added', text: 'En een stopgesprek.' },
    ]);

    const listed = await session.call('document.list', { dossierId: dossier.id });
    expect(listed.find((document) => document.id === documentId)).toMatchObject({ latestVersion: 5, updatedBy: TEST_ACTOR });
    const missing = await session.fail('document.get', { documentId, version: 9 });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('hides documents with a trashed dossier', async () => {
    const other = await session.call('dossier.create', { title: 'Tijdelijk dossier (demo)' });
    const draft = await session.call('document.compose', { dossierId: other.id });
    await session.call('trash.move', { kind: 'dossier', id: other.id });
    expect((await session.fail('document.get', { documentId: draft.document.id })).code).toBe('NOT_FOUND');
  });
});
