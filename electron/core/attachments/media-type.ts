import path from 'node:path';

/**
 * The media type from the content's first bytes, for the kinds the app previews (images and PDF).
 * The content decides, not the name: a "foto.jpg" that is a PDF is shown as a PDF, and a
 * preview never hands an image decoder something else. No dependency: the signatures are few.
 */
const SIGNATURES: ReadonlyArray<{ mediaType: string; matches(head: Buffer): boolean }> = [
  { mediaType: 'application/pdf', matches: (head) => startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]) }, // %PDF-
  { mediaType: 'image/png', matches: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', matches: (head) => startsWith(head, [0xff, 0xd8, 0xff]) },
  { mediaType: 'image/gif', matches: (head) => ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a' },
  { mediaType: 'image/webp', matches: (head) => ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP' },
  { mediaType: 'image/bmp', matches: (head) => ascii(head, 0, 2) === 'BM' && head.length >= 14 },
  {
    mediaType: 'image/tiff',
    matches: (head) => startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  {
    mediaType: 'image/heic',
    matches: (head) => ascii(head, 4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1'].includes(ascii(head, 8, 12)),
  },
];

function startsWith(head: Buffer, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);
}

function ascii(head: Buffer, start: number, end: number): string {
  return head.length >= end ? head.toString('latin1', start, end) : '';
}

export function sniffMediaType(head: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.matches(head))?.mediaType ?? null;
}

/** For what has no signature worth trusting (text, e-mail, office files): the extension, as a hint only. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.zip': 'application/zip',
};

export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

/** Sniffed first; then what the caller said; then the extension; then "unknown bytes". */
export function decideMediaType(head: Buffer, fileName: string, given: string | undefined): string {
  return sniffMediaType(head) ?? given?.toLowerCase() ?? BY_EXTENSION[path.extname(fileName).toLowerCase()] ?? UNKNOWN_MEDIA_TYPE;
}
