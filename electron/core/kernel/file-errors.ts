import { CoreError, fromFileSystemError, toCoreError } from './errors';

/** A failure reading or writing a user's file as a stable code: missing, a folder, unreadable, full. */
export function fileError(error: unknown, context: string, filePath: string): CoreError {
  if (error instanceof CoreError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Its own code, not NOT_FOUND: that one is about an item in the vault (and suggests the trash).
  if (code === 'ENOENT') return new CoreError('FILE_NOT_FOUND', `${context}: file not found`, { path: filePath }, { cause: error });
  if (code === 'EISDIR') return new CoreError('INVALID_INPUT', `${context}: a folder, not a file`, { field: 'path', reason: 'file.is-folder' }, { cause: error });
  if (code === 'EIO' || code === 'ENXIO' || code === 'ESTALE' || code === 'ENODEV') {
    return new CoreError('IO_ERROR', `${context}: ${(error as Error).message}`, undefined, { cause: error });
  }
  return typeof code === 'string' && code.startsWith('SQLITE_') ? toCoreError(error, context, filePath) : fromFileSystemError(error, context, filePath);
}
