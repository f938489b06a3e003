import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The text of each page of a PDF, by pdf.js (the legacy build runs in Node). */
export async function pdfPageTexts(filePath: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(filePath)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await document.destroy();
  return pages;
}

/** One part of a .docx (a zip), read with Debian's unzip. */
export function docxPart(filePath: string, part: string): string {
  return execFileSync('unzip', ['-p', filePath, part], { encoding: 'utf8' });
}

/** The paragraphs' text of a WordprocessingML part, joined per paragraph. */
export function wordParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) => [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''));
}
