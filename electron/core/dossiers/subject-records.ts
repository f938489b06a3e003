import type { Subject, SubjectSummary } from '../../../shared/api/dossier-types';
import { subjectDetailsSchema, type SubjectDetails } from '../../../shared/api/subject-details';
import type { InformationGrade, SourceGrade, SubjectType, TlpCode } from '../../../shared/domain/enums';
import { notFound, timestamp, type CoreContext } from '../kernel/context';
import { matchKeysFor } from './match-keys';
import { subjectLabel } from './subject-label';

/** Rows of `subjects` and their match keys. */

export interface SubjectSummaryRow {
  id: number;
  type: SubjectType;
  label: string;
  source_grade: SourceGrade;
  information_grade: InformationGrade;
  tlp: TlpCode;
}

export interface SubjectRow extends SubjectSummaryRow {
  details: string;
  created_at: string;
  updated_at: string;
}

export const SUBJECT_SUMMARY_COLUMNS = 'sj.id, sj.type, sj.label, sj.source_grade, sj.information_grade, sj.tlp';
const SUBJECT_COLUMNS = `${SUBJECT_SUMMARY_COLUMNS}, sj.details, sj.created_at, sj.updated_at`;

export function toSubjectSummary(row: SubjectSummaryRow): SubjectSummary {
  return { id: row.id, type: row.type, label: row.label, sourceGrade: row.source_grade, informationGrade: row.information_grade, tlp: row.tlp };
}

/** The details are parsed again on the way out, so a stored subject always has its type's shape. */
export function toSubject(row: SubjectRow): Subject {
  return { ...toSubjectSummary(row), details: subjectDetailsSchema.parse(JSON.parse(row.details)), createdAt: row.created_at, updatedAt: row.updated_at };
}

/** A subject that exists and is not in the trash, or NOT_FOUND. */
export function requireSubject(context: CoreContext, subjectId: number): Subject {
  const row = context.db.prepare(`SELECT ${SUBJECT_COLUMNS} FROM subjects sj WHERE sj.id = ? AND sj.deleted_at IS NULL`).get(subjectId) as SubjectRow | undefined;
  if (!row) throw notFound('subject', subjectId);
  return toSubject(row);
}

/** Replace a subject's match keys by those of its (new) details. */
export function writeMatchKeys(context: CoreContext, subjectId: number, details: SubjectDetails): void {
  context.db.prepare('DELETE FROM subject_match_keys WHERE subject_id = ?').run(subjectId);
  const insert = context.db.prepare('INSERT OR IGNORE INTO subject_match_keys (subject_id, kind, value) VALUES (?, ?, ?)');
  for (const key of matchKeysFor(details)) insert.run(subjectId, key.kind, key.value);
}

/**
 * The writer of `subjects` rows, for the API and the bundle import alike: the label comes from the
 * details, and both timestamps default to now (an imported subject keeps its creation time).
 */
export interface SubjectRowValues {
  details: SubjectDetails;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
  createdAt?: string;
  updatedAt?: string;
}

/** Insert a subject row with its match keys. */
export function insertSubjectRow(context: CoreContext, row: SubjectRowValues): number {
  const now = timestamp(context);
  const id = Number(
    context.db
      .prepare(
        `INSERT INTO subjects (type, label, details, source_grade, information_grade, tlp, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.details.type,
        subjectLabel(row.details),
        JSON.stringify(row.details),
        row.sourceGrade,
        row.informationGrade,
        row.tlp,
        row.createdAt ?? now,
        row.updatedAt ?? now,
      ).lastInsertRowid,
  );
  writeMatchKeys(context, id, row.details);
  return id;
}
