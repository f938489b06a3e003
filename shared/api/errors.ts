/**
 * Stable error codes that cross every boundary (IPC, browser host, CLI). The UI and the CLI turn a
 * code into a Dutch (or English) sentence through the i18n resources (`errors.<CODE>`); the
 * `message` that travels with it is for logs and developers.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_HANDLER',
  'FORBIDDEN_SENDER',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'TOO_MANY_ATTEMPTS',
  'WEAK_PASSPHRASE',
  'VAULT_LOCKED',
  'VAULT_ALREADY_UNLOCKED',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_IN_USE',
  'VAULT_TOO_NEW',
  'VAULT_CORRUPT',
  'KEY_FILE_MISSING',
  'KEY_FILE_INVALID',
  'BACKUP_INVALID',
  'DISK_FULL',
  'IO_ERROR',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'FILE_EXISTS',
  'FILE_NOT_REGULAR',
  'FILE_NOT_FOUND',
  'FOLDER_NOT_FOUND',
  'NAME_TOO_LONG',
  'VAULT_READ_ONLY',
  'VAULT_READ_ONLY_NEEDS_COPY',
  'INVALID_STATUS_TRANSITION',
  'CLOSING_REASON_REQUIRED',
  'REOPEN_REASON_REQUIRED',
  'SIGNAL_ALREADY_IN_DOSSIER',
  'MERGE_CONFLICT',
  'PHENOMENON_EXISTS',
  'DATE_IN_FUTURE',
  'DATE_BEFORE_LAST_CHANGE',
  'CANCELLED',
  'OPEN_FAILED',
  'BUNDLE_NOT_AGE',
  'BUNDLE_PASSPHRASE_REQUIRED',
  'BUNDLE_WRONG_PASSPHRASE',
  'BUNDLE_NOT_FOR_THIS_VAULT',
  'BUNDLE_WRONG_RECIPIENT',
  'BUNDLE_DAMAGED',
  'BUNDLE_UNSIGNED',
  'BUNDLE_SIGNATURE_INVALID',
  'BUNDLE_TAMPERED',
  'BUNDLE_INVALID',
  'BUNDLE_UNSAFE_PATH',
  'BUNDLE_TOO_LARGE',
  'BUNDLE_TOO_NEW',
  'BUNDLE_SENDER_UNKNOWN',
  'BUNDLE_SENDER_MISMATCH',
  'BUNDLE_CHANGED',
  'BUNDLE_ALREADY_IMPORTED',
  'BUNDLE_TLP_BLOCKED',
  'PARTNER_CARD_INVALID',
  'PARTNER_CARD_SECRET_KEY',
  'PARTNER_EXISTS',
  'PARTNER_IS_SELF',
  'DOCUMENT_CHANGED',
  'PDF_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras, e.g. `retryAfterSeconds` for TOO_MANY_ATTEMPTS. */
  details?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
