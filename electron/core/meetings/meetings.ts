import type { ParsedInput } from '../../../shared/api';
import type { DossierRef } from '../../../shared/api/dossier-types';
import type { ActionOverviewEntry, ItemOutcome, Meeting, MeetingAction, MeetingItem, MeetingKind, MeetingSummary, Participant } from '../../../shared/api/meetings';
import { UNGRADED, type DossierStatus, type Partner, type TlpCode } from '../../../shared/domain/enums';
import type { Audience } from '../../../shared/domain/sharing';
import { formatDutchDate } from '../../../shared/domain/dates';
import { CoreError } from '../kernel/errors';
import { inTransaction, timestamp, today, type CoreContext } from '../kernel/context';
import { requireDossier } from '../dossiers/dossier-records';
import { addNote } from '../dossiers/notes';
import { changeDossierStatus } from '../dossiers/status';
import { draftDossierSummary, draftSignalSummary, type DraftedSummary } from './summary';
import type { FactLine } from '../sharing/composed-text';
import { organisationNames } from '../sharing/audience';
import { requireOrganisation } from '../sharing/organisations';
import { writeProvenance } from '../sharing/provenance';
import { itemCode, itemNoteProvenance } from './item-facts';

interface MeetingRow {
  id: number;
  kind: MeetingKind;
  title: string;
  held_on: string;
  place: string | null;
  tlp: TlpCode;
  participants: string;
  created_at: string;
  item_count: number;
  open_actions: number;
}

interface ItemRow {
  id: number;
  meeting_id: number;
  position: number;
  dossier_id: number | null;
  dossier_number: string | null;
  dossier_title: string | null;
  dossier_status: DossierStatus | null;
  signal_id: number | null;
  signal_summary: string | null;
  signal_received_on: string | null;
  summary: string;
  outcome: ItemOutcome | null;
  recognised_by: string;
  decisions: string | null;
  applied_at: string | null;
}

interface ActionRow {
  id: number;
  item_id: number;
  who: string;
  what: string;
  due_on: string | null;
  partner: Partner | null;
  done_on: string | null;
}

const MEETING_SELECT = `
  SELECT m.id, m.kind, m.title, m.held_on, m.place, m.tlp, m.participants, m.created_at,
         (SELECT count(*) FROM meeting_items i WHERE i.meeting_id = m.id) AS item_count,
         (SELECT count(*) FROM meeting_actions a JOIN meeting_items i ON i.id = a.item_id WHERE i.meeting_id = m.id AND a.done_on IS NULL) AS open_actions
    FROM meetings m`;

const ITEM_SELECT = `
  SELECT i.id, i.meeting_id, i.position, i.dossier_id, d.number AS dossier_number, d.title AS dossier_title, d.status AS dossier_status,
         i.signal_id, s.summary AS signal_summary, s.received_on AS signal_received_on,
         i.summary, i.outcome, i.recognised_by, i.decisions, i.applied_at
    FROM meeting_items i
    LEFT JOIN dossiers d ON d.id = i.dossier_id
    LEFT JOIN signals s ON s.id = i.signal_id`;

const ACTION_COLUMNS = 'a.id, a.item_id, a.who, a.what, a.due_on, a.partner, a.done_on';

function toSummary(row: MeetingRow): MeetingSummary {
  return { id: row.id, kind: row.kind, title: row.title, heldOn: row.held_on, place: row.place, tlp: row.tlp, itemCount: row.item_count, openActions: row.open_actions };
}

function toAction(row: ActionRow): MeetingAction {
  return { id: row.id, itemId: row.item_id, who: row.who, what: row.what, dueOn: row.due_on, partner: row.partner, doneOn: row.done_on };
}

function dossierRefOf(row: Pick<ItemRow, 'dossier_id' | 'dossier_number' | 'dossier_title' | 'dossier_status'>): DossierRef | null {
  return row.dossier_id === null ? null : { id: row.dossier_id, number: row.dossier_number!, title: row.dossier_title!, status: row.dossier_status! };
}

