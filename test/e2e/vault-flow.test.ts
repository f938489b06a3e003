import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startTestHost, type TestHost } from './support/host';
import { checkScreen, SCREENSHOT_DIR } from './support/screens';

const PASSPHRASE = 'fiets tegen de wind in langs het kanaal';
const NEW_PASSPHRASE = 'koffie met een gevulde koek om tien uur';
const DISPLAY_NAME = 'J. de Vries';
const STEP_TIMEOUT = 90_000;
const RECOVERY_KEY_FORMAT = /^[0-9A-Z]{5}(-[0-9A-Z]{5}){10}$/;

/** The one form on a settings card, found by the card's heading. */
const settingsCard = (page: Page, title: string) => page.getByRole('region', { name: title });

describe.skipIf(skipWithoutBrowser)('first screens, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let recoveryKey = '';
  /** The key issued by the key rotation, which replaces `recoveryKey`. */
  let newRecoveryKey = '';

  const isFocused = (locator: ReturnType<Page['locator']>) => locator.evaluate((element) => element === document.activeElement);
  /** The browser host has no native file dialog: its path fields are plain text fields, without "Bladeren…". */
  const browseButtons = (scope: Page | ReturnType<Page['locator']>) => scope.getByRole('button', { name: /Bladeren|Browse/ });

  beforeAll(async () => {
    testHost = await startTestHost();
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('opens on the welcome screen and takes the token out of the address bar', { timeout: STEP_TIMEOUT }, async () => {
    await page.goto(testHost.host.url);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Welkom bij Dossierkluis' }).isVisible()).toBe(true);
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expect.poll(() => page.getByText('Op deze computer is nog geen kluis geopend.').isVisible()).toBe(true);
    expect(await page.getByLabel('Pad naar het kluisbestand').isEditable()).toBe(true);
    await expect.poll(() => browseButtons(page).count()).toBe(0);
    await checkScreen(page, '01-welcome');
  });

  it('creates a vault, enforcing the minimum length and showing the strength', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Nieuwe kluis maken' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Nieuwe kluis maken' }).isVisible()).toBe(true);
    const location = page.getByLabel('Plaats van het kluisbestand');
    expect(await location.inputValue()).toBe(path.join(testHost.dataDir, 'Werkbestand.kluis'));
    await expect.poll(() => browseButtons(page).count()).toBe(0);

    await page.getByLabel('Uw naam').fill(DISPLAY_NAME);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('te kort');
    await page.getByLabel('Herhaal het wachtwoord').fill('te kort');
    await page.getByRole('button', { name: 'Kluis maken' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'minstens 12 tekens' }).first().isVisible()).toBe(true);
    await checkScreen(page, '02-create-vault-too-short');

    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Herhaal het wachtwoord').fill(PASSPHRASE);
    await expect.poll(() => page.getByText('Sterkte: zeer sterk').isVisible()).toBe(true);
    await checkScreen(page, '03-create-vault-filled');
    await page.getByRole('button', { name: 'Kluis maken' }).click();
  });

  it('shows the recovery key once and continues only with its last group', { timeout: STEP_TIMEOUT }, async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' }).isVisible(), { timeout: 20_000 }).toBe(true);
    recoveryKey = (await page.getByTestId('recovery-key').innerText()).replace(/\s/g, '');
    expect(recoveryKey).toMatch(RECOVERY_KEY_FORMAT);
    expect(await page.getByRole('button', { name: 'Herstelsleutel printen' }).isVisible()).toBe(true);
    await checkScreen(page, '04-recovery-key');

    // On paper only the key: no headings, no forms, nothing else from the screen.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('recovery-key').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Herstelsleutel printen' }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '04-recovery-key-print.png') });
    await page.emulateMedia({ media: 'screen' });

    const confirmField = page.getByLabel('Typ de laatste groep van de sleutel');
    await confirmField.fill('AAAAA');
    await page.getByRole('button', { name: 'Ik heb de sleutel bewaard, verder' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'niet de laatste groep' }).isVisible()).toBe(true);
    await checkScreen(page, '05-recovery-key-mismatch');

    await confirmField.fill(recoveryKey.split('-').pop()!.toLowerCase());
    await page.getByRole('button', { name: 'Ik heb de sleutel bewaard, verder' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Signalen' }).isVisible()).toBe(true);
  });

  it('shows the main layout with the vault name, the user and calm empty sections', { timeout: STEP_TIMEOUT }, async () => {
    expect(await page.getByTestId('vault-name').innerText()).toBe('Werkbestand');
    expect(await page.getByRole('banner').innerText()).toContain(DISPLAY_NAME);
    const navigation = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const section of ['Signalen', 'Dossiers', 'Overleggen', 'Rapportages', 'Logboek', 'Prullenbak', 'Instellingen']) {
      expect(await navigation.getByRole('link', { name: section }).isVisible(), section).toBe(true);
    }
    expect(await page.getByRole('heading', { level: 1, name: 'Signalen' }).isVisible()).toBe(true);
    await checkScreen(page, '06-main-signals');

    // A narrow window (or 400 % zoom) must reflow, not cut off or overlap.
    await page.setViewportSize({ width: 420, height: 800 });
    await checkScreen(page, '06-main-signals-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });

    await navigation.getByRole('link', { name: 'Dossiers' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossiers' }).isVisible()).toBe(true);
    expect(await navigation.getByRole('link', { name: 'Dossiers' }).getAttribute('aria-current')).toBe('page');
    await checkScreen(page, '07-main-dossiers');
  });

  it('locks, refuses a wrong passphrase in Dutch, and unlocks', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await checkScreen(page, '08-unlock');

    await page.getByLabel('Wachtwoord', { exact: true }).fill('dit is niet het wachtwoord');
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Het wachtwoord is onjuist.' }).isVisible()).toBe(true);
    await checkScreen(page, '09-unlock-wrong-passphrase');

    await page.getByRole('button', { name: 'Wachtwoord vergeten? Ontgrendel met de herstelsleutel' }).click();
    await expect.poll(() => page.getByLabel('Herstelsleutel').isVisible()).toBe(true);
    await checkScreen(page, '10-unlock-recovery-key');
    await page.getByRole('button', { name: 'Ontgrendel met het wachtwoord' }).click();

    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    // Back on the screen that was open at the lock.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Dossiers' }).isVisible(), { timeout: 20_000 }).toBe(true);
  });

  it('changes the passphrase in the settings', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Instellingen' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Vergrendelen na zoveel minuten zonder activiteit').inputValue()).toBe('10');
    await checkScreen(page, '11-settings');

    const card = settingsCard(page, 'Wachtwoord wijzigen');
    await card.getByLabel('Huidig wachtwoord').fill(PASSPHRASE);
    await card.getByLabel('Nieuw wachtwoord').fill(NEW_PASSPHRASE);
    await card.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSPHRASE);
    await card.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => card.getByText('Het wachtwoord is gewijzigd.').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await card.getByLabel('Huidig wachtwoord').inputValue()).toBe('');
    await checkScreen(page, '12-settings-passphrase-changed');
  });

  it('saves the auto-lock time, makes a backup and asks before overwriting one', { timeout: STEP_TIMEOUT }, async () => {
    const autoLock = settingsCard(page, 'Automatisch vergrendelen');
    await autoLock.getByLabel('Vergrendelen na zoveel minuten zonder activiteit').fill('15');
    await autoLock.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => autoLock.getByText('De kluis vergrendelt na 15 minuten').isVisible()).toBe(true);

    const backup = settingsCard(page, 'Reservekopie maken');
    const target = path.join(testHost.dataDir, 'kopie', 'Werkbestand-kopie.kluis');
    const targetField = backup.getByLabel('Plaats van de reservekopie');
    await expect.poll(() => browseButtons(backup).count()).toBe(0);
    await targetField.fill(target);
    await backup.getByRole('button', { name: 'Reservekopie maken' }).click();
    await expect.poll(() => backup.getByText(`Reservekopie gemaakt: ${target}`).isVisible(), { timeout: 20_000 }).toBe(true);
    const firstCopy = fs.statSync(target);

    // The same target again: the core refuses (VAULT_EXISTS) and the page asks, in Dutch.
    const question = backup.getByRole('group', { name: `Op ${target} staat al een bestand. Wilt u het overschrijven met deze reservekopie?` });
    await backup.getByRole('button', { name: 'Reservekopie maken' }).click();
    await expect.poll(() => question.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => backup.getByText('Reservekopie gemaakt').count()).toBe(0);
    await expect.poll(() => backup.getByRole('alert').filter({ hasText: 'Kies een andere bestandsnaam' }).count()).toBe(0);
    expect(await question.getByRole('button', { name: 'Overschrijven' }).isVisible()).toBe(true);
    expect(await question.getByRole('button', { name: 'Annuleren' }).isVisible()).toBe(true);
    await checkScreen(page, '13-settings-backup-overwrite-question');

    // Cancel leaves the existing copy alone and returns to the field.
    await question.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await isFocused(targetField)).toBe(true);
    expect(fs.statSync(target).ino).toBe(firstCopy.ino);

    await backup.getByRole('button', { name: 'Reservekopie maken' }).click();
    await expect.poll(() => question.isVisible(), { timeout: 20_000 }).toBe(true);
    await question.getByRole('button', { name: 'Overschrijven' }).click();
    await expect.poll(() => backup.getByText(`Reservekopie gemaakt: ${target}`).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => question.count()).toBe(0);
    // A new file took the old one's place (written beside it, then renamed over it).
    expect(fs.statSync(target).ino).not.toBe(firstCopy.ino);
  });

  it('shows the same recovery key again after the passphrase', { timeout: STEP_TIMEOUT }, async () => {
    const recoveryCard = settingsCard(page, 'Herstelsleutel tonen');
    await recoveryCard.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSPHRASE);
    await recoveryCard.getByRole('button', { name: 'Herstelsleutel tonen' }).click();
    await expect.poll(() => recoveryCard.getByTestId('recovery-key').isVisible(), { timeout: 20_000 }).toBe(true);
    expect((await recoveryCard.getByTestId('recovery-key').innerText()).replace(/\s/g, '')).toBe(recoveryKey);
    await checkScreen(page, '14-settings-recovery-key');
    await recoveryCard.getByRole('button', { name: 'Herstelsleutel verbergen' }).click();
    await expect.poll(() => recoveryCard.getByTestId('recovery-key').count()).toBe(0);

    // Shown again, so that the next step can check the rotation takes the old key off the screen.
    await recoveryCard.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSPHRASE);
    await recoveryCard.getByRole('button', { name: 'Herstelsleutel tonen' }).click();
    await expect.poll(() => recoveryCard.getByTestId('recovery-key').isVisible(), { timeout: 20_000 }).toBe(true);
  });

  it('renews the key and shows a new recovery key until its last group is typed', { timeout: STEP_TIMEOUT }, async () => {
    const rotateCard = settingsCard(page, 'Sleutel vernieuwen');
    expect(await rotateCard.getByText('Uw wachtwoord blijft hetzelfde.').isVisible()).toBe(true);
    expect(await rotateCard.getByText('een nieuwe herstelsleutel, die de oude vervangt').isVisible()).toBe(true);
    await expect.poll(() => rotateCard.getByText('herstelsleutel blijven hetzelfde').count()).toBe(0);
    await rotateCard.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSPHRASE);
    await rotateCard.getByRole('button', { name: 'Sleutel vernieuwen' }).click();

    const newKeyHeading = rotateCard.getByRole('heading', { level: 3, name: 'Uw nieuwe herstelsleutel' });
    await expect.poll(() => newKeyHeading.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await rotateCard.getByText('De kluis is opnieuw versleuteld met een nieuwe sleutel.').isVisible()).toBe(true);
    expect(await rotateCard.getByRole('alert').filter({ hasText: 'De oude herstelsleutel werkt niet meer' }).isVisible()).toBe(true);
    expect(await rotateCard.getByText('vernietig het papier met de oude sleutel').isVisible()).toBe(true);
    expect(await isFocused(newKeyHeading)).toBe(true);
    newRecoveryKey = (await rotateCard.getByTestId('recovery-key').innerText()).replace(/\s/g, '');
    expect(newRecoveryKey).toMatch(RECOVERY_KEY_FORMAT);
    expect(newRecoveryKey).not.toBe(recoveryKey);
    expect(await rotateCard.getByRole('button', { name: 'Herstelsleutel printen' }).isVisible()).toBe(true);
    // The old key shown in the other card is no longer valid: it is gone from the screen.
    await expect.poll(() => settingsCard(page, 'Herstelsleutel tonen').getByTestId('recovery-key').count()).toBe(0);
    expect(await page.getByTestId('recovery-key').count()).toBe(1);
    await checkScreen(page, '15-settings-new-recovery-key');

    // On paper only the new key, as at creation (the card around it is not printed, so the page is searched).
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('recovery-key').isVisible()).toBe(true);
    expect((await page.getByTestId('recovery-key').innerText()).replace(/\s/g, '')).toBe(newRecoveryKey);
    expect(await page.getByText('Herstelsleutel Dossierkluis').isVisible()).toBe(true);
    expect(await page.getByText('Instellingen', { exact: true }).first().isVisible()).toBe(false);
    expect(await page.getByText('Uw nieuwe herstelsleutel').isVisible()).toBe(false);
    expect(await page.getByText('Typ de laatste groep van de sleutel').isVisible()).toBe(false);
    expect(await page.getByText('Reservekopie maken').first().isVisible()).toBe(false);
    expect(await page.getByText('Herstelsleutel printen').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '15-settings-new-recovery-key-print.png') });
    await page.emulateMedia({ media: 'screen' });

    // Leaving the settings does not lose the key: it waits for the confirmation.
    const navigation = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await navigation.getByRole('link', { name: 'Signalen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Signalen' }).isVisible()).toBe(true);
    await navigation.getByRole('link', { name: 'Instellingen' }).click();
    await expect.poll(() => newKeyHeading.isVisible()).toBe(true);
    expect((await rotateCard.getByTestId('recovery-key').innerText()).replace(/\s/g, '')).toBe(newRecoveryKey);

    const confirmField = rotateCard.getByLabel('Typ de laatste groep van de sleutel');
    const confirmButton = rotateCard.getByRole('button', { name: 'Ik heb de nieuwe sleutel bewaard' });
    // The last group of the OLD key is not the proof asked for.
    await confirmField.fill(recoveryKey.split('-').pop()!);
    await confirmButton.click();
    await expect.poll(() => rotateCard.getByRole('alert').filter({ hasText: 'niet de laatste groep' }).isVisible()).toBe(true);
    expect(await rotateCard.getByTestId('recovery-key').isVisible()).toBe(true);
    await checkScreen(page, '16-settings-new-recovery-key-mismatch');

    await confirmField.fill(newRecoveryKey.split('-').pop()!.toLowerCase());
    await confirmButton.click();
    await expect.poll(() => rotateCard.getByText('De nieuwe herstelsleutel is bewaard.').isVisible()).toBe(true);
    await expect.poll(() => rotateCard.getByTestId('recovery-key').count()).toBe(0);
    expect(await rotateCard.getByLabel('Wachtwoord', { exact: true }).isVisible()).toBe(true);
    expect(await isFocused(rotateCard.getByRole('heading', { level: 2, name: 'Sleutel vernieuwen' }))).toBe(true);
    await checkScreen(page, '17-settings-new-recovery-key-kept');
  });

  it('switches the whole interface to English and back', { timeout: STEP_TIMEOUT }, async () => {
    const language = settingsCard(page, 'Taal');
    await language.getByLabel('English').check();
    await language.getByRole('button', { name: 'Taal opslaan' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await checkScreen(page, '18-settings-english');

    const english = settingsCard(page, 'Language');
    await english.getByLabel('Nederlands').check();
    await english.getByRole('button', { name: 'Save language' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Instellingen' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  it('locks and unlocks with the new passphrase only', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).isVisible()).toBe(true);

    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Het wachtwoord is onjuist.' }).isVisible()).toBe(true);

    await page.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    // Back on the screen that was open at the lock.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Instellingen' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('vault-name').innerText()).toBe('Werkbestand');
  });

  it('refuses the old recovery key, opens with the new one and then suggests a new passphrase', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('button', { name: 'Wachtwoord vergeten? Ontgrendel met de herstelsleutel' }).click();
    await page.getByLabel('Herstelsleutel').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'De herstelsleutel is onjuist.' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).isVisible()).toBe(true);
    await checkScreen(page, '19-unlock-old-recovery-key');

    await page.getByLabel('Herstelsleutel').fill(newRecoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Instellingen' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'met de herstelsleutel' }).isVisible()).toBe(true);
    await checkScreen(page, '20-settings-after-recovery-key');
  });

  it('lists the vault under recently opened after locking', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('button', { name: 'Andere kluis kiezen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Welkom bij Dossierkluis' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Kluis Werkbestand openen' }).isVisible()).toBe(true);
    expect(
      await page
        .getByText(/Laatst geopend op \d{2}-\d{2}-\d{4} \d{2}:\d{2}/)
        .first()
        .isVisible(),
    ).toBe(true);
    await checkScreen(page, '21-welcome-recent');
  });

  it('refuses a page opened without the token', { timeout: STEP_TIMEOUT }, async () => {
    const stranger = await openPage(browser);
    try {
      await stranger.page.goto(`http://127.0.0.1:${testHost.host.port}/`);
      await expect.poll(() => stranger.page.getByRole('heading', { level: 1, name: 'Geen toegang' }).isVisible()).toBe(true);
      await checkScreen(stranger.page, '22-no-access');
    } finally {
      await stranger.context.close();
    }
  });

  it('logged no console errors and no CSP refusals', () => {
    expect(session.problems).toEqual([]);
  });
});
