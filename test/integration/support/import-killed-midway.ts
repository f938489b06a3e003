import { spawn } from 'node:child_process';
import path from 'node:path';
import { TEST_PASSPHRASE } from '../../support/temp-vault';

/**
 * Runs attachment-child.ts, which imports `sourcePath` into the vault and is killed (SIGKILL, no
 * rollback) halfway; resolves with what it printed and the signal it ended with.
 */
export async function importKilledMidway(vaultPath: string, dossierId: number, sourcePath: string): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'attachment-child.ts'), vaultPath, TEST_PASSPHRASE, String(dossierId), sourcePath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, exitSignal) => resolve(exitSignal)));
  return { output: output.trim(), signal };
}
