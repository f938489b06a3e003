import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/api';
import type { CoreService } from '../core/api/core-service';
import { isAppOriginUrl } from './app-origin';
import { showFileDialog } from './file-dialogs';
import { CALL_CHANNEL, CHOOSE_FILE_CHANNEL, EVENT_CHANNEL } from './ipc-channels';
import { isTrustedSender } from './sender-check';

type WindowGetter = () => BrowserWindow | null;

/**
 * One request channel into the core, one event channel out, and one for the native file dialog;
 * nothing else is listened to.
 */
export function registerIpc(core: CoreService, getWindow: WindowGetter): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isFromOurMainFrame(event, getWindow())) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'IPC from a frame that is not the app' } };
    }
    // The core validates the handler name and the input itself.
    return core.call(name, input);
  });

  // Only our own page may open a dialog, and only over our own window (modal, never a loose one).
  ipcMain.handle(CHOOSE_FILE_CHANNEL, async (event, request: unknown): Promise<string | null> => {
    const window = getWindow();
    if (window === null || !isFromOurMainFrame(event, window)) return null;
    // showFileDialog validates the request against the shared schema and refuses it with null.
    return showFileDialog(window, request);
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
    isMainFrame:
      frame !== null &&
      ours !== null &&
      frame.parent === null &&
      frame.processId === ours.mainFrame.processId &&
      frame.routingId === ours.mainFrame.routingId,
  });
}
