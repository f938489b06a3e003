import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Attachment } from '../../../shared/api/attachments';
import type { InformationGrade, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import type { ProvenanceInput } from '../../../shared/domain/sharing';
import { recordNewProvenance } from '../dossiers/fact-provenance';
import { CoreError } from '../kernel/errors';
import { inTransaction, type CoreContext } from '../kernel/context';
import { requireDossier, touchDossier } from '../dossiers/dossier-records';
import { beginBulkWrite } from './bulk-write';
import { ATTACHMENT_CHUNK_SIZE, type ByteProgress } from '../kernel/chunking';
import { sanitizeFileName } from './file-name';
import { decideMediaType } from './media-type';
import { ATTACHMENT_COLUMNS, attachmentChunkWriter, completeAttachmentRow, insertAttachmentRow, toAttachment, type AttachmentRow } from './records';
import { fileError } from '../kernel/file-errors';
import { openRegularFileForReading } from '../kernel/source-files';

export interface AttachmentImport {
  dossierId: number;
  sourcePath: string;
  /** The name to store; the source's base name when absent. Sanitised either way. */
  fileName?: string;
  /** A hint, used only when the content has no signature we know (images, PDF). */
  mediaType?: string;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
  /** Left out: the municipality's own, with its defaults. */
  provenance?: ProvenanceInput;
}

/** Fill `buffer` from the file's current position; fewer bytes only at the end of the file. */
function readChunk(fd: number, buffer: Buffer): number {
  let filled = 0;
  while (filled < buffer.length) {
    const read = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

/**
 * Read a file into the vault as one attachment: its row and every chunk in ONE transaction, so
 * that an error, a throw from `onProgress`, or a crash or power cut part-way leaves no trace (an
 * uncommitted transaction in the WAL is ignored when the vault is opened again).
 *
 * The file is read with a synchronous loop over fs.readSync into one reused 1 MiB buffer, not with
 * fs.createReadStream: better-sqlite3 runs a transaction as one synchronous function, and a
 * transaction kept open across `await`s (BEGIN ... COMMIT around an async stream) would take in
 * any other statement run on the connection meanwhile (another call's audit entry, a lock's), which
 * would then be committed or rolled back with the half-read attachment. The synchronous loop keeps
 * the transaction to this attachment alone and memory to one buffer (better-sqlite3 copies a bound
 * Buffer into SQLite, so it can be reused). The transaction runs with the rollback journal instead
 * of the WAL, so that the pages are written once (attachments/bulk-write.ts). The price is that the thread is busy for the duration
 * (about 2 s per 100 MB, measured: SQLCipher encrypts every page and writes it to the WAL, then
 * checkpoints it into the file); the app and the browser host run the core in its own worker
 * thread, so the window stays responsive, and the job.progress events that `onProgress` leads to
 * are posted from the busy worker and arrive as they happen.
 *
 * The SHA-256 is computed on the way; the size read must equal the size at the start, else the
 * file changed while it was read and nothing is kept (IO_ERROR).
 */
export function importAttachment(context: CoreContext, input: AttachmentImport, onProgress?: ByteProgress): Attachment {
  const fileName = sanitizeFileName(input.fileName ?? input.sourcePath);
  const { fd, stats } = openRegularFileForReading(input.sourcePath, 'import attachment', 'sourcePath');
  const buffer = Buffer.allocUnsafe(ATTACHMENT_CHUNK_SIZE);
  try {
    const total = stats.size;
    const endBulkWrite = beginBulkWrite(context.db);
    let attachment: Attachment;
    try {
      attachment = inTransaction(context, () => {
        requireDossier(context, input.dossierId);
        let length = readChunk(fd, buffer);
        const attachmentId = insertAttachmentRow(context, {
          dossierId: input.dossierId,
          fileName,
          mediaType: decideMediaType(buffer.subarray(0, length), fileName, input.mediaType),
          byteSize: total,
          sourceGrade: input.sourceGrade,
          informationGrade: input.informationGrade,
          tlp: input.tlp,
        });
        // Before the bytes: an unknown organisation or basis is refused without reading the file.
        recordNewProvenance(context, 'attachment', attachmentId, input.provenance);
        const writeChunk = attachmentChunkWriter(context, attachmentId);
        const hash = crypto.createHash('sha256');
        let done = 0;
        onProgress?.(0, total);
        for (let seq = 0; length > 0; seq++) {
          const chunk = buffer.subarray(0, length);
          done += length;
          if (done > total) break;
          hash.update(chunk);
          writeChunk(seq, chunk);
          onProgress?.(done, total);
          length = readChunk(fd, buffer);
        }
        if (done !== total) {
          throw new CoreError('IO_ERROR', `import attachment: the file changed while it was read (${done} of ${total} bytes)`);
        }
        completeAttachmentRow(context, attachmentId, { sha256: hash.digest('hex') });
        touchDossier(context, input.dossierId);
        context.audit('attachment.imported', { attachmentId, dossierId: input.dossierId, bytes: total });
        return toAttachment(context.db.prepare(`SELECT ${ATTACHMENT_COLUMNS} FROM attachments a WHERE a.id = ?`).get(attachmentId) as AttachmentRow);
      });
    } finally {
      // Back to the WAL: the attachment was written once, into the vault itself (attachments/bulk-write.ts).
      endBulkWrite();
    }
    return attachment;
  } catch (error) {
    throw fileError(error, 'import attachment', input.sourcePath);
  } finally {
    // The last chunk read is plaintext: do not leave it for the garbage collector to keep around.
    buffer.fill(0);
    fs.closeSync(fd);
  }
}
