import path from 'node:path';

const FALLBACK_NAME = 'bijlage';
const MAX_NAME_LENGTH = 255;

/**
 * The name an attachment is stored under: the base name only (a chosen path's folders say who
 * and where, and must never travel with the attachment), without control characters and the
 * characters Windows refuses in a name, trimmed, at most 255 characters with the extension kept.
 */
export function sanitizeFileName(name: string): string {
  const base = path.win32.basename(path.posix.basename(name));
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .trim()
    // Trailing dots and spaces are dropped by Windows; leading dots would hide the file.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned.length === 0) return FALLBACK_NAME;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = path.extname(cleaned).slice(0, 20);
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}
