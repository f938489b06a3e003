import { z } from 'zod';
import type { DossierStatus, HowReceived, MeasureKind, Partner, SubjectType, TlpCode } from '../domain/enums';
import { audienceSchema, type Audience, type DisclosureChannel, type DisclosureOutput } from '../domain/sharing';
import { filePathSchema, isoDateSchema, optionalIsoDateSchema, requiredTextSchema } from '../domain/validation';
import { defineHandler } from './define';

/**
 * Reports and intelligence views, retention, access requests and the processing register.
 *
 * The yearly report holds counts only. The core answers exact counts (the dashboard is for the
 * programmaleider, who may see everything in the vault); whatever leaves the screen as *the report*
 * (the printed page, the CSV, `kluis report`) shows a count of 1 to 4 as "< 5" through
 * `reportCount` below: one rule, in one place, for the renderer, the CSV writer and the CLI.
 */

/** Counts from 1 up to this threshold (exclusive) are not shown in the report. */
export const SMALL_COUNT_THRESHOLD = 5;
export const SMALL_COUNT_TEXT = `< ${SMALL_COUNT_THRESHOLD}`;

/** A count as the report shows it: 0 stays 0 (nothing to protect), 1–4 becomes "< 5". */
export function reportCount(count: number): string {
  return count > 0 && count < SMALL_COUNT_THRESHOLD ? SMALL_COUNT_TEXT : String(count);
}

/** True when the report hides this count. */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SMALL_COUNT_THRESHOLD;
}

const id = z.number().int().positive();

const period = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine((value) => value.from <= value.to, { message: 'period.reversed', path: ['to'] });

export interface PeriodInput {
  from: string;
  to: string;
}

export interface PhenomenonCount {
  /** The top-level phenomenon (sub-forms are counted with it); null: signals without a phenomenon. */
  phenomenonId: number | null;
  code: string | null;
  label: string;
  count: number;
}

/** What became of the year's work, each a count (see electron/core/reports/figures.ts for the rules). */
export const OUTCOME_KEYS = [
  'signals_received',
  'signals_in_dossier',
  'signals_loose',
  'dossiers_opened',
  'reached_informatieplein',
  'reached_preweeg',
  'reached_stuurploeg',
  'stuurploeg_aanpakken',
  'stuurploeg_niet_aanpakken',
  'stuurploeg_terug',
  'reached_interventie',
  'regulier_afgehandeld',
  'afgesloten_opgelost',
  'afgesloten_overgedragen',
  'afgesloten_geen_grond',
  'afgesloten_verjaard',
  'still_open',
] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

export interface DecisionTime {
  /** Dossiers opened in the period that had a decision (aanpak, regulier afgehandeld, afgesloten) by the period's end. */
  decided: number;
  /** Days from the first signal's receipt (or the opening) to that decision; null when none. */
  medianDays: number | null;
  p75Days: number | null;
}

export interface ReportFigures {
  period: PeriodInput;
  signalsTotal: number;
  byPhenomenon: PhenomenonCount[];
  byHowReceived: Array<{ howReceived: HowReceived; count: number }>;
  /** The partner or department the signal came from, when recorded; `null`: not recorded. */
  byOrigin: Array<{ origin: Partner | string | null; count: number }>;
  /** One entry per calendar month in the period, `2025-03`. */
  byMonth: Array<{ month: string; count: number }>;
  outcomes: Array<{ key: OutcomeKey; count: number }>;
  decisionTime: DecisionTime;
  measuresByKind: Array<{ kind: MeasureKind; count: number }>;
  measuresTotal: number;
}

export interface DashboardFigures {
  period: PeriodInput;
  previousPeriod: PeriodInput;
  openByStatus: Array<{ status: DossierStatus; count: number }>;
  openByPhenomenon: PhenomenonCount[];
  /** Signals per month of the period, per top-level phenomenon id (key "none" for none). */
  signalsOverTime: Array<{ month: string; counts: Record<string, number> }>;
  phenomena: Array<{ phenomenonId: number; label: string }>;
  /** Postcode areas (the four digits) of address subjects and signal locations. */
  areas: Array<{ area: string; dossiers: number; signals: number; previousSignals: number }>;
  topSubjects: Array<{ subjectId: number; label: string; type: SubjectType; dossiers: number }>;
  openMeasures: number;
  overdueMeasures: number;
  /** Actions agreed in meetings (the follow-up overview), not yet done; overdue: past their due date. */
  openActions: number;
  overdueActions: number;
  /** Phenomena with few or no signals against the previous period of the same length. */
  blindSpots: Array<{ kind: 'phenomenon' | 'area'; key: string; label: string; current: number; previous: number }>;
}

/** Retention: the defaults per outcome, in years, kept in the vault's settings table. */
export interface RetentionDefaults {
  /** A loose signal (never in a dossier), from its receipt. */
  looseSignalYears: number;
  /** A dossier handled through the regular processes, from that decision. */
  regulierAfgehandeldYears: number;
  /** A closed dossier, from its closing. */
  closedDossierYears: number;
  /** A dossier still open: from its opening, a date to review it by. */
  openDossierYears: number;
}

