import type { ParsedInput } from '../../../shared/api';
import type { Note, Page } from '../../../shared/api/dossier-types';
import type { InformationGrade, Partner, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import { inTransaction, requireNotInFuture, toBoolean, type CoreContext } from '../kernel/context';
import { requireDossier, touchDossier } from './dossier-records';
import { insertNoteRow } from './note-records';
import { recordNewProvenance } from './fact-provenance';

interface NoteRow {
  id: number;
  dossier_id: number;
  noted_on: string;
  author: string;
  body: string;
  partner: Partner | null;
  source_grade: SourceGrade;
  information_grade: InformationGrade;
  tlp: TlpCode;
  internal: number;
  created_at: string;
}

const NOTE_COLUMNS = 'id, dossier_id, noted_on, author, body, partner, source_grade, information_grade, tlp, internal, created_at';

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    notedOn: row.noted_on,
    author: row.author,
    body: row.body,
    partner: row.partner,
    sourceGrade: row.source_grade,
    informationGrade: row.information_grade,
    tlp: row.tlp,
    internal: toBoolean(row.internal),
    createdAt: row.created_at,
  };
}

/** A journal entry by the vault's user; a fact with its grading and handling code. */
export function addNote(context: CoreContext, input: ParsedInput<'note.add'>): Note {
  return inTransaction(context, () => {
    requireDossier(context, input.dossierId);
    requireNotInFuture(context, 'notedOn', input.notedOn);
    const id = insertNoteRow(context, {
      dossierId: input.dossierId,
      notedOn: input.notedOn,
      body: input.body,
      partner: input.partner,
      sourceGrade: input.sourceGrade,
      informationGrade: input.informationGrade,
      tlp: input.tlp,
      internal: input.internal,
    });
    recordNewProvenance(context, 'note', id, input.provenance, input.partner);
    touchDossier(context, input.dossierId);
    context.audit('note.added', { noteId: id, dossierId: input.dossierId });
    return toNote(context.db.prepare(`SELECT ${NOTE_COLUMNS} FROM dossier_notes WHERE id = ?`).get(id) as NoteRow);
  });
}

/** The journal, newest first. Reading it is an access to the dossier's content: audited. */
export function listNotes(context: CoreContext, input: ParsedInput<'note.list'>): Page<Note> {
  return inTransaction(context, () => {
    requireDossier(context, input.dossierId);
    const where = `dossier_id = ? AND deleted_at IS NULL${input.includeInternal ? '' : ' AND internal = 0'}`;
    const rows = context.db
      .prepare(`SELECT ${NOTE_COLUMNS} FROM dossier_notes WHERE ${where} ORDER BY noted_on DESC, id DESC LIMIT ? OFFSET ?`)
      .all(input.dossierId, input.limit, input.offset) as NoteRow[];
    const total = context.db.prepare(`SELECT count(*) FROM dossier_notes WHERE ${where}`).pluck().get(input.dossierId) as number;
    context.audit('note.list-viewed', { dossierId: input.dossierId });
    return { items: rows.map(toNote), total, limit: input.limit, offset: input.offset };
  });
}
