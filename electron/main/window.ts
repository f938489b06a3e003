import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-origin';

export function createMainWindow(options: { preloadPath: string; isPackaged: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Dossierkluis',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click (auxclick) on a link would otherwise try to open it in a new window.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // Linux spellchecking downloads dictionaries; dossier text must not trigger network traffic.
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
