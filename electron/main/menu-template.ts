import type { MenuItemConstructorOptions } from 'electron';
import type { Result, VaultSettings } from '../../shared/api';

/**
 * The native menu as plain data, apart from menu.ts, so that its labels and the choice of language
 * can be tested without an Electron binary.
 */

export type MenuLanguage = VaultSettings['language'];

/** Every label in both languages side by side, so that neither can be forgotten. */
export const MENU_LABELS = {
  file: { nl: 'Bestand', en: 'File' },
  lock: { nl: 'Vergrendelen', en: 'Lock' },
  quit: { nl: 'Afsluiten', en: 'Quit' },
  edit: { nl: 'Bewerken', en: 'Edit' },
  undo: { nl: 'Ongedaan maken', en: 'Undo' },
  redo: { nl: 'Opnieuw', en: 'Redo' },
  cut: { nl: 'Knippen', en: 'Cut' },
  copy: { nl: 'Kopiëren', en: 'Copy' },
  paste: { nl: 'Plakken', en: 'Paste' },
  selectAll: { nl: 'Alles selecteren', en: 'Select all' },
  view: { nl: 'Beeld', en: 'View' },
  resetZoom: { nl: 'Werkelijke grootte', en: 'Actual size' },
  zoomIn: { nl: 'Inzoomen', en: 'Zoom in' },
  zoomOut: { nl: 'Uitzoomen', en: 'Zoom out' },
  fullScreen: { nl: 'Volledig scherm', en: 'Full screen' },
  reload: { nl: 'Opnieuw laden', en: 'Reload' },
  devTools: { nl: 'Ontwikkelhulpmiddelen', en: 'Developer tools' },
} as const satisfies Record<string, Record<MenuLanguage, string>>;

export interface MenuOptions {
  isPackaged: boolean;
  isMac: boolean;
  language: MenuLanguage;
  onLock: () => void;
}

/** A minimal menu; zoom stays available because users may need larger text. */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const label = (key: keyof typeof MENU_LABELS) => MENU_LABELS[key][options.language];
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: label('file'),
      submenu: [
        { label: label('lock'), accelerator: 'CmdOrCtrl+L', click: () => options.onLock() },
        { type: 'separator' },
        { label: label('quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: label('edit'),
      submenu: [
        { label: label('undo'), role: 'undo' },
        { label: label('redo'), role: 'redo' },
        { type: 'separator' },
        { label: label('cut'), role: 'cut' },
        { label: label('copy'), role: 'copy' },
        { label: label('paste'), role: 'paste' },
        { label: label('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: label('view'),
      submenu: [
        { label: label('resetZoom'), role: 'resetZoom' },
        { label: label('zoomIn'), role: 'zoomIn' },
        { label: label('zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: label('fullScreen'), role: 'togglefullscreen' },
        ...(options.isPackaged
          ? []
          : ([
              { type: 'separator' },
              { label: label('reload'), role: 'reload' },
              { label: label('devTools'), role: 'toggleDevTools' },
            ] satisfies MenuItemConstructorOptions[])),
      ],
    },
  ];
}

/**
 * The language a call through IPC reveals, or null. The language is a setting inside the vault,
 * and the renderer applies it from exactly these two answers (settings.get after every unlock,
 * settings.update after a change), so the menu follows the same answers and cannot disagree with
 * the screens.
 */
export function languageOfCall(name: unknown, result: Result<unknown>): MenuLanguage | null {
  if ((name !== 'settings.get' && name !== 'settings.update') || !result.ok) return null;
  const language = (result.value as Partial<VaultSettings> | null)?.language;
  return language === 'nl' || language === 'en' ? language : null;
}
