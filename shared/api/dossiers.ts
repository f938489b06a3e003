import { z } from 'zod';
import {
  CLOSING_REASONS,
  DEFAULT_TLP,
  DOSSIER_STATUSES,
  HOW_RECEIVED,
  INFORMATION_GRADES,
  MEASURE_KINDS,
  MEASURE_STAGES,
  PARTNERS,
  PRIORITIES,
  SOURCE_GRADES,
  SUBJECT_LINK_KINDS,
  SUBJECT_ROLES,
  SUBJECT_TYPES,
  TLP_CODES,
  UNGRADED,
} from '../domain/enums';
import { provenanceInputSchema } from '../domain/sharing';
import { isoDateSchema, optionalIsoDateSchema, optionalTextSchema, requiredTextSchema } from '../domain/validation';
import { defineHandler } from './define';
import type {
  Dossier,
  DossierLink,
  DossierSummary,
  ListedSubject,
  MergeResult,
  Measure,
  Note,
  Page,
  Phenomenon,
  Signal,
  SignalSummary,
  StatusChange,
  Subject,
  SubjectLink,
  SubjectMatches,
  SubjectWithLinks,
  TimelineEntry,
  TrashItem,
  TrashKind,
} from './dossier-types';
import { TIMELINE_KINDS, TRASH_KINDS } from './dossier-types';
import { subjectDetailsSchema } from './subject-details';

/**
 * Signals, dossiers, subjects, links, notes, measures, phenomena and the trash. Every input is a
 * strict object; validation failures carry a stable code (shared/domain/validation.ts) as their
 * message. Create handlers fill the defaults; update handlers change only the fields given, and
 * null (or "") clears an optional field.
 */

const id = z.number().int().positive();
const sourceGrade = z.enum(SOURCE_GRADES);
const informationGrade = z.literal([...INFORMATION_GRADES]);
const tlp = z.enum(TLP_CODES);
const partner = z.enum(PARTNERS);

const SHORT_TEXT = 200;
const LONG_TEXT = 20_000;
const MAX_PAGE = 500;

/** New facts are "cannot be judged" and internal to the municipality until the user says otherwise. */
const weighedWithDefaults = {
  sourceGrade: sourceGrade.default(UNGRADED.sourceGrade),
  informationGrade: informationGrade.default(UNGRADED.informationGrade),
  tlp: tlp.default(DEFAULT_TLP),
};

const weighedChanges = { sourceGrade: sourceGrade.optional(), informationGrade: informationGrade.optional(), tlp: tlp.optional() };

/**
 * Who supplied a fact, on what basis it was received and how it may be used. On create, what is
 * left out comes from the defaults for the originator (a note's `partner`, a signal's `origin`, else
 * the municipality itself); on update, only the fields given change. An unknown organisation or
 * basis is INVALID_INPUT on `provenance.originator` / `provenance.receivedUnder`.
 */
const provenance = { provenance: provenanceInputSchema.optional() };

const paging = {
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.number().int().min(0).default(0),
};
const direction = z.enum(['asc', 'desc']).default('desc');

/** `from` must not lie after `until` (both ISO dates, so they compare as text). */
function inOrder<T extends Record<string, unknown>>(fromKey: keyof T & string, untilKey: keyof T & string) {
  return (value: T, context: z.RefinementCtx) => {
    const from = value[fromKey];
    const until = value[untilKey];
    if (typeof from === 'string' && typeof until === 'string' && from > until) {
      context.addIssue({ code: 'custom', message: 'date.range', path: [untilKey] });
    }
  };
}

// ── Phenomena ───────────────────────────────────────────────────────────────────────────────

