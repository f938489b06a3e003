import { z } from 'zod';
import { TLP_CODES, type TlpCode } from '../domain/enums';
import { audienceSchema, sharingOverrideSchema, type Audience, type SharingOverride, type SharingSummary } from '../domain/sharing';
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

/** An audience as a print, PDF or Word output names it: internal use, or organisations and persons. */
export type OutputAudience = z.infer<typeof audienceSchema>;

const organisations = (...codes: string[]): OutputAudience => ({
  kind: 'recipients',
  members: codes.map((organisation) => ({ organisation, person: null, verified: false })),
});

/**
 * Who a preweegdocument is for unless the user names others: the lokale driehoek that weighs it
 * (DOMAIN.md, "Two tracks"): the police, the Openbaar Ministerie and the municipality, as
 * organisations, without named persons (so nothing marked TLP:RED goes).
 */
export const DRIEHOEK_AUDIENCE: OutputAudience = organisations('politie', 'openbaar_ministerie', 'gemeente');

/** Who an informatieplein signal sheet is for unless the user names others: the RIEC convenant partners at the table. */
export const INFORMATIEPLEIN_AUDIENCE: OutputAudience = organisations('politie', 'openbaar_ministerie', 'belastingdienst', 'riec');

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
  /**
   * Who the version was composed for, and what the sharing regime left out then. Null for versions
   * composed before the regime: their whole text counts as the dossier's own, under their own code.
   */
  audience: Audience | null;
  sharing: SharingSummary | null;
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

/** What an output of a version for an audience holds after the sharing regime: shown before printing, answered after writing. */
export interface DocumentSharing {
  /** The code on every page: the strictest of what the output contains, never lower. */
  marking: TlpCode;
  audience: Audience;
  summary: SharingSummary;
  /** The sentences the output prints under "Weggelaten" (shared/i18n/sharing.ts). */
  withheldLines: string[];
  /** Sections left out whole, because a withheld fact's line in them was edited. */
  sectionsWithheld: PreweegSection[];
}

/** A print of a document version for an audience (default: whom it was composed for), with the user's override; the core validates both. */
export interface DocumentPrintRequest {
  documentId: number;
  version: number;
  audience?: OutputAudience;
  override?: SharingOverride;
}

export interface DocumentOutput {
  path: string;
  bytes: number;
  version: number;
  sharing: DocumentSharing;
}

/** The material of a print: the HTML of the template, the running head and foot, and the text as it will be printed. */
export interface DocumentPrint {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  version: number;
  title: string;
  sections: SectionTexts;
  sharing: DocumentSharing;
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
/** Who an output is for (default: the audience the version was composed for), and the user's override of the regime for chosen facts. */
const forAudience = { audience: audienceSchema.optional(), override: sharingOverrideSchema.optional() };

export const documentApi = {
  'document.list': defineHandler<DocumentSummary[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({ dossierId: id }).strict()),
  /**
   * A draft from the dossier's facts. Without `documentId` a new document (version 1); with it, a
   * new version of that document composed afresh (the edited text of earlier versions stays in them).
   * Only what the sharing regime lets go to `audience` is written (default: the lokale driehoek).
   */
  'document.compose': defineHandler<DocumentVersion>({ access: 'write', passive: false, lane: 'queue', audits: ['document.composed'] })(
    z.object({ dossierId: id, documentId: id.optional(), include: inclusion, ...forAudience }).strict(),
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
  /**
   * The print template of a version for an audience, with what the regime leaves out: the print
   * dialog's preview. Nothing leaves the vault yet; `document.printed` records the print (and the
   * disclosure) once it went to the printer.
   */
  'document.printView': defineHandler<DocumentPrint>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z.object({ documentId: id, version: version.optional(), ...forAudience }).strict(),
  ),
  'document.printed': defineHandler<{ recorded: true; sharing: DocumentSharing }>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['document.printed', 'disclosure.recorded'],
  })(z.object({ documentId: id, version, ...forAudience }).strict()),
  'document.exportPdf': defineHandler<DocumentOutput>({ access: 'write', passive: false, lane: 'rendering', audits: ['document.exported', 'disclosure.recorded'] })(
    z.object({ documentId: id, version: version.optional(), ...target, ...forAudience }).strict(),
  ),
  'document.exportDocx': defineHandler<DocumentOutput>({ access: 'write', passive: false, lane: 'queue', audits: ['document.exported', 'disclosure.recorded'] })(
    z.object({ documentId: id, version: version.optional(), ...target, ...forAudience }).strict(),
  ),
  /**
   * The informatieplein signal sheet of one signal as a one-page PDF; the reporter is never on it.
   * Only what the regime lets go to `audience` (default: the informatieplein's convenant partners).
   */
  'document.signalSheetPdf': defineHandler<{ path: string; bytes: number; summary: SharingSummary; withheldLines: string[] }>({
    access: 'write',
    passive: false,
    lane: 'rendering',
    audits: ['document.signal-sheet-exported', 'disclosure.recorded'],
  })(z.object({ signalId: id, question: z.string().trim().min(1).max(2_000).optional(), ...target, ...forAudience }).strict()),
};
