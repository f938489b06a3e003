import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_LABELS, applicationMenuTemplate, languageOfCall, type MenuLanguage } from '../../electron/main/menu-template';

function labelsOf(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.label ? [item.label] : []), ...(Array.isArray(item.submenu) ? labelsOf(item.submenu as MenuItemConstructorOptions[]) : [])]);
}

const template = (language: MenuLanguage, isPackaged = false) => applicationMenuTemplate({ isPackaged, isMac: false, language, onLock: () => {} });

describe('the native menu', () => {
  it('speaks the chosen language in every label', () => {
    expect(labelsOf(template('nl'))).toEqual(Object.values(MENU_LABELS).map((label) => label.nl));
    expect(labelsOf(template('en'))).toEqual(Object.values(MENU_LABELS).map((label) => label.en));
    expect(labelsOf(template('en')).slice(0, 3)).toEqual(['File', 'Lock', 'Quit']);
    expect(labelsOf(template('nl')).slice(0, 3)).toEqual(['Bestand', 'Vergrendelen', 'Afsluiten']);
  });

  it('gives each language its own words, not a copy of the other', () => {
    const same = Object.entries(MENU_LABELS).filter(([, label]) => (label.nl as string) === label.en);
    expect(same).toEqual([]);
  });

  it('keeps reload and developer tools out of a packaged app in both languages', () => {
    for (const language of ['nl', 'en'] as const) {
      const labels = labelsOf(template(language, true));
      expect(labels).not.toContain(MENU_LABELS.reload[language]);
      expect(labels).not.toContain(MENU_LABELS.devTools[language]);
    }
  });

  it('locks the vault from the menu', () => {
    let locked = 0;
    const items = applicationMenuTemplate({ isPackaged: true, isMac: true, language: 'en', onLock: () => locked++ });
    expect(items[0]).toEqual({ role: 'appMenu' });
    const file = (items[1]!.submenu as MenuItemConstructorOptions[])[0]!;
    expect(file).toMatchObject({ label: 'Lock', accelerator: 'CmdOrCtrl+L' });
    (file.click as () => void)();
    expect(locked).toBe(1);
  });
});

describe('languageOfCall', () => {
  it('takes the language from the answers to settings.get and settings.update', () => {
    expect(languageOfCall('settings.get', { ok: true, value: { autoLockMinutes: 10, language: 'en' } })).toBe('en');
    expect(languageOfCall('settings.update', { ok: true, value: { autoLockMinutes: 5, language: 'nl' } })).toBe('nl');
  });

  it('ignores other calls, failures and values that are not a language', () => {
    expect(languageOfCall('vault.status', { ok: true, value: { language: 'en' } })).toBeNull();
    expect(languageOfCall('settings.get', { ok: false, error: { code: 'VAULT_LOCKED', message: 'locked' } })).toBeNull();
    expect(languageOfCall('settings.get', { ok: true, value: { language: 'de' } })).toBeNull();
    expect(languageOfCall('settings.get', { ok: true, value: null })).toBeNull();
  });
});