function toItem(context: CoreContext, row: ItemRow, actions: MeetingAction[]): MeetingItem {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    position: row.position,
    dossier: dossierRefOf(row),
    signal: row.signal_id === null ? null : { id: row.signal_id, summary: row.signal_summary!, receivedOn: row.signal_received_on! },
    summary: row.summary,
    code: itemCode(context, row.id),
    outcome: row.outcome,
    recognisedBy: JSON.parse(row.recognised_by) as Partner[],
    decisions: row.decisions,
    appliedAt: row.applied_at,
    actions,
  };
}

function notFound(kind: string, id: number): CoreError {
  return new CoreError('NOT_FOUND', `${kind} ${id} not found`, { kind, id });
}

function requireMeetingRow(context: CoreContext, meetingId: number): MeetingRow {
  const row = context.db.prepare(`${MEETING_SELECT} WHERE m.id = ?`).get(meetingId) as MeetingRow | undefined;
  if (!row) throw notFound('meeting', meetingId);
  return row;
}

function readItem(context: CoreContext, itemId: number): MeetingItem {
  const row = context.db.prepare(`${ITEM_SELECT} WHERE i.id = ?`).get(itemId) as ItemRow | undefined;
  if (!row) throw notFound('meeting-item', itemId);
  const actions = (context.db.prepare(`SELECT ${ACTION_COLUMNS} FROM meeting_actions a WHERE a.item_id = ? ORDER BY a.id`).all(itemId) as ActionRow[]).map(toAction);
  return toItem(context, row, actions);
}

/** Participants as stored: entries from before the organisation list have no code. */
function readParticipants(json: string): Participant[] {
  return (JSON.parse(json) as Array<Partial<Participant> & { name: string }>).map((participant) => ({
    name: participant.name,
    organisation: participant.organisation ?? '',
    organisationCode: participant.organisationCode ?? null,
  }));
}

/**
 * Who a meeting's agenda and verslag go to: its participants, each a named person of their
 * organisation. Without participants the meeting is still being prepared: internal use.
 */
export function meetingAudience(participants: readonly Participant[]): Audience {
  if (participants.length === 0) return { kind: 'internal' };
  return { kind: 'recipients', members: participants.map((participant) => ({ organisation: participant.organisationCode, person: participant.name, verified: false })) };
}

/** Participants as input: the code must be in the organisation list; the organisation's name fills an empty free text. */
function checkedParticipants(context: CoreContext, participants: ParsedInput<'meeting.create'>['participants']): Participant[] {
  const names = participants.some((participant) => participant.organisationCode) ? organisationNames(context) : new Map<string, string>();
  return participants.map((participant) => {
    const code = participant.organisationCode ?? null;
    if (code !== null) requireOrganisation(context, code);
    return { name: participant.name, organisation: participant.organisation || (code !== null ? (names.get(code) ?? code) : ''), organisationCode: code };
  });
}

export function meetingParticipants(context: CoreContext, meetingId: number): Participant[] {
  return readParticipants(requireMeetingRow(context, meetingId).participants);
}

function readMeeting(context: CoreContext, meetingId: number): Meeting {
  const row = requireMeetingRow(context, meetingId);
  const items = context.db.prepare(`${ITEM_SELECT} WHERE i.meeting_id = ? ORDER BY i.position, i.id`).all(meetingId) as ItemRow[];
  const actions = context.db
    .prepare(`SELECT ${ACTION_COLUMNS} FROM meeting_actions a JOIN meeting_items i ON i.id = a.item_id WHERE i.meeting_id = ? ORDER BY a.id`)
    .all(meetingId) as ActionRow[];
  return {
    ...toSummary(row),
    participants: readParticipants(row.participants),
    createdAt: row.created_at,
    items: items.map((item) => toItem(context, item, actions.filter((action) => action.item_id === item.id).map(toAction))),
  };
}

const KIND_TITLES: Record<MeetingKind, string> = {
  informatieplein: 'Informatieplein',
  lokale_driehoek: 'Lokale driehoek',
  stuurploeg: 'Districtelijke stuurploeg',
  casustafel: 'Casustafel',
  intern_overleg: 'Intern overleg',
};

