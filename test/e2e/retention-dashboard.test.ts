import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost, coreCaller } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'de polder ligt stil onder de wolken';
const STEP_TIMEOUT = 90_000;
const THIS_YEAR = new Date().getFullYear();

/**
 * A trashed dossier past its retention date is on the due list and destroyed from
 * there; the dashboard's actions and blind spots lead to the items behind them.
 */
describe.skipIf(skipWithoutBrowser)('retention of trashed items and the dashboard links, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let trashed: { id: number; number: string };

  const core = coreCaller(() => testHost);

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const navigate = (section: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: section }).click();
  const subnav = (name: string) => page.getByRole('navigation', { name: 'Onderdelen van Rapportages' }).getByRole('link', { name }).click();

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    await core('vault.unlock', { path: `${testHost.dataDir}/Werkbestand.kluis`, passphrase: PASSPHRASE });
    // A demo dossier past its retention date, then put in the trash: it must still be destroyed.
    const dossiers = await core('dossier.list', { sort: 'number', direction: 'asc', limit: 50 });
    const target = dossiers.items[1]!;
    trashed = { id: target.id, number: target.number };
    await core('retention.setUntil', { kind: 'dossier', id: target.id, until: '2025-10-01', reason: 'Test: termijn verstreken' });
    await core('trash.move', { kind: 'dossier', id: target.id });
    // Follow-up actions: one past its date, one still to come.
    const withActions = dossiers.items[0]!;
    const meeting = await core('meeting.create', { kind: 'casustafel', title: 'Casustafel e2e', heldOn: `${THIS_YEAR}-01-10` });
    const item = await core('meeting.addItem', { meetingId: meeting.id, dossierId: withActions.id });
    await core('meeting.addAction', { itemId: item.id, who: 'Politie', what: 'Buurtonderzoek afronden', dueOn: `${THIS_YEAR}-01-20` });
    await core('meeting.addAction', { itemId: item.id, who: 'Gemeente', what: 'Bibob-advies opvragen', dueOn: `${THIS_YEAR + 1}-06-30` });
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

  it('lists a trashed dossier past its date as due, marked "in prullenbak", and destroys it from there', { timeout: STEP_TIMEOUT }, async () => {
    // The reminder counts it too.
    const reminder = page.getByTestId('retention-reminder');
    await reminder.waitFor({ state: 'visible' });
    expect(await reminder.innerText()).toContain('1 dossier of signaal is over de bewaartermijn.');

    await navigate('Rapportages');
    await subnav('Bewaartermijnen');
    await heading('Rapportages: Bewaartermijnen').waitFor();
    const row = page.getByTestId(`retention-dossier-${trashed.id}`);
    await row.waitFor();
    expect(await row.getByTestId('retention-in-trash').innerText()).toBe('in prullenbak');
    expect(await row.innerText()).toContain('Verlopen');
    // It cannot be opened (only restored from the trash): no link that would end on "niet gevonden".
    expect(await row.getByRole('link').count()).toBe(0);
    await checkScreen(page, 'retention-01-due-in-trash');

    // Its period can be changed there too, the date written as everywhere else.
    await row.getByRole('button', { name: /^Termijn wijzigen/ }).click();
    const change = page.getByRole('dialog');
    expect(await change.getByLabel('Bewaren tot').inputValue()).toBe('01-10-2025');
    await change.getByLabel('Bewaren tot').fill('31-09-2025');
    await change.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => change.getByText('Vul een bestaande datum in als dd-mm-jjjj.').isVisible()).toBe(true);
    await change.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await row.getByRole('button', { name: /^Vernietigen/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reden').fill('Bewaartermijn verstreken, stond in de prullenbak');
    await dialog.getByLabel(`Typ ${trashed.number} om te bevestigen`).fill(trashed.number);
    await dialog.getByRole('button', { name: 'Definitief vernietigen' }).click();
    await page.getByText(/is definitief vernietigd\.$/).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => page.getByTestId('overdue-count').innerText()).toBe('Er is niets over de bewaartermijn.');
    expect((await core('trash.list', {})).some((item) => item.kind === 'dossier' && item.id === trashed.id)).toBe(false);
    const [entry] = await core('audit.list', { limit: 1, actions: ['retention.destroyed'] });
    expect(entry?.details).toMatchObject({ kind: 'dossier', id: trashed.id, number: trashed.number, inTrash: true });

    // The trash screen no longer shows it either.
    await navigate('Prullenbak');
    await heading('Prullenbak').waitFor();
    await expect.poll(() => page.getByText(trashed.number).count()).toBe(0);
  });

  it('leads from the open and overdue actions to the follow-up overview, overdue only for the overdue figure', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Rapportages');
    await subnav('Dashboard');
    await heading('Rapportages: Dashboard').waitFor();
    const followUp = page.getByTestId('dashboard-follow-up');
    await followUp.waitFor();
    const overview = await core('meeting.actions', {});
    const overdueCount = overview.filter((action) => action.overdue).length;
    expect([overview.length, overdueCount]).toEqual([2, 1]);
    expect(await followUp.getByTestId('dashboard-open-actions').innerText()).toBe(String(overview.length));
    expect(await followUp.getByTestId('dashboard-overdue-actions').innerText()).toBe(String(overdueCount));
    await checkScreen(page, 'retention-02-dashboard');

    await followUp.getByRole('link', { name: /^Toon de acties over de afgesproken datum/ }).click();
    await heading('Overleggen').waitFor();
    const actions = page.getByTestId('open-actions');
    await actions.waitFor();
    // The follow-up overview's heading has the focus: the user is where the figure pointed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Open acties');
    expect(await page.getByLabel('Alleen acties over de afgesproken datum').isChecked()).toBe(true);
    expect(await actions.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining('Buurtonderzoek afronden')]);
    await checkScreen(page, 'retention-03-overdue-actions');
    await page.getByLabel('Alleen acties over de afgesproken datum').uncheck();
    await expect.poll(() => actions.locator('tbody tr').count()).toBe(2);
  });

  it('leads from a blind spot to the signal list filtered on that phenomenon or area and period', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Rapportages');
    await subnav('Dashboard');
    await heading('Rapportages: Dashboard').waitFor();
    // This year against last year: the demo signals lie in last year, so they show up as blind spots now.
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(THIS_YEAR));
    await page.getByRole('button', { name: 'Toon' }).click();
    const period = { from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` };
    const previous = { from: `${THIS_YEAR - 1}-01-01`, to: `${THIS_YEAR - 1}-12-31` };
    const figures = await core('dashboard.figures', period);
    const spot = figures.blindSpots.filter((entry) => entry.kind === 'phenomenon').sort((a, b) => b.previous - a.previous)[0]!;
    expect(spot.previous).toBeGreaterThan(0);
    const row = page.getByTestId(`blind-spot-phenomenon-${spot.key}`);
    await row.waitFor();
    await checkScreen(page, 'retention-04-blind-spots');
    await row.getByRole('link', { name: `Toon de signalen van ${spot.label} in de vorige periode (${spot.previous})` }).click();

    await heading('Signalen').waitFor();
    const expected = await core('signal.list', { phenomenonId: Number(spot.key), receivedFrom: previous.from, receivedUntil: previous.to });
    expect(expected.total).toBe(spot.previous);
    await expect.poll(() => page.locator('.signals-list__count').innerText()).toBe(spot.previous === 1 ? '1 signaal' : `${spot.previous} signalen`);
    expect(await page.getByLabel('Ontvangen vanaf (dd-mm-jjjj)').inputValue()).toBe(`01-01-${THIS_YEAR - 1}`);
    expect(await page.getByLabel('Ontvangen tot en met (dd-mm-jjjj)').inputValue()).toBe(`31-12-${THIS_YEAR - 1}`);
    await checkScreen(page, 'retention-05-signals-of-blind-spot');

    // An area: the list filters on the postcode area as the dashboard counts it.
    // The demo's addresses lie in one area, with all its signals last year: a blind spot now.
    const area = figures.blindSpots.find((entry) => entry.kind === 'area');
    expect(area).toBeDefined();
    if (area) {
      await navigate('Rapportages');
      await subnav('Dashboard');
      await page.getByLabel('Jaar', { exact: true }).selectOption(String(THIS_YEAR));
      await page.getByRole('button', { name: 'Toon' }).click();
      const areaRow = page.getByTestId(`blind-spot-area-${area.key}`);
      await areaRow.waitFor();
      await areaRow.getByRole('link', { name: new RegExp(`in de vorige periode \\(${area.previous}\\)$`) }).click();
      await heading('Signalen').waitFor();
      await expect.poll(() => page.locator('.signals-list__count').innerText()).toBe(area.previous === 1 ? '1 signaal' : `${area.previous} signalen`);
      expect(await page.getByLabel('Postcodegebied (4 cijfers)').inputValue()).toBe(area.key);
    }
  });

  it('asks "Reden van de wijziging" when a signal\'s retention date changes, and records it', { timeout: STEP_TIMEOUT }, async () => {
    const loose = (await core('signal.list', { inDossier: false, limit: 1 })).items[0]!;
    await page.evaluate(() => window.scrollTo(0, 0));
    await navigate('Signalen');
    await heading('Signalen').waitFor();
    // The blind spot left its filters behind (when that step ran first).
    const clear = page.getByRole('button', { name: 'Filters wissen' });
    if ((await clear.count()) > 0) await clear.click();
    await page.getByRole('link', { name: loose.summary }).first().click();
    await page.getByRole('button', { name: 'Bewerken' }).click();
    const form = page.locator('form.signals-form');
    // "Meer velden" opens by itself when one of its fields holds something (the demo signals have a retention date).
    const more = form.locator('details.signals-form__more');
    if ((await more.getAttribute('open')) === null) await form.getByText('Meer velden: grondslag, doel en bewaartermijn').click();
    const reason = form.getByLabel('Reden van de wijziging');
    // No reason asked before the date changes; the demo dates lie within five years, so this extends.
    const stored = await form.getByLabel('Bewaren tot').inputValue();
    expect(await reason.count()).toBe(0);
    await form.getByLabel('Bewaren tot').fill(`31-12-${THIS_YEAR + 10}`);
    await reason.waitFor();
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => form.getByText('Vul dit veld in.').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await checkScreen(page, 'retention-06-signal-reason');
    await reason.fill('Verzoek van de politie om langer te bewaren');
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect((await core('signal.get', { signalId: loose.id })).retentionUntil).toBe(`${THIS_YEAR + 10}-12-31`);
    const [entry] = await core('audit.list', { limit: 1, actions: ['retention.extended', 'retention.shortened'] });
    expect(entry?.action).toBe('retention.extended');
    expect(entry?.details).toMatchObject({ kind: 'signal', id: loose.id, to: `${THIS_YEAR + 10}-12-31`, reason: 'Verzoek van de politie om langer te bewaren' });
    expect(stored).not.toBe('');

    // The audit trail says it in a sentence, with the date as the user writes it.
    await navigate('Logboek');
    await heading('Logboek').waitFor();
    await page
      .getByText(`Bewaartermijn van Signaal #${loose.id} verlengd tot 31-12-${THIS_YEAR + 10}; reden: Verzoek van de politie om langer te bewaren`)
      .first()
      .waitFor();
  });
});
