import type { VaultOptions } from '../core/vault/vault';
import { defaultDataDir } from './data-dir';

export interface ServerCliOptions {
  port: number;
  dataDir: string;
  autoLockSeconds?: number;
  vault?: VaultOptions;
}

/** Argon2id at its 64 MiB floor with one pass: real, but fast enough for end-to-end tests. */
export const FAST_KDF: VaultOptions = { kdf: { fixedIterations: 1, memoryKiB: 65_536 } };

function valueAfter(argv: string[], flag: string): string | undefined {
  const inline = argv.find((argument) => argument.startsWith(`${flag}=`));
  if (inline) return inline.slice(flag.length + 1);
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** `--port <n>` (0 = any free port), `--data-dir <folder>`; test knobs come from the environment. */
export function parseServerOptions(argv: string[], env: NodeJS.ProcessEnv): ServerCliOptions {
  const portText = valueAfter(argv, '--port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0..65535, not ${portText}`);
  const dataDir = valueAfter(argv, '--data-dir') ?? defaultDataDir(env);
  const options: ServerCliOptions = { port, dataDir };
  if (env.DOSSIERKLUIS_AUTOLOCK_SECONDS) {
    const seconds = Number(env.DOSSIERKLUIS_AUTOLOCK_SECONDS);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('DOSSIERKLUIS_AUTOLOCK_SECONDS must be a positive number');
    options.autoLockSeconds = seconds;
  }
  if (env.DOSSIERKLUIS_KDF_FAST === '1') options.vault = FAST_KDF;
  return options;
}
