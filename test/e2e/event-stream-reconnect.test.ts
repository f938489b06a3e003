import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { startHostWithLockedVault, type TestHost } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'fiets tegen de wind in langs het kanaal';

describe.skipIf(skipWithoutBrowser)('a lock while the event stream is down', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;

  beforeAll(async () => {
    // A host of its own: its connections are cut on purpose.
    testHost = await startHostWithLockedVault(PASSPHRASE);
    browser = await launchBrowser();
    session = await openPage(browser);
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('is noticed when the stream reconnects, and the page locks too', { timeout: 60_000 }, async () => {
    const { page } = session;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);

    // Cut every connection (the event stream among them), and lock before the page reconnects:
    // the lock event has no stream to travel over and is lost.
    const eventStreamClosed = page.waitForEvent('requestfailed', { predicate: (request) => request.url().endsWith('/api/events'), timeout: 5_000 });
    testHost.host.server.closeAllConnections();
    await eventStreamClosed;
    const locked = await testHost.host.core.call('vault.lock', {});
    expect(locked).toMatchObject({ state: 'locked' });
    expect(await page.getByRole('heading', { level: 1, name: 'Signalen' }).isVisible()).toBe(true);

    // No input from the user: only the status asked after the reconnect can bring the page here.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).isVisible(), { timeout: 15_000, interval: 250 }).toBe(true);
    await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await expect.poll(() => page.getByText('J. de Vries').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'De kluis is vergrendeld.' }).isVisible()).toBe(true);
    await checkScreen(page, '24-locked-while-disconnected');

    // The cut connections themselves may be reported by the browser: the event stream, and a call
    // that was still on its way when they were cut (the screens load data right after unlocking).
    // Nothing else may be.
    const cutByTheTest = (problem: string) => /\/api\/events/.test(problem) || /ERR_EMPTY_RESPONSE \(http:\/\/127\.0\.0\.1:\d+\/api\/call\)$/.test(problem);
    expect(session.problems.filter((problem) => !cutByTheTest(problem))).toEqual([]);
  });
});
