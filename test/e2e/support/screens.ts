import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, openPage, type BrowserSession } from './browser';

export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results/screenshots');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Save a full-page screenshot of the screen as it is now, and scan it with axe-core: no serious or
 * critical violation of WCAG 2.1 A/AA may remain.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Captured from the top: a full-page capture of a scrolled page draws fixed elements at the
  // scroll offset, so the skip link parked above the viewport would show up over the header.
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  await page.evaluate((y) => window.scrollTo(0, y), scrollY);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
  );
  expect(report, `axe on screen "${name}"`).toEqual([]);
}

/** Open the host's page, pick the recent vault and unlock it, until the main layout shows. */
export async function unlockRecentVault(page: Page, url: string, passphrase: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Kluis Werkbestand openen' }).click();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * Chromium on a fresh page, unlocked on the host's recent vault: the start of most end-to-end
 * files. `close` lets go of the page and the browser (the host is the caller's).
 */
export async function unlockedInBrowser(url: string, passphrase: string): Promise<BrowserSession & { close(): Promise<void> }> {
  const browser = await launchBrowser();
  const session = await openPage(browser);
  const close = async () => {
    await session.context.close();
    await browser.close();
  };
  try {
    await unlockRecentVault(session.page, url, passphrase);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...session, close };
}
