import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/i18n';
import { nameWithOrganisation } from '../../renderer/src/format/party';

/** The text slips a new user met (issue 14, new user 7), in both languages, through the app's own resources. */
async function translator(language: 'nl' | 'en') {
  const i18n = createInstance();
  await i18n.init({ resources, lng: language, fallbackLng: 'nl', interpolation: { escapeValue: false }, initAsync: false });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

describe('texts a new user reads', () => {
  it('puts counts through plural forms: "1 dag", not "1 dagen"', async () => {
    const nl = await translator('nl');
    const en = await translator('en');
    expect(nl('reports.year.days', { count: 1 })).toBe('1 dag');
    expect(nl('reports.year.days', { count: 3 })).toBe('3 dagen');
    expect(en('reports.year.days', { count: 1 })).toBe('1 day');
    expect(nl('subjects.network.partial', { count: 1, reason: 'x' })).toBe('1 subject kon niet worden geladen en ontbreekt: x');
    expect(en('subjects.network.partial', { count: 2, reason: 'x' })).toBe('2 subjects could not be loaded and are missing: x');
  });

  it('does not say the recovery key is shown only once, since Instellingen can show it again', async () => {
    const nl = await translator('nl');
    const en = await translator('en');
    expect(nl('recoveryKey.onceWarning')).not.toContain('één keer');
    expect(nl('recoveryKey.onceWarning')).toContain('Instellingen › Herstelsleutel tonen');
    expect(en('recoveryKey.onceWarning')).toContain('Settings › Show recovery key');
  });

  it('leaves no empty brackets after a name without an organisation', () => {
    expect(nameWithOrganisation('P. Leider (demo)', '')).toBe('P. Leider (demo)');
    expect(nameWithOrganisation('P. Leider (demo)', '  ')).toBe('P. Leider (demo)');
    expect(nameWithOrganisation('P. Leider', 'RIEC Oost')).toBe('P. Leider (RIEC Oost)');
  });

  it('separates a meeting title from its date, and notes a document version with its note', async () => {
    const nl = await translator('nl');
    expect(nl('meetings.titleOnDate', { title: 'Casusoverleg', date: '12-05-2026' })).toBe('Casusoverleg – 12-05-2026');
    expect(nl('documents.version.optionWithNote', { version: 2, date: 'd', name: 'n', origin: '', note: 'Na overleg' })).toBe('Versie 2 – d, n: Na overleg');
  });
  it('says that the export progress counts the content, which the saved bundle outgrows', async () => {
    const nl = await translator('nl');
    // The progress counts the dossiers' bytes (6,5 kB); the file adds tar headers, age and the signature (10,7 kB).
    expect(nl('bundles.export.write.progress', { done: '6,5 kB', total: '6,5 kB', percent: 100 })).toBe('Bundel wordt gemaakt: 6,5 kB van 6,5 kB aan inhoud (100%)');
    expect(nl('bundles.export.write.done', { path: 'x.dkbundel', size: '10,7 kB' })).toBe('Opgeslagen in x.dkbundel (10,7 kB, met versleuteling en handtekening).');
  });
});