const phenomenonHandlers = {
  'phenomenon.list': defineHandler<Phenomenon[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  /** Adds a phenomenon, or a sub-form when `parentId` names a phenomenon. */
  'phenomenon.add': defineHandler<Phenomenon>({ access: 'write', passive: false, lane: 'queue', audits: ['phenomenon.added'] })(
    z.object({ label: requiredTextSchema(100), parentId: id.optional() }).strict(),
  ),
};

// ── Signals ─────────────────────────────────────────────────────────────────────────────────

const signalChanges = {
  receivedOn: isoDateSchema.optional(),
  howReceived: z.enum(HOW_RECEIVED).optional(),
  reporterName: optionalTextSchema(SHORT_TEXT),
  reporterContact: optionalTextSchema(SHORT_TEXT),
  reporterProtected: z.boolean().optional(),
  origin: partner.nullable().optional(),
  phenomenonId: id.nullable().optional(),
  summary: requiredTextSchema(SHORT_TEXT).optional(),
  description: optionalTextSchema(LONG_TEXT),
  location: optionalTextSchema(SHORT_TEXT),
  ...weighedChanges,
  legalBasis: optionalTextSchema(SHORT_TEXT),
  purpose: optionalTextSchema(SHORT_TEXT),
  retentionUntil: optionalIsoDateSchema,
  ...provenance,
};

/** Why a retention date changed: it goes into the audit trail, as on the retention list. */
const retentionReason = requiredTextSchema(500);

export const SIGNAL_SORTS = ['receivedOn', 'createdAt'] as const;

const signalHandlers = {
  /** Quick intake: only how it came in and a summary are required; the date defaults to today. */
  'signal.create': defineHandler<Signal>({ access: 'write', passive: false, lane: 'queue', audits: ['signal.created'] })(
    z
      .object({
        ...signalChanges,
        howReceived: z.enum(HOW_RECEIVED),
        summary: requiredTextSchema(SHORT_TEXT),
        reporterProtected: z.boolean().default(true),
        ...weighedWithDefaults,
      })
      .strict(),
  ),
  'signal.get': defineHandler<Signal>({ access: 'read', passive: false, lane: 'queue', audits: ['signal.viewed'] })(z.object({ signalId: id }).strict()),
  'signal.list': defineHandler<Page<SignalSummary>>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z
      .object({
        phenomenonId: id.optional(),
        howReceived: z.enum(HOW_RECEIVED).optional(),
        tlp: tlp.optional(),
        /** true: only signals in a dossier; false: only loose signals. */
        inDossier: z.boolean().optional(),
        dossierId: id.optional(),
        receivedFrom: isoDateSchema.optional(),
        receivedUntil: isoDateSchema.optional(),
        /**
         * A postcode area (the four digits), as the dashboard counts it: a postcode in the signal's
         * location, or an address subject of its dossier in that area.
         */
        postcodeArea: z
          .string()
          .regex(/^[1-9]\d{3}$/, 'postcode.invalid')
          .optional(),
        sort: z.enum(SIGNAL_SORTS).default('receivedOn'),
        direction,
        ...paging,
      })
      .strict()
      .superRefine(inOrder('receivedFrom', 'receivedUntil')),
  ),
  /** A changed `retentionUntil` needs `retentionReason` (INVALID_INPUT on retentionReason otherwise); it goes into the audit trail. */
  'signal.update': defineHandler<Signal>({ access: 'write', passive: false, lane: 'queue', audits: ['signal.updated', 'retention.shortened', 'retention.extended'] })(
    z.object({ signalId: id, ...signalChanges, retentionReason: retentionReason.optional() }).strict(),
  ),
  'signal.attachToDossier': defineHandler<Signal>({ access: 'write', passive: false, lane: 'queue', audits: ['signal.attached'] })(
    z.object({ signalId: id, dossierId: id }).strict(),
  ),
  /** A new dossier from the signal: its phenomenon, handling code, legal basis and purpose carry over. */
  'signal.toDossier': defineHandler<DossierSummary>({ access: 'write', passive: false, lane: 'queue', audits: ['dossier.created', 'signal.attached'] })(
    z
      .object({
        signalId: id,
        title: requiredTextSchema(SHORT_TEXT).optional(),
        priority: z.enum(PRIORITIES).optional(),
        owner: optionalTextSchema(SHORT_TEXT),
      })
      .strict(),
  ),
};

// ── Dossiers ────────────────────────────────────────────────────────────────────────────────

