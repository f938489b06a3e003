import type { ParsedInput } from '../../../shared/api';
import type { Note, Page } from '../../../shared/api/dossier-types';
import type { InformationGrade, Partner, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import { inTransaction, requireNotInFuture, toBoolean, type CoreContext } from '../kernel/context';
import { requireDossier, touchDossier } from './dossier-records';
import { insertNoteRow } from './note-records';
import { recordNewProvenance, type ProvenanceRow } from './fact-provenance';
import { PROVENANCE_COLUMNS, toProvenance } from '../sharing/provenance';

interface NoteRow extends ProvenanceRow {
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

const NOTE_COLUMNS = `n.id, n.dossier_id, n.noted_on, n.author, n.body, n.partner, n.source_grade, n.information_grade, n.tlp, n.internal, n.created_at,
  ${PROVENANCE_COLUMNS('n')}`;

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
    provenance: toProvenance(row),
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
    return toNote(context.db.prepare(`SELECT ${NOTE_COLUMNS} FROM dossier_notes n WHERE n.id = ?`).get(id) as NoteRow);
  });
}

/** The journal, newest first. Reading it is an access to the dossier's content: audited. */
export function listNotes(context: CoreContext, input: ParsedInput<'note.list'>): Page<Note> {
  return inTransaction(context, () => {
    requireDossier(context, input.dossierId);
    const where = `n.dossier_id = ? AND n.deleted_at IS NULL${input.includeInternal ? '' : ' AND n.internal = 0'}`;
    const rows = context.db
      .prepare(`SELECT ${NOTE_COLUMNS} FROM dossier_notes n WHERE ${where} ORDER BY n.noted_on DESC, n.id DESC LIMIT ? OFFSET ?`)
      .all(input.dossierId, input.limit, input.offset) as NoteRow[];
    const total = context.db.prepare(`SELECT count(*) FROM dossier_notes n WHERE ${where}`).pluck().get(input.dossierId) as number;
    context.audit('note.list-viewed', { dossierId: input.dossierId });
    return { items: rows.map(toNote), total, limit: input.limit, offset: input.offset };
  });
}
