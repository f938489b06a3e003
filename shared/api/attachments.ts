import { z } from 'zod';
import { DEFAULT_TLP, INFORMATION_GRADES, SOURCE_GRADES, TLP_CODES, UNGRADED, type InformationGrade, type SourceGrade, type TlpCode } from '../domain/enums';
import { defineHandler } from './define';

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
}

export interface AttachmentExport {
  path: string;
  bytes: number;
  sha256: string;
}

const id = z.number().int().positive();

const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'NUL in pad');

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
  'attachment.import': defineHandler<Attachment>()(
    z
      .object({
        dossierId: id,
        sourcePath: filePath,
        fileName: fileName.optional(),
        mediaType: mediaType.optional(),
        sourceGrade: z.enum(SOURCE_GRADES).default(UNGRADED.sourceGrade),
        informationGrade: z.literal([...INFORMATION_GRADES]).default(UNGRADED.informationGrade),
        tlp: z.enum(TLP_CODES).default(DEFAULT_TLP),
      })
      .strict(),
  ),
  /**
   * Writes the attachment to `targetPath` (a temporary sibling, renamed when complete and its
   * SHA-256 checked). An existing file is refused (FILE_EXISTS) unless `overwrite`; the vault's own
   * files always. Progress: job.progress 'attachment-export'.
   */
  'attachment.export': defineHandler<AttachmentExport>()(
    z.object({ attachmentId: id, targetPath: filePath, overwrite: z.boolean().optional() }).strict(),
  ),
  /** The attachments of a dossier that are not in the trash, oldest first. */
  'attachment.list': defineHandler<Attachment[]>()(z.object({ dossierId: id }).strict()),
};
