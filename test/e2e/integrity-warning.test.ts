import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF } from '../../electron/host/cli-options';
import { Vault } from '../../electron/core/vault/vault';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithDemoVault, type TestHost } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'fiets tegen de wind in langs het kanaal';
const STEP_TIMEOUT = 90_000;
const PAGE_SIZE = 4096;

/**
 * Damage the demo vault where unlock does not look: a table of its own, about 2 MB, added at the
 * end of the file, with one of its last pages overwritten. The signals the first screen lists are untouched.
 */
async function damageDeepInTheFile(vaultPath: string): Promise<void> {
  const vault = await Vault.unlock(vaultPath, { passphrase: PASSPHRASE }, FAST_KDF);
  vault.database.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, value TEXT NOT NULL) STRICT');
  const insert = vault.database.prepare('INSERT INTO filler (value) VALUES (?)');
  vault.database.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`vulling ${i} `.repeat(60));
  })();
  vault.lock();
  const pages = fs.statSync(vaultPath).size / PAGE_SIZE;
  const handle = fs.openSync(vaultPath, 'r+');
  fs.writeSync(handle, crypto.randomBytes(PAGE_SIZE), 0, PAGE_SIZE, (pages - 20 - 1) * PAGE_SIZE);
  fs.closeSync(handle);
}

describe.skipIf(skipWithoutBrowser)('integrity warning in the shell, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  const warning = () => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'De kluis is mogelijk beschadigd' }) });

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    await damageDeepInTheFile(path.join(testHost.dataDir, 'Werkbestand.kluis'));
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('unlocks at once, then warns on every screen what to do once the background check finds the damage', { timeout: STEP_TIMEOUT }, async () => {
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
    await warning().waitFor({ state: 'visible', timeout: 30_000 });
    const text = await warning().innerText();
    expect(text).toContain('Instellingen › Reservekopie maken');
    expect(text).toContain(`kluis check "${path.join(testHost.dataDir, 'Werkbestand.kluis')}"`);
    expect(text).toContain('functioneel beheerder');
    // The signal list still works: the damage is not where it reads.
    expect(await page.getByRole('heading', { level: 1, name: 'Signalen' }).isVisible()).toBe(true);
    await checkScreen(page, 'integrity-01-warning');

    await page.getByRole('button', { name: 'Naar Instellingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor({ state: 'visible' });
    expect(await warning().isVisible()).toBe(true);
  });

  it('still shows it after the page is reloaded, and the audit trail names the finding', { timeout: STEP_TIMEOUT }, async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor({ state: 'visible', timeout: 20_000 });
    await warning().waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByRole('link', { name: 'Logboek' }).click();
    await expect.poll(() => page.getByText('De controle na het ontgrendelen vond een fout in het kluisbestand').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await checkScreen(page, 'integrity-02-audit');
  });

  it('goes with the lock: the unlock screen shows no warning', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('button', { name: 'Ontgrendelen' }).waitFor({ state: 'visible' });
    expect(await page.getByText('De kluis is mogelijk beschadigd').count()).toBe(0);
  });
});
