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

/** The words of the names, per language of the screen; the core and the CLI use the Dutch ones. */
const WORDS = {
  nl: {
    signalSheet: 'signaalblad-informatieplein',
    meeting: { agenda: 'agenda-overleg', verslag: 'verslag-overleg' },
    yearReport: 'jaarrapportage-meldpunt',
    yearFigures: 'jaarrapportage',
    accessRequest: 'inzageverzoek',
    register: 'verwerkingsregister',
    partnerCard: 'Partnerkaart',
    ageIdentity: 'age-sleutel',
    bundle: 'Dossiers',
    backup: 'reservekopie',
    attachment: 'bijlage',
  },
  en: {
    signalSheet: 'signal-sheet-informatieplein',
    meeting: { agenda: 'agenda-meeting', verslag: 'minutes-meeting' },
    yearReport: 'annual-report-hotline',
    yearFigures: 'annual-report',
    accessRequest: 'access-request',
    register: 'processing-register',
    partnerCard: 'Partner card',
    ageIdentity: 'age key',
    bundle: 'Dossiers',
    backup: 'backup',
    attachment: 'attachment',
  },
} as const;

export type FileNameLanguage = keyof typeof WORDS;

function namesIn(words: (typeof WORDS)[FileNameLanguage]) {
  return {
    /** "preweegdocument" is the municipality's own word, in both languages. */
    documentVersion: (dossierNumber: string, version: number, format: 'pdf' | 'docx') => `preweegdocument-${safe(dossierNumber)}-v${version}.${format}`,
    signalSheet: (signalId: number) => `${words.signalSheet}-${signalId}.pdf`,
    meeting: (heldOn: string, part: 'agenda' | 'verslag') => `${words.meeting[part]}-${safe(heldOn)}.pdf`,
    yearReportPdf: (from: string, to: string) => `${words.yearReport}-${periodPart(from, to)}.pdf`,
    yearReportCsv: (from: string, to: string) => `${words.yearFigures}-${from}-${to}.csv`,
    accessRequest: (day: string) => `${words.accessRequest}-${day}.pdf`,
    register: (day: string, format: 'markdown' | 'html') => `${words.register}-${day}.${format === 'html' ? 'html' : 'md'}`,
    partnerCard: (name: string) => `${words.partnerCard} ${safe(name)}.json`,
    ageIdentity: (name: string) => `${words.ageIdentity} ${safe(name)}.txt`,
    bundle: (day: string) => `${words.bundle} ${day}.dkbundel`,
    /** "Werkbestand-reservekopie-2026-03-01.kluis" beside "Werkbestand.kluis". */
    backup: (vaultName: string, day: string) => `${safe(vaultName)}-${words.backup}-${day}.kluis`,
    /** An attachment keeps its own name. */
    attachment: (fileName: string) => safe(fileName) || words.attachment,
  };
}

/** The Dutch names: what the core puts inside a folder the user named instead of a file. */
export const suggestedFileName = namesIn(WORDS.nl);

const ENGLISH = namesIn(WORDS.en);

/** The names a save field starts with, in the screen's language (i18next's language code). */
export function suggestedFileNames(language: string): typeof suggestedFileName {
  return language.startsWith('en') ? ENGLISH : suggestedFileName;
}
