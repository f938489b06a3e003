import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, coreCaller, type TestHost } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

/**
 * Every dialog with a destructive button opens with the focus on the safe choice ("Annuleren"), so
 * that Enter (pressed once, or twice by habit) cancels and changes nothing. On the demo vault, in
 * Chromium; the core is the witness that nothing changed.
 */

const PASSPHRASE = 'een kopje thee bij het open raam in mei';
const STEP_TIMEOUT = 90_000;
const SHOTS = '/tmp/shots-forms';
const PGB_TITLE = 'Pgb-fraude via familienetwerk';
const HENNEP_TITLE = 'Hennepkwekerij in bedrijfspand Proefstraat 12';

describe.skipIf(skipWithoutBrowser)('the safe choice has the focus in every destructive dialog', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let trashedSignal = '';
  let retentionDossier: { id: number; number: string } = { id: 0, number: '' };

  const core = coreCaller(() => testHost);
  const main = () => page.getByRole('main');
  const heading1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const navigate = (section: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: section }).click();
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  async function openDossier(title: string) {
    await navigate('Dossiers');
    await main()
      .getByRole('link', { name: new RegExp(escaped(title)) })
      .first()
      .click();
    await expect.poll(() => heading1(new RegExp(escaped(title))).isVisible()).toBe(true);
  }

  /** What has the focus, as the user sees it: the focused element's text. */
  const focusedText = () => page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.innerText.trim() : null));

  /**
   * The dialog is open with "Annuleren" focused; Enter closes it (twice, as a hurried user would),
   * and a screenshot shows the focus ring on the safe choice.
   */
  async function expectSafeFocus(dialog: Locator, shot: string) {
    await dialog.waitFor({ state: 'visible' });
    await expect.poll(focusedText).toBe('Annuleren');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `dialog-focus-${shot}.png`) });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    await core('vault.unlock', { path: `${testHost.dataDir}/Werkbestand.kluis`, passphrase: PASSPHRASE });
    // Something in the trash (for "Prullenbak legen") and a dossier past its retention date (for "Vernietigen").
    const signals = await core('signal.list', { limit: 5 });
    trashedSignal = signals.items[0]!.summary;
    await core('trash.move', { kind: 'signal', id: signals.items[0]!.id });
    const dossiers = await core('dossier.list', { sort: 'number', direction: 'asc', limit: 50 });
    const due = dossiers.items.find((item) => item.title !== PGB_TITLE && item.title !== HENNEP_TITLE)!;
    retentionDossier = { id: due.id, number: due.number };
    await core('retention.setUntil', { kind: 'dossier', id: due.id, until: '2025-10-01', reason: 'Test: termijn verstreken' });
    await core('vault.lock', {});
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
  });

  // A failed step must not leave its dialog over the next one.
  afterEach(async () => {
    if ((await page.getByRole('dialog').count()) > 0) await page.keyboard.press('Escape');
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('unlinking a subject from a dossier', { timeout: STEP_TIMEOUT }, async () => {
    await openDossier(PGB_TITLE);
    await page.getByRole('tab', { name: 'Subjecten' }).click();
    const dossierId = (await core('dossier.list', { limit: 100 })).items.find((item) => item.title === PGB_TITLE)!.id;
    const before = (await core('dossier.get', { dossierId })).subjects.length;
    await main()
      .getByRole('button', { name: /^Ontkoppelen: / })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Subject ontkoppelen' });
    await dialog.waitFor();
    await checkScreen(page, 'dialog-focus-01-unlink');
    await expectSafeFocus(dialog, '01-unlink');
    expect((await core('dossier.get', { dossierId })).subjects.length).toBe(before);
  });

  it('merging two subjects', { timeout: STEP_TIMEOUT }, async () => {
    // The demo enters Voorbeeld Handel twice (same KvK): its dossier offers the merge.
    const again = (await core('subject.list', { query: 'Voorbeeld Handel BV' })).items.find((item) => item.label === 'Voorbeeld Handel BV')!;
    const { dossiers } = await core('subject.get', { subjectId: again.id });
    await openDossier(dossiers[0]!.dossier.title);
    await page.getByRole('tab', { name: 'Subjecten' }).click();
    const before = (await core('subject.list', { query: 'Voorbeeld Handel' })).total;
    await main()
      .getByRole('button', { name: /^Samenvoegen met/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Subjecten samenvoegen' });
    await expect.poll(() => dialog.getByRole('button', { name: 'Annuleren' }).isVisible()).toBe(true);
    await expectSafeFocus(dialog, '02-merge');
    expect((await core('subject.list', { query: 'Voorbeeld Handel' })).total).toBe(before);
  });

  it('removing a link between two subjects', { timeout: STEP_TIMEOUT }, async () => {
    await openDossier(HENNEP_TITLE);
    await page.getByRole('tab', { name: 'Subjecten' }).click();
    await main().getByRole('link', { name: 'Voorbeeld Handel B.V.', exact: true }).first().click();
    await expect.poll(() => heading1('Voorbeeld Handel B.V.').isVisible()).toBe(true);
    const subjectId = (await core('subject.list', { query: 'Voorbeeld Handel B.V.' })).items[0]!.id;
    const before = (await core('subject.get', { subjectId })).links.length;
    await main()
      .getByRole('region', { name: 'Verbanden met andere subjecten' })
      .getByRole('button', { name: /Verwijderen|verwijderen/ })
      .first()
      .click();
    await expectSafeFocus(page.getByRole('dialog', { name: 'Verband verwijderen' }), '03-remove-link');
    expect((await core('subject.get', { subjectId })).links.length).toBe(before);
  });

  it('moving an attachment to the trash', { timeout: STEP_TIMEOUT }, async () => {
    await openDossier(HENNEP_TITLE);
    await page.getByRole('tab', { name: 'Bijlagen' }).click();
    const trashButton = main()
      .getByRole('button', { name: /^Naar prullenbak: / })
      .first();
    await trashButton.waitFor();
    const before = (await core('trash.list', {})).length;
    await trashButton.click();
    await expectSafeFocus(page.getByRole('dialog', { name: 'Naar de prullenbak' }), '04-attachment-trash');
    expect((await core('trash.list', {})).length).toBe(before);
  });

  it('changing the status of a dossier', { timeout: STEP_TIMEOUT }, async () => {
    await openDossier(HENNEP_TITLE);
    const form = main().getByRole('form', { name: /status/i });
    const select = form.getByLabel('Nieuwe status');
    const choices = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    const target = choices.find((value) => value !== 'afgesloten') ?? choices[0]!;
    await select.selectOption(target);
    await form.getByRole('button', { name: 'Status wijzigen…' }).click();
    const dossierId = (await core('dossier.list', { limit: 100 })).items.find((item) => item.title === HENNEP_TITLE)!.id;
    const before = (await core('dossier.get', { dossierId })).status;
    await expectSafeFocus(page.getByRole('dialog', { name: 'Status wijzigen?' }), '05-status');
    expect((await core('dossier.get', { dossierId })).status).toBe(before);
  });

  it('moving a dossier to the trash', { timeout: STEP_TIMEOUT }, async () => {
    await openDossier(HENNEP_TITLE);
    await main().getByRole('button', { name: 'Naar prullenbak…' }).click();
    const before = (await core('trash.list', {})).length;
    await expectSafeFocus(page.getByRole('dialog', { name: /naar de prullenbak\?$/ }), '06-dossier-trash');
    expect((await core('trash.list', {})).length).toBe(before);
  });

  it('moving a signal to the trash', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Signalen');
    await page.getByRole('grid', { name: 'Signalen' }).getByRole('link').first().click();
    await main().getByRole('button', { name: 'Naar prullenbak' }).click();
    const before = (await core('trash.list', {})).length;
    await expectSafeFocus(page.getByRole('dialog', { name: 'Signaal naar de prullenbak?' }), '07-signal-trash');
    expect((await core('trash.list', {})).length).toBe(before);
  });

  it('emptying the trash', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Prullenbak');
    await expect.poll(() => heading1('Prullenbak').isVisible()).toBe(true);
    await expect.poll(() => main().getByText(trashedSignal).count()).toBeGreaterThan(0);
    await main().getByRole('button', { name: 'Prullenbak legen' }).click();
    await expectSafeFocus(page.getByRole('dialog', { name: 'Prullenbak definitief legen?' }), '08-empty-trash');
    expect((await core('trash.list', {})).length).toBe(1);
  });

  it('destroying a dossier past its retention date', { timeout: STEP_TIMEOUT }, async () => {
    await navigate('Rapportages');
    await page.getByRole('navigation', { name: 'Onderdelen van Rapportages' }).getByRole('link', { name: 'Bewaartermijnen' }).click();
    const row = page.getByTestId(`retention-dossier-${retentionDossier.id}`);
    await row.waitFor();
    await row.getByRole('button', { name: /^Vernietigen/ }).click();
    await expectSafeFocus(page.getByRole('dialog'), '09-destroy');
    expect((await core('dossier.get', { dossierId: retentionDossier.id })).number).toBe(retentionDossier.number);
    expect(session.problems).toEqual([]);
  });
});
