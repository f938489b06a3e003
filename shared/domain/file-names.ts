/**
 * The file names the app suggests for what it writes, in one place: the UI fills a save field with
 * them, and the core uses the same name inside a folder when the user names a folder instead of a
 * file (kernel/output-files.ts), so that the CLI and the UI end on the same file.
 */

/** Characters no file name on Windows, macOS or Linux may hold, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

function safe(part: string): string {
  return part.replace(UNSAFE, '-').trim();
}

/** "2025" for a whole calendar year, "2025-01-01-2025-06-30" for any other period. */
function periodPart(from: string, to: string): string {
  const year = from.slice(0, 4);
  return from === `${year}-01-01` && to === `${year}-12-31` ? year : `${from}-${to}`;
}

export const suggestedFileName = {
  documentVersion: (dossierNumber: string, version: number, format: 'pdf' | 'docx') => `preweegdocument-${safe(dossierNumber)}-v${version}.${format}`,
  signalSheet: (signalId: number) => `signaalblad-informatieplein-${signalId}.pdf`,
  meeting: (heldOn: string, part: 'agenda' | 'verslag') => `${part}-overleg-${safe(heldOn)}.pdf`,
  yearReportPdf: (from: string, to: string) => `jaarrapportage-meldpunt-${periodPart(from, to)}.pdf`,
  yearReportCsv: (from: string, to: string) => `jaarrapportage-${from}-${to}.csv`,
  accessRequest: (day: string) => `inzageverzoek-${day}.pdf`,
  register: (day: string, format: 'markdown' | 'html') => `verwerkingsregister-${day}.${format === 'html' ? 'html' : 'md'}`,
  partnerCard: (name: string) => `Partnerkaart ${safe(name)}.json`,
  ageIdentity: (name: string) => `age-sleutel ${safe(name)}.txt`,
  bundle: (day: string) => `Dossiers ${day}.dkbundel`,
  /** "Werkbestand-reservekopie-2026-03-01.kluis" beside "Werkbestand.kluis". */
  backup: (vaultName: string, day: string) => `${safe(vaultName)}-reservekopie-${day}.kluis`,
  /** An attachment keeps its own name. */
  attachment: (fileName: string) => safe(fileName) || 'bijlage',
};
