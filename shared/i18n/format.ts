/**
 * Sizes and dates in the user's language, for every side that writes text for people: the screens
 * (renderer/src/format) and the sentences of the audit trail (audit-sentences.ts).
 */
export type TextLanguage = 'nl' | 'en';

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

export function formatBytes(bytes: number, language: TextLanguage): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${UNITS[unit]}`;
}

// One date implementation for every side (shared/domain/dates.ts, on date-fns).
export { formatDate } from '../domain/dates';