const dossierChanges = {
  title: requiredTextSchema(SHORT_TEXT).optional(),
  summary: optionalTextSchema(LONG_TEXT),
  priority: z.enum(PRIORITIES).optional(),
  owner: optionalTextSchema(SHORT_TEXT),
  /** Replaces the dossier's phenomena (phenomena or sub-forms). */
  phenomenonIds: z.array(id).max(50).optional(),
  /** Replaces the partners involved. */
  partners: z.array(partner).max(PARTNERS.length).optional(),
  tlp: tlp.optional(),
  legalBasis: optionalTextSchema(SHORT_TEXT),
  purpose: optionalTextSchema(SHORT_TEXT),
  retentionUntil: optionalIsoDateSchema,
};

export const DOSSIER_SORTS = ['number', 'openedOn', 'updatedAt', 'title'] as const;

const dossierHandlers = {
  /** The number follows the year of `openedOn` (default today); the status starts at "signaal ontvangen". */
  'dossier.create': defineHandler<DossierSummary>({ access: 'write', passive: false, lane: 'queue', audits: ['dossier.created'] })(
    z
      .object({
        ...dossierChanges,
        title: requiredTextSchema(SHORT_TEXT),
        priority: z.enum(PRIORITIES).default('normaal'),
        tlp: tlp.default(DEFAULT_TLP),
        openedOn: isoDateSchema.optional(),
      })
      .strict(),
  ),
  'dossier.get': defineHandler<Dossier>({ access: 'read', passive: false, lane: 'queue', audits: ['dossier.viewed'] })(z.object({ dossierId: id }).strict()),
  'dossier.list': defineHandler<Page<DossierSummary>>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z
      .object({
        statuses: z.array(z.enum(DOSSIER_STATUSES)).min(1).optional(),
        /** A phenomenon also finds the dossiers filed under one of its sub-forms. */
        phenomenonId: id.optional(),
        priority: z.enum(PRIORITIES).optional(),
        owner: requiredTextSchema(SHORT_TEXT).optional(),
        tlp: tlp.optional(),
        openedFrom: isoDateSchema.optional(),
        openedUntil: isoDateSchema.optional(),
        sort: z.enum(DOSSIER_SORTS).default('number'),
        direction,
        ...paging,
      })
      .strict()
      .superRefine(inOrder('openedFrom', 'openedUntil')),
  ),
  /** A changed `retentionUntil` needs `retentionReason` (INVALID_INPUT on retentionReason otherwise); it goes into the audit trail. */
  'dossier.update': defineHandler<DossierSummary>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['dossier.updated', 'retention.shortened', 'retention.extended'],
  })(z.object({ dossierId: id, ...dossierChanges, retentionReason: retentionReason.optional() }).strict()),
  /**
   * Along the transition table only (shared/domain/enums.ts). Closing needs a closing reason,
   * reopening a final dossier needs a reason; `changedOn` is the decision's date (default today),
   * not in the future and not before the previous status change.
   */
  'dossier.changeStatus': defineHandler<{ dossier: DossierSummary; change: StatusChange }>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['dossier.status-changed'],
  })(
    z
      .object({
        dossierId: id,
        to: z.enum(DOSSIER_STATUSES),
        changedOn: isoDateSchema.optional(),
        reason: optionalTextSchema(LONG_TEXT),
        closingReason: z.enum(CLOSING_REASONS).optional(),
      })
      .strict()
      .superRefine((change, context) => {
        if (change.closingReason && change.to !== 'afgesloten') {
          context.addIssue({ code: 'custom', message: 'closing-reason.not-closing', path: ['closingReason'] });
        }
      }),
  ),
  'dossier.history': defineHandler<StatusChange[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({ dossierId: id }).strict()),
  /**
   * Signals, notes, status changes, measures (planned, started, decided), attachments and subject
   * links of the dossier in date order, newest first unless `direction` is 'asc'. Items in the
   * trash and melder links are left out.
   */
  'dossier.timeline': defineHandler<Page<TimelineEntry>>({ access: 'read', passive: false, lane: 'queue', audits: ['dossier.timeline-viewed'] })(
    z
      .object({
        dossierId: id,
        kinds: z.array(z.enum(TIMELINE_KINDS)).min(1).optional(),
        includeInternal: z.boolean().default(true),
        direction,
        ...paging,
      })
      .strict(),
  ),
  /** "Komt ook voor in" for every subject of the dossier, the dossier itself left out. */
  'dossier.matches': defineHandler<SubjectMatches[]>({ access: 'read', passive: false, lane: 'queue', audits: ['dossier.matches-viewed'] })(
    z.object({ dossierId: id }).strict(),
  ),
};

