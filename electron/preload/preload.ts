// The page's only door to the main process: one object, three methods, three fixed channels.
// ipcRenderer itself and its event objects never reach the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreEvent, DocumentPrintRequest, DossierkluisBridge, FileChoiceRequest, HandlerName, Input, Output, Result } from '../../shared/api';
import { CALL_CHANNEL, CHOOSE_FILE_CHANNEL, EVENT_CHANNEL, PRINT_DOCUMENT_CHANNEL } from '../main/ipc-channels';

const bridge = {
  async call<K extends HandlerName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
    try {
      return (await ipcRenderer.invoke(CALL_CHANNEL, name, input)) as Result<Output<K>>;
    } catch (error) {
      // Keep the contract: the page always gets a Result, never a rejected IPC promise.
      return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
    }
  },

  onEvent(listener: (event: CoreEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
    const forward = (_event: IpcRendererEvent, coreEvent: CoreEvent): void => listener(coreEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },

  // The main process validates the request (the schema is not bundled here: the preload stays
  // free of everything but 'electron'); a failed dialog counts as a cancelled one.
  async chooseFile(request: FileChoiceRequest): Promise<string | null> {
    try {
      const chosen: unknown = await ipcRenderer.invoke(CHOOSE_FILE_CHANNEL, request);
      return typeof chosen === 'string' ? chosen : null;
    } catch {
      return null;
    }
  },

  // Only ids cross: the main process takes the template from the core and prints it.
  async printDocument(request: DocumentPrintRequest): Promise<boolean> {
    try {
      return (await ipcRenderer.invoke(PRINT_DOCUMENT_CHANNEL, request)) === true;
    } catch {
      return false;
    }
  },
} satisfies DossierkluisBridge;

contextBridge.exposeInMainWorld('dossierkluis', bridge);
