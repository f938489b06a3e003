import type { Language } from '../i18n';

const pad = (value: number) => String(value).padStart(2, '0');

/** dd-mm-jjjj in Dutch (the Dutch government's usual notation); dd/mm/yyyy in English. */
export function formatDate(iso: string, language: Language): string {
  const separator = language === 'nl' ? '-' : '/';
  // A plain date (2026-02-03) is a calendar day, not UTC midnight: never shift it by time zone.
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return [plain[3], plain[2], plain[1]].join(separator);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return [pad(date.getDate()), pad(date.getMonth() + 1), date.getFullYear()].join(separator);
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso, language)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today as jjjj-mm-dd, for file names (sorts well in a folder). */
export function fileDateStamp(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
