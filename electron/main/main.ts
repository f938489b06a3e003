// Electron main process: lifecycle only. The core does the work; the other modules here harden
// the shell around it.
import fs from 'node:fs';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import type { CoreService } from '../core/api/core-service';
import { CoreWorkerClient } from '../core/worker/core-worker-client';
import { registerAppProtocol, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc';
import { buildApplicationMenu } from './menu';
import type { MenuLanguage } from './menu-template';
import { openTemporaryCopy } from './open-path';
import { printToPdf } from './document-output';
import { bundleWriterWorkerPath, coreWorkerPath, electronNativeBinding, integrityWorkerPath, preloadPath, rendererRoot } from './paths';
import { lockOnSuspendAndScreenLock } from './power';
import { guardWebContents, hardenSession, type HardeningOptions } from './security';
import { createMainWindow } from './window';

const hardening: HardeningOptions = { allowDevTools: !app.isPackaged };
let mainWindow: BrowserWindow | null = null;
let core: CoreService | null = null;

// Both must happen before 'ready'.
registerAppScheme();
app.enableSandbox();

if (app.isPackaged && (app.commandLine.hasSwitch('remote-debugging-port') || app.commandLine.hasSwitch('remote-debugging-pipe'))) {
  // A debugger attached to the renderer could read decrypted dossier data.
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Two processes on one vault would fight over it; the first instance takes the focus instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('session-created', (ses) => hardenSession(ses, hardening));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, hardening));
  // Closing the window quits on every OS: a running app without a window would keep a vault open.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', lockBeforeQuitting);
  app.whenReady().then(start, (error: unknown) => fail(String(error)));
}

function start(): void {
  const nativeBinding = electronNativeBinding();
  if (!fs.existsSync(nativeBinding)) {
    fail(`De databasemodule voor Electron ontbreekt (${nativeBinding}). Start de app met "npm start".`);
    return;
  }

  hardenSession(session.defaultSession, hardening);
  registerAppProtocol(rendererRoot);

  // The core owns the vault in a worker thread: Argon2id and long vault work never block this
  // process, which keeps the window and IPC responsive.
  const activeCore = new CoreWorkerClient(
    {
      userDataDir: app.getPath('userData'),
      // New vaults go to the per-user application folder unless the user picks another place.
      defaultVaultDir: app.getPath('userData'),
      host: 'electron',
      appVersion: app.getVersion(),
      vault: { nativeBinding, integrityWorker: { script: integrityWorkerPath } },
      bundles: { writerWorker: { script: bundleWriterWorkerPath } },
    },
    coreWorkerPath,
    [],
    // "Open with another program" for attachments: the worker asks, this process opens.
    // PDFs of documents: the worker asks, this process renders with Chromium's printToPDF.
    { openPath: openTemporaryCopy, renderPdf: printToPdf },
  );
  core = activeCore;
  // Dutch until the vault's language setting is read; rebuilt only when the language changes.
  let menuLanguage: MenuLanguage = 'nl';
  const setMenu = () =>
    Menu.setApplicationMenu(
      buildApplicationMenu({
        isPackaged: app.isPackaged,
        isMac: process.platform === 'darwin',
        language: menuLanguage,
        onLock: () => void activeCore.lock('user'),
      }),
    );
  registerIpc(
    activeCore,
    () => mainWindow,
    (language) => {
      if (language === menuLanguage) return;
      menuLanguage = language;
      setMenu();
    },
  );
  lockOnSuspendAndScreenLock(activeCore);
  setMenu();

  mainWindow = createMainWindow({ preloadPath, isPackaged: app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Quit only after the core has locked the vault (WAL folded, key wiped) and stopped its worker. */
function lockBeforeQuitting(event: Electron.Event): void {
  const closing = core;
  if (!closing) return;
  event.preventDefault();
  core = null;
  // An event listener cannot wait: quit however the dispose ends, and log a failure instead of leaving it unhandled.
  void Promise.resolve(closing.dispose())
    .catch((error: unknown) => console.error('Locking the vault before quitting failed:', error))
    .finally(() => app.quit());
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function fail(message: string): void {
  console.error(message);
  dialog.showErrorBox('Dossierkluis kan niet starten', message);
  app.exit(1);
}
