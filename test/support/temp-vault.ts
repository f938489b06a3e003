import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { FAST_KDF_FOR_TESTS } from '../../electron/core/vault/kdf';
import type { VaultOptions } from '../../electron/core/vault/vault';

/**
 * Argon2id at the 64 MiB floor with one pass: real KDF, real encryption, fast enough for tests.
 * Production calibrates to about 0.75 s.
 */
export const FAST_VAULT_OPTIONS: VaultOptions = { kdf: FAST_KDF_FOR_TESTS };

export const TEST_PASSPHRASE = 'correct paard batterij niet';

const createdFolders: string[] = [];

/** A fresh folder per test, removed afterwards. */
export function makeTempFolder(prefix = 'kluis-test-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  createdFolders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of createdFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
