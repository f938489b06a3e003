import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/api';
import type { CoreService } from '../core/api/core-service';
import { isAppOriginUrl } from './app-origin';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';
import { isTrustedSender } from './sender-check';

type WindowGetter = () => BrowserWindow | null;

/** One request channel into the core and one event channel out; nothing else is listened to. */
export function registerIpc(core: CoreService, getWindow: WindowGetter): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isFromOurMainFrame(event, getWindow())) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'IPC from a frame that is not the app' } };
    }
    // The core validates the handler name and the input itself.
    return core.call(name, input);
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
