import { shell } from 'electron';
import { isRiskyToOpen } from '../core/attachments/risky-types';
import { isTemporaryCopyPath } from '../core/attachments/temporary-copies';

/**
 * The core's "open with another program", done where Electron's shell lives. The path comes from
 * the core (its own temporary copy), never from the page; checked again here all the same, so that
 * this process only ever starts a program for a file in one of the core's copy folders, and never
 * for a program or script (shell.openPath would run those).
 */
export async function openTemporaryCopy(filePath: string): Promise<void> {
  if (!isTemporaryCopyPath(filePath) || isRiskyToOpen(filePath)) throw new Error('refused: not a temporary copy the core made');
  const failure = await shell.openPath(filePath);
  if (failure) throw new Error(failure);
}
