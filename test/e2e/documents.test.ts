import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierSummary } from '../../shared/api';
import { docxPart, pdfPageTexts, wordParagraphs } from '../support/document-files';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost, coreCaller } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'een preweegdocument is nooit af';
const STEP_TIMEOUT = 180_000;
const ADVICE = 'Start een Bibob-toets bij de exploitant en plan een integrale controle met politie en handhaving.';

describe.skipIf(skipWithoutBrowser)('the preweegdocument of a dossier, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let dossier: DossierSummary;

  const core = coreCaller(() => testHost);

  const panel = () => page.locator('[role="tabpanel"]:not([hidden])');

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
    dossier = (await core('dossier.list', { limit: 50 })).items.find((item) => item.title.startsWith('Hennepkwekerij'))!;
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('composes a draft, edits a section, saves a version and compares it with the first', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: new RegExp(`^Dossier ${dossier.number} openen`) }).click();
    await page.getByRole('tab', { name: 'Preweegdocument', exact: true }).click();
    await expect.poll(() => panel().getByText('Er is nog geen preweegdocument voor dit dossier.').isVisible()).toBe(true);
    // For internal use: the demo's facts carry no recorded restriction yet, so the default lokale driehoek would receive little.
    await panel().getByLabel('Intern gebruik (binnen de gemeente)').check();
    await panel().getByRole('button', { name: 'Concept opstellen' }).click();

    const advice = panel().getByLabel('8. Eerste advies integrale aanpak');
    await expect.poll(() => advice.isVisible()).toBe(true);
    // The facts came in with their grading; what was left out is named.
    const aanleiding = await panel().getByLabel('2. Aanleiding').inputValue();
    expect(aanleiding).toContain('Sterke hennepgeur en afgeplakte ramen bij Proefstraat 12');
    expect(aanleiding).toMatch(/\[bron [ABCX], informatie [1-4], TLP:[A-Z+]+\]/);
    expect(aanleiding).not.toContain('T. Toezicht');
    const omitted = panel().getByRole('note', { name: 'Weggelaten beschermde gegevens' });
    expect(await omitted.innerText()).toContain('Identiteit van de melder (1×)');
    expect(await omitted.innerText()).toContain('1 interne notitie');

    await advice.fill(ADVICE);
    expect(await panel().getByText('Niet opgeslagen wijzigingen').isVisible()).toBe(true);
    await panel().getByLabel('Toelichting bij deze versie (optioneel)').fill('Advies ingevuld');
    await panel().getByRole('button', { name: 'Versie opslaan' }).click();
    await expect.poll(() => panel().getByText('Versie 2 is opgeslagen.').isVisible()).toBe(true);
    const [saved] = await core('document.list', { dossierId: dossier.id });
    expect(saved).toMatchObject({ latestVersion: 2, updatedBy: 'J. de Vries' });
    await checkScreen(page, 'documents-01-editor');

    const compare = panel().getByRole('region', { name: 'Versies vergelijken' });
    await compare.getByLabel('Oudere versie').selectOption('1');
    await compare.getByLabel('Nieuwere versie').selectOption('2');
    await compare.getByRole('button', { name: 'Vergelijken' }).click();
    await expect.poll(() => compare.getByRole('heading', { name: 'Verschillen tussen versie 1 en versie 2' }).isVisible()).toBe(true);
    expect(await compare.locator('ins').innerText()).toContain(ADVICE);
    expect(await compare.locator('del').first().innerText()).toContain('[Eerste advies voor een integrale aanpak');
    expect(await compare.getByRole('heading', { level: 4 }).allInnerTexts()).toEqual(['Eerste advies integrale aanpak']);
    await compare.scrollIntoViewIfNeeded();
    await checkScreen(page, 'documents-02-compare');

    // An older version is shown read-only.
    await panel().getByLabel('Versie', { exact: true }).selectOption('1');
    await expect.poll(() => panel().getByText('U bekijkt een oudere versie.', { exact: false }).isVisible()).toBe(true);
    expect(await advice.getAttribute('readonly')).not.toBeNull();
    await panel().getByRole('button', { name: 'Naar de nieuwste versie' }).click();
    await expect.poll(() => advice.inputValue()).toBe(ADVICE);
  });

  it('saves the version as PDF and Word through the UI, with the marks, asking before it overwrites', { timeout: STEP_TIMEOUT }, async () => {
    const pdfPath = path.join(testHost.dataDir, 'uit', 'preweeg.pdf');
    const docxPath = path.join(testHost.dataDir, 'uit', 'preweeg.docx');
    const output = panel().getByRole('region', { name: 'Afdrukken en exporteren' });

    // The field starts with a whole file name beside the vault; emptied, it asks for one.
    expect(await output.getByLabel('PDF opslaan als').inputValue()).toBe(path.join(testHost.dataDir, `preweegdocument-${dossier.number}-v2.pdf`));
    await output.getByLabel('PDF opslaan als').fill('');
    await output.getByRole('button', { name: 'PDF opslaan…' }).click();
    expect(await output.getByText('Vul eerst een bestandsnaam in.').isVisible()).toBe(true);
    await output.getByLabel('PDF opslaan als').fill(pdfPath);
    await output.getByRole('button', { name: 'PDF opslaan…' }).click();
    await expect
      .poll(() => output.getByText(new RegExp(`PDF van versie 2 opgeslagen \\(TLP:[A-Z+]+\\): ${escapeRegExp(pdfPath)}`)).isVisible(), { timeout: 60_000 })
      .toBe(true);
    const pages = await pdfPageTexts(pdfPath);
    pages.forEach((text, index) => {
      expect(text).toContain(`CONCEPT · Preweegdocument · Dossier ${dossier.number} · Versie 2`);
      expect(text).toContain(`pagina ${index + 1} van ${pages.length}`);
      expect(text).toMatch(/TLP:[A-Z+]+/);
    });
    expect(pages.join('\n')).toContain('Start een Bibob-toets bij de exploitant');

    await output.getByLabel('Word-bestand opslaan als').fill(docxPath);
    await output.getByRole('button', { name: 'Word opslaan…' }).click();
    await expect.poll(() => output.getByText(new RegExp(`Word van versie 2 opgeslagen \\(TLP:[A-Z+]+\\): ${escapeRegExp(docxPath)}`)).isVisible()).toBe(true);
    expect(wordParagraphs(docxPart(docxPath, 'word/document.xml'))).toContain(ADVICE);

    // Again to the same path: the app asks first.
    const before = fs.statSync(docxPath).mtimeMs;
    await output.getByRole('button', { name: 'Word opslaan…' }).click();
    await expect.poll(() => output.getByText(`Op ${docxPath} staat al een bestand.`).isVisible()).toBe(true);
    expect(fs.statSync(docxPath).mtimeMs).toBe(before);
    await output.getByRole('button', { name: 'Overschrijven' }).click();
    await expect.poll(() => output.getByText(new RegExp(`Word van versie 2 opgeslagen \\(TLP:[A-Z+]+\\): ${escapeRegExp(docxPath)}`)).isVisible()).toBe(true);

    const audit = await core('audit.list', { limit: 20, actions: ['document.exported'] });
    expect(audit.map((entry) => [entry.details.format, entry.details.version])).toEqual([
      ['docx', 2],
      ['docx', 2],
      ['pdf', 2],
    ]);

    // For a private party the dialog shows, before anything leaves, what the regime leaves out and why, and offers an override with a reason.
    await output.getByRole('checkbox', { name: 'Woningcorporatie', exact: true }).check();
    const withheld = output.getByRole('note', { name: 'Weggelaten volgens de verstrekkingsregels' });
    await expect.poll(() => withheld.getByText('strafrechtelijke persoonsgegevens (art. 10 AVG)', { exact: false }).first().isVisible()).toBe(true);
    await withheld.getByRole('checkbox').first().check();
    await expect.poll(() => output.getByLabel('Reden om toch mee te geven').isVisible()).toBe(true);
  });

  it(
    'prepares a casustafel with two dossiers, records a decision and an action, and carries the outcome into the dossier after confirmation',
    { timeout: STEP_TIMEOUT },
    async () => {
      const shisha = (await core('dossier.list', { limit: 50 })).items.find((item) => item.title.startsWith('Drugshandel vanuit Shishalounge'))!;
      expect(shisha.status).toBe('aanpak');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Overleggen' }).isVisible()).toBe(true);
      const form = page.getByRole('region', { name: 'Nieuw overleg' });
      await form.getByLabel('Soort overleg').selectOption('casustafel');
      await form.getByLabel('Plaats').fill('Stadhuis, kamer 2.14');
      // Participants by organisation: the agenda is drafted for them (the sharing regime).
      for (const [name, organisation] of [
        ['J. de Vries', 'gemeente_handhaving'],
        ['W. Agent', 'politie'],
      ]) {
        await form.getByLabel('Naam', { exact: true }).fill(name!);
        await form.getByLabel('Organisatie', { exact: true }).selectOption(organisation!);
        await form.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
      }
      await form.getByRole('button', { name: 'Overleg aanmaken' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1, name: /^Casustafel – \d{2}-\d{2}-\d{4}$/ }).isVisible()).toBe(true);
      expect(await page.getByText('J. de Vries, Gemeente – handhaving; W. Agent, Politie').isVisible()).toBe(true);

      const agenda = page.getByRole('region', { name: 'Agenda' });
      await agenda.getByLabel('Dossier op de agenda').selectOption({ label: `${shisha.number} ${shisha.title}` });
      await agenda.getByRole('button', { name: 'Toevoegen' }).first().click();
      const first = agenda.getByRole('article', { name: `Agendapunt 1: ${shisha.number} ${shisha.title}` });
      await expect.poll(() => first.isVisible()).toBe(true);
      await agenda.getByLabel('Dossier op de agenda').selectOption({ label: `${dossier.number} ${dossier.title}` });
      await agenda.getByRole('button', { name: 'Toevoegen' }).first().click();
      const second = agenda.getByRole('article', { name: `Agendapunt 2: ${dossier.number} ${dossier.title}` });
      await expect.poll(() => second.isVisible()).toBe(true);
      const drafted = await first.getByLabel('Samenvatting (opgesteld uit het dossier, te bewerken)').inputValue();
      expect(drafted).toContain('Fenomeen: Handel in hard- en softdrugs. Status: Projectgroep / casustafel.');
      expect(drafted).toMatch(/Belangrijkste subjecten:\n- .+\[bron [ABCX], informatie [1-4], TLP:/);
      await checkScreen(page, 'meetings-02-agenda');

      await first.getByLabel('Uitkomst').selectOption('besluit');
      await first.getByLabel('Besluiten').fill('Overgaan tot interventies: sluiting achterdeur en controle.');
      await first.getByRole('button', { name: 'Agendapunt opslaan' }).click();
      await expect.poll(() => first.getByText('Agendapunt 1 is opgeslagen.').isVisible()).toBe(true);
      await first.getByText('Actie toevoegen', { exact: true }).first().click();
      await first.getByLabel('Wie').fill('W. Agent');
      await first.getByLabel('Wat').fill('Controle bij de achterdeur');
      await first.getByLabel('Wanneer').fill('01-01-2026');
      await first.getByLabel('Partner').selectOption('politie');
      await first.getByRole('button', { name: 'Actie toevoegen' }).click();
      await expect.poll(() => first.getByText('Controle bij de achterdeur').first().isVisible()).toBe(true);

      // Nothing reaches the dossier before the user confirms.
      expect((await core('dossier.get', { dossierId: shisha.id })).status).toBe('aanpak');
      await first.getByRole('button', { name: 'Uitkomst verwerken in dossier…' }).click();
      const dialog = page.getByRole('dialog', { name: `Uitkomst verwerken in dossier ${shisha.number}` });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await dialog.getByLabel('Nieuwe status').selectOption('interventie');
      expect(await dialog.getByLabel('Journaalnotitie').inputValue()).toContain('Besluit — Overgaan tot interventies');
      await checkScreen(page, 'meetings-03-outcome');
      await dialog.getByRole('button', { name: 'Bevestigen en verwerken' }).click();
      await expect.poll(() => first.getByText(/^Verwerkt in het dossier op/).isVisible()).toBe(true);
      expect((await core('dossier.get', { dossierId: shisha.id })).status).toBe('interventie');
      const notes = await core('note.list', { dossierId: shisha.id, limit: 1 });
      expect(notes.items[0]!.body).toContain('Overgaan tot interventies: sluiting achterdeur en controle.');

      // The verslag as PDF, with the handling code and page numbers on every page.
      // Through the print preview, for the participants (the sharing regime decides what goes).
      const print = page.getByRole('region', { name: 'Afdrukvoorbeeld: wat gaat er mee' });
      const verslag = path.join(testHost.dataDir, 'uit', 'verslag.pdf');
      await print.getByLabel('Stuk', { exact: true }).selectOption('verslag');
      await print.getByLabel('PDF opslaan als').fill(verslag);
      await print.getByRole('button', { name: 'Verslag als PDF…' }).click();
      await expect.poll(() => print.getByText(`Verslag opgeslagen: ${verslag}`).isVisible(), { timeout: 60_000 }).toBe(true);
      const verslagPages = await pdfPageTexts(verslag);
      verslagPages.forEach((text, index) => {
        expect(text).toContain('TLP:AMBER+STRICT');
        expect(text).toContain(`pagina ${index + 1} van ${verslagPages.length}`);
      });
      expect(verslagPages.join('\n')).toContain('Controle bij de achterdeur');

      // The follow-up overview: the action is open and overdue.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
      const overview = page.getByTestId('open-actions');
      await expect.poll(() => overview.isVisible()).toBe(true);
      const row = overview.getByRole('row').filter({ hasText: 'Controle bij de achterdeur' });
      expect(await row.innerText()).toContain('Verlopen');
      expect(await row.innerText()).toContain(shisha.number);
      expect(await row.innerText()).toContain('Politie');
      await checkScreen(page, 'meetings-01-list');
      await row.getByRole('button', { name: 'Afronden: Controle bij de achterdeur' }).click();
      await expect.poll(() => page.getByText('Er zijn geen open acties.').isVisible()).toBe(true);
    },
  );
});