export function createMeeting(context: CoreContext, input: ParsedInput<'meeting.create'>): Meeting {
  return inTransaction(context, () => {
    const participants = checkedParticipants(context, input.participants);
    const now = timestamp(context);
    const id = Number(
      context.db
        .prepare('INSERT INTO meetings (kind, title, held_on, place, tlp, participants, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.kind, input.title ?? KIND_TITLES[input.kind], input.heldOn, input.place ?? null, input.tlp, JSON.stringify(participants), now, now).lastInsertRowid,
    );
    context.audit('meeting.created', { meetingId: id, kind: input.kind });
    return readMeeting(context, id);
  });
}

export function listMeetings(context: CoreContext): MeetingSummary[] {
  return (context.db.prepare(`${MEETING_SELECT} ORDER BY m.held_on DESC, m.id DESC`).all() as MeetingRow[]).map(toSummary);
}

export function getMeeting(context: CoreContext, meetingId: number): Meeting {
  return inTransaction(context, () => {
    const meeting = readMeeting(context, meetingId);
    context.audit('meeting.viewed', { meetingId });
    return meeting;
  });
}

export function updateMeeting(context: CoreContext, input: ParsedInput<'meeting.update'>): Meeting {
  return inTransaction(context, () => {
    requireMeetingRow(context, input.meetingId);
    const columns: Array<[string, unknown]> = [];
    if (input.kind !== undefined) columns.push(['kind', input.kind]);
    if (input.title !== undefined) columns.push(['title', input.title]);
    if (input.heldOn !== undefined) columns.push(['held_on', input.heldOn]);
    if (input.place !== undefined) columns.push(['place', input.place]);
    if (input.tlp !== undefined) columns.push(['tlp', input.tlp]);
    if (input.participants !== undefined) columns.push(['participants', JSON.stringify(checkedParticipants(context, input.participants))]);
    if (columns.length > 0) {
      context.db
        .prepare(`UPDATE meetings SET ${columns.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
        .run(...columns.map(([, value]) => value), timestamp(context), input.meetingId);
      context.audit('meeting.updated', { meetingId: input.meetingId, fields: columns.map(([column]) => column) });
    }
    return readMeeting(context, input.meetingId);
  });
}

/** The date of the last earlier meeting that had this dossier on its agenda: "new since" starts there. */
export function previousMeetingDate(context: CoreContext, dossierId: number, before: string): string | null {
  return (
    (context.db
      .prepare(`SELECT max(m.held_on) FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.dossier_id = ? AND m.held_on < ?`)
      .pluck()
      .get(dossierId, before) as string | null) ?? null
  );
}

export function addItem(context: CoreContext, input: ParsedInput<'meeting.addItem'>): MeetingItem {
  return inTransaction(context, () => {
    const meeting = requireMeetingRow(context, input.meetingId);
    const audience = meetingAudience(readParticipants(meeting.participants));
    let draft: DraftedSummary;
    if (input.dossierId !== undefined) {
      requireDossier(context, input.dossierId);
      draft = draftDossierSummary(context, input.dossierId, previousMeetingDate(context, input.dossierId, meeting.held_on), audience);
    } else {
      draft = draftSignalSummary(context, input.signalId!);
    }
    const position = context.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM meeting_items WHERE meeting_id = ?').pluck().get(input.meetingId) as number;
    const id = Number(
      context.db
        .prepare('INSERT INTO meeting_items (meeting_id, position, dossier_id, signal_id, summary) VALUES (?, ?, ?, ?, ?)')
        .run(input.meetingId, position, input.dossierId ?? null, input.signalId ?? null, draft.text).lastInsertRowid,
    );
    // The lines each fact wrote, under this item: an output for a stricter audience takes them out again.
    const factLines: FactLine[] = draft.lines.map((line) => ({ ref: line.ref, part: String(id), text: line.text }));
    context.db.prepare('UPDATE meeting_items SET fact_lines = ? WHERE id = ?').run(JSON.stringify(factLines), id);
    context.audit('meeting.item-added', { meetingId: input.meetingId, itemId: id, dossierId: input.dossierId, signalId: input.signalId });
    return readItem(context, id);
  });
}

export function updateItem(context: CoreContext, input: ParsedInput<'meeting.updateItem'>): MeetingItem {
  return inTransaction(context, () => {
    const item = readItem(context, input.itemId);
    const columns: Array<[string, unknown]> = [];
    if (input.summary !== undefined) columns.push(['summary', input.summary]);
    if (input.outcome !== undefined) columns.push(['outcome', input.outcome]);
    if (input.recognisedBy !== undefined) columns.push(['recognised_by', JSON.stringify([...new Set(input.recognisedBy)])]);
    if (input.decisions !== undefined) columns.push(['decisions', input.decisions]);
    if (columns.length > 0)
      context.db
        .prepare(`UPDATE meeting_items SET ${columns.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`)
        .run(...columns.map(([, value]) => value), input.itemId);
    if (input.position !== undefined && input.position !== item.position) {
      // Renumber the agenda with the item at its new place.
      const ids = context.db.prepare('SELECT id FROM meeting_items WHERE meeting_id = ? AND id <> ? ORDER BY position, id').pluck().all(item.meetingId, item.id) as number[];
      ids.splice(Math.min(input.position, ids.length + 1) - 1, 0, item.id);
      const move = context.db.prepare('UPDATE meeting_items SET position = ? WHERE id = ?');
      ids.forEach((id, index) => move.run(index + 1, id));
    }
    const fields = [...columns.map(([column]) => column), ...(input.position !== undefined ? ['position'] : [])];
    if (fields.length > 0) context.audit('meeting.item-updated', { meetingId: item.meetingId, itemId: item.id, fields });
    return readItem(context, input.itemId);
  });
}

export function removeItem(context: CoreContext, itemId: number): { itemId: number } {
  return inTransaction(context, () => {
    const item = readItem(context, itemId);
    context.db.prepare('DELETE FROM meeting_items WHERE id = ?').run(itemId);
    const ids = context.db.prepare('SELECT id FROM meeting_items WHERE meeting_id = ? ORDER BY position, id').pluck().all(item.meetingId) as number[];
    const move = context.db.prepare('UPDATE meeting_items SET position = ? WHERE id = ?');
    ids.forEach((id, index) => move.run(index + 1, id));
    context.audit('meeting.item-removed', { meetingId: item.meetingId, itemId });
    return { itemId };
  });
}

export function addAction(context: CoreContext, input: ParsedInput<'meeting.addAction'>): MeetingAction {
  return inTransaction(context, () => {
    const item = readItem(context, input.itemId);
    const id = Number(
      context.db
        .prepare('INSERT INTO meeting_actions (item_id, who, what, due_on, partner, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.itemId, input.who, input.what, input.dueOn ?? null, input.partner ?? null, timestamp(context)).lastInsertRowid,
    );
    context.audit('meeting.action-added', { meetingId: item.meetingId, itemId: item.id, actionId: id, dossierId: item.dossier?.id });
    return toAction(context.db.prepare(`SELECT ${ACTION_COLUMNS} FROM meeting_actions a WHERE a.id = ?`).get(id) as ActionRow);
  });
}

export function setActionDone(context: CoreContext, input: ParsedInput<'meeting.setActionDone'>): MeetingAction {
  return inTransaction(context, () => {
    const row = context.db.prepare(`SELECT ${ACTION_COLUMNS} FROM meeting_actions a WHERE a.id = ?`).get(input.actionId) as ActionRow | undefined;
    if (!row) throw notFound('meeting-action', input.actionId);
    const doneOn = input.done ? (input.doneOn ?? today(context)) : null;
    context.db.prepare('UPDATE meeting_actions SET done_on = ? WHERE id = ?').run(doneOn, input.actionId);
    context.audit(input.done ? 'meeting.action-done' : 'meeting.action-reopened', { actionId: input.actionId, itemId: row.item_id });
    return { ...toAction(row), doneOn };
  });
}

/** The confirmed outcome into the dossier: status change and/or journal note, in one transaction, once. */
export function applyOutcome(context: CoreContext, input: ParsedInput<'meeting.applyOutcome'>): { item: MeetingItem; status: DossierStatus | null; noteId: number | null } {
  return inTransaction(context, () => {
    const item = readItem(context, input.itemId);
    if (!item.dossier) throw new CoreError('INVALID_INPUT', 'a loose signal has no dossier to update', { field: 'itemId', reason: 'meeting-item.no-dossier' });
    if (item.appliedAt) throw new CoreError('INVALID_INPUT', 'the outcome was carried into the dossier already', { field: 'itemId', reason: 'meeting-item.applied' });
    const meeting = requireMeetingRow(context, item.meetingId);
    // A meeting planned ahead and minuted on the day: the decision is dated the meeting's day, never later than today.
    const changedOn = meeting.held_on <= today(context) ? meeting.held_on : today(context);
    let status: DossierStatus | null = null;
    if (input.statusTo) {
      const reason = `${meeting.title} van ${formatDutchDate(meeting.held_on)}`;
      status = changeDossierStatus(context, { dossierId: item.dossier.id, to: input.statusTo, changedOn, reason, closingReason: input.closingReason }).dossier.status;
    }
    let noteId: number | null = null;
    if (input.note) {
      // What the meeting concluded is the municipality's own record, graded and coded as the user confirmed.
      noteId = addNote(context, {
        dossierId: item.dossier.id,
        body: input.note,
        notedOn: changedOn,
        sourceGrade: input.sourceGrade ?? UNGRADED.sourceGrade,
        informationGrade: input.informationGrade ?? UNGRADED.informationGrade,
        tlp: input.tlp ?? itemCode(context, item.id),
        internal: input.internal,
        partner: null,
      }).id;
      writeProvenance(context, 'note', noteId, itemNoteProvenance(context, item.id));
    }
    context.db.prepare('UPDATE meeting_items SET applied_at = ? WHERE id = ?').run(timestamp(context), item.id);
    context.audit('meeting.outcome-applied', { meetingId: meeting.id, itemId: item.id, dossierId: item.dossier.id, status, noteId });
    return { item: readItem(context, item.id), status, noteId };
  });
}

export function actionOverview(context: CoreContext, input: ParsedInput<'meeting.actions'>): ActionOverviewEntry[] {
  const todayIso = today(context);
  const rows = context.db
    .prepare(
      `SELECT ${ACTION_COLUMNS}, m.id AS meeting_id, m.kind AS meeting_kind, m.title AS meeting_title, m.held_on AS meeting_held_on,
              i.dossier_id, d.number AS dossier_number, d.title AS dossier_title, d.status AS dossier_status
         FROM meeting_actions a
         JOIN meeting_items i ON i.id = a.item_id
         JOIN meetings m ON m.id = i.meeting_id
         LEFT JOIN dossiers d ON d.id = i.dossier_id
        WHERE (? OR a.done_on IS NULL) AND (? IS NULL OR i.dossier_id = ?) AND (d.id IS NULL OR d.deleted_at IS NULL)
        ORDER BY a.done_on IS NOT NULL, a.due_on IS NULL, a.due_on, a.id`,
    )
    .all(input.includeDone ? 1 : 0, input.dossierId ?? null, input.dossierId ?? null) as Array<
    ActionRow & { meeting_id: number; meeting_kind: MeetingKind; meeting_title: string; meeting_held_on: string } & Pick<
        ItemRow,
        'dossier_id' | 'dossier_number' | 'dossier_title' | 'dossier_status'
      >
  >;
  return rows.map((row) => ({
    ...toAction(row),
    overdue: row.done_on === null && row.due_on !== null && row.due_on < todayIso,
    meeting: { id: row.meeting_id, kind: row.meeting_kind, title: row.meeting_title, heldOn: row.meeting_held_on },
    dossier: dossierRefOf(row),
  }));
}
