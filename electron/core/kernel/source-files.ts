import fs from 'node:fs';
import { CoreError } from './errors';
import { fileError } from './file-errors';

export type NonRegularKind = 'folder' | 'fifo' | 'device' | 'socket' | 'other';

function kindOf(stats: fs.Stats): NonRegularKind {
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/**
 * Its own code, so that the sentence names the file wherever it is shown (the CLI has no field to
 * put it beside); `field` and `reason` let a form show the validation sentence beside its field.
 */
function notRegular(filePath: string, context: string, stats: fs.Stats, field: string): CoreError {
  const kind = kindOf(stats);
  return new CoreError('FILE_NOT_REGULAR', `${context}: not a regular file (${kind})`, { path: filePath, kind, field, reason: 'file.not-regular' });
}

/**
 * Refuse anything but a regular file at `filePath` (links followed), for a source that is then
 * copied by path (fs.copyFileSync), where an open of a FIFO would block just the same.
 */
export function assertRegularFile(filePath: string, context: string, field = 'path'): fs.Stats {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(filePath);
  } catch (error) {
    throw fileError(error, context, filePath);
  }
  if (!stats.isFile()) throw notRegular(filePath, context, stats, field);
  return stats;
}

/** O_NONBLOCK is not defined on Windows, where no FIFO can sit at an ordinary path. */
const OPEN_FOR_READING = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Open a file the user chose as a source (an attachment, a bundle) for reading, refusing anything
 * but a regular file before it is opened: an open of a FIFO without a writer blocks forever, a
 * device can be read without end, a socket cannot be opened at all. The path is checked first
 * (stat, so that a link to a regular file still works); O_NONBLOCK makes an open return at once
 * even when a FIFO was put in its place after that check, and the open descriptor is checked again.
 * `field` names the input that held the path. Returns the descriptor and its stats; the caller closes it.
 */
export function openRegularFileForReading(filePath: string, context: string, field = 'path'): { fd: number; stats: fs.Stats } {
  assertRegularFile(filePath, context, field);
  let fd: number;
  try {
    fd = fs.openSync(filePath, OPEN_FOR_READING);
  } catch (error) {
    throw fileError(error, context, filePath);
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw notRegular(filePath, context, stats, field);
    return { fd, stats };
  } catch (error) {
    fs.closeSync(fd);
    throw fileError(error, context, filePath);
  }
}
