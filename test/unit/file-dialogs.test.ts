import { describe, expect, it } from 'vitest';
import { chosenOpenPath, chosenSavePath, planFileDialog } from '../../electron/main/file-dialog-options';
import { fileChoiceRequestSchema } from '../../shared/api';

const VAULT_FILTERS = [{ name: 'Dossierkluis-kluis', extensions: ['kluis'] }];

describe('planFileDialog', () => {
  it('asks where to save a new vault, in Dutch, starting from the field', () => {
    expect(planFileDialog({ purpose: 'create-vault', defaultPath: '/home/jan/Werkbestand.kluis' })).toEqual({
      kind: 'save',
      options: {
        title: 'Plaats van de nieuwe kluis kiezen',
        defaultPath: '/home/jan/Werkbestand.kluis',
        filters: VAULT_FILTERS,
        properties: ['createDirectory'],
      },
    });
  });

  it('asks where to save a backup, in Dutch', () => {
    expect(planFileDialog({ purpose: 'backup', defaultPath: 'D:\\kopie\\Werkbestand.kluis' })).toEqual({
      kind: 'save',
      options: {
        title: 'Plaats van de reservekopie kiezen',
        defaultPath: 'D:\\kopie\\Werkbestand.kluis',
        filters: VAULT_FILTERS,
        properties: ['createDirectory'],
      },
    });
  });

  it('opens one existing vault file, in Dutch', () => {
    expect(planFileDialog({ purpose: 'open-vault' })).toEqual({
      kind: 'open',
      options: { title: 'Kluisbestand openen', filters: VAULT_FILTERS, properties: ['openFile'] },
    });
  });

  it('gives no starting point for an empty or blank field', () => {
    expect(planFileDialog({ purpose: 'backup', defaultPath: '' })?.options).not.toHaveProperty('defaultPath');
    expect(planFileDialog({ purpose: 'open-vault', defaultPath: '   ' })?.options).not.toHaveProperty('defaultPath');
  });

  it('hands out a fresh filter list each time, so one dialog cannot change the next', () => {
    const first = planFileDialog({ purpose: 'open-vault' })!;
    first.options.filters[0]!.extensions.push('exe');
    expect(planFileDialog({ purpose: 'open-vault' })!.options.filters).toEqual(VAULT_FILTERS);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'create-vault'],
    ['an array', ['open-vault']],
    ['no purpose', { defaultPath: '/tmp/a.kluis' }],
    ['an unknown purpose', { purpose: 'open-folder' }],
    ['a purpose of the wrong case', { purpose: 'Backup' }],
    ['an extra key', { purpose: 'open-vault', properties: ['openDirectory', 'multiSelections'] }],
    ['a path that is not a string', { purpose: 'backup', defaultPath: 42 }],
    ['a NUL byte in the path', { purpose: 'backup', defaultPath: '/tmp/a\0.kluis' }],
    ['an over-long path', { purpose: 'create-vault', defaultPath: `/${'a'.repeat(4096)}` }],
  ])('refuses %s', (_label, request) => {
    expect(planFileDialog(request)).toBeNull();
    expect(fileChoiceRequestSchema.safeParse(request).success).toBe(false);
  });

  it('saves a bundle, a partner card and an age key with their own filter and extension', () => {
    expect(planFileDialog({ purpose: 'bundle-export', defaultPath: '/home/jan/Dossiers.dkbundel' })).toEqual({
      kind: 'save',
      options: {
        title: 'Bundel opslaan als',
        defaultPath: '/home/jan/Dossiers.dkbundel',
        filters: [{ name: 'Dossierkluis-bundel', extensions: ['dkbundel'] }],
        properties: ['createDirectory'],
      },
      extension: 'dkbundel',
    });
    expect(planFileDialog({ purpose: 'partner-card-export' })).toMatchObject({ kind: 'save', extension: 'json', options: { title: 'Partnerkaart opslaan als' } });
    expect(planFileDialog({ purpose: 'age-identity-export' })).toMatchObject({ kind: 'save', extension: 'txt' });
  });

  it('opens a bundle and a partner card', () => {
    expect(planFileDialog({ purpose: 'bundle-import' })).toEqual({
      kind: 'open',
      options: { title: 'Bundel openen', filters: [{ name: 'Dossierkluis-bundel', extensions: ['dkbundel'] }], properties: ['openFile'] },
    });
    expect(planFileDialog({ purpose: 'partner-card-import' })).toMatchObject({ kind: 'open', options: { title: 'Partnerkaart openen' } });
  });

  it('accepts a path of exactly the maximum length', () => {
    expect(planFileDialog({ purpose: 'open-vault', defaultPath: 'a'.repeat(4096) })).not.toBeNull();
  });
});

describe('chosenSavePath', () => {
  it('is null when the dialog was cancelled', () => {
    expect(chosenSavePath({ canceled: true, filePath: '' })).toBeNull();
    expect(chosenSavePath({ canceled: true, filePath: '/tmp/a.kluis' })).toBeNull();
    expect(chosenSavePath({ canceled: false, filePath: '' })).toBeNull();
  });

  it('keeps a chosen vault name as it is', () => {
    expect(chosenSavePath({ canceled: false, filePath: '/home/jan/Kopie.kluis' })).toBe('/home/jan/Kopie.kluis');
    expect(chosenSavePath({ canceled: false, filePath: 'C:\\Users\\jan\\KOPIE.KLUIS' })).toBe('C:\\Users\\jan\\KOPIE.KLUIS');
  });

  it('adds the vault extension where the dialog did not', () => {
    expect(chosenSavePath({ canceled: false, filePath: '/home/jan/Kopie' })).toBe('/home/jan/Kopie.kluis');
    expect(chosenSavePath({ canceled: false, filePath: '/home/jan/kluis' })).toBe('/home/jan/kluis.kluis');
  });

  it('adds a bundle’s own extension where the dialog did not', () => {
    expect(chosenSavePath({ canceled: false, filePath: '/home/jan/Voor RIEC' }, { extension: 'dkbundel' })).toBe('/home/jan/Voor RIEC.dkbundel');
    expect(chosenSavePath({ canceled: false, filePath: '/home/jan/Voor RIEC.DKBUNDEL' }, { extension: 'dkbundel' })).toBe('/home/jan/Voor RIEC.DKBUNDEL');
  });

  it('refuses a path the core would refuse', () => {
    expect(chosenSavePath({ canceled: false, filePath: `/${'a'.repeat(4100)}` })).toBeNull();
  });
});

describe('chosenOpenPath', () => {
  it('is the one chosen file, or null when cancelled', () => {
    expect(chosenOpenPath({ canceled: false, filePaths: ['/home/jan/Werkbestand.kluis'] })).toBe('/home/jan/Werkbestand.kluis');
    expect(chosenOpenPath({ canceled: true, filePaths: [] })).toBeNull();
    expect(chosenOpenPath({ canceled: false, filePaths: [] })).toBeNull();
  });
});
