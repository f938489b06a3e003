import { z } from 'zod';
import { DEFAULT_TLP, INFORMATION_GRADES, SOURCE_GRADES, TLP_CODES, UNGRADED, type InformationGrade, type SourceGrade, type TlpCode } from '../domain/enums';
import { defineHandler } from './define';
import { filePathSchema } from '../domain/validation';
import { provenanceInputSchema, type Provenance } from '../domain/sharing';

/**
 * Attachments of a dossier, stored inside the encrypted vault in chunks. The core streams them in
 * from a file the user chose and out to a file the user chose; the renderer never sees the bytes
 * through these handlers (previews read a range, see electron/core/attachments/read-range.ts).
 */

export interface Attachment {
  id: number;
  dossierId: number;
  /** The base name only, sanitised: no path separators, no control characters. */
  fileName: string;
  /** Sniffed from the content for images and PDF; otherwise as given, or by extension. */
  mediaType: string;
  byteSize: number;
  /** SHA-256 of the content, lower-case hex; checked on every export. */
  sha256: string;
  addedAt: string;
  addedBy: string;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
  provenance: Provenance;
}

export interface AttachmentExport {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * What the app can show of an attachment without another program. Only content the core sniffed
 * as one of these (electron/core/attachments/media-type.ts) is handed to a decoder in the page.
 * SVG is deliberately absent: it is a document, not a picture (scripts, external references,
 * an XML parser), and an <img> is not the only way a blob: URL of it could end up being loaded;
 * BMP, TIFF and HEIC are left to another program.
 */
export const PREVIEW_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const PREVIEW_PDF_TYPE = 'application/pdf';

/** Images larger than this are not decoded in the page: "too large for a preview". */
export const MAX_IMAGE_PREVIEW_BYTES = 25 * 1024 * 1024;

/**
 * The most one `attachment.preview` call returns (the core's MAX_RANGE_LENGTH): a preview of a
 * larger image asks for it in pieces, a PDF asks for the ranges pdf.js needs.
 */
export const MAX_PREVIEW_RANGE = 16 * 1024 * 1024;

export type PreviewKind = 'image' | 'pdf' | 'too-large' | 'none';

/** How an attachment can be previewed, by its (sniffed) media type and size. */
export function previewKindOf(attachment: Pick<Attachment, 'mediaType' | 'byteSize'>): PreviewKind {
  const mediaType = attachment.mediaType.toLowerCase();
  if ((PREVIEW_IMAGE_TYPES as readonly string[]).includes(mediaType)) {
    return attachment.byteSize > MAX_IMAGE_PREVIEW_BYTES ? 'too-large' : 'image';
  }
  return mediaType === PREVIEW_PDF_TYPE ? 'pdf' : 'none';
}

/** One piece of an attachment for a preview; `data` is base64 (JSON carries it over every transport). */
export interface AttachmentPreviewPiece {
  attachmentId: number;
  mediaType: string;
  byteSize: number;
  offset: number;
  /** The bytes from `offset`, base64; fewer than asked for at the end of the attachment. */
  data: string;
}

/** A decrypted copy the core made for another program, and the folder that holds only it. */
export interface AttachmentOpenCopy {
  path: string;
  folder: string;
}

/** A job that reports its bytes and can be stopped between chunks (see attachment.cancel). */
export const CANCELLABLE_JOB_ID = /^attachment-(import|export)-[1-9][0-9]{0,8}$/;

const id = z.number().int().positive();

/** A name, not a path: the core stores the base name only and refuses separators outright. */
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((value) => !/[/\\\0]/.test(value) && value !== '.' && value !== '..', 'file.name');

/** type/subtype, as in RFC 6838 (parameters such as charset are not kept). */
const mediaType = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i, 'media.type');

export const attachmentApi = {
  /** Reads the file at `sourcePath` into the vault, in one transaction. Progress: job.progress 'attachment-import'. */
  'attachment.import': defineHandler<Attachment>({ access: 'write', passive: false, lane: 'queue', audits: ['attachment.imported'] })(
    z
      .object({
        dossierId: id,
        sourcePath: filePathSchema,
        fileName: fileName.optional(),
        mediaType: mediaType.optional(),
        sourceGrade: z.enum(SOURCE_GRADES).default(UNGRADED.sourceGrade),
        informationGrade: z.literal([...INFORMATION_GRADES]).default(UNGRADED.informationGrade),
        tlp: z.enum(TLP_CODES).default(DEFAULT_TLP),
        /** Left out: the municipality's own (shared/api/dossiers.ts says how the defaults work). */
        provenance: provenanceInputSchema.optional(),
      })
      .strict(),
  ),
  /**
   * Writes the attachment to `targetPath` (a temporary sibling, renamed when complete and its
   * SHA-256 checked). An existing file is refused (FILE_EXISTS) unless `overwrite`; the vault's own
   * files always. Progress: job.progress 'attachment-export'.
   */
  'attachment.export': defineHandler<AttachmentExport>({ access: 'write', passive: false, lane: 'queue', audits: ['attachment.exported', 'disclosure.recorded'] })(
    z.object({ attachmentId: id, targetPath: filePathSchema, overwrite: z.boolean().optional() }).strict(),
  ),
  /** The attachments of a dossier that are not in the trash, oldest first. */
  'attachment.list': defineHandler<Attachment[]>({ access: 'read', passive: false, lane: 'queue', audits: ['attachment.list-viewed'] })(z.object({ dossierId: id }).strict()),
  /**
   * Bytes of a previewable attachment (previewKindOf: an image up to MAX_IMAGE_PREVIEW_BYTES, or a
   * PDF), `length` at most MAX_PREVIEW_RANGE. Viewing is audited once per attachment and session.
   */
  'attachment.preview': defineHandler<AttachmentPreviewPiece>({ access: 'read', passive: false, lane: 'queue', audits: ['attachment.viewed'] })(
    z
      .object({
        attachmentId: id,
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
        length: z.number().int().min(1).max(MAX_PREVIEW_RANGE).default(MAX_PREVIEW_RANGE),
      })
      .strict(),
  ),
  /**
   * Writes a decrypted copy into a private temporary folder and asks the operating system to open
   * it with the program it associates with the file. The copy is deleted when the vault locks or
   * the app closes. Program files and scripts are refused. Progress: job.progress 'attachment-export'.
   */
  'attachment.openCopy': defineHandler<AttachmentOpenCopy>({ access: 'write', passive: false, lane: 'queue', audits: ['attachment.copy-opened', 'disclosure.recorded'] })(
    z.object({ attachmentId: id }).strict(),
  ),
  /**
   * Asks a running import or export (its job.progress `jobId`) to stop after the chunk in hand: an
   * import then leaves nothing behind, an export no file. Answered at once, beside the running job;
   * `running` is false when no such job runs (any more). The job itself fails with CANCELLED.
   */
  'attachment.cancel': defineHandler<{ running: boolean }>({ access: 'read', passive: true, lane: 'immediate', audits: [] })(
    z.object({ jobId: z.string().regex(CANCELLABLE_JOB_ID, 'job.id') }).strict(),
  ),
};
