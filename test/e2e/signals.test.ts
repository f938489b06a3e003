import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api';
import { localIsoDate } from '../../shared/domain/validation';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { callCore, startHostWithDemoVault, startHostWithLockedVault, type TestHost } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'fiets tegen de wind in langs het kanaal';
const STEP_TIMEOUT = 90_000;
const MASS_SIGNALS = 3_000;

const signalTotal = async (testHost: TestHost, filter: Omit<Input<'signal.list'>, 'limit'> = {}) => (await callCore(testHost, 'signal.list', { ...filter, limit: 1 })).total;

const isFocused = (page: Page, locator: ReturnType<Page['locator']>) => locator.evaluate((element) => element === document.activeElement);

/** The number the list says it shows ("42 signalen"). */
async function shownCount(page: Page): Promise<number | null> {
  const text = await page.locator('.signals-list__count').innerText();
  // Dutch thousands separators: "3.003 signalen".
  const match = /^(\d{1,3}(?:\.\d{3})*) signa(al|len)$/.exec(text.trim());
  return match ? Number(match[1]!.replaceAll('.', '')) : null;
}

/** The form field (label, error, input) around the input with this label. */
const fieldAround = (page: Page, label: string) => page.locator('.utrecht-form-field', { has: page.getByLabel(label, { exact: true }) });

