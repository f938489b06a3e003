import { BrowserWindow } from 'electron';
import type { PdfRequest } from '../core/documents/pdf';
import { PDF_MARGINS_MM } from '../core/documents/pdf';

/**
 * Printing and PDF for the document template, in Electron.
 *
 * The template is rendered in a window of its own that is never shown: sandboxed, no Node, no
 * preload, JavaScript off, in the app's hardened session (every request but app:, data: and blob:
 * is cancelled, every permission denied, navigation and new windows blocked by guardWebContents).
 * The HTML arrives as a data: URL, so nothing decrypted touches the disk; the template carries its
 * own CSP (`default-src 'none'; style-src 'unsafe-inline'`). The window is destroyed afterwards,
 * whatever happened.
 */
function documentWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      images: true,
    },
  });
}

function dataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

const inches = (mm: number) => mm / 25.4;

/** The core's PdfRenderer in the app: Chromium's own printToPDF with the template's running head and foot. */
export async function printToPdf(request: PdfRequest): Promise<Uint8Array> {
  const window = documentWindow();
  try {
    await window.loadURL(dataUrl(request.html));
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: request.headerTemplate,
      footerTemplate: request.footerTemplate,
      margins: {
        top: inches(PDF_MARGINS_MM.top),
        bottom: inches(PDF_MARGINS_MM.bottom),
        left: inches(PDF_MARGINS_MM.left),
        right: inches(PDF_MARGINS_MM.right),
      },
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
}

/** The system's print dialog for the template; resolves to whether it was printed (false: cancelled or failed). */
export async function printHtml(html: string): Promise<boolean> {
  const window = documentWindow();
  try {
    await window.loadURL(dataUrl(html));
    return await new Promise<boolean>((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
    });
  } finally {
    window.destroy();
  }
}
