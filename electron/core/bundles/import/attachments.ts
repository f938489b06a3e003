import type { ImportAction } from '../../../../shared/api/bundles';
import { ATTACHMENT_CHUNK_SIZE } from '../../kernel/chunking';
import { decideMediaType } from '../../attachments/media-type';
import { attachmentChunkWriter, completeAttachmentRow, insertAttachmentRow } from '../../attachments/records';
import type { BundleAttachment, DossierDocument } from '../format';
import { assignImportedUid } from '../item-uids';
import type { AttachmentSink } from '../reader';
import type { ImportSession } from './session';

/**
 * The bundle's attachments arrive after the documents, one by one while the reader checks them.
 * Each goes into the dossier it was written into, unless that dossier was skipped or already has it
 * (same uid): then it is only checked, as part of the bundle.
 */
export class AttachmentImport {
  private readonly dossierIds = new Map<string, number | null>();
  private readonly skipped = new Set<string>();

  constructor(private readonly session: ImportSession) {}

  /** A skipped dossier: none of its attachments is written. */
  skipDossier(dossier: DossierDocument): void {
    this.dossierIds.set(dossier.uid, null);
    for (const attachment of dossier.attachments) this.skipped.add(attachment.uid);
  }

  /** A written dossier: its attachments go into it, but for those it has already. */
  expectDossier(dossierId: number, dossier: DossierDocument, action: ImportAction): void {
    this.dossierIds.set(dossier.uid, dossierId);
    for (const attachment of dossier.attachments) {
      if (this.session.existingIn('attachment', 'attachments', attachment.uid, dossierId, action) !== null) this.skipped.add(attachment.uid);
    }
  }

  /** An attachment's content goes into its new row, re-chunked to the vault's chunk size, inside the open transaction. */
  sink(attachment: BundleAttachment, dossier: DossierDocument): AttachmentSink | null {
    const dossierId = this.dossierIds.get(dossier.uid);
    if (dossierId === null || dossierId === undefined || this.skipped.has(attachment.uid)) return null;
    const { session } = this;
    const id = insertAttachmentRow(session.context, {
      dossierId,
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
    const writeChunk = attachmentChunkWriter(session.context, id);
    const buffer = Buffer.allocUnsafe(ATTACHMENT_CHUNK_SIZE);
    let filled = 0;
    let seq = 0;
    let head: Buffer | null = null;
    const flush = () => {
      if (filled === 0) return;
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
        completeAttachmentRow(session.context, id, { sha256: attachment.sha256, mediaType });
        assignImportedUid(session.db, 'attachment', id, attachment.uid);
        session.provenance('attachment', id, attachment.uid, 'created');
        session.created.attachments++;
      },
    };
  }
}
