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

/** Longer than this a name is shortened in a message: kept are its start and its end (the extension). */
const SHOWN_NAME_START = 20;
const SHOWN_NAME_END = 16;
/** The common limit for one name (NAME_MAX on Linux, macOS and NTFS), in bytes. */
const NAME_MAX_BYTES = 255;

/** `.name.<12 hex>.tmp`, the temporary sibling of `name` (kernel/atomic-write.ts): the user knows `name`. */
const TEMPORARY_SIBLING = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/**
 * The part of a too long path to show: the name that is over the limit (the user typed it), else
 * the last one; without the temporary sibling's dot and suffix; its middle left out when long.
 */
export function tooLongNameOf(filePath: string): string {
  const names = filePath.split(/[\\/]/).filter(Boolean);
  const tooLong = names.find((name) => Buffer.byteLength(name) > NAME_MAX_BYTES) ?? names.at(-1) ?? filePath;
  const name = TEMPORARY_SIBLING.exec(tooLong)?.[1] ?? tooLong;
  const characters = [...name];
  if (characters.length <= SHOWN_NAME_START + SHOWN_NAME_END + 1) return name;
  return `${characters.slice(0, SHOWN_NAME_START).join('')}…${characters.slice(-SHOWN_NAME_END).join('')}`;
}

export function nameTooLong(filePath: string, context: string, cause?: unknown): CoreError {
  return new CoreError('NAME_TOO_LONG', `${context}: name too long`, { name: tooLongNameOf(filePath), path: filePath }, { cause });
}

/**
 * Map file-system failures that users can act on (full disk, no permission, a name too long) to
 * stable codes. `filePath` is the path the user gave, named in preference to the one that failed
 * (which may be a temporary sibling or a lock file beside it).
 */
export function fromFileSystemError(error: unknown, context: string, filePath?: string): CoreError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENAMETOOLONG') return nameTooLong(filePath ?? (error as NodeJS.ErrnoException).path ?? '', context, error);
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
  return fromFileSystemError(error, context, filePath);
}
