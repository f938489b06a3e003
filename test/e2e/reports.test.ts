import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCount } from '../../shared/api/reports';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost, coreCaller } from './support/host';
import { SCREENSHOT_DIR, checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'de polder ligt stil onder de wolken';
const STEP_TIMEOUT = 90_000;
/** The demo data lies in 2025 (electron/core/demo/demo-data.ts). */
const DEMO_YEAR = { from: '2025-01-01', to: '2025-12-31' };
/** A demo person who occurs in more than one dossier. */
const DEMO_PERSON = { name: 'Jan Testpersoon', birthDate: '1979-03-14' };

describe.skipIf(skipWithoutBrowser)('reports, retention and access requests, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let overdue: { id: number; number: string };

  const core = coreCaller(() => testHost);

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const navigate = (section: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: section }).click();
  const subnav = (name: string) => page.getByRole('navigation', { name: 'Onderdelen van Rapportages' }).getByRole('link', { name }).click();

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    // One demo dossier is made overdue before the page unlocks, so that the reminder has something to say.
    await core('vault.unlock', { path: `${testHost.dataDir}/Werkbestand.kluis`, passphrase: PASSPHRASE });
    const dossiers = await core('dossier.list', { sort: 'number', direction: 'asc', limit: 50 });
    const target = dossiers.items.at(-1)!;
    overdue = { id: target.id, number: target.number };
    await core('retention.setUntil', { kind: 'dossier', id: target.id, until: '2025-12-01', reason: 'Test: termijn verstreken' });
    await core('vault.lock', {});
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('reminds on unlock that an item is past its retention period', { timeout: STEP_TIMEOUT }, async () => {
    const reminder = page.getByTestId('retention-reminder');
    await reminder.waitFor({ state: 'visible' });
    expect(await reminder.innerText()).toContain('1 dossier of signaal is over de bewaartermijn.');
  });

  it('shows the year report for the demo year with charts, its tables equal to the core figures', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Rapportages');
    await heading('Rapportages: Jaarrapportage').waitFor();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByRole('heading', { name: 'Jaarrapportage meldpunt 2025' }).waitFor();
    const figures = await core('report.figures', DEMO_YEAR);
    expect(figures.signalsTotal).toBeGreaterThan(30);
    expect(await page.getByTestId('report-total').innerText()).toBe(`Totaal: ${figures.signalsTotal} signalen ontvangen.`);

    const tableOf = async (testId: string) =>
      page
        .getByTestId(testId)
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-key'), row.querySelector('td')?.textContent ?? '']));
    expect(await tableOf('figure-month')).toEqual(figures.byMonth.map((entry) => [entry.month, reportCount(entry.count)]));
    expect(await tableOf('figure-how-received')).toEqual(figures.byHowReceived.map((entry) => [entry.howReceived, reportCount(entry.count)]));
    expect(await tableOf('figure-phenomenon')).toEqual(figures.byPhenomenon.map((entry) => [String(entry.phenomenonId ?? 'none'), reportCount(entry.count)]));
    expect(await tableOf('figure-outcomes')).toEqual(figures.outcomes.map((entry) => [entry.key, reportCount(entry.count)]));
    // Small counts are hidden; the demo has some.
    expect(await page.getByTestId('year-report').locator('td').allInnerTexts()).toContain('< 5');
    // Charts are drawn (bars), hidden from assistive technology, with a text alternative.
    expect(await page.getByTestId('figure-month').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('figure-month').locator('figcaption').innerText()).toMatch(/^Signalen per maand: 2025-01 /);
    // A hidden count draws no bar, but its "< 5" stands in the chart as in the table.
    const smallMonths = figures.byMonth.filter((entry) => reportCount(entry.count) === '< 5').length;
    expect(smallMonths).toBeGreaterThan(0);
    const chartLabels = await page.getByTestId('figure-month').locator('.recharts-label-list text').allTextContents();
    expect(chartLabels).toEqual(figures.byMonth.map((entry) => reportCount(entry.count)));
    // Nothing of the content: no dossier title on the report.
    expect(await page.getByTestId('year-report').innerText()).not.toContain('Hennepkwekerij');
    await checkScreen(page, 'reports-01-year');
    // The printed page: only the report, no navigation, buttons or the CSV form.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken of als pdf bewaren' }).isVisible()).toBe(false);
    expect(await page.getByTestId('year-report').isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-06-year-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('saves the year report as PDF from the screen, under a name without anyone in it', { timeout: STEP_TIMEOUT }, async () => {
    const form = page.getByRole('region', { name: 'Rapport als PDF opslaan' });
    const field = form.getByLabel('PDF-bestand');
    const target = `${testHost.dataDir}/jaarrapportage-meldpunt-2025.pdf`;
    expect(await field.inputValue()).toBe(target);
    await form.getByRole('button', { name: 'PDF opslaan…' }).click();
    await form.getByText(`Het rapport is als PDF opgeslagen in ${target}.`).waitFor({ timeout: 60_000 });
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    await checkScreen(page, 'reports-07-year-pdf');
    // A second time: the file exists, and is replaced only when asked.
    await form.getByRole('button', { name: 'PDF opslaan…' }).click();
    await form.getByText('Op deze plek staat al een bestand. Kies een andere naam of vervang het.').waitFor();
    await form.getByRole('button', { name: 'Vervangen' }).click();
    await form.getByText(`Het rapport is als PDF opgeslagen in ${target}.`).waitFor({ timeout: 60_000 });
    const trail = await core('audit.list', { limit: 5, actions: ['report.exported'] });
    expect(trail.map((entry) => entry.details)).toEqual([
      { ...DEMO_YEAR, format: 'pdf' },
      { ...DEMO_YEAR, format: 'pdf' },
    ]);
  });

  it('shows the dashboard, whose status figure leads to the filtered dossier list', { timeout: STEP_TIMEOUT }, async () => {
    await subnav('Dashboard');
    await heading('Rapportages: Dashboard').waitFor();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await page.getByRole('button', { name: 'Toon' }).click();
    const figures = await core('dashboard.figures', DEMO_YEAR);
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.locator('.recharts-line').count()).toBeGreaterThan(1);
    const busiest = figures.openByStatus.reduce((best, entry) => (entry.count > best.count ? entry : best));
    const row = page.getByTestId('dashboard-status').locator(`tr[data-key="${busiest.status}"]`);
    expect(await row.locator('td').innerText()).toBe(String(busiest.count));
    await checkScreen(page, 'reports-02-dashboard');
    await row.getByRole('link').click();
    await heading('Dossiers').waitFor();
    const statusList = await core('dossier.list', { statuses: [busiest.status], limit: 50 });
    await expect.poll(() => page.locator('.app-vtable__row:not(.app-vtable__row--header)').count()).toBe(statusList.total);
  });

  it('destroys an overdue dossier after a typed confirmation, and it is gone', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Rapportages');
    await subnav('Bewaartermijnen');
    await heading('Rapportages: Bewaartermijnen').waitFor();
    const row = page.getByTestId(`retention-dossier-${overdue.id}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Verlopen');
    expect(await page.getByTestId('overdue-count').innerText()).toBe('1 onderdeel is over de bewaartermijn.');
    await checkScreen(page, 'reports-03-retention');

    await row.getByRole('button', { name: /^Vernietigen/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Definitief vernietigen' }).click();
    // Refused without a reason and the typed number.
    expect(await dialog.getByText('Vul een reden in.').isVisible()).toBe(true);
    expect(await dialog.getByText(`Typ precies ${overdue.number}.`).isVisible()).toBe(true);
    await dialog.getByLabel('Reden').fill('Bewaartermijn verstreken');
    await dialog.getByLabel(`Typ ${overdue.number} om te bevestigen`).fill(overdue.number);
    await dialog.getByRole('button', { name: 'Definitief vernietigen' }).click();
    await page.getByText(/is definitief vernietigd\.$/).waitFor();
    // The confirmation comes before the list is read again: wait for it.
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => page.getByTestId('overdue-count').innerText()).toBe('Er is niets over de bewaartermijn.');
    const gone = await testHost.host.core.callUntrusted('dossier.get', { dossierId: overdue.id });
    expect(gone.ok ? 'found' : gone.error.code).toBe('NOT_FOUND');
    const trail = await core('audit.list', { limit: 20, actions: ['retention.destroyed'] });
    expect(trail[0]?.details).toMatchObject({ kind: 'dossier', id: overdue.id, number: overdue.number, reason: 'Bewaartermijn verstreken' });
  });

  it('answers an access request for a demo person with their dossiers, and records it', { timeout: STEP_TIMEOUT }, async () => {
    await subnav('Inzageverzoek');
    await heading('Rapportages: Inzageverzoek').waitFor();
    await page.getByLabel('Naam', { exact: true }).fill(DEMO_PERSON.name);
    await page.getByLabel('Geboortedatum').fill(DEMO_PERSON.birthDate);
    await page.getByRole('button', { name: 'Gegevens zoeken' }).click();
    const report = page.getByTestId('access-report');
    await report.waitFor();
    const expected = await core('accessRequest.search', DEMO_PERSON);
    expect(expected.dossiers.length).toBeGreaterThan(1);
    const shown = await report.getByTestId('access-dossier').locator('th').allInnerTexts();
    expect(shown).toEqual(expected.dossiers.map((dossier) => dossier.number));
    // Every item with its handling code.
    const codes = await report.getByTestId('access-dossier').locator('.app-tlp [aria-hidden="true"]').allInnerTexts();
    expect(codes).toEqual(expected.dossiers.map((dossier) => dossier.tlp));
    // The reminder went with the last overdue item.
    await expect.poll(() => page.getByTestId('retention-reminder').count()).toBe(0);
    await checkScreen(page, 'reports-04-inzage');

    // The overview as PDF for the privacy officer: a date in the name, never the person's.
    const pdfForm = page.getByRole('region', { name: 'Overzicht als PDF opslaan' });
    const pdfPath = await pdfForm.getByLabel('PDF-bestand').inputValue();
    expect(pdfPath).toMatch(new RegExp(`^${testHost.dataDir}/inzageverzoek-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    await page.getByLabel('Kenmerk van het verzoek (optioneel)').fill('AVG-2026-3');
    await pdfForm.getByRole('button', { name: 'PDF opslaan…' }).click();
    await pdfForm.getByText(`Het overzicht is als PDF opgeslagen in ${pdfPath}.`).waitFor({ timeout: 60_000 });
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const exported = await core('audit.list', { limit: 5, actions: ['access-request.exported'] });
    expect(exported[0]?.details).toEqual({
      format: 'pdf',
      criteria: ['name', 'birthDate'],
      subjects: expected.subjects.length,
      dossiers: new Set(expected.dossiers.map((dossier) => dossier.id)).size,
      reference: 'AVG-2026-3',
    });
    await checkScreen(page, 'reports-08-inzage-pdf');
    await page.getByRole('button', { name: 'Vastleggen dat het verzoek is afgehandeld' }).click();
    await page.getByText('In het logboek staat dat het verzoek is afgehandeld.').waitFor();
  });

  it('shows the processing register in the settings, pre-filled in Dutch', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Instellingen');
    await heading('Instellingen').waitFor();
    const section = page.getByRole('region', { name: 'Verwerkingsregister' });
    await section.scrollIntoViewIfNeeded();
    expect(await section.getByLabel('Grondslagen').inputValue()).toContain('artikel 10 AVG');
    await checkScreen(page, 'reports-05-register');
  });
});
