import os from 'node:os';
import path from 'node:path';

const FOLDER_NAME = 'dossierkluis-web';

/** The per-user folder for the browser host, apart from the Electron app's own folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), FOLDER_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', FOLDER_NAME);
  return path.join(env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share'), FOLDER_NAME);
}
