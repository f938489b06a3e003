import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../electron/core/demo/demo-data';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { callCore, startTestHost, type TestHost } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'fiets tegen de wind in langs het kanaal';
const STEP_TIMEOUT = 120_000;
const SHOTS = '/tmp/shots-messages';

/**
 * The demo vault on read-only media, opened in Chromium: the unlock works, every screen says
 * "Alleen lezen" and why, the lists and a dossier show, and a change is refused with that reason
 * while the files stay as they were. The media are a tmpfs remounted read-only (the tests run as
 * root, where chmod stops nothing); as another user a folder 0555 with files 0444.
 */
const canMount = process.getuid?.() === 0;

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(folder).map((name) => [
      name,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(folder, name)))
        .digest('hex'),
    ]),
  );
}

/** Put the files of `folder` on read-only media at the same place; returns how to undo it. */
function makeReadOnly(folder: string): () => void {
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-e2e-kopie-'));
  for (const name of fs.readdirSync(folder)) fs.copyFileSync(path.join(folder, name), path.join(saved, name));
  if (canMount) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m,mode=0700', 'tmpfs', folder]);
    for (const name of fs.readdirSync(saved)) fs.copyFileSync(path.join(saved, name), path.join(folder, name));
    execFileSync('mount', ['-o', 'remount,ro', folder]);
    return () => {
      execFileSync('umount', [folder]);
      fs.rmSync(saved, { recursive: true, force: true });
    };
  }
  for (const name of fs.readdirSync(folder)) fs.chmodSync(path.join(folder, name), 0o444);
  fs.chmodSync(folder, 0o555);
  return () => {
    fs.chmodSync(folder, 0o755);
    fs.rmSync(saved, { recursive: true, force: true });
  };
}

describe.skipIf(skipWithoutBrowser)('a vault on read-only media, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  let media: string;
  let undoReadOnly: (() => void) | undefined;
  const banner = () => page.getByTestId('read-only-banner');

  beforeAll(async () => {
    testHost = await startTestHost();
    media = path.join(testHost.dataDir, 'stick');
    fs.mkdirSync(media);
    await callCore(testHost, 'vault.create', { path: path.join(media, 'Werkbestand.kluis'), passphrase: PASSPHRASE, displayName: 'J. de Vries' });
    await generateDemoData(testHost.host.core);
    await callCore(testHost, 'vault.lock', {});
    undoReadOnly = makeReadOnly(media);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    fs.mkdirSync(SHOTS, { recursive: true });
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    // Locked first, so that nothing holds the files on the media when it is unmounted.
    await callCore(testHost, 'vault.lock', {}).catch(() => undefined);
    undoReadOnly?.();
    await testHost?.stop();
  });

  it('unlocks with the right passphrase and says "Alleen lezen" and why on every screen', { timeout: STEP_TIMEOUT }, async () => {
    const before = snapshot(media);
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
    await banner().waitFor({ state: 'visible', timeout: 10_000 });
    const text = await banner().innerText();
    expect(text).toContain('Alleen lezen: deze kluis kan hier niet worden gewijzigd');
    expect(text).toContain('Wijzigen en verstrekken kan niet, omdat het logboek hier niet kan worden bijgewerkt');
    // The signal list reads from the media.
    await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(SHOTS, 'read-only-01-signals.png'), fullPage: false });
    await checkScreen(page, 'read-only-01-signals');

    await page.getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor({ state: 'visible' });
    expect(await banner().isVisible()).toBe(true);
    expect(snapshot(media)).toEqual(before);
  });

  it('refuses a change with the reason, in its form, and changes nothing', { timeout: STEP_TIMEOUT }, async () => {
    const before = snapshot(media);
    await banner().getByRole('button', { name: 'Reservekopie maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor({ state: 'visible' });
    const minutes = page.getByLabel('Vergrendelen na zoveel minuten zonder activiteit');
    await minutes.fill('5');
    await page.locator('form').filter({ has: minutes }).getByRole('button', { name: 'Opslaan' }).click();
    const refusal = page.getByText(/^Alleen lezen: de kluis staat op een plek waar Dossierkluis niet kan schrijven/);
    await refusal.first().waitFor({ state: 'visible', timeout: 10_000 });
    await refusal.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'read-only-02-refused.png'), fullPage: false });
    expect((await callCore(testHost, 'settings.get', {})).autoLockMinutes).not.toBe(5);
    expect(snapshot(media)).toEqual(before);
  });
});
