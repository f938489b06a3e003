import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, TextRun } from 'docx';
import { PREWEEG_SECTIONS, PREWEEG_SECTION_TITLES_NL, type DocumentVersion } from '../../../shared/api/documents';
import { omittedLine } from './compose';
import { documentMarks } from './template';

const FONT = 'Arial';
const SIZE = 21; // half-points: 10.5 pt, like the PDF

/** Section text to Word paragraphs, by the same rules as the HTML template. */
function sectionParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lastWasItem = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line === '') {
      lastWasItem = false;
      continue;
    }
    if (line.startsWith('- ')) {
      paragraphs.push(new Paragraph({ children: [new TextRun(line.slice(2))], bullet: { level: 0 } }));
      lastWasItem = true;
    } else if (/^\s+\S/.test(line) && lastWasItem) {
      paragraphs.push(new Paragraph({ children: [new TextRun(line.trim())], indent: { left: 720 } }));
    } else {
      paragraphs.push(new Paragraph({ children: [new TextRun(line)], spacing: { after: 80 } }));
      lastWasItem = false;
    }
  }
  return paragraphs;
}

/**
 * The version as a Word document for others to edit further: the same sections and head as the
 * PDF, and the marks in the page header and footer of every page, with Word's own PAGE and
 * NUMPAGES fields for "pagina x van y".
 */
export async function renderDocx(document: DocumentVersion): Promise<Uint8Array> {
  const marks = documentMarks(document);
  const header = new Header({
    children: [
      new Paragraph({
        children: [
          new TextRun({ text: 'CONCEPT', bold: true }),
          new TextRun(` · Preweegdocument · Dossier ${marks.dossierNumber} · Versie ${marks.version} · ${marks.date}   `),
          new TextRun({
            text: marks.tlp,
            bold: true,
            shading: { type: ShadingType.CLEAR, fill: '000000', color: 'auto' },
            color: document.tlp === 'RED' ? 'FF2B2B' : document.tlp.startsWith('AMBER') ? 'FFC000' : document.tlp === 'GREEN' ? '33FF00' : 'FFFFFF',
          }),
        ],
        style: 'Marks',
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        style: 'Marks',
        children: [
          new TextRun(`${marks.tlp} · CONCEPT · Dossier ${marks.dossierNumber} · Versie ${marks.version}   `),
          new TextRun({ children: ['pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] }),
        ],
        alignment: AlignmentType.LEFT,
      }),
    ],
  });
  const head = [
    new Paragraph({ text: document.document.title, heading: HeadingLevel.TITLE }),
    ...(
      [
        ['Status', 'CONCEPT'],
        ['Behandelcode', marks.tlp],
        ['Dossiernummer', marks.dossierNumber],
        ['Versie', `${marks.version}, opgeslagen door ${document.version.savedBy}`],
        ['Datum', marks.date],
      ] as const
    ).map(([term, value]) => new Paragraph({ children: [new TextRun({ text: `${term}: `, bold: true }), new TextRun(value)] })),
  ];
  const omitted =
    document.omitted.length > 0
      ? [new Paragraph({ text: 'Weggelaten beschermde gegevens', heading: HeadingLevel.HEADING_2 }), ...sectionParagraphs(document.omitted.map(omittedLine).join('\n'))]
      : [];
  const body = PREWEEG_SECTIONS.flatMap((section, index) => [
    new Paragraph({ text: `${index + 1}. ${PREWEEG_SECTION_TITLES_NL[section]}`, heading: HeadingLevel.HEADING_1 }),
    ...sectionParagraphs(document.sections[section]),
  ]);
  const word = new Document({
    creator: document.version.savedBy,
    title: document.document.title,
    description: `CONCEPT · ${marks.tlp} · Dossier ${marks.dossierNumber} · Versie ${marks.version}`,
    styles: {
      default: { document: { run: { font: FONT, size: SIZE } } },
      paragraphStyles: [{ id: 'Marks', name: 'Kenmerken', basedOn: 'Normal', run: { font: FONT, size: 16 } }],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1247, bottom: 1134, left: 850, right: 850 } } },
        headers: { default: header },
        footers: { default: footer },
        children: [...head, ...omitted, ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(word));
}
