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

const pad = (value: number) => String(value).padStart(2, '0');

/** dd-mm-jjjj in Dutch (the Dutch government's usual notation); dd/mm/yyyy in English. */
export function formatDate(iso: string, language: TextLanguage): string {
  const separator = language === 'nl' ? '-' : '/';
  // A plain date (2026-02-03) is a calendar day, not UTC midnight: never shift it by time zone.
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return [plain[3], plain[2], plain[1]].join(separator);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return [pad(date.getDate()), pad(date.getMonth() + 1), date.getFullYear()].join(separator);
}
