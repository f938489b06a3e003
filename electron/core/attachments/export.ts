import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suggestedFileName } from '../../../shared/domain/file-names';
import { resolveTargetPath } from '../kernel/output-files';
import type { AttachmentExport } from '../../../shared/api/attachments';
import { CoreError } from '../kernel/errors';
import { inTransaction, type CoreContext } from '../kernel/context';
import { commitTemporaryFile, temporarySiblingPath } from '../kernel/atomic-write';
import type { ByteProgress } from '../kernel/chunking';
import { requireAttachment } from './records';
import { fileError } from '../kernel/file-errors';
import { decideForOutput, loadFacts, recordDisclosure } from '../sharing/regime';

export interface ExportOptions {
  /** Replace an existing file (atomically: the old one stays until the new one is complete). */
  overwrite?: boolean;
  /** The audit action: a copy for another program is recorded as such, not as a user's export. */
  auditAction?: 'attachment.exported' | 'attachment.copy-opened';
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
}

function refuseExisting(target: string, overwrite: boolean): void {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(target);
  } catch {
    return;
  }
  if (stats.isDirectory()) throw new CoreError('INVALID_INPUT', 'export attachment: the target is a folder', { field: 'targetPath', reason: 'file.is-folder' });
  if (!overwrite) throw new CoreError('FILE_EXISTS', `export attachment: ${target} exists`);
}

/**
 * Write an attachment to a file the user chose, as vault.backup writes a backup: an existing file
 * only with `overwrite`; the content goes to a temporary sibling (owner-only, created exclusively)
 * chunk by chunk, iterating the statement so that one chunk is in memory at a time; the size and
 * SHA-256 are checked against what the import recorded; only then is it fsynced and renamed into
 * place. Any failure (a full disk, a throw from `onProgress`, a damaged chunk) removes the
 * temporary file: the target is either the complete attachment or what was there before.
 * Synchronous like the import, so no other statement can run on the connection in between.
 */
export function exportAttachment(
  context: CoreContext,
  attachmentId: number,
  targetPath: string,
  onProgress?: ByteProgress,
  { overwrite = false, auditAction = 'attachment.exported' }: ExportOptions = {},
): AttachmentExport {
  const attachment = requireAttachment(context, attachmentId);
  // A folder: the attachment's own name inside it.
  const target = resolveTargetPath(targetPath, suggestedFileName.attachment(attachment.file_name));
  refuseExisting(target, overwrite);
  const temporaryPath = temporarySiblingPath(target);
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fd = fs.openSync(temporaryPath, 'wx', 0o600);
    const hash = crypto.createHash('sha256');
    const total = attachment.byte_size;
    let done = 0;
    let expectedSeq = 0;
    onProgress?.(0, total);
    const chunks = context.db.prepare('SELECT seq, data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq');
    for (const chunk of chunks.iterate(attachmentId) as IterableIterator<{ seq: number; data: Buffer }>) {
      if (chunk.seq !== expectedSeq++) break;
      writeAll(fd, chunk.data);
      hash.update(chunk.data);
      done += chunk.data.length;
      onProgress?.(done, total);
    }
    if (done !== total || hash.digest('hex') !== attachment.sha256) {
      throw new CoreError('VAULT_CORRUPT', `export attachment: attachment ${attachmentId} does not match its SHA-256`, { attachmentId });
    }
    fs.closeSync(fd);
    fd = undefined;
    // Checked again: the target may have appeared while the attachment was written.
    refuseExisting(target, overwrite);
    commitTemporaryFile(temporaryPath, target);
    inTransaction(context, () => {
      context.audit(auditAction, { attachmentId, bytes: total });
      recordAttachmentDisclosure(context, attachmentId);
    });
    return { path: target, bytes: total, sha256: attachment.sha256 };
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporaryPath, { force: true });
    throw fileError(error, 'export attachment', target);
  }
}

/**
 * A decrypted copy outside the vault (saved, or opened with another program) is a disclosure like
 * any other output: the register says which attachment left and when. The audience is the user's
 * own use within the municipality, so the regime lets the attachment go whatever its code; its
 * decision still gives the register the attachment's marking and basis. No path: a save's path
 * usually repeats the file name, which names people ("Foto Noordweg 12.png"), and the audit trail
 * outlives the attachment when it is destroyed (see attachment.exported, which keeps no path either).
 */
function recordAttachmentDisclosure(context: CoreContext, attachmentId: number): void {
  const audience = { kind: 'internal' } as const;
  const decision = decideForOutput(context, loadFacts(context, [{ kind: 'attachment', id: attachmentId }]), audience);
  recordDisclosure(context, { output: 'attachment', channel: 'file', audience, decision, path: null });
}
