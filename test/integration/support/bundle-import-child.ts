// A second process for the bundle import crash test:
//   node --import tsx bundle-import-child.ts <vault> <passphrase> <bundle> <manifestSha256> <appFolder>
// imports <bundle> through a Core and kills itself with SIGKILL once half of the bundle's bytes are
// read (the import's transaction open, chunks written), after saying "MID" on stdout: no exit
// handlers, no rollback, as in a crash or power cut.
import fs from 'node:fs';
import { Core } from '../../../electron/core/api/core';
import { FAST_KDF_FOR_TESTS } from '../../../electron/core/vault/kdf';

const [vaultPath, passphrase, bundlePath, manifestSha256, appFolder] = process.argv.slice(2);
const core = new Core({ userDataDir: appFolder!, host: 'browser', appVersion: 'test', vault: { kdf: FAST_KDF_FOR_TESTS } });
await core.call('vault.unlock', { path: vaultPath!, passphrase: passphrase! });
core.onEvent((event) => {
  if (event.type === 'job.progress' && event.kind === 'bundle-import' && event.done >= event.total / 2) {
    fs.writeSync(1, 'MID\n');
    process.kill(process.pid, 'SIGKILL');
  }
});
await core.call('bundle.import', { path: bundlePath!, manifestSha256: manifestSha256! });
fs.writeSync(1, 'COMMITTED\n');
