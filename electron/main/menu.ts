import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isPackaged: boolean;
  isMac: boolean;
  onLock: () => void;
}

/** A minimal Dutch menu; zoom stays available because users may need larger text. */
export function buildApplicationMenu(options: MenuOptions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Bestand',
      submenu: [
        { label: 'Vergrendelen', accelerator: 'CmdOrCtrl+L', click: () => options.onLock() },
        { type: 'separator' },
        { label: 'Afsluiten', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Werkelijke grootte', role: 'resetZoom' },
        { label: 'Inzoomen', role: 'zoomIn' },
        { label: 'Uitzoomen', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
        ...(options.isPackaged
          ? []
          : ([
              { type: 'separator' },
              { label: 'Opnieuw laden', role: 'reload' },
              { label: 'Ontwikkelhulpmiddelen', role: 'toggleDevTools' },
            ] satisfies MenuItemConstructorOptions[])),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