describe.skipIf(skipWithoutBrowser)('signals on a fresh vault, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  const today = localIsoDate(new Date());
  const [year, month, day] = today.split('-');
  const todayShown = `${day}-${month}-${year}`;

  beforeAll(async () => {
    testHost = await startHostWithLockedVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('takes in a signal by keyboard alone, well under a minute', { timeout: STEP_TIMEOUT }, async () => {
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
    const summary = 'Wietlucht bij garagebox achter de Proefstraat';

    // From here on only the keyboard: the list's heading has the focus after unlocking.
    const started = performance.now();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nieuw signaal' }).waitFor();
    const dateField = page.getByLabel('Ontvangen op');
    expect(await isFocused(page, dateField)).toBe(true);
    expect(await dateField.inputValue()).toBe(todayShown);

    await page.keyboard.press('Tab'); // Binnengekomen via: the select jumps to what is typed.
    await page.keyboard.type('Burger');
    await page.keyboard.press('Tab'); // Fenomeen of subvorm
    await page.keyboard.type('Hennep');
    await page.keyboard.press('Tab');
    await page.keyboard.type(summary);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sterke wietlucht en het geluid van ventilatoren, ook ’s nachts.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Garageboxen Proefstraat, Voorbeeldstad');
    await page.keyboard.press('Tab');
    await page.keyboard.type('B. Buurman (test)');
    await page.keyboard.press('Enter');

    const saved = page.getByRole('status').filter({ hasText: `Het signaal ‘${summary}’ is vastgelegd.` });
    await saved.waitFor();
    const seconds = (performance.now() - started) / 1000;
    console.info(`keyboard intake took ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(20);
    expect(await isFocused(page, page.getByRole('button', { name: 'Nog een signaal' }))).toBe(true);

    const stored = (await callCore(testHost, 'signal.list', {})).items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ summary, howReceived: 'burger', receivedOn: today, tlp: 'AMBER+STRICT', sourceGrade: 'X', informationGrade: 4 });
    expect(stored[0]!.phenomenon?.code).toBe('drugs.hennepteelt');
    const full = await callCore(testHost, 'signal.get', { signalId: stored[0]!.id });
    expect(full).toMatchObject({ reporterName: 'B. Buurman (test)', reporterProtected: true, location: 'Garageboxen Proefstraat, Voorbeeldstad' });

    // Still by keyboard: past "Naar het signaal" to the list, where the new signal shows.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: summary });
    await row.waitFor();
    expect(await row.innerText()).toContain('Hennepteelt');
    expect(await row.innerText()).toContain('Burger');
    expect(await row.innerText()).toContain('los');
    expect(await shownCount(page)).toBe(1);
  });

  it('keeps the date and channel for the next signal, and shows bad dates beside the field without saving', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Nieuw signaal' }).click();
    await page.getByLabel('Binnengekomen via').selectOption({ label: 'Partner' });
    await page.getByLabel('Samenvatting (verplicht)').fill('Verdachte geldstromen bij autohandel');
    await page.getByLabel('Samenvatting (verplicht)').press('Enter');
    await page.getByRole('button', { name: 'Nog een signaal' }).waitFor();
    await checkScreen(page, 'signals-02-intake-saved');
    await page.getByRole('button', { name: 'Nog een signaal' }).press('Enter');

    const dateField = page.getByLabel('Ontvangen op');
    await expect.poll(() => isFocused(page, dateField)).toBe(true);
    expect(await dateField.inputValue()).toBe(todayShown);
    expect(await page.getByLabel('Binnengekomen via').inputValue()).toBe('partner');
    expect(await page.getByLabel('Samenvatting (verplicht)').inputValue()).toBe('');
    const before = await signalTotal(testHost);
    expect(before).toBe(2);

    // Anonymous: no reporter fields to fill.
    expect(await page.getByLabel('Naam van de melder').count()).toBe(1);
    await page.getByLabel('Binnengekomen via').selectOption('anoniem');
    await expect.poll(() => page.getByLabel('Naam van de melder').count()).toBe(0);
    expect(await page.getByText('Anonieme melding: er wordt geen melder vastgelegd.').isVisible()).toBe(true);
    await checkScreen(page, 'signals-02-intake');

    // A date in the future: refused by the core, the sentence beside the date.
    await dateField.fill(`01-01-${Number(year) + 1}`);
    await page.getByLabel('Samenvatting (verplicht)').fill('Melding met een datum in de toekomst');
    await page.getByLabel('Samenvatting (verplicht)').press('Enter');
    const futureText = 'Deze datum ligt in de toekomst. Kies vandaag of een eerdere datum.';
    await expect.poll(() => fieldAround(page, 'Ontvangen op (dd-mm-jjjj)').getByText(futureText).isVisible()).toBe(true);
    expect(await dateField.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(page, dateField)).toBe(true);
    await checkScreen(page, 'signals-03-intake-error');
    expect(await signalTotal(testHost)).toBe(before);

    // A date that does not exist: refused before it reaches the core.
    await dateField.fill('31-02-2026');
    await page.getByLabel('Samenvatting (verplicht)').press('Enter');
    await expect.poll(() => fieldAround(page, 'Ontvangen op (dd-mm-jjjj)').getByText('Vul een bestaande datum in als dd-mm-jjjj.').isVisible()).toBe(true);
    expect(await signalTotal(testHost)).toBe(before);

    // An empty summary.
    await dateField.fill(todayShown);
    await page.getByLabel('Samenvatting (verplicht)').fill('');
    await page.getByLabel('Samenvatting (verplicht)').press('Enter');
    await expect.poll(() => fieldAround(page, 'Samenvatting (verplicht)').getByText('Vul dit veld in.').isVisible()).toBe(true);
    expect(await signalTotal(testHost)).toBe(before);

    // Corrected: saved, with Ctrl+Enter from the description.
    await page.getByLabel('Samenvatting (verplicht)').fill('Anonieme tip over drugsopslag');
    await page.getByLabel('Omschrijving').fill('Tip via het anonieme formulier.');
    await page.getByLabel('Omschrijving').press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Anonieme tip over drugsopslag' }).waitFor();
    expect(await signalTotal(testHost)).toBe(before + 1);
  });

  it('scrolls a list of thousands with only the visible rows in the page', { timeout: 240_000 }, async () => {
    // Straight through the core: much faster than the form. Each a day older than the last, so the
    // oldest (the last row when sorted newest first) is known.
    const dayMs = 24 * 60 * 60 * 1000;
    const noon = new Date(`${today}T12:00:00`);
    for (let start = 0; start < MASS_SIGNALS; start += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, MASS_SIGNALS - start) }, (_, offset) => {
          const index = start + offset + 1;
          return callCore(testHost, 'signal.create', {
            receivedOn: localIsoDate(new Date(noon.getTime() - index * dayMs)),
            howReceived: index % 2 === 0 ? 'meldpunt' : 'medewerker',
            summary: `Massasignaal ${String(index).padStart(4, '0')}`,
            tlp: index % 3 === 0 ? 'GREEN' : 'AMBER+STRICT',
          });
        }),
      );
    }
    const total = await signalTotal(testHost);
    expect(total).toBe(MASS_SIGNALS + 3);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    await expect.poll(() => shownCount(page), { timeout: 20_000 }).toBe(total);
    const table = page.getByRole('grid', { name: 'Signalen' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(total + 1));
    const rowsInPage = await table.getByRole('row').count();
    expect(rowsInPage).toBeLessThan(100);
    expect(rowsInPage).toBeGreaterThan(5);

    // End on a row goes to the last one; its page is fetched when it scrolls into view.
    await table.getByRole('link').first().focus();
    await page.keyboard.press('End');
    const last = page.getByRole('link', { name: `Massasignaal ${MASS_SIGNALS}`, exact: true });
    await expect.poll(() => last.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => isFocused(page, last)).toBe(true);
    expect(await page.getByRole('row').filter({ has: last }).getAttribute('aria-rowindex')).toBe(String(total + 1));
    expect(await table.getByRole('row').count()).toBeLessThan(100);

    // Opening it and coming back returns to the same place in the list.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Massasignaal ${MASS_SIGNALS}` }).waitFor();
    await page.getByRole('button', { name: 'Terug' }).click();
    await expect.poll(() => last.isVisible(), { timeout: 20_000 }).toBe(true);

    // And back to the top by scrolling.
    await page.locator('.app-vtable__scroll').evaluate((element) => element.scrollTo(0, 0));
    await expect.poll(() => page.getByRole('link', { name: 'Anonieme tip over drugsopslag' }).isVisible()).toBe(true);
    expect(session.problems).toEqual([]);
  });
});

