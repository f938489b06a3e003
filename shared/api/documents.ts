import { z } from 'zod';
import { TLP_CODES, type TlpCode } from '../domain/enums';
import { defineHandler } from './define';
import { filePathSchema } from '../domain/validation';

/**
 * Preweegdocumenten: drafts composed from a dossier, edited section by section, saved in the vault
 * as numbered versions (who, when), compared, printed and exported (PDF, Word). The sections are
 * the ten of a preweegdocument, from kop to verantwoording; the text of each section is plain text in which a line starting with "- " is
 * a list item and an empty line starts a new paragraph.
 */

export const PREWEEG_SECTIONS = [
  'kop',
  'aanleiding',
  'probleembeschrijving',
  'betrokkenen',
  'informatie_per_partner',
  'informatielacunes',
  'handelingsperspectieven',
  'eerste_advies',
  'gevraagd_besluit',
  'verantwoording',
] as const;
export type PreweegSection = (typeof PREWEEG_SECTIONS)[number];

/** The headings as printed (documents are Dutch, whatever the UI language). */
export const PREWEEG_SECTION_TITLES_NL: Record<PreweegSection, string> = {
  kop: 'Kop',
  aanleiding: 'Aanleiding',
  probleembeschrijving: 'Probleembeschrijving',
  betrokkenen: 'Betrokken subjecten en objecten',
  informatie_per_partner: 'Beschikbare informatie per partner',
  informatielacunes: 'Informatielacunes',
  handelingsperspectieven: 'Handelingsperspectieven per partner',
  eerste_advies: 'Eerste advies integrale aanpak',
  gevraagd_besluit: 'Gevraagd besluit',
  verantwoording: 'Verantwoording',
};

/** Protected material a document leaves out unless the user includes it for this document. */
export const PROTECTED_KINDS = ['reporter', 'bsn', 'internalNotes'] as const;
export type ProtectedKind = (typeof PROTECTED_KINDS)[number];

export type ProtectedInclusion = Record<ProtectedKind, boolean>;

/** What was left out of a composed draft, and how much: shown in the editor and printed. */
export interface OmittedItem {
  kind: ProtectedKind;
  count: number;
}

export type SectionTexts = Record<PreweegSection, string>;

export interface DocumentSummary {
  id: number;
  dossierId: number;
  dossierNumber: string;
  kind: 'preweeg';
  title: string;
  latestVersion: number;
  updatedAt: string;
  updatedBy: string;
}

export interface DocumentVersionInfo {
  version: number;
  savedAt: string;
  savedBy: string;
  /** Why this version was made: composed from the dossier, or edited. */
  origin: 'composed' | 'edited';
  comment: string | null;
}

/** One version of a document in full. */
export interface DocumentVersion {
  document: DocumentSummary;
  version: DocumentVersionInfo;
  tlp: TlpCode;
  sections: SectionTexts;
  included: ProtectedInclusion;
  omitted: OmittedItem[];
  /** Every version of the document, newest first. */
  versions: DocumentVersionInfo[];
}

export interface LineChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface SectionComparison {
  section: PreweegSection;
  changed: boolean;
  lines: LineChange[];
}

export interface DocumentComparison {
  documentId: number;
  fromVersion: number;
  toVersion: number;
  tlpChanged: { from: TlpCode; to: TlpCode } | null;
  sections: SectionComparison[];
}

export interface DocumentOutput {
  path: string;
  bytes: number;
  version: number;
}

/** The material of a print: the HTML of the template and the running head and foot. */
export interface DocumentPrint {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  version: number;
}

const id = z.number().int().positive();
const version = z.number().int().positive();
const SECTION_MAX = 100_000;

const inclusion = z
  .object({ reporter: z.boolean().default(false), bsn: z.boolean().default(false), internalNotes: z.boolean().default(false) })
  .strict()
  .default({ reporter: false, bsn: false, internalNotes: false });

const sectionTexts = z.object(Object.fromEntries(PREWEEG_SECTIONS.map((section) => [section, z.string().max(SECTION_MAX).optional()]))).strict() as z.ZodType<
  Partial<SectionTexts>
>;

const target = { targetPath: filePathSchema, overwrite: z.boolean().default(false) };

export const documentApi = {
  'document.list': defineHandler<DocumentSummary[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({ dossierId: id }).strict()),
  /**
   * A draft from the dossier's facts. Without `documentId` a new document (version 1); with it, a
   * new version of that document composed afresh (the edited text of earlier versions stays in them).
   */
  'document.compose': defineHandler<DocumentVersion>({ access: 'write', passive: false, lane: 'queue', audits: ['document.composed'] })(
    z.object({ dossierId: id, documentId: id.optional(), include: inclusion }).strict(),
  ),
  /** A version (the latest without `version`). Reading a document is an access: it is audited. */
  'document.get': defineHandler<DocumentVersion>({ access: 'read', passive: false, lane: 'queue', audits: ['document.viewed'] })(
    z.object({ documentId: id, version: version.optional() }).strict(),
  ),
  /**
   * Saves the edited sections as the next version. `baseVersion` is the version the edit started
   * from: when someone saved in between, the save is refused (DOCUMENT_CHANGED) instead of losing work.
   */
  'document.save': defineHandler<DocumentVersion>({ access: 'write', passive: false, lane: 'queue', audits: ['document.saved'] })(
    z
      .object({
        documentId: id,
        baseVersion: version,
        sections: sectionTexts,
        tlp: z.enum(TLP_CODES).optional(),
        comment: z.string().max(500).optional(),
      })
      .strict(),
  ),
  'document.compare': defineHandler<DocumentComparison>({ access: 'read', passive: false, lane: 'queue', audits: ['document.compared'] })(
    z.object({ documentId: id, fromVersion: version, toVersion: version }).strict(),
  ),
  /** The print template of a version; `document.printed` records the print once it went to the printer. */
  'document.printView': defineHandler<DocumentPrint>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z.object({ documentId: id, version: version.optional() }).strict(),
  ),
  'document.printed': defineHandler<{ recorded: true }>({ access: 'write', passive: false, lane: 'queue', audits: ['document.printed'] })(
    z.object({ documentId: id, version }).strict(),
  ),
  'document.exportPdf': defineHandler<DocumentOutput>({ access: 'write', passive: false, lane: 'rendering', audits: ['document.exported'] })(
    z.object({ documentId: id, version: version.optional(), ...target }).strict(),
  ),
  'document.exportDocx': defineHandler<DocumentOutput>({ access: 'write', passive: false, lane: 'queue', audits: ['document.exported'] })(
    z.object({ documentId: id, version: version.optional(), ...target }).strict(),
  ),
  /** The informatieplein signal sheet of one signal as a one-page PDF; the reporter is never on it. */
  'document.signalSheetPdf': defineHandler<{ path: string; bytes: number }>({
    access: 'write',
    passive: false,
    lane: 'rendering',
    audits: ['document.signal-sheet-exported'],
  })(z.object({ signalId: id, question: z.string().trim().min(1).max(2_000).optional(), ...target }).strict()),
};
