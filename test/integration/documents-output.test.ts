import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../electron/core/demo/demo-data';
import { findChromium } from '../../electron/core/documents/pdf';
import { PREWEEG_SECTIONS, PREWEEG_SECTION_TITLES_NL, type DocumentVersion } from '../../shared/api/documents';
import { docxPart, pdfPageTexts, wordParagraphs } from '../support/document-files';
import { makeTempFolder } from '../support/temp-vault';
import { writeProvenance } from '../../electron/core/sharing/provenance';
import { contextOf } from './support/core-context';
import { openDossierCore } from './support/dossier-core';

type Session = Awaited<ReturnType<typeof openDossierCore>>;

const hasChromium = findChromium().path !== null;

describe('preweegdocument output', () => {
  let session: Session;
  let document: DocumentVersion;
  const folder = makeTempFolder();

  beforeAll(async () => {
    session = await openDossierCore();
    await generateDemoData(session.core);
    const dossiers = await session.call('dossier.list', { limit: 50 });
    const dossier = dossiers.items.find((item) => item.title.startsWith('Hennepkwekerij'))!;
    // For internal use: the layout is under test here, the regime in documents-sharing.test.ts.
    const draft = await session.call('document.compose', { dossierId: dossier.id, audience: { kind: 'internal' } });
    // Long enough for several pages, so that "every page" means something.
    const advice = Array.from({ length: 90 }, (_, index) => `- Adviespunt ${index + 1}: een integrale controle met partners.`).join('\n');
    document = await session.call('document.save', { documentId: draft.document.id, baseVersion: 1, sections: { eerste_advies: advice } });
  });

  it.skipIf(!hasChromium)(
    'writes a PDF whose every page carries CONCEPT, the handling code, dossier number, version, date and "pagina x van y"',
    async () => {
      const target = path.join(folder, 'preweeg.pdf');
      const result = await session.call('document.exportPdf', { documentId: document.document.id, targetPath: target });
      expect(result).toMatchObject({ path: target, version: 2 });
      expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
      const pages = await pdfPageTexts(target);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      const date = document.version.savedAt.slice(0, 10).split('-').reverse().join('-');
      pages.forEach((text, index) => {
        expect(text, `page ${index + 1}`).toContain('CONCEPT');
        expect(text, `page ${index + 1}`).toContain(`TLP:${document.tlp}`);
        expect(text, `page ${index + 1}`).toContain(`Dossier ${document.document.dossierNumber}`);
        expect(text, `page ${index + 1}`).toContain('Versie 2');
        expect(text, `page ${index + 1}`).toContain(date);
        expect(text, `page ${index + 1}`).toContain(`pagina ${index + 1} van ${pages.length}`);
      });
      const all = pages.join('\n');
      PREWEEG_SECTIONS.forEach((section, index) => expect(all).toContain(`${index + 1}. ${PREWEEG_SECTION_TITLES_NL[section]}`));
      expect(all).toContain('Adviespunt 90');

      // Exists now: only with overwrite.
      expect((await session.fail('document.exportPdf', { documentId: document.document.id, targetPath: target })).code).toBe('FILE_EXISTS');
    },
    60_000,
  );

  it('writes a Word document with the sections, and the marks with PAGE and NUMPAGES fields in header and footer', async () => {
    const target = path.join(folder, 'preweeg.docx');
    const result = await session.call('document.exportDocx', { documentId: document.document.id, targetPath: target, version: 1 });
    expect(result).toMatchObject({ path: target, version: 1 });
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    const body = wordParagraphs(docxPart(target, 'word/document.xml'));
    PREWEEG_SECTIONS.forEach((section, index) => expect(body).toContain(`${index + 1}. ${PREWEEG_SECTION_TITLES_NL[section]}`));
    expect(body).toContain('Status: CONCEPT');
    expect(body).toContain(`Dossiernummer: ${document.document.dossierNumber}`);
    expect(body.join('\n')).not.toContain('Adviespunt'); // version 1 was asked for
    expect(body.join('\n')).toContain('Politie bevestigt');

    const relations = docxPart(target, 'word/_rels/document.xml.rels');
    const headerPart = /Target="(header\d*\.xml)"/.exec(relations)![1];
    const footerPart = /Target="(footer\d*\.xml)"/.exec(relations)![1];
    const header = docxPart(target, `word/${headerPart}`);
    const footer = docxPart(target, `word/${footerPart}`);
    expect(wordParagraphs(header).join('')).toContain(`CONCEPT · Preweegdocument · Dossier ${document.document.dossierNumber} · Versie 1`);
    expect(wordParagraphs(header).join('')).toContain(`TLP:${document.tlp}`);
    expect(wordParagraphs(footer).join('')).toContain('pagina  van');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
  });

  it('records every export and print in the audit trail with its version, and each in the disclosure register', async () => {
    await session.call('document.printed', { documentId: document.document.id, version: 2 });
    const entries = await session.call('audit.list', { limit: 20, actions: ['document.exported', 'document.printed'] });
    const seen = entries.map((entry) => [entry.action, entry.details.format ?? null, entry.details.version]);
    expect(seen).toContainEqual(['document.printed', null, 2]);
    expect(seen).toContainEqual(['document.exported', 'docx', 1]);
    if (hasChromium) expect(seen).toContainEqual(['document.exported', 'pdf', 2]);
    const register = await session.call('disclosure.list', { dossierId: document.document.dossierId });
    const channels = register.filter((disclosure) => disclosure.output === 'preweegdocument').map((disclosure) => disclosure.channel);
    expect(channels.sort()).toEqual((hasChromium ? ['pdf', 'print', 'word'] : ['print', 'word']).sort());
    expect(register[0]).toMatchObject({ audience: { kind: 'internal' }, marking: document.tlp });
  });

  it('gives the print view the same template, with page numbers from @page margin boxes', async () => {
    const view = await session.call('document.printView', { documentId: document.document.id });
    expect(view.version).toBe(2);
    expect(view.html).toContain('counter(pages)');
    expect(view.html).toContain(`Dossier ${document.document.dossierNumber}`);
    expect(view.footerTemplate).toContain('class="totalPages"');
  });

  it.skipIf(!hasChromium)(
    'writes the informatieplein signal sheet on one page: what, where, who, the question; never the reporter',
    async () => {
      const signals = await session.call('signal.list', { dossierId: document.document.dossierId, limit: 10 });
      const signal = signals.items.find((item) => item.summary.startsWith('Sterke hennepgeur'))!;
      // The demo data has no provenance yet: the municipality's own signal and links, free to use, may go to the informatieplein.
      const context = contextOf(session.core);
      const own = { originator: 'gemeente', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' } as const;
      writeProvenance(context, 'signal', signal.id, own);
      for (const link of context.db.prepare('SELECT id FROM subject_dossier_links WHERE dossier_id = ?').pluck().all(document.document.dossierId) as number[]) {
        writeProvenance(context, 'dossier-link', link, own);
      }
      const target = path.join(folder, 'signaalblad.pdf');
      await session.call('document.signalSheetPdf', { signalId: signal.id, question: 'Herkent de Belastingdienst Voorbeeld Handel B.V.?', targetPath: target });
      const pages = await pdfPageTexts(target);
      expect(pages).toHaveLength(1);
      const text = pages[0]!;
      for (const expected of [
        'Signaal voor het informatieplein',
        'Wat',
        'Waar',
        'Wie',
        'Vraag aan de partners',
        'Proefstraat 12, Voorbeeldstad',
        'Jan Testpersoon: kopstuk',
        'Herkent de Belastingdienst Voorbeeld Handel B.V.?',
        `TLP:${signal.tlp}`,
        'pagina 1 van 1',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('T. Toezicht');
      const audit = await session.call('audit.list', { limit: 1, actions: ['document.signal-sheet-exported'] });
      expect(audit[0]!.details).toMatchObject({ signalId: signal.id, path: target });
      const register = await session.call('disclosure.list', { dossierId: document.document.dossierId });
      expect(register[0]).toMatchObject({ output: 'signal-sheet', channel: 'pdf' });
      expect(register[0]!.items).toContainEqual({ kind: 'signal', id: signal.id });
    },
    60_000,
  );
});