describe.skipIf(skipWithoutBrowser)('signals in the demo vault, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let drugsId = 0;

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
    drugsId = (await callCore(testHost, 'phenomenon.list', {})).find((phenomenon) => phenomenon.code === 'drugs')!.id;
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('narrows the list with filters, as signal.list counts', { timeout: STEP_TIMEOUT }, async () => {
    const all = await signalTotal(testHost);
    expect(all).toBeGreaterThan(30);
    await expect.poll(() => shownCount(page)).toBe(all);
    expect(
      await page
        .getByRole('row')
        .filter({ hasText: /^\d{2}-\d{2}-\d{4}/ })
        .first()
        .innerText(),
    ).toMatch(/[ABCX][1-4]/);
    await checkScreen(page, 'signals-01-list');
    // A narrow window (or 400 % zoom): the filters reflow, the table scrolls sideways in its frame.
    await page.setViewportSize({ width: 420, height: 800 });
    await checkScreen(page, 'signals-01-list-narrow');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel('Fenomeen').selectOption({ label: 'Drugs (alle vormen)' });
    const drugs = await signalTotal(testHost, { phenomenonId: drugsId });
    expect(drugs).toBeGreaterThan(0);
    expect(drugs).toBeLessThan(all);
    await expect.poll(() => shownCount(page)).toBe(drugs);

    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Alleen losse signalen' });
    const looseDrugs = await signalTotal(testHost, { phenomenonId: drugsId, inDossier: false });
    expect(looseDrugs).toBeLessThan(drugs);
    await expect.poll(() => shownCount(page)).toBe(looseDrugs);
    for (const cell of await page
      .getByRole('row')
      .filter({ hasText: /^\d{2}-\d{2}-\d{4}/ })
      .all())
      expect(await cell.innerText()).toContain('los');

    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Met en zonder dossier' });
    await page.getByLabel('Binnengekomen via').selectOption({ label: 'Burger' });
    const citizensOnDrugs = await signalTotal(testHost, { phenomenonId: drugsId, howReceived: 'burger' });
    await expect.poll(() => shownCount(page)).toBe(citizensOnDrugs);

    // A period: typed as dd-mm-jjjj, applied on Enter; an impossible range is explained beside the field.
    await page.getByLabel('Binnengekomen via').selectOption({ label: 'Alle kanalen' });
    await page.getByLabel('Ontvangen vanaf').fill('01-03-2025');
    await page.getByLabel('Ontvangen vanaf').press('Enter');
    const sinceMarch = await signalTotal(testHost, { phenomenonId: drugsId, receivedFrom: '2025-03-01' });
    expect(sinceMarch).toBeLessThan(drugs);
    await expect.poll(() => shownCount(page)).toBe(sinceMarch);
    await page.getByLabel('Ontvangen tot en met').fill('01-01-2025');
    await page.getByLabel('Ontvangen tot en met').press('Enter');
    await expect.poll(() => fieldAround(page, 'Ontvangen tot en met (dd-mm-jjjj)').getByText('De einddatum ligt vóór de begindatum.').isVisible()).toBe(true);
    await page.getByLabel('Ontvangen tot en met').fill('');
    await page.getByLabel('Ontvangen tot en met').press('Enter');
    await expect.poll(() => shownCount(page)).toBe(sinceMarch);

    // The filters survive a visit to a signal.
    await page.getByRole('grid', { name: 'Signalen' }).getByRole('link').first().click();
    await page.getByText('Signaal', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Terug' }).click();
    await expect.poll(() => shownCount(page)).toBe(sinceMarch);
    expect(await page.getByLabel('Ontvangen vanaf').inputValue()).toBe('01-03-2025');

    // Sorting oldest first puts the oldest drugs signal since March on top.
    await page.getByLabel('Sorteren op').selectOption({ label: 'Ontvangen: oudste eerst' });
    const oldest = (await callCore(testHost, 'signal.list', { phenomenonId: drugsId, receivedFrom: '2025-03-01', direction: 'asc', limit: 1 })).items[0]!;
    await expect.poll(() => page.getByRole('grid', { name: 'Signalen' }).getByRole('link').first().innerText()).toBe(oldest.summary);

    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => shownCount(page)).toBe(all);
    await page.getByLabel('Sorteren op').selectOption({ label: 'Ontvangen: nieuwste eerst' });
  });

  it('shows a signal with its reporter protected, edits it, and makes it a new dossier', { timeout: STEP_TIMEOUT }, async () => {
    const summary = 'Bezorgscooter bij veel adressen kort gestopt';
    // The list shows only the rows in view, and where a loose demo signal falls depends on its
    // drawn date: narrow the list to the loose drug-dealing signals, as a user looking for it would.
    await page.getByLabel('Fenomeen').selectOption({ label: 'Handel in hard- en softdrugs' });
    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Alleen losse signalen' });
    await page.getByRole('link', { name: summary }).click();
    await page.getByRole('heading', { level: 1, name: summary }).waitFor();
    const details = page.locator('.signals-details');
    await expect.poll(() => details.innerText()).toContain('Afgeschermd');
    expect(await details.innerText()).not.toContain('Rondkijker');
    expect(await details.innerText()).toContain('TLP:');
    expect(await details.innerText()).toMatch(/Waardering [ABCX][1-4]: bron .+, informatie .+/);
    expect(await details.innerText()).toContain('Drugs › Handel in hard- en softdrugs');
    await checkScreen(page, 'signals-04-signal');

    await page.getByRole('button', { name: 'Melder tonen' }).click();
    await expect.poll(() => page.getByTestId('reporter-value').innerText()).toContain('R. Rondkijker (demo)');
    await page.getByRole('button', { name: 'Melder verbergen' }).click();
    expect(await details.innerText()).not.toContain('Rondkijker');

    // Edit with the same form as the intake.
    await page.getByRole('button', { name: 'Bewerken' }).click();
    const summaryField = page.getByLabel('Samenvatting (verplicht)');
    expect(await summaryField.inputValue()).toBe(summary);
    const edited = `${summary} (bevestigd)`;
    await summaryField.fill(edited);
    await page.getByLabel('Betrouwbaarheid van de bron').selectOption('B');
    await page.getByLabel('Betrouwbaarheid van de informatie').selectOption('2');
    await summaryField.press('Enter');
    await page.getByRole('heading', { level: 1, name: edited }).waitFor();
    await expect.poll(() => details.innerText()).toContain('B2');
    expect(await page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' }).isVisible()).toBe(true);

    // A new dossier from the loose signal opens at once.
    const dossiersBefore = (await callCore(testHost, 'dossier.list', { limit: 1 })).total;
    await page.getByRole('button', { name: 'Nieuw dossier van dit signaal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw dossier van dit signaal' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Titel van het dossier').inputValue()).toBe(edited);
    expect(await dialog.getByLabel('Eigenaar').inputValue()).toBe('J. de Vries');
    await dialog.getByLabel('Prioriteit').selectOption({ label: 'Hoog' });
    await dialog.getByRole('button', { name: 'Dossier maken' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`^${new Date().getFullYear()}-\\d{4} ${edited.replace(/[()]/g, '\\$&')}$`));
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).getAttribute('aria-current')).toBe('page');
    const dossiers = await callCore(testHost, 'dossier.list', { sort: 'number', direction: 'desc', limit: 1 });
    expect(dossiers.total).toBe(dossiersBefore + 1);
    expect(dossiers.items[0]).toMatchObject({ title: edited, priority: 'hoog', owner: 'J. de Vries' });
    expect((await heading.innerText()).startsWith(dossiers.items[0]!.number)).toBe(true);

    // Back on the signal, it now points at its dossier.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Met en zonder dossier' });
    await page.getByRole('link', { name: edited }).click();
    await page.getByText(`Dit signaal hoort bij dossier`).waitFor();
    await page.getByRole('link', { name: `${dossiers.items[0]!.number} ${edited}` }).click();
    await expect.poll(() => heading.innerText()).toContain(dossiers.items[0]!.number);
  });

  it('attaches a loose signal to a dossier found by search, then moves it to the trash', { timeout: STEP_TIMEOUT }, async () => {
    const summary = 'Gokzuil in kapsalon gezien';
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    // Further down the list than the window shows: narrowed first.
    await page.getByLabel('Fenomeen').selectOption({ label: 'Illegale gokzuilen' });
    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Alleen losse signalen' });
    await page.getByRole('link', { name: summary }).click();
    await page.getByRole('heading', { level: 1, name: summary }).waitFor();

    await page.getByRole('button', { name: 'Aan bestaand dossier koppelen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aan bestaand dossier koppelen' });
    await dialog.waitFor();
    // Before typing: the dossiers changed last.
    await expect.poll(() => dialog.getByRole('heading', { name: 'Laatst gewijzigde dossiers' }).isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('button', { name: /^Koppelen aan dossier / }).count()).toBeGreaterThan(0);
    await dialog.getByLabel('Zoek een dossier').fill('belwinkel');
    const target = dialog.getByRole('button', { name: /^Koppelen aan dossier \d{4}-\d{4} Illegale gokzuilen in Belwinkel Testcentrum$/ });
    await target.waitFor();
    expect(await dialog.getByRole('heading', { name: 'Gevonden dossiers' }).isVisible()).toBe(true);
    await target.click();
    await page
      .getByRole('status')
      .filter({ hasText: /Het signaal hoort nu bij dossier \d{4}-\d{4}\./ })
      .waitFor();
    expect(await page.getByRole('link', { name: /Illegale gokzuilen in Belwinkel Testcentrum/ }).isVisible()).toBe(true);
    const attached = (await callCore(testHost, 'signal.list', { inDossier: true, limit: 500 })).items.find((signal) => signal.summary === summary);
    expect(attached?.dossier?.title).toBe('Illegale gokzuilen in Belwinkel Testcentrum');

    // To the trash, after a confirmation; the list says so and counts one less.
    const before = await signalTotal(testHost);
    await page.getByRole('button', { name: 'Naar prullenbak' }).click();
    const confirm = page.getByRole('dialog', { name: 'Signaal naar de prullenbak?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    expect(await signalTotal(testHost)).toBe(before);
    await page.getByRole('button', { name: 'Naar prullenbak' }).click();
    await confirm.getByRole('button', { name: 'Naar prullenbak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: `Het signaal ‘${summary}’ staat nu in de prullenbak.` })
        .isVisible(),
    ).toBe(true);
    expect(await signalTotal(testHost)).toBe(before - 1);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => shownCount(page)).toBe(before - 1);
    expect((await callCore(testHost, 'trash.list', {})).some((item) => item.kind === 'signal' && item.label === summary)).toBe(true);
  });

  it('lists the phenomena in the settings and adds a sub-form, with Dutch validation', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    const card = page.getByRole('region', { name: 'Fenomenen' });
    await card.waitFor();
    const list = card.getByRole('list', { name: 'Fenomenen en subvormen' });
    await expect.poll(() => list.innerText()).toContain('Hennepteelt');
    expect(await list.innerText()).toContain('Outlaw Motor Gangs (OMG)');

    await card.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => fieldAround(page, 'Naam').getByText('Vul dit veld in.').isVisible()).toBe(true);

    await card.getByLabel('Naam', { exact: true }).fill('drugs');
    await card.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => fieldAround(page, 'Naam').getByText('Dit fenomeen staat al in de lijst.').isVisible()).toBe(true);

    await card.getByLabel('Naam', { exact: true }).fill('Lachgashandel');
    await card.getByLabel('Hoort bij').selectOption({ label: 'Drugs' });
    await card.getByRole('button', { name: 'Toevoegen' }).click();
    await card.getByRole('status').filter({ hasText: '‘Lachgashandel’ is toegevoegd als subvorm van Drugs.' }).waitFor();
    const drugsItem = list
      .getByRole('listitem')
      .filter({ hasText: /^Drugs/ })
      .first();
    await expect.poll(() => drugsItem.innerText()).toContain('Lachgashandel');
    expect(await card.getByLabel('Naam', { exact: true }).inputValue()).toBe('');
    await card.scrollIntoViewIfNeeded();
    await checkScreen(page, 'signals-05-phenomena');

    const added = (await callCore(testHost, 'phenomenon.list', {})).find((phenomenon) => phenomenon.label === 'Lachgashandel');
    expect(added).toMatchObject({ parentId: drugsId, isSeed: false });

    // The intake offers it under Drugs.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    await page.getByRole('button', { name: 'Nieuw signaal' }).click();
    const group = page.locator('optgroup[label="Drugs"]');
    await expect.poll(() => group.locator('option').allInnerTexts()).toContain('Lachgashandel');
    expect(session.problems).toEqual([]);
  });
});
