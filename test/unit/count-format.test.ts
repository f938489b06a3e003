import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { countFormatter, formatCount } from '../../renderer/src/format/count';
import { resources } from '../../renderer/src/i18n';

/** An i18next instance set up as the renderer's initI18n sets it up (without React and storage). */
async function translator(language: 'nl' | 'en') {
  const instance = i18next.createInstance();
  await instance.use(countFormatter).init({ resources, lng: language, fallbackLng: 'nl', interpolation: { escapeValue: false, alwaysFormat: true } });
  return instance.t;
}

describe('counts', () => {
  it('get thousands separators in both languages', () => {
    expect(formatCount(100_000, 'nl')).toBe('100.000');
    expect(formatCount(100_000, 'en')).toBe('100,000');
    expect(formatCount(1_000, 'nl')).toBe('1.000');
    expect(formatCount(999, 'en')).toBe('999');
  });

  it('are formatted in every text that interpolates one, and nothing else is', async () => {
    const nl = await translator('nl');
    const en = await translator('en');
    expect(nl('signals.list.count', { count: 100_000 })).toBe('100.000 signalen');
    expect(en('signals.list.count', { count: 100_000 })).toBe('100,000 signals');
    expect(nl('search.results.summaryMore', { count: 10_000, duration: '12 ms' })).toBe('Meer dan 10.000 resultaten gevonden in 12 ms.');
    expect(nl('subjects.picker.resultsMore', { shown: 1_000, total: 21_000 })).toContain('De eerste 1.000 van 21.000 subjecten');
    // Not a count: a percentage, sizes already formatted and a dossier number pass unchanged.
    expect(nl('attachments.progress.importing', { done: '6,5 kB', total: '10,7 kB', percent: 1250 })).toBe('Bijlage wordt toegevoegd: 6,5 kB van 10,7 kB (1250%)');
    expect(nl('search.results.noteTitle', { number: '2026-0042' })).toBe('Notitie in dossier 2026-0042');
  });
});
