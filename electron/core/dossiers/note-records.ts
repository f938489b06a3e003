import type { InformationGrade, Partner, SourceGrade, TlpCode } from '../../../shared/domain/enums';
import { timestamp, today, type CoreContext } from '../kernel/context';
import { changedFields } from './sql';

/**
 * The writer of `dossier_notes` rows, for the API and the bundle import alike. Left out is NULL;
 * the date defaults to today, the author to the vault's user and the creation time to now (an
 * imported note keeps its own).
 */
export interface NoteRowValues {
  dossierId: number;
  notedOn?: string;
  author?: string;
  body: string;
  partner?: Partner | null;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
  internal: boolean;
  createdAt?: string;
}

export function insertNoteRow(context: CoreContext, row: NoteRowValues): number {
  const notedOn = row.notedOn ?? today(context);
  return Number(
    context.db
      .prepare(
        `INSERT INTO dossier_notes (dossier_id, noted_on, author, body, partner, source_grade, information_grade, tlp, internal, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.dossierId,
        notedOn,
        row.author ?? context.actor,
        row.body,
        row.partner ?? null,
        row.sourceGrade,
        row.informationGrade,
        row.tlp,
        Number(row.internal),
        row.createdAt ?? timestamp(context),
      ).lastInsertRowid,
  );
}

/** The fields of a note that an update may set, with their columns. */
const NOTE_COLUMN_OF = {
  notedOn: 'noted_on',
  author: 'author',
  body: 'body',
  partner: 'partner',
  sourceGrade: 'source_grade',
  informationGrade: 'information_grade',
  tlp: 'tlp',
  internal: 'internal',
} as const;

export type NoteFields = Partial<Pick<NoteRowValues, keyof typeof NOTE_COLUMN_OF>>;

/** Set the given fields of a note row (left out: as it is; null clears). A note has no `updated_at`. */
export function updateNoteRow(context: CoreContext, noteId: number, fields: NoteFields): void {
  const changes = changedFields(fields, NOTE_COLUMN_OF);
  if (changes.length === 0) return;
  context.db
    .prepare(`UPDATE dossier_notes SET ${changes.map((change) => `${change.column} = ?`).join(', ')} WHERE id = ?`)
    .run(...changes.map((change) => change.value), noteId);
}
