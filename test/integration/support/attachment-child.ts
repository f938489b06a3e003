// A second process for the attachment crash test:
//   node --import tsx attachment-child.ts <vault> <passphrase> <dossierId> <source>
// imports <source> and kills itself with SIGKILL once half of it is in the (open) transaction,
// after saying "MID" on stdout: no exit handlers, no rollback, as in a crash or power cut.
import fs from 'node:fs';
import { attachmentApi } from '../../../shared/api/attachments';
import { importAttachment } from '../../../electron/core/attachments/attachments';
import { coreContextFor } from '../../../electron/core/kernel/context';
import { FAST_KDF_FOR_TESTS } from '../../../electron/core/vault/kdf';
import { Vault } from '../../../electron/core/vault/vault';

const [vaultPath, passphrase, dossierId, sourcePath] = process.argv.slice(2);
const vault = await Vault.unlock(vaultPath!, { passphrase: passphrase! }, { kdf: FAST_KDF_FOR_TESTS });
const input = attachmentApi['attachment.import'].input.parse({ dossierId: Number(dossierId), sourcePath });
importAttachment(coreContextFor(vault), input, (done, total) => {
  if (done >= total / 2) {
    fs.writeSync(1, 'MID\n');
    process.kill(process.pid, 'SIGKILL');
  }
});
fs.writeSync(1, 'COMMITTED\n');
