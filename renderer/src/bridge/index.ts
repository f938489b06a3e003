import type { DossierkluisBridge } from '../../../shared/api';
import { HttpBridge } from './http-bridge';
import { takeHostToken } from './token';

/**
 * In Electron the preload provides `window.dossierkluis`; in the browser host the page talks
 * HTTP with the token it was given. Null means: opened without a token, so no access.
 */
export function connectBridge(): DossierkluisBridge | null {
  const electronBridge = (window as unknown as { dossierkluis?: DossierkluisBridge }).dossierkluis;
  if (electronBridge) return electronBridge;
  const token = takeHostToken();
  return token ? new HttpBridge(token) : null;
}
