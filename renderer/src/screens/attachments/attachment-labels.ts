import type { TFunction } from 'i18next';
import type { Attachment } from '../../../../shared/api';
import type { attachmentsNl } from '../../i18n/features/attachments';

type TypeKey = Exclude<keyof typeof attachmentsNl.types, 'withExtension' | 'unknown'>;

/** Media types the core stores (sniffed or by extension) and the word for each. */
const TYPE_KEYS: Readonly<Record<string, TypeKey>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'text/plain': 'text',
  'text/csv': 'csv',
  'message/rfc822': 'email',
  'application/vnd.ms-outlook': 'outlook',
  'application/msword': 'word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'wordx',
  'application/vnd.ms-excel': 'excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excelx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/zip': 'zip',
};

/** The extension of a stored name in capitals (`PDF`), or null; display only. */
export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match?.[1] ? match[1].toUpperCase() : null;
}

/** "PDF-document", "Word-document"; for an unknown type the extension ("XYZ-bestand"), never a raw media type. */
export function typeLabel(t: TFunction, attachment: Pick<Attachment, 'mediaType' | 'fileName'>): string {
  const key = Object.hasOwn(TYPE_KEYS, attachment.mediaType.toLowerCase()) ? TYPE_KEYS[attachment.mediaType.toLowerCase()] : undefined;
  if (key) return t(`attachments.types.${key}`);
  const extension = extensionOf(attachment.fileName);
  return extension ? t('attachments.types.withExtension', { extension }) : t('attachments.types.unknown');
}
