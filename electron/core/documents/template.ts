import { PREWEEG_SECTIONS, PREWEEG_SECTION_TITLES_NL, type DocumentVersion } from '../../../shared/api/documents';
import type { TlpCode } from '../../../shared/domain/enums';
import { formatDutchDate, localIsoDate } from '../../../shared/domain/validation';
import { omittedLine } from './compose';

/**
 * The one template behind printing, PDF (Electron's printToPDF, or Chromium through CDP in the
 * browser host and the CLI) and the print view in the app.
 *
 * The marks every page carries (CONCEPT, the handling code, dossier number, version, date, page x
 * of y) live in two places, because no one mechanism reaches every printer path:
 * - for PDF, Chromium's `headerTemplate`/`footerTemplate`, whose `pageNumber`/`totalPages` spans
 *   it fills in itself;
 * - for printing, CSS `@page` margin boxes with `counter(page)` and `counter(pages)` (Chromium 131
 *   and later; Electron 45 has them). The PDF path switches those off to avoid printing them twice.
 */

export interface DocumentMarks {
  /** "CONCEPT · TLP:AMBER · Dossier 2026-0003 · Versie 2 · 28-11-2026" */
  line: string;
  tlp: string;
  dossierNumber: string;
  version: number;
  date: string;
}

export interface RenderedDocument {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  marks: DocumentMarks;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The strip colour of each TLP code (FIRST's TLP 2.0 colours on black). */
const TLP_COLOURS: Record<string, string> = {
  RED: '#FF2B2B',
  'AMBER+STRICT': '#FFC000',
  AMBER: '#FFC000',
  GREEN: '#33FF00',
  CLEAR: '#FFFFFF',
};

export function documentMarks(document: DocumentVersion): DocumentMarks {
  const date = formatDutchDate(localIsoDate(new Date(document.version.savedAt)));
  const tlp = `TLP:${document.tlp}`;
  return {
    line: `CONCEPT · ${tlp} · Dossier ${document.document.dossierNumber} · Versie ${document.version.version} · ${date}`,
    tlp,
    dossierNumber: document.document.dossierNumber,
    version: document.version.version,
    date,
  };
}

/** Section text to HTML: "- " lines become a list, an empty line ends a paragraph, an indented line continues a list item. */
export function sectionHtml(text: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push(`<p>${paragraph.map(escapeHtml).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (items.length > 0) blocks.push(`<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`);
    items = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('- ')) {
      flushParagraph();
      items.push(escapeHtml(line.slice(2)));
    } else if (/^\s+\S/.test(line) && items.length > 0) {
      items[items.length - 1] += `<br>${escapeHtml(line.trim())}`;
    } else if (line === '') {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks.join('\n');
}

const runningStyle = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #000; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;';

/** What every page of a printed item carries: a line at the top, one at the bottom, and the handling code. */
export interface PageMarks {
  /** The top line, e.g. "CONCEPT · Preweegdocument · Dossier 2025-0001 · Versie 2 · 28-11-2026". */
  head: string;
  /** The bottom line before "pagina x van y". */
  foot: string;
  /** The handling code in the top right corner; none for a document without items that carry one (counts only). */
  tlp?: TlpCode;
}

/**
 * The running head and foot of every page, as Chromium's header/footer templates (PDF) and as
 * CSS @page margin boxes (printing), and the page around a body. The text of the marks is escaped
 * for HTML and for CSS strings.
 */
export function framePages(
  marks: PageMarks,
  mode: 'pdf' | 'print',
  title: string,
  body: string,
  /** Style rules of this kind of document, after the shared ones. */
  extraCss = '',
): { html: string; headerTemplate: string; footerTemplate: string } {
  const tlp = marks.tlp ? `TLP:${marks.tlp}` : '';
  const tlpColour = (marks.tlp && TLP_COLOURS[marks.tlp]) ?? '#FFFFFF';
  const tlpBadge = marks.tlp ? `<span style="background:#000;color:${tlpColour};padding:0 4px;font-weight:bold;">${escapeHtml(tlp)}</span>` : '<span></span>';
  const colourExact = '-webkit-print-color-adjust: exact; print-color-adjust: exact;';
  const headerTemplate = `<div style="${runningStyle}${colourExact}"><span>${boldConcept(escapeHtml(marks.head))}</span>${tlpBadge}</div>`;
  const footerTemplate = `<div style="${runningStyle}${colourExact}"><span>${escapeHtml(marks.foot)}</span><span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`;
  const cssString = (text: string) => `"${text.replace(/["\\\n]/g, ' ')}"`;
  const marginBoxes =
    mode === 'print'
      ? `
      @top-left { content: ${cssString(marks.head)}; font: 8pt Arial, sans-serif; }
      ${tlp ? `@top-right { content: ${cssString(tlp)}; font: bold 8pt Arial, sans-serif; }` : ''}
      @bottom-left { content: ${cssString(marks.foot)}; font: 8pt Arial, sans-serif; }
      @bottom-right { content: "pagina " counter(page) " van " counter(pages); font: 8pt Arial, sans-serif; }`
      : '';
  const html = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 22mm 15mm 20mm 15mm; ${marginBoxes} }
  html { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; }
  body { margin: 0; }
  h1 { font-size: 16pt; margin: 0 0 4pt; }
  h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
  h3 { font-size: 10.5pt; margin: 8pt 0 2pt; break-after: avoid; }
  p, ul, ol { margin: 0 0 6pt; }
  ul, ol { padding-left: 16pt; }
  li { margin-bottom: 2pt; }
  .head { border: 1px solid #000; padding: 6pt 8pt; margin-bottom: 10pt; }
  .head dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0 0; }
  .head dt { font-weight: bold; }
  .head dd { margin: 0; }
  .status { font-weight: bold; letter-spacing: 0.1em; }
  .omitted { border-left: 3pt solid #000; padding: 2pt 8pt; margin: 8pt 0; }
  .omitted h2 { margin-top: 0; font-size: 10.5pt; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
  th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; font-size: 9.5pt; }
  .item { break-inside: avoid-page; }
${extraCss}
</style>
</head>
<body>
${body}
</body>
</html>
`;
  return { html, headerTemplate, footerTemplate };
}

/** "CONCEPT" in bold where the line starts with it. */
function boldConcept(escaped: string): string {
  return escaped.startsWith('CONCEPT') ? `<b>CONCEPT</b>${escaped.slice('CONCEPT'.length)}` : escaped;
}

export function renderDocument(document: DocumentVersion, mode: 'pdf' | 'print'): RenderedDocument {
  const marks = documentMarks(document);
  const omitted =
    document.omitted.length > 0 ? `<aside class="omitted"><h2>Weggelaten beschermde gegevens</h2>${sectionHtml(document.omitted.map(omittedLine).join('\n'))}</aside>` : '';
  const sections = PREWEEG_SECTIONS.map(
    (section, index) => `<section><h2>${index + 1}. ${escapeHtml(PREWEEG_SECTION_TITLES_NL[section])}</h2>\n${sectionHtml(document.sections[section])}</section>`,
  ).join('\n');
  const body = `<header class="head">
  <h1>${escapeHtml(document.document.title)}</h1>
  <dl>
    <dt>Status</dt><dd class="status">CONCEPT</dd>
    <dt>Behandelcode</dt><dd>${escapeHtml(marks.tlp)}</dd>
    <dt>Dossiernummer</dt><dd>${escapeHtml(marks.dossierNumber)}</dd>
    <dt>Versie</dt><dd>${marks.version}, opgeslagen door ${escapeHtml(document.version.savedBy)}</dd>
    <dt>Datum</dt><dd>${escapeHtml(marks.date)}</dd>
  </dl>
</header>
${omitted}
${sections}`;
  const framed = framePages(
    {
      head: `CONCEPT · Preweegdocument · Dossier ${marks.dossierNumber} · Versie ${marks.version} · ${marks.date}`,
      foot: `${marks.tlp} · CONCEPT · Dossier ${marks.dossierNumber} · Versie ${marks.version}`,
      tlp: document.tlp,
    },
    mode,
    `${document.document.title} (versie ${marks.version})`,
    body,
  );
  return { ...framed, marks };
}
