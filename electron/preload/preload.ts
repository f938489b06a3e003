// The page's only door to the core: one object, two methods, two fixed channels. ipcRenderer
// itself and its event objects never reach the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreEvent, DossierkluisBridge, HandlerName, Input, Output, Result } from '../../shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../main/ipc-channels';

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
} satisfies DossierkluisBridge;

contextBridge.exposeInMainWorld('dossierkluis', bridge);
