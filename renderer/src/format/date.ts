import type { Language } from '../i18n';
import { formatDate } from '../../../shared/i18n/format';

// One implementation for the screens and the audit trail's sentences.
export { formatDate };

const pad = (value: number) => String(value).padStart(2, '0');

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso, language)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today as jjjj-mm-dd, for file names (sorts well in a folder). */
export function fileDateStamp(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
