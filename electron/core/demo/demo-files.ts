import zlib from 'node:zlib';

/**
 * The demo's attachments, made in code so that they are plainly fictional and the repository holds
 * no binary files: a photo-like PNG, a one-page PDF, an e-mail and a spreadsheet (CSV).
 */
export interface DemoFile {
  fileName: string;
  bytes: Buffer;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 320×200 RGB picture of a building front: a sky, a wall, windows (two of them papered over), a door. */
export function demoPng(): Buffer {
  const width = 320;
  const height = 200;
  const rows: Buffer[] = [];
  const window = (x: number, y: number) => {
    const column = Math.floor((x - 40) / 60);
    const inWindow = x >= 40 && x < 280 && (x - 40) % 60 >= 10 && (x - 40) % 60 < 50 && ((y >= 70 && y < 105) || (y >= 125 && y < 160));
    return inWindow ? (column === 1 || column === 2 ? 'papered' : 'glass') : null;
  };
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      let rgb: [number, number, number];
      if (y < 50) rgb = [170 + Math.floor(y / 2), 200 + Math.floor(y / 3), 235];
      else if (x >= 145 && x < 175 && y >= 150) rgb = [90, 60, 40];
      else {
        const kind = window(x, y);
        rgb = kind === 'glass' ? [60, 90, 120] : kind === 'papered' ? [235, 235, 225] : [150 + ((x * 7 + y * 3) % 11), 80, 60];
      }
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method choice, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a few lines of Helvetica text, its cross-reference table computed. */
export function demoPdf(lines: string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (character) => `\\${character}`);
  const content = ['BT', '/F1 12 Tf', '14 TL', '60 780 Td', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export function demoFiles(): DemoFile[] {
  return [
    { fileName: 'foto-voorgevel-proefstraat-12.png', bytes: demoPng() },
    {
      fileName: 'verslag-integrale-controle.pdf',
      bytes: demoPdf([
        'Verslag integrale controle (FICTIEF - demogegevens)',
        '',
        'Adres: Proefstraat 12, 9999 ZZ Fictiestad',
        'Aanwezig: gemeente (handhaving), politie, netbeheerder',
        'Bevindingen: ramen afgeplakt, verhoogd stroomverbruik,',
        'geen hennepkwekerij aangetroffen op de begane grond.',
        'Vervolg: bespreken in het informatieplein.',
      ]),
    },
    {
      fileName: 'melding-per-e-mail.eml',
      bytes: Buffer.from(
        [
          'From: meldpunt@fictiestad.example',
          'To: programmaleider@fictiestad.example',
          'Subject: Doorgestuurde melding (demo)',
          'Date: Mon, 12 May 2025 09:14:00 +0200',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Een buurtbewoner meldt veel wisselende bezoekers bij Proefstraat 12, vooral in de avond.',
          'Alle gegevens in dit bericht zijn verzonnen.',
          '',
        ].join('\r\n'),
        'utf8',
      ),
    },
    {
      fileName: 'transacties-voorbeeld.csv',
      bytes: Buffer.from(
        [
          'datum;omschrijving;bedrag',
          '2025-03-01;Contante storting (fictief);9500,00',
          '2025-03-08;Contante storting (fictief);9400,00',
          '2025-03-15;Overboeking naar NL91ABNA0417164300 (testnummer);18000,00',
          '',
        ].join('\n'),
        'utf8',
      ),
    },
  ];
}
