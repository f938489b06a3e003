import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/api';
import type { CoreService } from '../core/api/core-service';
import { isAppOriginUrl } from './app-origin';
import { showFileDialog } from './file-dialogs';
import { printHtml } from './document-output';
import { CALL_CHANNEL, CHOOSE_FILE_CHANNEL, EVENT_CHANNEL, PRINT_DOCUMENT_CHANNEL } from './ipc-channels';
import { languageOfCall, type MenuLanguage } from './menu-template';
import { isTrustedSender } from './sender-check';

type WindowGetter = () => BrowserWindow | null;

/**
 * One request channel into the core, one event channel out, and one for the native file dialog;
 * nothing else is listened to.
 */
export function registerIpc(core: CoreService, getWindow: WindowGetter, onLanguage: (language: MenuLanguage) => void): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isFromOurMainFrame(event, getWindow())) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'IPC from a frame that is not the app' } };
    }
    // The core validates the handler name and the input itself.
    const result = await core.callUntrusted(name, input);
    const language = languageOfCall(name, result);
    if (language) onLanguage(language);
    return result;
  });

  // Only our own page may open a dialog, and only over our own window (modal, never a loose one).
  ipcMain.handle(CHOOSE_FILE_CHANNEL, async (event, request: unknown): Promise<string | null> => {
    const window = getWindow();
    if (window === null || !isFromOurMainFrame(event, window)) return null;
    // showFileDialog validates the request against the shared schema and refuses it with null.
    return showFileDialog(window, request);
  });

  // Printing: the renderer names the document, version and audience only; the HTML comes from the
  // core, which applies the sharing regime for that audience, so a compromised page cannot print
  // arbitrary markup in a window of ours. The print is recorded in the audit trail and the
  // disclosure register once the print dialog reports success.
  ipcMain.handle(PRINT_DOCUMENT_CHANNEL, async (event, request: unknown): Promise<boolean> => {
    if (!isFromOurMainFrame(event, getWindow())) return false;
    const { documentId, version, audience, override } = (request ?? {}) as { documentId?: unknown; version?: unknown; audience?: unknown; override?: unknown };
    if (!Number.isSafeInteger(documentId) || !Number.isSafeInteger(version) || (documentId as number) < 1 || (version as number) < 1) return false;
    // The core validates the audience and the override with the contract's schemas.
    const forWhom = { ...(audience !== undefined ? { audience } : {}), ...(override !== undefined ? { override } : {}) };
    const view = await core.callUntrusted('document.printView', { documentId, version, ...forWhom });
    if (!view.ok) return false;
    const printed = await printHtml((view.value as { html: string }).html);
    if (printed) await core.callUntrusted('document.printed', { documentId, version, ...forWhom });
    return printed;
  });

  core.onEvent((coreEvent) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    // Only push to our own page, never to whatever a window might show otherwise.
    if (!isAppOriginUrl(window.webContents.mainFrame.url)) return;
    window.webContents.send(EVENT_CHANNEL, coreEvent);
  });
}

function isFromOurMainFrame(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  const ours = window !== null && !window.isDestroyed() ? window.webContents : null;
  return isTrustedSender({
    url: frame?.url,
    isOurWindow: ours !== null && event.sender.id === ours.id,
    isMainFrame: frame !== null && ours !== null && frame.parent === null && frame.processId === ours.mainFrame.processId && frame.routingId === ours.mainFrame.routingId,
  });
}
