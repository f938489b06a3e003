import type { Attachment } from '../../../shared/api/attachments';
import { inTransaction, type CoreContext } from '../kernel/context';
import { requireDossier } from '../dossiers/dossier-records';
import { ATTACHMENT_COLUMNS, toAttachment, type AttachmentRow } from './records';

export { ATTACHMENT_CHUNK_SIZE, type ByteProgress } from '../kernel/chunking';
export { exportAttachment, type ExportOptions } from './export';
export { importAttachment, type AttachmentImport } from './import';
export { readAttachmentRange, MAX_RANGE_LENGTH } from './read-range';
export { readPreviewPiece, ViewAuditLog } from './preview';
export { isRiskyToOpen } from './risky-types';
export { TemporaryCopies, sweepStaleCopies, type PathOpener } from './temporary-copies';

/** A dossier's attachments outside the trash, oldest first. Looking at the list is audited, like the journal. */
export function listAttachments(context: CoreContext, dossierId: number): Attachment[] {
  return inTransaction(context, () => {
    requireDossier(context, dossierId);
    const rows = context.db
      .prepare(`SELECT ${ATTACHMENT_COLUMNS} FROM attachments a WHERE a.dossier_id = ? AND a.deleted_at IS NULL ORDER BY a.added_at, a.id`)
      .all(dossierId) as AttachmentRow[];
    context.audit('attachment.list-viewed', { dossierId });
    return rows.map(toAttachment);
  });
}
