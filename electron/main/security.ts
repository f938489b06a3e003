import type { Session, WebContents } from 'electron';
import { isAppOriginUrl } from './app-origin';
import { isAllowedRequestUrl } from './request-filter';

export interface HardeningOptions {
  /** Development only: DevTools may open and load its devtools:// front end. */
  allowDevTools: boolean;
}

const hardened = new WeakSet<Session>();

/** Every permission denied, every request that is not ours cancelled, no downloads. */
export function hardenSession(ses: Session, options: HardeningOptions): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, options) });
  });
  // Files leave the app only through the core (backup, export), never as a browser download.
  ses.on('will-download', (event) => event.preventDefault());
}

/** Applied to every webContents, including any we did not create ourselves. */
export function guardWebContents(contents: WebContents, options: HardeningOptions): void {
  contents.on('will-navigate', (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!options.allowDevTools) {
    // Second line behind `devTools: false`: close DevTools should anything open them anyway.
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}
