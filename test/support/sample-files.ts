import zlib from 'node:zlib';

/** Small real files for attachment tests, made here rather than checked in: what they hold is plain. */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid RGB PNG of `width` × `height`: a blue field with a yellow diagonal band, so that a
 * screenshot shows it is the picture and not an empty box.
 */
export function makePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; x++) {
      const onBand = Math.abs(x / width - y / height) < 0.12;
      row.set(onBand ? [250, 200, 30] : [30, 80, 160], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A PDF written by hand: A4 pages, each with a black bar and a line of text in Helvetica, and a
 * correct cross-reference table, so that pdf.js reads it without repairing it. `paddingBytes` of
 * comment lines after the header make it larger without changing what it shows (a preview then
 * has to read it range by range).
 */
export function makePdf(pageTexts: readonly string[], paddingBytes = 0): Buffer {
  const pageCount = pageTexts.length;
  // Objects: 1 catalog, 2 pages, 3 font, then per page a page object and its content stream.
  const pageIds = pageTexts.map((_, index) => 4 + index * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pageTexts.forEach((text, index) => {
    const content = `0 0 0 rg\n72 700 451 36 re f\nBT /F1 24 Tf 72 640 Td (${text}) Tj ET\n`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
  });
  let body = '%PDF-1.4\n';
  const line = `%${'x'.repeat(98)}\n`;
  for (let padded = 0; padded < paddingBytes; padded += line.length) body += line;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The smallest useful case: one page, a few hundred bytes. */
export function makeOnePagePdf(text = 'Proces-verbaal (fictief)'): Buffer {
  return makePdf([text]);
}
