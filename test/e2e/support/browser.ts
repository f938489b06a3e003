import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function findChromium(): string | null {
  for (const candidate of [process.env.CHROME_PATH, DEFAULT_CHROMIUM]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export const chromiumPath = findChromium();

/**
 * Without a browser the end-to-end tests are skipped with a plain message, except in CI, where
 * they run and fail: a CI machine without Chromium must not pass silently.
 */
export const skipWithoutBrowser = chromiumPath === null && process.env.CI !== 'true';

if (chromiumPath === null) {
  const where = process.env.CHROME_PATH ? `${process.env.CHROME_PATH} or ${DEFAULT_CHROMIUM}` : DEFAULT_CHROMIUM;
  console.warn(
    process.env.CI === 'true'
      ? `No Chromium found (${where}): the end-to-end tests fail under CI=true.`
      : `No Chromium found (${where}): the end-to-end tests are skipped. Install chromium or set CHROME_PATH to run them.`,
  );
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error(`No Chromium found: install chromium (${DEFAULT_CHROMIUM}) or set CHROME_PATH.`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, CSP refusals among them. */
  problems: string[];
}

/** A fresh context per test file: no storage, cookies or tokens carried over. */
export async function openPage(browser: Browser): Promise<BrowserSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}
