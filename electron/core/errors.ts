import type { ApiError, ErrorCode } from '../../shared/api/errors';

/** An error the core means to report: it carries a stable code that the UI translates. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CoreError';
  }

  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Map file-system failures that users can act on (full disk, no permission) to stable codes. */
export function fromFileSystemError(error: unknown, context: string): CoreError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new CoreError('DISK_FULL', `${context}: disk full`, undefined, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CoreError('PERMISSION_DENIED', `${context}: permission denied`, undefined, { cause: error });
  }
  if (code === 'ENOENT') {
    return new CoreError('VAULT_NOT_FOUND', `${context}: not found`, undefined, { cause: error });
  }
  return new CoreError('INTERNAL', `${context}: ${(error as Error)?.message ?? String(error)}`, undefined, { cause: error });
}
