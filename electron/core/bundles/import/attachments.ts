import { ATTACHMENT_CHUNK_SIZE } from '../../kernel/chunking';
import type { CoreContext } from '../../kernel/context';
import { decideMediaType } from '../../attachments/media-type';
import { attachmentChunkWriter, completeAttachmentRow, insertAttachmentRow } from '../../attachments/records';
import type { BundleAttachment, DossierDocument } from '../format';
import { assignImportedUid } from '../item-uids';
import type { AttachmentSink, BundleDocuments } from '../reader';
import type { DossierChoice } from './dossier-choices';
import { existingItemIn, type ImportSession } from './session';
import { CoreError } from '../../kernel/errors';

/** An attachment whose chunks are in, under its reserved id, waiting for its row at the import's end. */
interface ArrivedAttachment {
  id: number;
  attachment: BundleAttachment;
  dossierUid: string;
  mediaType: string;
}

/**
 * The bundle's attachments arrive after the documents, one by one while the reader checks them.
 * Each goes into the dossier it was written into, unless that dossier was skipped or already has it
 * (same uid): then it is only checked, as part of the bundle.
 *
 * Its chunks go into `attachment_chunks` as they arrive, under an attachment id reserved above
 * every id in use, while its `attachments` row waits for the import's end (writeRows), when every
 * row of the import is written at once. Until then the chunks belong to no attachment: no read
 * reaches them (all go through an attachment's row), so a read answered beside the import sees
 * nothing of it. The foreign key from chunk to attachment is checked at COMMIT
 * (`defer_foreign_keys`, import.ts): a chunk left without its row fails the commit, not the vault.
 */
export class AttachmentImport {
  /** Uids of the attachments to write, by reading only: their dossier is written and does not have them yet. */
  private readonly wanted = new Set<string>();
  private readonly arrived: ArrivedAttachment[] = [];
  private nextId = 0;

  constructor(private readonly context: CoreContext) {}

  /** Decide which attachments go in, and reserve the ids above those in use. Reads only. */
  plan(documents: BundleDocuments, actions: ReadonlyMap<string, DossierChoice>): void {
    const { db } = this.context;
    for (const dossier of documents.dossiers) {
      const { action, existing } = actions.get(dossier.uid)!;
      if (action === 'skip') continue;
      for (const attachment of dossier.attachments) {
        const present = existing !== null && existingItemIn(db, 'attachment', 'attachments', attachment.uid, existing.id, action) !== null;
        if (!present) this.wanted.add(attachment.uid);
      }
    }
    // Above the chunks' ids too: whatever id the import takes has no chunk yet. Both maxima come from an index.
    const highest = db
      .prepare('SELECT max(coalesce((SELECT max(id) FROM attachments), 0), coalesce((SELECT max(attachment_id) FROM attachment_chunks), 0))')
      .pluck()
      .get() as number;
    this.nextId = highest + 1;
  }

  /** An attachment's content goes into chunks under its reserved id, re-chunked to the vault's chunk size, inside the open transaction. */
  sink(attachment: BundleAttachment, dossier: DossierDocument): AttachmentSink | null {
    if (!this.wanted.has(attachment.uid)) return null;
    const id = this.nextId++;
    const writeChunk = attachmentChunkWriter(this.context, id);
    const buffer = Buffer.allocUnsafe(ATTACHMENT_CHUNK_SIZE);
    let filled = 0;
    let seq = 0;
    let head: Buffer | null = null;
    const flush = () => {
      if (filled === 0) return;
      requireOpenTransaction(this.context.db);
      writeChunk(seq++, buffer.subarray(0, filled));
      filled = 0;
    };
    return {
      write: (piece) => {
        head ??= Buffer.from(piece.subarray(0, 64));
        let offset = 0;
        while (offset < piece.length) {
          const taken = piece.copy(buffer, filled, offset, Math.min(piece.length, offset + ATTACHMENT_CHUNK_SIZE - filled));
          filled += taken;
          offset += taken;
          if (filled === ATTACHMENT_CHUNK_SIZE) flush();
        }
      },
      finish: () => {
        flush();
        buffer.fill(0);
        // As attachment.import does: the content decides the media type of images and PDFs.
        const mediaType = decideMediaType(head ?? Buffer.alloc(0), attachment.fileName, attachment.mediaType);
        this.arrived.push({ id, attachment, dossierUid: dossier.uid, mediaType });
      },
    };
  }

  /** At the import's end: the row of every attachment that arrived, with its reserved id, in the dossier it was written into. */
  writeRows(session: ImportSession, dossierIds: ReadonlyMap<string, number>): void {
    for (const { id, attachment, dossierUid, mediaType } of this.arrived) {
      insertAttachmentRow(session.context, {
        id,
        dossierId: dossierIds.get(dossierUid)!,
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        byteSize: attachment.byteSize,
        addedAt: attachment.addedAt,
        addedBy: attachment.addedBy,
        sourceGrade: attachment.sourceGrade,
        informationGrade: attachment.informationGrade,
        tlp: attachment.tlp,
      });
      session.supplied('attachment', id, attachment);
      completeAttachmentRow(session.context, id, { sha256: attachment.sha256, mediaType });
      assignImportedUid(session.db, 'attachment', id, attachment.uid);
      session.provenance('attachment', id, attachment.uid, 'created');
      session.created.attachments++;
    }
  }
}

/**
 * The import's one transaction must still be open before it writes: if SQLite rolled it back on
 * its own (an I/O error or a full disk in a read answered beside the import, on the same
 * connection), the rest would go in statement by statement, half an import without its audit entry.
 */
export function requireOpenTransaction(db: { inTransaction: boolean }): void {
  if (!db.inTransaction) throw new CoreError('IO_ERROR', "the bundle import's transaction was rolled back underneath it");
}
