import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost, coreCaller } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

/**
 * The intake journey in one go, on the demo vault: take in a signal, turn it into a dossier, add
 * a person and an address, see that the address also occurs in demo dossiers, find it all with the
 * search box, look at the demo attachments, and read the audit trail of what was done.
 */
const PASSPHRASE = 'een lang genoeg wachtwoord voor de reis 2026';
const SUMMARY = 'Bezoekers met tassen bij Proefstraat 12 na sluitingstijd';
const PERSON = 'Wibo Reisproef';
const HENNEP_TITLE = 'Hennepkwekerij in bedrijfspand Proefstraat 12';
const STEP = 90_000;

describe.skipIf(skipWithoutBrowser)('intake end to end: signal → dossier → subjects → match → search → attachments → audit', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let dossierNumber = '';

  const core = coreCaller(() => testHost);
  const main = () => page.getByRole('main');
  const nav = (name: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    await testHost?.stop();
  });

  it('takes in a signal and makes it a dossier', { timeout: STEP }, async () => {
    const signalsBefore = (await core('signal.list', { limit: 1 })).total;
    await main().getByRole('button', { name: 'Nieuw signaal' }).click();
    await page.getByLabel('Samenvatting (verplicht)').fill(SUMMARY);
    await page.getByLabel('Omschrijving').fill('Gemeld door een medewerker van de buitendienst.');
    await page.getByLabel('Locatie').fill('Proefstraat 12, Voorbeeldstad');
    await checkScreen(page, 'intake-journey-01-intake');
    await page.getByLabel('Locatie').press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Het signaal ‘${SUMMARY}’ is vastgelegd.` })
      .waitFor();
    expect((await core('signal.list', { limit: 1 })).total).toBe(signalsBefore + 1);

    await page.getByRole('button', { name: 'Naar het signaal' }).click();
    await page.getByRole('heading', { level: 1, name: SUMMARY }).waitFor();
    await page.getByRole('button', { name: 'Nieuw dossier van dit signaal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw dossier van dit signaal' });
    await dialog.getByRole('button', { name: 'Dossier maken' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`^\\d{4}-\\d{4} ${SUMMARY}$`));
    dossierNumber = (await heading.innerText()).slice(0, 9);
    const created = (await core('dossier.list', { sort: 'number', direction: 'desc', limit: 1 })).items[0]!;
    expect(created).toMatchObject({ number: dossierNumber, title: SUMMARY, status: 'ontvangen' });
    expect((await core('dossier.get', { dossierId: created.id })).signals.map((signal) => signal.summary)).toEqual([SUMMARY]);
    await checkScreen(page, 'intake-journey-02-new-dossier');
  });

  it('adds a person and an address, and says where the address also occurs', { timeout: STEP }, async () => {
    await page.getByRole('tab', { name: 'Subjecten' }).click();
    await main().getByRole('button', { name: 'Subject toevoegen' }).click();
    let form = main().getByRole('region', { name: 'Subject toevoegen' });
    await form.getByLabel('Soort subject').selectOption('person');
    await form.getByLabel('Naam', { exact: true }).fill(PERSON);
    await form.getByLabel('Geboortedatum (optioneel)').fill('03-02-1979');
    await form.getByLabel('Rol', { exact: true }).selectOption('kopstuk');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();
    await expect.poll(() => main().locator('tr', { hasText: PERSON }).first().isVisible()).toBe(true);

    await main().getByRole('button', { name: 'Subject toevoegen' }).click();
    form = main().getByRole('region', { name: 'Subject toevoegen' });
    await form.getByLabel('Soort subject').selectOption('address');
    await form.getByLabel('Postcode (optioneel)').fill('9999 ZA');
    await form.getByLabel('Huisnummer (optioneel)').fill('12');
    await form.getByLabel('Straat (optioneel)').fill('Proefstraat');
    await form.getByLabel('Plaats (optioneel)').fill('Voorbeeldstad');
    await form.getByLabel('Rol', { exact: true }).selectOption('locatie');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();
    const hint = main().getByRole('status').filter({ hasText: 'komt ook voor in' });
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.innerText()).toContain(HENNEP_TITLE);
    await checkScreen(page, 'intake-journey-03-match-hint');

    const dossierId = (await core('dossier.list', { sort: 'number', direction: 'desc', limit: 1 })).items[0]!.id;
    const roles = (await core('dossier.get', { dossierId })).subjects.map((link) => [link.subject.label, link.role]);
    expect(roles).toEqual(
      expect.arrayContaining([
        [expect.stringContaining(PERSON), 'kopstuk'],
        [expect.stringContaining('Proefstraat 12'), 'locatie'],
      ]),
    );
    const matchedIn = (await core('dossier.matches', { dossierId })).flatMap((match) => match.dossiers.map((entry) => entry.dossier.title));
    expect(matchedIn).toContain(HENNEP_TITLE);
  });

  it('finds the new dossier, its signal and the person with the search box', { timeout: STEP }, async () => {
    const box = page.getByRole('searchbox', { name: 'Zoeken in de kluis' });
    await box.fill('sluitingstijd');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Zoekresultaten/ }).waitFor();
    for (const group of ['Dossiers', 'Signalen']) {
      const section = main().getByRole('region', { name: new RegExp(`^${group}`) });
      await expect.poll(() => section.getByRole('link', { name: new RegExp(SUMMARY) }).count()).toBeGreaterThan(0);
    }
    expect(await main().locator('mark').first().innerText()).toMatch(/^sluitingstijd$/i);
    await checkScreen(page, 'intake-journey-04-search');

    await box.fill('reisproef');
    await box.press('Enter');
    const subjects = main().getByRole('region', { name: /^Subjecten/ });
    await expect.poll(() => subjects.getByRole('link', { name: new RegExp(PERSON) }).count()).toBe(1);
  });

  it('previews the demo attachments of the dossier the address leads to', { timeout: STEP }, async () => {
    const box = page.getByRole('searchbox', { name: 'Zoeken in de kluis' });
    await box.fill('hennepkwekerij bedrijfspand');
    await box.press('Enter');
    await main()
      .getByRole('region', { name: /^Dossiers/ })
      .getByRole('link', { name: new RegExp(HENNEP_TITLE) })
      .click();
    await page.getByRole('tab', { name: 'Bijlagen' }).click();
    await page.getByRole('button', { name: 'Voorbeeld van foto-voorgevel-proefstraat-12.png' }).click();
    const photo = page.getByRole('dialog', { name: 'Voorbeeld: foto-voorgevel-proefstraat-12.png' });
    const image = photo.getByRole('img');
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth), { timeout: 20_000 }).toBe(320);
    await checkScreen(page, 'intake-journey-05-photo-preview');
    await photo.getByRole('button', { name: 'Sluiten' }).click();

    await page.getByRole('button', { name: 'Voorbeeld van verslag-integrale-controle.pdf' }).click();
    const report = page.getByRole('dialog', { name: 'Voorbeeld: verslag-integrale-controle.pdf' });
    const canvas = report.getByRole('img', { name: 'Pagina 1 van 1 van verslag-integrale-controle.pdf' });
    await expect.poll(() => canvas.isVisible(), { timeout: 30_000 }).toBe(true);
    await report.getByText('Tekst van deze pagina').click();
    await expect.poll(() => report.getByText('Verslag integrale controle (FICTIEF - demogegevens)').isVisible()).toBe(true);
    await checkScreen(page, 'intake-journey-06-pdf-preview');
    await report.getByRole('button', { name: 'Sluiten' }).click();
  });

  it('reads what was done in the audit trail, and the chain is intact', { timeout: STEP }, async () => {
    await nav('Logboek');
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    const trail = main().getByRole('table');
    await expect.poll(() => trail.innerText()).toContain(`Dossier ${dossierNumber}`);
    const text = await trail.innerText();
    for (const sentence of ['Signaal vastgelegd', 'aangemaakt', 'Gezocht']) expect(text).toContain(sentence);
    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const verified = await core('audit.verify', {});
    expect(verified.intact).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `De keten is intact: ${verified.entries} regels gecontroleerd.` })
          .isVisible(),
      )
      .toBe(true);
    await checkScreen(page, 'intake-journey-07-audit');
    expect(session.problems).toEqual([]);
  });
});
