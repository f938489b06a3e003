import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutBrowser } from './support/browser';
import { startHostWithDemoVault, coreCaller, type TestHost } from './support/host';
import { checkScreen, unlockedInBrowser } from './support/screens';

/**
 * What a new user met in forms, end to end in Chromium on the demo vault: a date typed as
 * dd-mm-jjjj in the access request, an error summary on top of a refused subject form, and save
 * fields that start with a file name and take a folder.
 */

const PASSPHRASE = 'een kopje thee bij het open raam in mei';
const STEP_TIMEOUT = 90_000;
const SHOTS = '/tmp/shots-forms';
const PGB_TITLE = 'Pgb-fraude via familienetwerk';

describe.skipIf(skipWithoutBrowser)('forms a new user meets, end to end in Chromium', () => {
  let testHost: TestHost;
  let session: Awaited<ReturnType<typeof unlockedInBrowser>>;
  let page: Page;

  const core = coreCaller(() => testHost);
  const main = () => page.getByRole('main');
  const heading1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const navigate = (section: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: section }).click();

  async function shot(name: string) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  /** What a screen reader reads as the field's description: its help text and its error. */
  const describedBy = (field: Locator) =>
    field.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );

  /** Whether the element is wholly inside the window as it is scrolled now. */
  const inView = (locator: Locator) =>
    locator.evaluate((element) => {
      const box = element.getBoundingClientRect();
      // Within a pixel: scrolling lands on fractions.
      return box.top >= -1 && box.bottom <= window.innerHeight + 1;
    });

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    session = await unlockedInBrowser(testHost.host.url, PASSPHRASE);
    page = session.page;
  });

  afterAll(async () => {
    await session?.close();
    await testHost?.stop();
  });

  it('takes a birth date as dd-mm-jjjj in the access request, and says so beside the field when it is no date', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Rapportages');
    await page.getByRole('navigation', { name: 'Onderdelen van Rapportages' }).getByRole('link', { name: 'Inzageverzoek' }).click();
    await heading1('Rapportages: Inzageverzoek').waitFor();
    const birthDate = page.getByLabel('Geboortedatum');
    // A day that does not exist: refused beside the field, nothing searched.
    await page.getByLabel('Naam', { exact: true }).fill('Jan Testpersoon');
    await birthDate.fill('31-02-1979');
    await page.getByRole('button', { name: 'Gegevens zoeken' }).click();
    await expect.poll(() => birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(birthDate)).toContain('Vul een bestaande datum in als dd-mm-jjjj.');
    expect(await page.getByTestId('access-report').count()).toBe(0);

    await birthDate.fill('14-03-1979');
    await page.getByRole('button', { name: 'Gegevens zoeken' }).click();
    const report = page.getByTestId('access-report');
    await report.waitFor();
    expect(await birthDate.getAttribute('aria-invalid')).toBeNull();
    const expected = await core('accessRequest.search', { name: 'Jan Testpersoon', birthDate: '1979-03-14' });
    expect(expected.dossiers.length).toBeGreaterThan(0);
    const shown = await report.getByTestId('access-dossier').locator('th').allInnerTexts();
    expect(shown).toEqual(expected.dossiers.map((dossier) => dossier.number));
    expect(await report.innerText()).toContain('14-03-1979');
    await shot('forms-01-access-request-date');
    await checkScreen(page, 'forms-01-access-request-date');
  });
  it('puts an error summary on top of a refused subject form, with the focus, linking to each invalid field', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Dossiers');
    await main()
      .getByRole('link', { name: new RegExp(PGB_TITLE) })
      .first()
      .click();
    await expect.poll(() => heading1(new RegExp(PGB_TITLE)).isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Subjecten' }).click();
    const before = (await core('subject.list', { query: 'Onjuist Nummer' })).total;
    await main().getByRole('button', { name: 'Subject toevoegen' }).click();
    const form = main().getByRole('region', { name: 'Subject toevoegen' });
    await form.getByLabel('Soort subject').selectOption('person');
    await form.getByLabel('Naam', { exact: true }).fill('Onjuist Nummer');
    await form.getByLabel('Geboortedatum (optioneel)').fill('31-02-1980');
    await form.getByLabel('BSN (optioneel)').fill('123456789');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();

    const summary = form.getByRole('region', { name: 'Controleer de gemarkeerde velden. Er is niets opgeslagen.' });
    await summary.waitFor();
    // Focus on the summary, the summary in sight, and above the fields.
    expect(await summary.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    expect(await inView(summary)).toBe(true);
    const summaryTop = await summary.evaluate((element) => element.getBoundingClientRect().top);
    const firstFieldTop = await form.getByLabel('Soort subject').evaluate((element) => element.getBoundingClientRect().top);
    expect(summaryTop).toBeLessThan(firstFieldTop);
    // One link per invalid field, in the order of the form, each naming the field and the problem.
    const links = summary.getByRole('link');
    expect(await links.allInnerTexts()).toEqual([
      'Geboortedatum (optioneel): Vul een bestaande datum in als dd-mm-jjjj.',
      'BSN (optioneel): Dit is geen geldig BSN: het voldoet niet aan de elfproef. Controleer de cijfers.',
    ]);
    await shot('forms-02-error-summary');
    await checkScreen(page, 'forms-02-error-summary');

    // A link takes the focus to its field, scrolled into view.
    await links.nth(1).click();
    const bsn = form.getByLabel('BSN (optioneel)');
    await expect.poll(() => bsn.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await inView(bsn)).toBe(true);
    await shot('forms-03-error-summary-link');
    expect((await core('subject.list', { query: 'Onjuist Nummer' })).total).toBe(before);

    // Corrected: the summary goes.
    await form.getByLabel('Geboortedatum (optioneel)').fill('');
    await bsn.fill('');
    await form.getByRole('button', { name: 'Toevoegen aan dossier' }).click();
    await expect.poll(() => summary.count()).toBe(0);
    expect((await core('subject.list', { query: 'Onjuist Nummer' })).total).toBe(before + 1);
    expect(session.problems).toEqual([]);
  });
  it(
    'starts a save field with a full file name, takes a folder (the suggested name inside it), and says what is wrong beside the field',
    { timeout: STEP_TIMEOUT },
    async () => {
      const folder = path.join(testHost.dataDir, 'uitvoer');
      fs.mkdirSync(folder);
      await navigate('Signalen');
      await page.getByRole('grid', { name: 'Signalen' }).getByRole('link').first().click();
      const sheet = main().getByRole('region', { name: 'Signaalblad voor het informatieplein' });
      const field = sheet.getByLabel('PDF opslaan als');
      await field.waitFor();
      const suggested = await field.inputValue();
      // A whole file name beside the vault, not an empty field or a folder.
      expect(path.dirname(suggested)).toBe(testHost.dataDir);
      expect(path.basename(suggested)).toMatch(/^signaalblad-informatieplein-\d+\.pdf$/);

      // The vault's own file: refused beside the field, in view, nothing written.
      await field.fill(path.join(testHost.dataDir, 'Werkbestand.kluis'));
      await sheet.getByRole('button', { name: 'Signaalblad als PDF…' }).click();
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await describedBy(field)).toContain('De kluis zelf en haar eigen bestanden kunnen hier niet worden gekozen.');
      expect(await inView(field)).toBe(true);
      await shot('forms-04-save-error-beside-field');

      // A folder: the file lands inside it with the suggested name.
      await field.fill(folder);
      await sheet.getByRole('button', { name: 'Signaalblad als PDF…' }).click();
      const expected = path.join(folder, path.basename(suggested));
      await expect.poll(() => sheet.getByText(expected).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(fs.readFileSync(expected).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      await shot('forms-05-saved-into-folder');
      await checkScreen(page, 'forms-05-saved-into-folder');
      expect(session.problems).toEqual([]);
    },
  );
});
