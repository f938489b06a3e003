import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutBrowser } from './support/browser';
import { coreCaller, startHostWithDemoVault, type TestHost } from './support/host';
import { checkScreen, unlockedInBrowser } from './support/screens';

const PASSPHRASE = 'de polder ligt stil onder de wolken';
const STEP_TIMEOUT = 90_000;
/** The controls that reorder text: a raw one in the page's text means the screen let it act. */
const RAW_BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * Text that came in from outside (a bundle, a file name) may carry bidirectional controls: a
 * title "Spoed: \u202Eexe.gnp\u202C" reads as "Spoed: png.exe". Beyond the import preview, the
 * lists and headings show each control as a visible code and never let it reorder the text.
 */
describe.skipIf(skipWithoutBrowser)('bidirectional controls on the everyday screens, in Chromium', () => {
  let testHost: TestHost;
  let session: Awaited<ReturnType<typeof unlockedInBrowser>>;
  let page: Page;
  let number: string;

  const core = coreCaller(() => testHost);

  beforeAll(async () => {
    testHost = await startHostWithDemoVault(PASSPHRASE);
    await core('vault.unlock', { path: `${testHost.dataDir}/Werkbestand.kluis`, passphrase: PASSPHRASE });
    const dossiers = await core('dossier.list', { sort: 'number', direction: 'asc', limit: 50 });
    const target = dossiers.items[0]!;
    number = target.number;
    await core('dossier.update', { dossierId: target.id, title: 'Spoed: \u202Eexe.gnp\u202C' });
    // The first row of the signal list as it opens, so that the test sees it without scrolling.
    const signals = await core('signal.list', { limit: 1 });
    await core('signal.update', { signalId: signals.items[0]!.id, summary: 'Zie foto\u202Egnp.exe' });
    await core('vault.lock', {});
    session = await unlockedInBrowser(testHost.host.url, PASSPHRASE);
    page = session.page;
  });

  afterAll(async () => {
    await session?.close();
    await testHost?.stop();
  });

  it('shows the controls as codes in the signal list, the dossier list and the dossier heading', { timeout: STEP_TIMEOUT }, async () => {
    const main = page.locator('main');
    const marked = page.getByTestId('invisible-control').first();
    await marked.waitFor({ state: 'visible' });
    expect(await main.innerText()).toContain('Zie fotoU+202Egnp.exe');
    expect(await main.innerText()).not.toMatch(RAW_BIDI);
    await checkScreen(page, 'invisible-controls-01-signals');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByText('Spoed: U+202Eexe.gnpU+202C').first().waitFor({ state: 'visible' });
    expect(await main.innerText()).not.toMatch(RAW_BIDI);
    // The tooltip too: a title attribute would reorder the text just the same.
    const titles = await main.locator('[title]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('title') ?? ''));
    expect(titles.filter((title) => /[\u202A-\u202E]/.test(title))).toEqual([]);
    await checkScreen(page, 'invisible-controls-02-dossiers');

    await page
      .getByRole('link', { name: new RegExp(number) })
      .first()
      .click();
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByTestId('invisible-control').first().waitFor({ state: 'visible' });
    expect(await heading.innerText()).toBe(`${number} Spoed: U+202Eexe.gnpU+202C`);
    expect(await main.innerText()).not.toMatch(RAW_BIDI);
    await checkScreen(page, 'invisible-controls-03-dossier');
    expect(session.problems).toEqual([]);
  });
});
