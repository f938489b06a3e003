import { z } from 'zod';
import {
  CLOSING_REASONS,
  DEFAULT_TLP,
  DOSSIER_STATUSES,
  INFORMATION_GRADES,
  PARTNERS,
  SOURCE_GRADES,
  TLP_CODES,
  type DossierStatus,
  type Partner,
  type TlpCode,
} from '../domain/enums';
import { audienceSchema, organisationCodeSchema, sharingOverrideSchema, type Audience, type SharingSummary } from '../domain/sharing';
import { filePathSchema, isoDateSchema, optionalIsoDateSchema, optionalTextSchema, requiredTextSchema } from '../domain/validation';
import { defineHandler } from './define';
import type { DossierRef } from './dossier-types';

/**
 * Meetings (overleggen): the informatieplein, the lokale driehoek, the stuurploeg, casustafels and
 * internal meetings; their agenda of dossiers and loose signals, with a summary the app drafts and
 * the user edits; per item the outcome, decisions and actions (wie, wat, wanneer, partner). An
 * outcome changes the dossier (status, journal note) only by `meeting.applyOutcome`, which the UI
 * calls after the user confirmed what it will do.
 */

export const MEETING_KINDS = ['informatieplein', 'lokale_driehoek', 'stuurploeg', 'casustafel', 'intern_overleg'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ITEM_OUTCOMES = ['herkend', 'besluit', 'geen_actie'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/**
 * A participant: a person and the organisation (from the organisation list) they speak for. The
 * participants are the meeting's audience for the sharing regime. `organisation` is the free text of
 * entries made before organisations were a list; those read with `organisationCode` null, and the
 * regime treats them as a recipient it cannot place.
 */
export interface Participant {
  name: string;
  organisation: string;
  organisationCode: string | null;
}

export interface MeetingAction {
  id: number;
  itemId: number;
  who: string;
  what: string;
  dueOn: string | null;
  partner: Partner | null;
  doneOn: string | null;
}

export interface MeetingItem {
  id: number;
  meetingId: number;
  position: number;
  dossier: DossierRef | null;
  signal: { id: number; summary: string; receivedOn: string } | null;
  summary: string;
  /** The strictest code of the item's facts (its dossier or signal and what its text was drafted from). */
  code: TlpCode;
  outcome: ItemOutcome | null;
  /** For "herkend": the partners that recognised the signal or dossier. */
  recognisedBy: Partner[];
  decisions: string | null;
  /** When the outcome was carried into the dossier (status and/or journal note); null before. */
  appliedAt: string | null;
  actions: MeetingAction[];
}

export interface MeetingSummary {
  id: number;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  place: string | null;
  tlp: TlpCode;
  itemCount: number;
  openActions: number;
}

export interface Meeting extends MeetingSummary {
  participants: Participant[];
  items: MeetingItem[];
  createdAt: string;
}

/** An action in the follow-up overview, with where it came from. */
export interface ActionOverviewEntry extends MeetingAction {
  overdue: boolean;
  meeting: { id: number; kind: MeetingKind; title: string; heldOn: string };
  dossier: DossierRef | null;
}

const id = z.number().int().positive();
const participant = z
  .object({ name: requiredTextSchema(200), organisation: z.string().trim().max(200).default(''), organisationCode: organisationCodeSchema.nullable().optional() })
  .strict();

/**
 * One agenda item as an output shows it, after the sharing regime: the text with the lines of
 * withheld facts taken out, and the item's own code (the strictest of its facts that went).
 */
export interface MeetingOutputItem {
  itemId: number;
  /** Its number in the output: items left out whole leave no gap. */
  number: number;
  title: string;
  tlp: TlpCode;
  summary: string;
  /** The text was edited after drafting and held a withheld fact: it is left out with a notice. */
  summaryWithheld: boolean;
  outcome: ItemOutcome | null;
  recognisedBy: Partner[];
  decisions: string | null;
  actions: MeetingAction[];
}

/** The agenda or verslag as it goes to an audience: what the screen preview, the print and the PDF show. */
export interface MeetingOutput {
  meetingId: number;
  part: 'agenda' | 'verslag';
  kind: MeetingKind;
  title: string;
  heldOn: string;
  place: string | null;
  /** The strictest code of what the output contains (never below the meeting's own code). */
  marking: TlpCode;
  audience: Audience;
  /** "Politie (W. Agent), Woningcorporatie (H. Huur)" or "intern gebruik". */
  audienceText: string;
  participants: Participant[];
  items: MeetingOutputItem[];
  /** Items left out whole, because their dossier or signal itself may not go to the audience. */
  itemsLeftOut: number;
  summary: SharingSummary;
  /** What the output says it left out, in Dutch, as printed in "Niet opgenomen". */
  notIncluded: string[];
}

const outputChoice = {
  meetingId: id,
  part: z.enum(['agenda', 'verslag']),
  /** Default: the participants (none recorded: internal use). */
  audience: audienceSchema.optional(),
  override: sharingOverrideSchema.optional(),
};

const meetingChanges = {
  kind: z.enum(MEETING_KINDS).optional(),
  title: requiredTextSchema(200).optional(),
  heldOn: isoDateSchema.optional(),
  place: optionalTextSchema(200),
  tlp: z.enum(TLP_CODES).optional(),
  participants: z.array(participant).max(100).optional(),
};

export const meetingApi = {
  'meeting.create': defineHandler<Meeting>({ access: 'write', passive: false, lane: 'queue', audits: ['meeting.created'] })(
    z
      .object({
        ...meetingChanges,
        kind: z.enum(MEETING_KINDS),
        heldOn: isoDateSchema,
        tlp: z.enum(TLP_CODES).default(DEFAULT_TLP),
        participants: z.array(participant).max(100).default([]),
      })
      .strict(),
  ),
  'meeting.list': defineHandler<MeetingSummary[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  'meeting.get': defineHandler<Meeting>({ access: 'read', passive: false, lane: 'queue', audits: ['meeting.viewed'] })(z.object({ meetingId: id }).strict()),
  'meeting.update': defineHandler<Meeting>({ access: 'write', passive: false, lane: 'queue', audits: ['meeting.updated'] })(
    z.object({ meetingId: id, ...meetingChanges }).strict(),
  ),
  /** A dossier or a loose signal on the agenda, at the end, with a drafted summary. */
  'meeting.addItem': defineHandler<MeetingItem>({ access: 'write', passive: false, lane: 'queue', audits: ['meeting.item-added', 'dossier.matches-viewed'] })(
    z
      .object({ meetingId: id, dossierId: id.optional(), signalId: id.optional() })
      .strict()
      .superRefine((item, context) => {
        if ((item.dossierId === undefined) === (item.signalId === undefined)) context.addIssue({ code: 'custom', message: 'meeting-item.one-subject', path: ['dossierId'] });
      }),
  ),
  'meeting.updateItem': defineHandler<MeetingItem>({ access: 'write', passive: false, lane: 'queue', audits: ['meeting.item-updated'] })(
    z
      .object({
        itemId: id,
        summary: z.string().max(20_000).optional(),
        outcome: z.enum(ITEM_OUTCOMES).nullable().optional(),
        recognisedBy: z.array(z.enum(PARTNERS)).max(PARTNERS.length).optional(),
        decisions: optionalTextSchema(20_000),
        /** Moves the item to this place on the agenda (1 = first). */
        position: z.number().int().min(1).optional(),
      })
      .strict(),
  ),
  'meeting.removeItem': defineHandler<{ itemId: number }>({ access: 'write', passive: false, lane: 'queue', audits: ['meeting.item-removed'] })(
    z.object({ itemId: id }).strict(),
  ),
  'meeting.addAction': defineHandler<MeetingAction>({ access: 'write', passive: false, lane: 'queue', audits: ['meeting.action-added'] })(
    z
      .object({ itemId: id, who: requiredTextSchema(200), what: requiredTextSchema(2_000), dueOn: optionalIsoDateSchema, partner: z.enum(PARTNERS).nullable().optional() })
      .strict(),
  ),
  /** `done: true` marks the action done today (or on `doneOn`); false opens it again. */
  'meeting.setActionDone': defineHandler<MeetingAction>({ access: 'write', passive: false, lane: 'queue', audits: ['meeting.action-done', 'meeting.action-reopened'] })(
    z.object({ actionId: id, done: z.boolean(), doneOn: isoDateSchema.optional() }).strict(),
  ),
  /**
   * Carries an item's outcome into its dossier, after the user confirmed: a status change (along
   * the transition table, dated the meeting's day) and/or a journal note. Once per item.
   */
  'meeting.applyOutcome': defineHandler<{ item: MeetingItem; status: DossierStatus | null; noteId: number | null }>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['meeting.outcome-applied', 'dossier.status-changed', 'note.added'],
  })(
    z
      .object({
        itemId: id,
        statusTo: z.enum(DOSSIER_STATUSES).optional(),
        closingReason: z.enum(CLOSING_REASONS).optional(),
        note: optionalTextSchema(20_000),
        /** The note's grading and code, as the user confirms them: ungraded (X4), internal and the strictest code of the item's facts by default. */
        sourceGrade: z.enum(SOURCE_GRADES).optional(),
        informationGrade: z.literal([...INFORMATION_GRADES]).optional(),
        tlp: z.enum(TLP_CODES).optional(),
        internal: z.boolean().default(true),
      })
      .strict(),
  ),
  /** The agenda or verslag as it would go to the audience, without writing anything: what will be left out, and why. */
  'meeting.preview': defineHandler<MeetingOutput>({ access: 'read', passive: false, lane: 'queue', audits: ['meeting.viewed'] })(z.object(outputChoice).strict()),
  /** The print was handed to the printer: recorded in the disclosure register. */
  'meeting.printed': defineHandler<MeetingOutput>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['meeting.viewed', 'disclosure.recorded'],
  })(z.object(outputChoice).strict()),
  /** The agenda or the verslag as PDF (the same page frame as documents: handling code and "pagina x van y" on every page). */
  'meeting.exportPdf': defineHandler<{ path: string; bytes: number; output: MeetingOutput }>({
    access: 'write',
    passive: false,
    lane: 'rendering',
    audits: ['meeting.viewed', 'meeting.exported', 'disclosure.recorded'],
  })(z.object({ ...outputChoice, targetPath: filePathSchema, overwrite: z.boolean().default(false) }).strict()),
  /** Open actions over all meetings (or one dossier's), overdue ones first. */
  'meeting.actions': defineHandler<ActionOverviewEntry[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z.object({ dossierId: id.optional(), includeDone: z.boolean().default(false) }).strict(),
  ),
};
