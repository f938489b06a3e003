import type { CoreEvent, DocumentPrintRequest, DossierkluisBridge, FileChoicePurpose, HandlerName, Input, Output, Result } from '../../shared/api';
import { fileChooserFor, type FileChooser } from './bridge/file-chooser';

let bridge: DossierkluisBridge | null = null;
let onVaultLockedError: () => void = () => {};

export function setBridge(connected: DossierkluisBridge): void {
  bridge = connected;
}

/** Called when any call finds the vault locked (the lock event may have been missed). */
export function setVaultLockedErrorHandler(handler: () => void): void {
  onVaultLockedError = handler;
}

/**
 * Every call from the UI to the core goes through here. It never rejects: both bridges turn a
 * transport failure into a Result, so event handlers may fire it with `void`.
 */
export async function callCore<K extends HandlerName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
  if (!bridge) return { ok: false, error: { code: 'INTERNAL', message: 'no connection to the core' } };
  const result = await bridge.call(name, input);
  if (!result.ok && result.error.code === 'VAULT_LOCKED') onVaultLockedError();
  return result;
}

export function subscribeToCoreEvents(listener: (event: CoreEvent) => void): () => void {
  return bridge ? bridge.onEvent(listener) : () => {};
}

/** The native file dialog for a path field, or null where there is none (the browser host). */
export function fileChooser(purpose: FileChoicePurpose): FileChooser | null {
  return fileChooserFor(bridge, purpose);
}

/** The desktop app's print of a document version (system print dialog), or null in the browser host. */
export function documentPrinter(): ((request: DocumentPrintRequest) => Promise<boolean>) | null {
  const print = bridge?.printDocument;
  return print ? (request) => print.call(bridge, request) : null;
}