export const RETENTION_KINDS = ['dossier', 'signal'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export interface RetentionItem {
  kind: RetentionKind;
  id: number;
  /** Dossier number, or "Signaal 12" style label made by the UI from the id for a signal. */
  number: string | null;
  title: string;
  /** The outcome the default was chosen by. */
  basis: 'loose_signal' | 'regulier_afgehandeld' | 'afgesloten' | 'open';
  /** The date the retention period ends. */
  retentionUntil: string;
  /** True when set on the item (by the user); false when computed from the defaults. */
  explicit: boolean;
  overdue: boolean;
  /** In the trash: its period runs on, and when it is due it is destroyed from the retention list like any other. */
  inTrash: boolean;
}

export interface RetentionOverview {
  overdue: number;
  dueWithin30Days: number;
}

export interface DestroyResult {
  kind: RetentionKind;
  id: number;
  number: string | null;
  destroyedOn: string;
  /** What went with it. */
  removed: { signals: number; notes: number; attachments: number; subjects: number; links: number; measures: number };
}

/** How an access request (inzageverzoek) names the person. */
export const accessRequestCriteria = z
  .object({
    name: z.string().trim().max(200).optional(),
    birthDate: optionalIsoDateSchema,
    bsn: z.string().trim().max(20).optional(),
    postcode: z.string().trim().max(10).optional(),
    houseNumber: z.string().trim().max(10).optional(),
  })
  .strict()
  .refine((value) => Boolean(value.bsn || value.name || (value.postcode && value.houseNumber)), { message: 'access-request.no-criteria', path: ['name'] });

export interface AccessRequestSubject {
  id: number;
  type: SubjectType;
  label: string;
  /** How it was found: a match key, or the folded name only (birth date missing on one side). */
  matchedBy: 'bsn' | 'name_birth_date' | 'name' | 'address' | 'linked';
  /** Ids of subjects merged into this one (from the audit trail). */
  mergedSubjectIds: number[];
  details: Record<string, unknown>;
  tlp: TlpCode;
}

/**
 * One disclosure of an item about the person to someone outside the municipality, from the
 * disclosure register (audit entries `disclosure.recorded`): when, how, and to whom.
 */
export interface AccessRequestDisclosure {
  auditId: number;
  occurredAt: string;
  output: DisclosureOutput;
  channel: DisclosureChannel;
  audience: Audience;
  /** The recipients in words, as the register names them: "Politie (J. de Vries), Woningcorporatie". */
  recipients: string;
}

/**
 * Every item carries its handling code (for a dossier found through a link: the stricter of the
 * dossier's and the link's). The person's own facts (their record, their links to dossiers and to
 * other subjects) carry `disclosedTo`: who received them, oldest first.
 */
export interface AccessRequestResult {
  subjects: Array<AccessRequestSubject & { disclosedTo: AccessRequestDisclosure[] }>;
  subjectLinks: Array<{ id: number; fromLabel: string; toLabel: string; kind: string; tlp: TlpCode; disclosedTo: AccessRequestDisclosure[] }>;
  dossiers: Array<{
    id: number;
    linkId: number;
    number: string;
    title: string;
    status: DossierStatus;
    role: string;
    subjectLabel: string;
    tlp: TlpCode;
    disclosedTo: AccessRequestDisclosure[];
  }>;
  signals: Array<{ id: number; receivedOn: string; summary: string; dossierNumber: string | null; via: 'dossier' | 'text'; tlp: TlpCode }>;
  notes: Array<{ id: number; dossierId: number; dossierNumber: string; notedOn: string; body: string; internal: boolean; tlp: TlpCode }>;
  attachments: Array<{ id: number; dossierNumber: string; fileName: string; byteSize: number; tlp: TlpCode }>;
  /** The entries as the audit trail holds them (ids and field names, no content). */
  audit: Array<{ id: number; occurredAt: string; actor: string; action: string; details: Record<string, unknown> }>;
}

/** The art. 30 AVG description of the processing; every field free text. */
export const PROCESSING_REGISTER_FIELDS = [
  'name',
  'controller',
  'contact',
  'purposes',
  'legalBases',
  'dataCategories',
  'subjectCategories',
  'recipients',
  'transfers',
  'retention',
  'security',
] as const;
export type ProcessingRegisterField = (typeof PROCESSING_REGISTER_FIELDS)[number];
export type ProcessingRegister = Record<ProcessingRegisterField, string>;

const registerText = z.string().max(20_000);

export const reportApi = {
  'report.figures': defineHandler<ReportFigures>({ access: 'read', passive: false, lane: 'queue', audits: [] })(period),
  /** Writes the figures as CSV (small counts as "< 5"), atomically; FILE_EXISTS unless `overwrite`. */
  /** `audience`: who the report is for (default: internal use); recorded in the disclosure register. */
  'report.exportCsv': defineHandler<{ path: string; bytes: number }>({ access: 'write', passive: false, lane: 'queue', audits: ['report.exported', 'disclosure.recorded'] })(
    z.object({ from: isoDateSchema, to: isoDateSchema, targetPath: filePathSchema, overwrite: z.boolean().optional(), audience: audienceSchema.optional() }).strict(),
  ),
  /**
   * Writes the report as PDF (one template, documents/template.ts; headless Chromium or Electron's
   * printToPDF): the tables and bar charts, small counts as "< 5", "pagina x van y". Atomically;
   * FILE_EXISTS unless `overwrite`; PDF_UNAVAILABLE without a renderer. `audience` as for the CSV.
   */
  'report.exportPdf': defineHandler<{ path: string; bytes: number }>({
    access: 'write',
    passive: false,
    lane: 'rendering',
    audits: ['report.exported', 'disclosure.recorded'],
  })(
    z
      .object({ from: isoDateSchema, to: isoDateSchema, targetPath: filePathSchema, overwrite: z.boolean().optional(), audience: audienceSchema.optional() })
      .strict()
      .refine((value) => value.from <= value.to, { message: 'period.reversed', path: ['to'] }),
  ),
  'dashboard.figures': defineHandler<DashboardFigures>({ access: 'read', passive: false, lane: 'queue', audits: [] })(period),
  'retention.defaults': defineHandler<RetentionDefaults>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  'retention.updateDefaults': defineHandler<RetentionDefaults>({ access: 'write', passive: false, lane: 'queue', audits: ['retention.defaults-updated'] })(
    z
      .object({
        looseSignalYears: z.number().int().min(0).max(30).optional(),
        regulierAfgehandeldYears: z.number().int().min(0).max(30).optional(),
        closedDossierYears: z.number().int().min(0).max(30).optional(),
        openDossierYears: z.number().int().min(0).max(30).optional(),
      })
      .strict(),
  ),
  /** Every dossier and loose signal with its retention date, earliest first; `dueOnly`: only those past it. */
  'retention.list': defineHandler<RetentionItem[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({ dueOnly: z.boolean().default(false) }).strict()),
  'retention.overview': defineHandler<RetentionOverview>({ access: 'read', passive: true, lane: 'queue', audits: [] })(z.object({}).strict()),
  /** Set an item's retention date (extend or shorten); the reason goes into the audit trail. */
  'retention.setUntil': defineHandler<RetentionItem>({ access: 'write', passive: false, lane: 'queue', audits: ['retention.shortened', 'retention.extended'] })(
    z.object({ kind: z.enum(RETENTION_KINDS), id, until: isoDateSchema, reason: requiredTextSchema(500) }).strict(),
  ),
  /** Destroy for good: content, attachments, links, notes, search entries. Only an audit entry remains. */
  'retention.destroy': defineHandler<DestroyResult>({ access: 'write', passive: false, lane: 'queue', audits: ['retention.destroyed'] })(
    z.object({ kind: z.enum(RETENTION_KINDS), id, reason: requiredTextSchema(500) }).strict(),
  ),
  'accessRequest.search': defineHandler<AccessRequestResult>({ access: 'read', passive: false, lane: 'queue', audits: [] })(accessRequestCriteria),
  /** Records that the request was handled: which kinds of criteria, how much was found; no personal data. */
  'accessRequest.recordHandled': defineHandler<{ recorded: true }>({ access: 'write', passive: false, lane: 'queue', audits: ['access-request.handled'] })(
    z
      .object({
        criteria: z.array(z.enum(['name', 'birthDate', 'bsn', 'address'])).min(1),
        subjects: z.number().int().min(0),
        dossiers: z.number().int().min(0),
        reference: z.string().trim().max(100).optional(),
      })
      .strict(),
  ),
  /**
   * Writes what the search finds as PDF for the privacy officer ("Vertrouwelijk — inzageverzoek",
   * the handling code on every page and beside every item, and per item of the person to whom it
   * was disclosed). The audit entry holds the kinds of criteria and the counts, never the person;
   * the disclosure register records the PDF itself (for internal use).
   */
  'accessRequest.exportPdf': defineHandler<{ path: string; bytes: number }>({
    access: 'write',
    passive: false,
    lane: 'rendering',
    audits: ['access-request.exported', 'disclosure.recorded'],
  })(z.object({ criteria: accessRequestCriteria, reference: z.string().trim().max(100).optional(), targetPath: filePathSchema, overwrite: z.boolean().optional() }).strict()),
  'register.get': defineHandler<ProcessingRegister>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  'register.update': defineHandler<ProcessingRegister>({ access: 'write', passive: false, lane: 'queue', audits: ['register.updated'] })(
    z
      .object(
        Object.fromEntries(PROCESSING_REGISTER_FIELDS.map((field) => [field, registerText.optional()])) as Record<ProcessingRegisterField, z.ZodOptional<typeof registerText>>,
      )
      .strict(),
  ),
  'register.export': defineHandler<{ path: string; bytes: number }>({ access: 'write', passive: false, lane: 'queue', audits: ['register.exported'] })(
    z.object({ targetPath: filePathSchema, format: z.enum(['markdown', 'html']), overwrite: z.boolean().optional() }).strict(),
  ),
};
