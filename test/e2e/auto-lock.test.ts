import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithLockedVault, type TestHost } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'fiets tegen de wind in langs het kanaal';
const AUTO_LOCK_SECONDS = 3;

describe.skipIf(skipWithoutBrowser)('auto-lock after a short idle time', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;

  beforeAll(async () => {
    // A host of its own: the short idle time must not race the other flows.
    testHost = await startHostWithLockedVault(PASSPHRASE, { autoLockSeconds: AUTO_LOCK_SECONDS });
    browser = await launchBrowser();
    session = await openPage(browser);
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('returns to the unlock screen and leaves no dossier screen behind', { timeout: 60_000 }, async () => {
    const { page } = session;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
    const unlockedAt = Date.now();

    // No input from here on: the core's idle timer must fire and the page must follow its event.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).isVisible(), { timeout: 15_000, interval: 250 }).toBe(true);
    expect(Date.now() - unlockedAt).toBeGreaterThanOrEqual((AUTO_LOCK_SECONDS - 1) * 1000);

    await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Nog geen signalen').count()).toBe(0);
    await expect.poll(() => page.getByText('J. de Vries').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'omdat u een tijd niet actief was' }).isVisible()).toBe(true);
    const status = await testHost.host.core.call('vault.status', {});
    expect(status).toMatchObject({ state: 'locked' });
    await checkScreen(page, '23-auto-locked');
    expect(session.problems).toEqual([]);
  });
});
