import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { callCore, startHostWithLockedVault, type TestHost } from './support/host';
import { SCREENSHOT_DIR, checkScreen, unlockRecentVault } from './support/screens';
import { fillSampleDossier, openBundleVault, randomFile } from '../integration/support/bundles';
import { makeTempFolder } from '../support/temp-vault';

const PASSPHRASE = 'lezen terwijl de bundel binnenkomt';
const MiB = 1024 * 1024;
/** Large enough that the import runs for seconds after its first progress, also on a busy machine. */
const ATTACHMENT_BYTES = 256 * MiB;
const OWN_DOSSIERS = ['Eigen dossier Noord (test)', 'Eigen dossier Zuid (test)', 'Eigen dossier West (test)'];

/**
 * Issue 14, a responsive import: while a large bundle is imported, the user goes to the dossier
 * list and sees it at once (the vault as it was), and the imported dossier appears when the
 * import has committed.
 */
describe.skipIf(skipWithoutBrowser)('the dossier list during a large bundle import, in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let bundle: string;
  let importedTitle: string;

  beforeAll(async () => {
    host = await startHostWithLockedVault(PASSPHRASE);
    await callCore(host, 'vault.unlock', { path: path.join(host.dataDir, 'Werkbestand.kluis'), passphrase: PASSPHRASE });
    for (const title of OWN_DOSSIERS) await callCore(host, 'dossier.create', { title });
    const exchange = makeTempFolder('kluis-e2e-beside-');
    const cardB = path.join(exchange, 'b.json');
    await callCore(host, 'bundle.writeCard', { targetPath: cardB });

    // The sender: a vault of its own in this process, with one dossier and a large attachment.
    const sender = await openBundleVault('Afzender');
    const cardA = await sender.cardFile(exchange);
    await callCore(host, 'addressBook.add', { path: cardA, verified: true });
    const partner = await sender.call('addressBook.add', { path: cardB, verified: true, organisationCode: 'riec' });
    const { dossier } = await fillSampleDossier(sender);
    await sender.call('attachment.import', { dossierId: dossier.id, sourcePath: randomFile(exchange, 'groot.bin', ATTACHMENT_BYTES), tlp: 'AMBER' });
    bundle = path.join(exchange, 'groot.dkbundel');
    await sender.call('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: partner.id }], targetPath: bundle });
    importedTitle = dossier.title;
    await sender.core.dispose();
    await callCore(host, 'vault.lock', {});

    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, host.host.url, PASSPHRASE);
  }, 300_000);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await host?.stop();
  });

  it('shows the dossier list while the import runs, without the dossier it brings; then with it', { timeout: 300_000 }, async () => {
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Uitwisselen' }).click();
    await page.getByRole('navigation', { name: 'Onderdelen van Uitwisselen' }).getByRole('link', { name: 'Importeren' }).click();
    await page.getByLabel('Bundel', { exact: true }).fill(bundle);
    await page.getByRole('button', { name: 'Bundel openen' }).click();
    await page.getByTestId('bundle-sender').waitFor({ state: 'visible', timeout: 120_000 });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    // Well inside the import: its transaction open, the first chunks of the large attachment written.
    const bar = page.locator('progress[aria-label]');
    await expect.poll(async () => Number((await bar.getAttribute('value').catch(() => null)) ?? 0), { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);

    await menu.getByRole('link', { name: 'Dossiers' }).click();
    for (const title of OWN_DOSSIERS) await page.getByRole('link', { name: new RegExp(title.replace(/[()]/g, '\\$&')) }).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.getByRole('link', { name: new RegExp(importedTitle.replace(/[()]/g, '\\$&')) }).count()).toBe(0);
    // The import still runs now: the core's own list (answered beside it) has not got the bundle's dossier yet either.
    expect((await callCore(host, 'dossier.list', { limit: 50 })).items.map((item) => item.title).sort()).toEqual([...OWN_DOSSIERS].sort());
    await checkScreen(page, 'bundle-import-beside-01-dossiers-during-import');
    fs.mkdirSync('/tmp/shots-import', { recursive: true });
    fs.copyFileSync(path.join(SCREENSHOT_DIR, 'bundle-import-beside-01-dossiers-during-import.png'), '/tmp/shots-import/dossiers-during-import.png');

    // Once the import has committed, the list has the new dossier too.
    await expect.poll(async () => (await callCore(host, 'dossier.list', { limit: 50 })).total, { timeout: 240_000, interval: 500 }).toBe(OWN_DOSSIERS.length + 1);
    await menu.getByRole('link', { name: 'Signalen' }).click();
    await menu.getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: new RegExp(importedTitle.replace(/[()]/g, '\\$&')) }).waitFor({ state: 'visible', timeout: 20_000 });
    await checkScreen(page, 'bundle-import-beside-02-dossiers-after-import');
    fs.copyFileSync(path.join(SCREENSHOT_DIR, 'bundle-import-beside-02-dossiers-after-import.png'), '/tmp/shots-import/dossiers-after-import.png');
  });
});