// ── Notes ───────────────────────────────────────────────────────────────────────────────────

const noteHandlers = {
  'note.add': defineHandler<Note>({ access: 'write', passive: false, lane: 'queue', audits: ['note.added'] })(
    z
      .object({
        dossierId: id,
        body: requiredTextSchema(LONG_TEXT),
        notedOn: isoDateSchema.optional(),
        partner: partner.nullable().optional(),
        ...weighedWithDefaults,
        internal: z.boolean().default(false),
        ...provenance,
      })
      .strict(),
  ),
  /** The journal, newest first. */
  'note.list': defineHandler<Page<Note>>({ access: 'read', passive: false, lane: 'queue', audits: ['note.list-viewed'] })(
    z.object({ dossierId: id, includeInternal: z.boolean().default(true), ...paging }).strict(),
  ),
};

// ── Subjects and links ──────────────────────────────────────────────────────────────────────

const period = { validFrom: isoDateSchema.optional(), validUntil: isoDateSchema.optional() };

const subjectHandlers = {
  'subject.create': defineHandler<Subject>({ access: 'write', passive: false, lane: 'queue', audits: ['subject.created'] })(
    z.object({ details: subjectDetailsSchema, ...weighedWithDefaults }).strict(),
  ),
  'subject.get': defineHandler<SubjectWithLinks>({ access: 'read', passive: false, lane: 'queue', audits: ['subject.viewed'] })(z.object({ subjectId: id }).strict()),
  /** `details` replaces all typed fields; the type cannot change. */
  'subject.update': defineHandler<Subject>({ access: 'write', passive: false, lane: 'queue', audits: ['subject.updated'] })(
    z.object({ subjectId: id, details: subjectDetailsSchema.optional(), ...weighedChanges }).strict(),
  ),
  'subject.list': defineHandler<Page<ListedSubject>>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z
      .object({
        type: z.enum(SUBJECT_TYPES).optional(),
        /** Part of the label, case-insensitive (full-text search comes later). */
        query: requiredTextSchema(SHORT_TEXT).optional(),
        dossierId: id.optional(),
        ...paging,
      })
      .strict(),
  ),
  'subject.linkToDossier': defineHandler<DossierLink>({ access: 'write', passive: false, lane: 'queue', audits: ['subject.linked-to-dossier'] })(
    z
      .object({
        subjectId: id,
        dossierId: id,
        role: z.enum(SUBJECT_ROLES),
        ...period,
        source: optionalTextSchema(SHORT_TEXT),
        ...weighedWithDefaults,
        ...provenance,
      })
      .strict()
      .superRefine(inOrder('validFrom', 'validUntil')),
  ),
  /** A directed link: "<from> works for <to>". */
  'subject.link': defineHandler<SubjectLink>({ access: 'write', passive: false, lane: 'queue', audits: ['subject.linked'] })(
    z
      .object({
        fromSubjectId: id,
        toSubjectId: id,
        kind: z.enum(SUBJECT_LINK_KINDS),
        ...period,
        source: optionalTextSchema(SHORT_TEXT),
        ...weighedWithDefaults,
        ...provenance,
      })
      .strict()
      .superRefine(inOrder('validFrom', 'validUntil'))
      .superRefine((link, context) => {
        if (link.fromSubjectId === link.toSubjectId) context.addIssue({ code: 'custom', message: 'subject-link.self', path: ['toSubjectId'] });
      }),
  ),
  /** Removes one subject–dossier link (by its id); the subject and the dossier stay. */
  'subject.unlinkFromDossier': defineHandler<{ linkId: number }>({ access: 'write', passive: false, lane: 'queue', audits: ['subject.unlinked-from-dossier'] })(
    z.object({ linkId: id }).strict(),
  ),
  /** Removes one subject–subject link (by its id); both subjects stay. */
  'subject.unlink': defineHandler<{ linkId: number }>({ access: 'write', passive: false, lane: 'queue', audits: ['subject.unlinked'] })(z.object({ linkId: id }).strict()),
  /** "Komt ook voor in": look-alike subjects and the dossiers they (or this subject) appear in. */
  'subject.matches': defineHandler<SubjectMatches>({ access: 'read', passive: false, lane: 'queue', audits: ['subject.matches-viewed'] })(
    z.object({ subjectId: id, excludeDossierId: id.optional() }).strict(),
  ),
  /** Moves every link of `mergeSubjectId` to `keepSubjectId`, fills its empty fields, removes the duplicate. */
  'subject.merge': defineHandler<MergeResult>({ access: 'write', passive: false, lane: 'queue', audits: ['subject.merged'] })(
    z
      .object({ keepSubjectId: id, mergeSubjectId: id })
      .strict()
      .superRefine((merge, context) => {
        if (merge.keepSubjectId === merge.mergeSubjectId) context.addIssue({ code: 'custom', message: 'merge.same-subject', path: ['mergeSubjectId'] });
      }),
  ),
};

