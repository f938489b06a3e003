import fs from 'node:fs';
import path from 'node:path';
import type { ApiError, ErrorCode } from '../../../shared/api/errors';

function isNearlyFull(folder: string): boolean {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

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
  if (code === 'ENOSPC' || code === 'EDQUOT') {
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

/**
 * Any thrown value as a CoreError: ours pass through; SQLite's and the file system's conditions
 * that a user can act on get their own code; the rest is INTERNAL.
 */
export function toCoreError(error: unknown, context = 'operation', filePath?: string): CoreError {
  if (error instanceof CoreError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code === 'SQLITE_FULL') return new CoreError('DISK_FULL', `${context}: disk full`, undefined, { cause: error });
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return new CoreError('VAULT_CORRUPT', `${context}: ${(error as Error).message}`, undefined, { cause: error });
    }
    if (code.startsWith('SQLITE_IOERR')) {
      // SQLite reports ENOSPC in the WAL as a plain I/O error: look at the disk to tell the user why.
      const full = filePath !== undefined && isNearlyFull(path.dirname(filePath));
      return new CoreError(full ? 'DISK_FULL' : 'IO_ERROR', `${context}: ${(error as Error).message}`, undefined, { cause: error });
    }
    if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) {
      return new CoreError('PERMISSION_DENIED', `${context}: ${(error as Error).message}`, undefined, { cause: error });
    }
    return new CoreError('INTERNAL', `${context}: ${(error as Error).message}`, undefined, { cause: error });
  }
  return fromFileSystemError(error, context);
}
