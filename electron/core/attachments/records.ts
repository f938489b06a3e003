import type { Attachment } from '../../../shared/api/attachments';
import type { InformationGrade, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import { notFound, timestamp, type CoreContext } from '../kernel/context';
import { ATTACHMENT_CHUNK_SIZE } from '../kernel/chunking';
import { PROVENANCE_COLUMNS, toProvenance } from '../sharing/provenance';
import type { ProvenanceRow } from '../dossiers/fact-provenance';

/** Rows of `attachments` (migration 0004) and what the attachment modules need to read them. */

export interface AttachmentRow extends ProvenanceRow {
  id: number;
  dossier_id: number;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  chunk_size: number;
  added_at: string;
  added_by: string;
  source_grade: SourceGrade;
  information_grade: InformationGrade;
  tlp: TlpCode;
}

export const ATTACHMENT_COLUMNS = `a.id, a.dossier_id, a.file_name, a.media_type, a.byte_size, a.sha256, a.chunk_size, a.added_at,
  a.added_by, a.source_grade, a.information_grade, a.tlp, ${PROVENANCE_COLUMNS('a')}`;

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    addedAt: row.added_at,
    addedBy: row.added_by,
    sourceGrade: row.source_grade,
    informationGrade: row.information_grade,
    tlp: row.tlp,
    provenance: toProvenance(row),
  };
}

/** An attachment that is not in the trash, in a dossier that is not in the trash either; or NOT_FOUND. */
export function requireAttachment(context: CoreContext, attachmentId: number): AttachmentRow {
  const row = context.db
    .prepare(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a JOIN dossiers d ON d.id = a.dossier_id
       WHERE a.id = ? AND a.deleted_at IS NULL AND d.deleted_at IS NULL`,
    )
    .get(attachmentId) as AttachmentRow | undefined;
  if (!row) throw notFound('attachment', attachmentId);
  return row;
}

/**
 * The writers of `attachments` and `attachment_chunks` rows, for attachment.import and the bundle
 * import alike. A row is inserted before its content, with the vault's chunk size and a pending
 * digest; the writer of the last chunk then completes it, inside the same transaction. The time
 * and the user who added it default to now and the vault's user (an imported one keeps its own).
 */
export interface AttachmentRowValues {
  /** An id reserved beforehand (the bundle import writes the chunks first); else the next free one. */
  id?: number;
  dossierId: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
  addedAt?: string;
  addedBy?: string;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
}

/** Stands in for the digest between the row's insert and the last chunk, inside the one transaction. */
const DIGEST_PENDING = '0'.repeat(64);

export function insertAttachmentRow(context: CoreContext, row: AttachmentRowValues): number {
  return Number(
    context.db
      .prepare(
        `INSERT INTO attachments (id, dossier_id, file_name, media_type, byte_size, sha256, chunk_size, added_at, added_by,
           source_grade, information_grade, tlp)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id ?? null,
        row.dossierId,
        row.fileName,
        row.mediaType,
        row.byteSize,
        DIGEST_PENDING,
        ATTACHMENT_CHUNK_SIZE,
        row.addedAt ?? timestamp(context),
        row.addedBy ?? context.actor,
        row.sourceGrade,
        row.informationGrade,
        row.tlp,
      ).lastInsertRowid,
  );
}

/** Writes an attachment's chunks in order, with one prepared statement. */
export function attachmentChunkWriter(context: CoreContext, attachmentId: number): (seq: number, data: Buffer) => void {
  const insertChunk = context.db.prepare('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)');
  return (seq, data) => {
    insertChunk.run(attachmentId, seq, data);
  };
}

/** The digest of the content written, and the media type when only the content could decide it. */
export function completeAttachmentRow(context: CoreContext, attachmentId: number, completion: { sha256: string; mediaType?: string }): void {
  if (completion.mediaType === undefined) {
    context.db.prepare('UPDATE attachments SET sha256 = ? WHERE id = ?').run(completion.sha256, attachmentId);
  } else {
    context.db.prepare('UPDATE attachments SET sha256 = ?, media_type = ? WHERE id = ?').run(completion.sha256, completion.mediaType, attachmentId);
  }
}