// ── Measures ────────────────────────────────────────────────────────────────────────────────

const measureChanges = {
  kind: z.enum(MEASURE_KINDS).optional(),
  description: optionalTextSchema(LONG_TEXT),
  partner: partner.nullable().optional(),
  plannedOn: optionalIsoDateSchema,
  startedOn: optionalIsoDateSchema,
  decidedOn: optionalIsoDateSchema,
  stage: z.enum(MEASURE_STAGES).optional(),
  outcome: optionalTextSchema(LONG_TEXT),
  tlp: tlp.optional(),
  ...provenance,
};

const measureHandlers = {
  'measure.add': defineHandler<Measure>({ access: 'write', passive: false, lane: 'queue', audits: ['measure.added'] })(
    z
      .object({
        dossierId: id,
        ...measureChanges,
        kind: z.enum(MEASURE_KINDS),
        stage: z.enum(MEASURE_STAGES).default('gepland'),
        tlp: tlp.default(DEFAULT_TLP),
      })
      .strict(),
  ),
  'measure.update': defineHandler<Measure>({ access: 'write', passive: false, lane: 'queue', audits: ['measure.updated'] })(
    z.object({ measureId: id, ...measureChanges }).strict(),
  ),
  'measure.list': defineHandler<Measure[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({ dossierId: id }).strict()),
};

// ── Trash ───────────────────────────────────────────────────────────────────────────────────

const trashItem = { kind: z.enum(TRASH_KINDS), id };

const trashHandlers = {
  'trash.move': defineHandler<TrashItem>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['signal.trashed', 'dossier.trashed', 'subject.trashed', 'note.trashed', 'measure.trashed', 'attachment.trashed'],
  })(z.object(trashItem).strict()),
  'trash.list': defineHandler<TrashItem[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  'trash.restore': defineHandler<{ kind: TrashKind; id: number }>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['signal.restored', 'dossier.restored', 'subject.restored', 'note.restored', 'measure.restored', 'attachment.restored'],
  })(z.object(trashItem).strict()),
  /** Destroys everything in the trash (and what hangs under it); only audit entries remain. */
  'trash.empty': defineHandler<{ destroyed: Record<TrashKind, number> }>({ access: 'write', passive: false, lane: 'queue', audits: ['trash.emptied'] })(z.object({}).strict()),
};

export const dossierApi = {
  ...phenomenonHandlers,
  ...signalHandlers,
  ...dossierHandlers,
  ...noteHandlers,
  ...subjectHandlers,
  ...measureHandlers,
  ...trashHandlers,
};
