import { MAX_PREVIEW_RANGE, PREVIEW_IMAGE_TYPES, type ApiError, type Attachment } from '../../../../shared/api';
import { callCore } from '../../core-client';

/** A failed read from the core, carried through pdf.js and promise chains to the dialog. */
export class PreviewReadError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'PreviewReadError';
  }
}

/** Base64 from the core into bytes, without a data: URL (the CSP refuses those, rightly). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Bytes `begin` .. `end` of an attachment, asked for in pieces the core accepts. */
export async function readAttachmentBytes(attachmentId: number, begin: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
  const result = new Uint8Array(Math.max(0, end - begin));
  let filled = 0;
  while (begin + filled < end) {
    const length = Math.min(MAX_PREVIEW_RANGE, end - begin - filled);
    const answer = await callCore('attachment.preview', { attachmentId, offset: begin + filled, length });
    if (!answer.ok) throw new PreviewReadError(answer.error);
    const piece = decodeBase64(answer.value.data);
    if (piece.length === 0) break;
    result.set(piece, filled);
    filled += piece.length;
  }
  return filled === result.length ? result : result.slice(0, filled);
}

/**
 * An image attachment as a Blob of its own, typed from our short list of image types (the stored
 * media type was sniffed from the content; anything else never becomes an image here).
 */
export async function readImageBlob(attachment: Attachment): Promise<Blob> {
  const type = (PREVIEW_IMAGE_TYPES as readonly string[]).find((candidate) => candidate === attachment.mediaType.toLowerCase());
  if (!type) throw new Error(`no image preview for ${attachment.mediaType}`);
  const bytes = await readAttachmentBytes(attachment.id, 0, attachment.byteSize);
  return new Blob([bytes], { type });
}
