import { Menu } from 'electron';
import { applicationMenuTemplate, type MenuOptions } from './menu-template';

export type { MenuOptions } from './menu-template';

/** The native menu in the given language (Dutch until the vault's setting is known). */
export function buildApplicationMenu(options: MenuOptions): Menu {
  return Menu.buildFromTemplate(applicationMenuTemplate(options));
}
