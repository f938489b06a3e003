import { MAX_PREVIEW_RANGE } from '../../../shared/api/attachments';
import type { CoreContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';
import { requireAttachment, type AttachmentRow } from './records';

/** A preview reads at most this much at once: enough for an image or a PDF's first pages. */
export const MAX_RANGE_LENGTH = MAX_PREVIEW_RANGE;

export interface ReadRangeOptions {
  /**
   * Record the read as `attachment.viewed` (the default). A preview that reads many ranges of one
   * attachment records its view itself, once (see attachments/preview.ts).
   */
  audit?: boolean;
  /** The attachment's row, when the caller has just read it. */
  attachment?: AttachmentRow;
}

/**
 * Bytes `offset` .. `offset + length` of an attachment (fewer at its end), for a preview. Only the
 * chunks the range overlaps are read. Every read is a view of the attachment, and audited.
 */
export function readAttachmentRange(
  context: CoreContext,
  attachmentId: number,
  offset: number,
  length: number,
  { audit = true, attachment: known }: ReadRangeOptions = {},
): Buffer {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0 || length > MAX_RANGE_LENGTH) {
    throw new CoreError('INVALID_INPUT', 'read attachment range: offset or length out of bounds', { field: 'length', reason: 'range' });
  }
  const attachment = known?.id === attachmentId ? known : requireAttachment(context, attachmentId);
  const start = Math.min(offset, attachment.byte_size);
  const end = Math.min(offset + length, attachment.byte_size);
  const result = Buffer.alloc(end - start);
  if (end > start) {
    const size = attachment.chunk_size;
    const rows = context.db
      .prepare('SELECT seq, data FROM attachment_chunks WHERE attachment_id = ? AND seq BETWEEN ? AND ? ORDER BY seq')
      .iterate(attachmentId, Math.floor(start / size), Math.floor((end - 1) / size)) as IterableIterator<{ seq: number; data: Buffer }>;
    for (const row of rows) {
      const chunkStart = row.seq * size;
      const from = Math.max(start, chunkStart) - chunkStart;
      const to = Math.min(end, chunkStart + row.data.length) - chunkStart;
      row.data.copy(result, chunkStart + from - start, from, to);
    }
  }
  if (audit) context.audit('attachment.viewed', { attachmentId, offset: start, length: result.length });
  return result;
}
