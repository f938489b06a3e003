import { previewKindOf, type AttachmentPreviewPiece } from '../../../shared/api/attachments';
import { inTransaction, type CoreContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';
import { readAttachmentRange } from './read-range';
import { requireAttachment } from './records';

/** A preview that reads again within this time (the next PDF page, a second piece of an image) is the same view. */
export const VIEW_AUDIT_WINDOW_MS = 5 * 60 * 1000;

/**
 * Which attachments were recorded as viewed, and when. A PDF preview asks for many ranges (pdf.js
 * reads what each page needs); one `attachment.viewed` entry per attachment per five minutes says
 * what happened without burying the trail. Kept per unlocked vault: a new unlock starts afresh.
 */
export class ViewAuditLog {
  private readonly lastRecorded = new Map<number, number>();

  /** True when this view should be recorded now (and remembers it). */
  shouldRecord(attachmentId: number, nowMs: number): boolean {
    const last = this.lastRecorded.get(attachmentId);
    if (last !== undefined && nowMs - last < VIEW_AUDIT_WINDOW_MS && nowMs >= last) return false;
    this.lastRecorded.set(attachmentId, nowMs);
    return true;
  }
}

/**
 * A range of an attachment for the preview in the page: only images (within the preview cap)
 * and PDFs, as shared/api/attachments.ts `previewKindOf` decides from the sniffed media type, so
 * that the page's decoders never get anything else from this handler. Office files, e-mails and
 * unknown bytes are opened with another program or saved.
 */
export function readPreviewPiece(context: CoreContext, attachmentId: number, offset: number, length: number, views: ViewAuditLog): AttachmentPreviewPiece {
  return inTransaction(context, () => {
    const attachment = requireAttachment(context, attachmentId);
    const kind = previewKindOf({ mediaType: attachment.media_type, byteSize: attachment.byte_size });
    if (kind === 'none') {
      throw new CoreError('INVALID_INPUT', `preview: ${attachment.media_type} has no preview`, { field: 'attachmentId', reason: 'attachment.no-preview' });
    }
    if (kind === 'too-large') {
      throw new CoreError('INVALID_INPUT', `preview: ${attachment.byte_size} bytes is too large for an image preview`, {
        field: 'attachmentId',
        reason: 'attachment.too-large-for-preview',
      });
    }
    const data = readAttachmentRange(context, attachmentId, offset, length, { audit: false, attachment });
    if (views.shouldRecord(attachmentId, context.now().getTime())) {
      context.audit('attachment.viewed', { attachmentId, dossierId: attachment.dossier_id, purpose: 'preview' });
    }
    return {
      attachmentId,
      mediaType: attachment.media_type,
      byteSize: attachment.byte_size,
      offset: Math.min(offset, attachment.byte_size),
      data: data.toString('base64'),
    };
  });
}
