import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierSummary, HandlerName, Input, Output } from '../../shared/api';
import { docxPart, pdfPageTexts, wordParagraphs } from '../support/document-files';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost } from './support/host';
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

  async function core<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> {
    const result = await testHost.host.core.call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as Output<K>;
  }

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

  it('composes a draft, edits a section, saves a version and compares it with the first', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: new RegExp(`^Dossier ${dossier.number} openen`) }).click();
    await page.getByRole('tab', { name: 'Preweegdocument', exact: true }).click();
    await expect.poll(() => panel().getByText('Er is nog geen preweegdocument voor dit dossier.').isVisible()).toBe(true);
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

    await output.getByRole('button', { name: 'PDF opslaan…' }).click();
    expect(await output.getByText('Vul eerst een bestandsnaam in.').isVisible()).toBe(true);
    await output.getByLabel('PDF opslaan in').fill(pdfPath);
    await output.getByRole('button', { name: 'PDF opslaan…' }).click();
    await expect.poll(() => output.getByText(`PDF van versie 2 opgeslagen: ${pdfPath}`).isVisible(), { timeout: 60_000 }).toBe(true);
    const pages = await pdfPageTexts(pdfPath);
    pages.forEach((text, index) => {
      expect(text).toContain(`CONCEPT · Preweegdocument · Dossier ${dossier.number} · Versie 2`);
      expect(text).toContain(`pagina ${index + 1} van ${pages.length}`);
      expect(text).toMatch(/TLP:[A-Z+]+/);
    });
    expect(pages.join('\n')).toContain('Start een Bibob-toets bij de exploitant');

    await output.getByLabel('Word-bestand opslaan in').fill(docxPath);
    await output.getByRole('button', { name: 'Word opslaan…' }).click();
    await expect.poll(() => output.getByText(`Word van versie 2 opgeslagen: ${docxPath}`).isVisible()).toBe(true);
    expect(wordParagraphs(docxPart(docxPath, 'word/document.xml'))).toContain(ADVICE);

    // Again to the same path: the app asks first.
    const before = fs.statSync(docxPath).mtimeMs;
    await output.getByRole('button', { name: 'Word opslaan…' }).click();
    await expect.poll(() => output.getByText(`Op ${docxPath} staat al een bestand.`).isVisible()).toBe(true);
    expect(fs.statSync(docxPath).mtimeMs).toBe(before);
    await output.getByRole('button', { name: 'Overschrijven' }).click();
    await expect.poll(() => output.getByText(`Word van versie 2 opgeslagen: ${docxPath}`).isVisible()).toBe(true);

    const audit = await core('audit.list', { limit: 20, actions: ['document.exported'] });
    expect(audit.map((entry) => [entry.details.format, entry.details.version])).toEqual([
      ['docx', 2],
      ['docx', 2],
      ['pdf', 2],
    ]);
  });
});
