// A second process for the crash and lock tests. It speaks on stdout in single lines:
//   node --import tsx vault-child.ts hold <vault> <passphrase>          -> "OPEN", then waits
//   node --import tsx vault-child.ts big-transaction <vault> <passphrase> <rows> -> "MID" halfway, then goes on
//   node --import tsx vault-child.ts rotate <vault> <passphrase>        -> "ROTATING", then rotates the key
//   node --import tsx vault-child.ts backup <vault> <passphrase> <target> -> "BACKING-UP", then backs up under umask 000
import fs from 'node:fs';
import { FAST_KDF_FOR_TESTS } from '../../../electron/core/vault/kdf';
import { Vault } from '../../../electron/core/vault/vault';

const [mode, vaultPath, passphrase, rowsText] = process.argv.slice(2);
const say = (line: string) => fs.writeSync(1, line + '\n');
const fast = { kdf: FAST_KDF_FOR_TESTS };

const vault = await Vault.unlock(vaultPath!, { passphrase: passphrase! }, fast);
if (mode === 'hold') {
  say('OPEN');
  setInterval(() => undefined, 1000);
} else if (mode === 'rotate') {
  say('ROTATING');
  await vault.rotateKey(passphrase!);
  say('ROTATED');
  vault.lock();
} else if (mode === 'backup') {
  // The most permissive umask: any file whose mode the code leaves to the umask comes out world-readable.
  process.umask(0o000);
  say('BACKING-UP');
  vault.backup(rowsText!);
  say('BACKED-UP');
  vault.lock();
} else if (mode === 'big-transaction') {
  const rows = Number(rowsText);
  const db = vault.database;
  const insert = db.prepare('INSERT INTO crash_test (payload) VALUES (?)');
  const payload = 'x'.repeat(2000);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      insert.run(`${i}:${payload}`);
      if (i === Math.floor(rows / 2)) say('MID');
    }
  })();
  say('COMMITTED');
  vault.lock();
}
