import { spawn } from 'node:child_process';
import type { PathOpener } from '../core/attachments/temporary-copies';

/**
 * "Open with another program" for the browser host, which runs on the user's own machine beside
 * the browser: the desktop's own opener, started without a shell (the path is one argument, never
 * parsed as a command line) and left to run on its own. Windows has no opener program without a
 * shell (`start` is a cmd built-in), so Explorer opens the file with its associated program.
 * The core refuses programs and scripts before it gets here (attachments/risky-types.ts).
 * Resolves once the opener started; a missing opener (a server without a desktop) rejects.
 */
export function openWithDesktop(platform: NodeJS.Platform = process.platform): PathOpener {
  const command = platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  return (filePath) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(command, [filePath], { detached: true, stdio: 'ignore', shell: false, windowsHide: true });
      child.once('error', reject);
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
}
