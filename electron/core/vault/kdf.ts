import crypto from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { z } from 'zod';

/**
 * Argon2id turns the passphrase into the key-encryption key (KEK). The parameters are stored in
 * the key file so that a later version can raise them without breaking old vaults.
 */
export const kdfParametersSchema = z
  .object({
    algorithm: z.literal('argon2id'),
    version: z.literal(0x13),
    memoryKiB: z.number().int().min(65_536).max(4_194_304),
    iterations: z.number().int().min(1).max(1_000),
    parallelism: z.number().int().min(1).max(16),
    salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/, 'salt must be 16 bytes base64'),
  })
  .strict();

export type KdfParameters = z.infer<typeof kdfParametersSchema>;

/** 128 MiB: above the 64 MiB floor, well within a municipal laptop's memory. */
export const DEFAULT_KDF_MEMORY_KIB = 131_072;
/**
 * Aim for about 0.75 s on the machine that creates the vault: within 0.5 to 1 s, slow enough to make
 * guessing costly and short enough not to be a nuisance at every unlock.
 */
export const DEFAULT_KDF_TARGET_MS = 750;

export interface KdfCalibration {
  memoryKiB?: number;
  targetMilliseconds?: number;
  /** Skip calibration and use exactly this many iterations (tests, fixed profiles). */
  fixedIterations?: number;
}

/**
 * Argon2id at its 64 MiB floor with one pass: still the real KDF, but fast. For tests and demos
 * only, switched on with DOSSIERKLUIS_KDF_FAST=1 (CLI and browser host).
 */
export const FAST_KDF_FOR_TESTS: KdfCalibration = { fixedIterations: 1, memoryKiB: 65_536 };

export function kdfCalibrationFromEnvironment(env: NodeJS.ProcessEnv = process.env): KdfCalibration | undefined {
  return env.DOSSIERKLUIS_KDF_FAST === '1' ? FAST_KDF_FOR_TESTS : undefined;
}

export async function deriveKeyEncryptionKey(passphrase: string, parameters: KdfParameters): Promise<Buffer> {
  const password = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  try {
    const key = await argon2id({
      password,
      salt: Buffer.from(parameters.salt, 'base64'),
      iterations: parameters.iterations,
      parallelism: parameters.parallelism,
      memorySize: parameters.memoryKiB,
      hashLength: 32,
      outputType: 'binary',
    });
    const result = Buffer.from(key);
    key.fill(0);
    return result;
  } finally {
    password.fill(0);
  }
}

/**
 * Measure one pass at the chosen memory size and pick the number of iterations that lands near
 * the target time. The first call also pays for compiling the WebAssembly, so it is not timed.
 */
export async function calibrateKdf(options: KdfCalibration = {}): Promise<KdfParameters> {
  const memoryKiB = options.memoryKiB ?? DEFAULT_KDF_MEMORY_KIB;
  const salt = crypto.randomBytes(16).toString('base64');
  const base: KdfParameters = { algorithm: 'argon2id', version: 0x13, memoryKiB, iterations: 1, parallelism: 1, salt };
  if (options.fixedIterations !== undefined) return { ...base, iterations: options.fixedIterations };

  const target = options.targetMilliseconds ?? DEFAULT_KDF_TARGET_MS;
  const probePassphrase = 'kalibratie';
  await deriveKeyEncryptionKey(probePassphrase, base);
  const probeIterations = 2;
  const started = performance.now();
  await deriveKeyEncryptionKey(probePassphrase, { ...base, iterations: probeIterations });
  const perIteration = (performance.now() - started) / probeIterations;
  const iterations = Math.max(2, Math.min(1_000, Math.round(target / Math.max(perIteration, 1))));
  return { ...base, iterations };
}
