import type { Language } from '../i18n';

const pad = (value: number) => String(value).padStart(2, '0');

/** dd-mm-jjjj in Dutch (the Dutch government's usual notation); dd/mm/yyyy in English. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const separator = language === 'nl' ? '-' : '/';
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
