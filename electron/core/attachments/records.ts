import type { Attachment } from '../../../shared/api/attachments';
import type { InformationGrade, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import { notFound, type DossierContext } from '../dossiers/context';

/** Rows of `attachments` (migration 0004) and what the attachment modules need to read them. */

export interface AttachmentRow {
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
  a.added_by, a.source_grade, a.information_grade, a.tlp`;

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
  };
}

/** An attachment that is not in the trash, in a dossier that is not in the trash either; or NOT_FOUND. */
export function requireAttachment(context: DossierContext, attachmentId: number): AttachmentRow {
  const row = context.db
    .prepare(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a JOIN dossiers d ON d.id = a.dossier_id
       WHERE a.id = ? AND a.deleted_at IS NULL AND d.deleted_at IS NULL`,
    )
    .get(attachmentId) as AttachmentRow | undefined;
  if (!row) throw notFound('attachment', attachmentId);
  return row;
}
