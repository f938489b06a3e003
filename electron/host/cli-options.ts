import { FAST_KDF_FOR_TESTS, kdfCalibrationFromEnvironment } from '../core/vault/kdf';
import type { BundleOptions } from '../core/bundles/export';
import type { VaultOptions } from '../core/vault/vault';
import { defaultDataDir } from './data-dir';

export interface ServerCliOptions {
  port: number;
  dataDir: string;
  autoLockSeconds?: number;
  vault?: VaultOptions;
  bundles?: BundleOptions;
}

/** The fast test KDF (DOSSIERKLUIS_KDF_FAST=1) as vault options. */
export const FAST_KDF: VaultOptions = { kdf: FAST_KDF_FOR_TESTS };

/**
 * With the fast test KDF, passphrase bundles get a low scrypt work factor too (2^10 instead of
 * age's 2^18), so that an end-to-end export and import take milliseconds, not seconds. Never
 * for real use: the work factor is what makes a bundle passphrase expensive to guess.
 */
export const FAST_BUNDLES: BundleOptions = { scryptLogN: 10 };

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
  const kdf = kdfCalibrationFromEnvironment(env);
  if (kdf) options.vault = { kdf };
  if (kdf === FAST_KDF_FOR_TESTS) options.bundles = FAST_BUNDLES;
  return options;
}
