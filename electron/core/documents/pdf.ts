import fs from 'node:fs';
import { CoreError } from '../kernel/errors';

/** What Chromium needs to print a document: the page and its running head and foot. */
export interface PdfRequest {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

/** Turns the template into PDF bytes: Electron's printToPDF in the app, headless Chromium elsewhere. */
export type PdfRenderer = (request: PdfRequest) => Promise<Uint8Array>;

/** The page layout both renderers use, in inches as Chromium's printToPDF wants them. */
export const PDF_MARGINS_MM = { top: 22, bottom: 20, left: 15, right: 15 } as const;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(environment: NodeJS.ProcessEnv = process.env): { path: string | null; searched: string[] } {
  const searched = [...(environment.CHROME_PATH ? [environment.CHROME_PATH] : []), ...CANDIDATES];
  return { path: searched.find((candidate) => fs.existsSync(candidate)) ?? null, searched };
}

interface PlaywrightLike {
  chromium: {
    launch(options: { executablePath: string; args: string[] }): Promise<{
      newContext(options: Record<string, unknown>): Promise<{
        route(pattern: string, handler: (route: { abort(): Promise<void> }) => Promise<void>): Promise<void>;
        newPage(): Promise<{
          setContent(html: string, options: { waitUntil: 'load' }): Promise<void>;
          pdf(options: Record<string, unknown>): Promise<Buffer>;
        }>;
      }>;
      close(): Promise<void>;
    }>;
  };
}

/**
 * PDF through headless Chromium driven by playwright-core (the browser host and the command line).
 * The page gets the HTML by `setContent`, so nothing decrypted is written to disk; JavaScript is
 * off and every request is refused (the template needs none). Without Chromium or playwright-core
 * the answer is PDF_UNAVAILABLE, with where it looked.
 */
export function chromiumPdfRenderer(environment: NodeJS.ProcessEnv = process.env): PdfRenderer {
  return async (request) => {
    const { path: executablePath, searched } = findChromium(environment);
    if (!executablePath) throw new CoreError('PDF_UNAVAILABLE', 'no Chromium found', { searched: searched.join(', ') });
    let playwright: PlaywrightLike;
    try {
      // A variable specifier: the bundler leaves it to run time, so the app does not carry playwright.
      const moduleName = 'playwright-core';
      playwright = (await import(moduleName)) as PlaywrightLike;
    } catch {
      throw new CoreError('PDF_UNAVAILABLE', 'playwright-core is not installed', { searched: `playwright-core; ${searched.join(', ')}` });
    }
    const browser = await playwright.chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(request.html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: request.headerTemplate,
        footerTemplate: request.footerTemplate,
        margin: {
          top: `${PDF_MARGINS_MM.top}mm`,
          bottom: `${PDF_MARGINS_MM.bottom}mm`,
          left: `${PDF_MARGINS_MM.left}mm`,
          right: `${PDF_MARGINS_MM.right}mm`,
        },
      });
    } finally {
      await browser.close();
    }
  };
}
