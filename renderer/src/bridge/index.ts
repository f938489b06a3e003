import type { DossierkluisBridge } from '../../../shared/api';
import { HttpBridge, type HttpBridgeOptions } from './http-bridge';
import { takeHostToken } from './token';

/**
 * In Electron the preload provides `window.dossierkluis`; in the browser host the page talks
 * HTTP with the token it was given. Null means: opened without a token, so no access.
 */
export function connectBridge(options: HttpBridgeOptions = {}): DossierkluisBridge | null {
  const electronBridge = (window as unknown as { dossierkluis?: DossierkluisBridge }).dossierkluis;
  // IPC events are not lost while the window lives, so the options concern the HTTP stream only.
  if (electronBridge) return electronBridge;
  const token = takeHostToken();
  return token ? new HttpBridge(token, options) : null;
}
