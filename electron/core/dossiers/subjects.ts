import type { ParsedInput } from '../../../shared/api';
import type { ListedSubject, Page, Subject, SubjectWithLinks } from '../../../shared/api/dossier-types';
import { inTransaction, invalidField, timestamp, type CoreContext } from '../kernel/context';
import { dossierLinksOfSubject, subjectLinksOf, unprotectedLink } from './links';
import type { SqlQuery } from './sql';
import { subjectLabel } from './subject-label';
import { SUBJECT_SUMMARY_COLUMNS, insertSubjectRow, requireSubject, toSubjectSummary, writeMatchKeys, type SubjectSummaryRow } from './subject-records';

export function createSubject(context: CoreContext, input: ParsedInput<'subject.create'>): Subject {
  return inTransaction(context, () => {
    const id = insertSubjectRow(context, {
      details: input.details,
      sourceGrade: input.sourceGrade,
      informationGrade: input.informationGrade,
      tlp: input.tlp,
    });
    context.audit('subject.created', { subjectId: id, type: input.details.type });
    return requireSubject(context, id);
  });
}

/** A subject with its dossiers and links (the network view). Audited: it shows personal data. */
export function getSubject(context: CoreContext, subjectId: number): SubjectWithLinks {
  return inTransaction(context, () => {
    const subject = requireSubject(context, subjectId);
    context.audit('subject.viewed', { subjectId });
    return { ...subject, dossiers: dossierLinksOfSubject(context, subjectId), links: subjectLinksOf(context, subjectId) };
  });
}

export function updateSubject(context: CoreContext, input: ParsedInput<'subject.update'>): Subject {
  const { subjectId, details, ...grading } = input;
  return inTransaction(context, () => {
    const before = requireSubject(context, subjectId);
    if (details && details.type !== before.type) throw invalidField('details.type', 'subject.type-fixed');
    const fields = [...(details ? ['details'] : []), ...Object.entries(grading).flatMap(([field, value]) => (value === undefined ? [] : [field]))];
    if (fields.length === 0) return before;
    const newDetails = details ?? before.details;
    context.db
      .prepare('UPDATE subjects SET label = ?, details = ?, source_grade = ?, information_grade = ?, tlp = ?, updated_at = ? WHERE id = ?')
      .run(
        subjectLabel(newDetails),
        JSON.stringify(newDetails),
        grading.sourceGrade ?? before.sourceGrade,
        grading.informationGrade ?? before.informationGrade,
        grading.tlp ?? before.tlp,
        timestamp(context),
        subjectId,
      );
    writeMatchKeys(context, subjectId, newDetails);
    context.audit('subject.updated', { subjectId, fields });
    return requireSubject(context, subjectId);
  });
}

type SubjectFilter = ParsedInput<'subject.list'>;

/** LIKE with the user's % and _ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function subjectPageSql(filter: SubjectFilter): { page: SqlQuery; count: SqlQuery } {
  const conditions = ['sj.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.type) {
    conditions.push('sj.type = ?');
    params.push(filter.type);
  }
  if (filter.query) {
    conditions.push("sj.label LIKE ? ESCAPE '\\'");
    params.push(containsPattern(filter.query));
  }
  if (filter.dossierId !== undefined) {
    conditions.push('sj.id IN (SELECT l.subject_id FROM subject_dossier_links l WHERE l.dossier_id = ?)');
    params.push(filter.dossierId);
  }
  const where = conditions.join(' AND ');
  // Reporter protection (PROTECTED_ROLE in links.ts): a subject linked to the listed dossier (or,
  // without a dossier, to any dossier) only as melder is listed with `protected: true`.
  const inScope = filter.dossierId === undefined ? 'p.subject_id = sj.id' : 'p.subject_id = sj.id AND p.dossier_id = ?';
  const scopeParams = filter.dossierId === undefined ? [] : [filter.dossierId, filter.dossierId];
  const isProtected = `(EXISTS (SELECT 1 FROM subject_dossier_links p WHERE ${inScope})
      AND NOT EXISTS (SELECT 1 FROM subject_dossier_links p WHERE ${inScope} AND ${unprotectedLink('p')})) AS protected`;
  return {
    page: {
      sql: `SELECT ${SUBJECT_SUMMARY_COLUMNS}, ${isProtected} FROM subjects sj WHERE ${where} ORDER BY sj.label COLLATE NOCASE, sj.id LIMIT ? OFFSET ?`,
      params: [...scopeParams, ...params, filter.limit, filter.offset],
    },
    count: { sql: `SELECT count(*) FROM subjects sj WHERE ${where}`, params },
  };
}

export function listSubjects(context: CoreContext, filter: SubjectFilter): Page<ListedSubject> {
  const { page, count } = subjectPageSql(filter);
  const rows = context.db.prepare(page.sql).all(...page.params) as Array<SubjectSummaryRow & { protected: number }>;
  const total = context.db
    .prepare(count.sql)
    .pluck()
    .get(...count.params) as number;
  return { items: rows.map((row) => ({ ...toSubjectSummary(row), protected: row.protected === 1 })), total, limit: filter.limit, offset: filter.offset };
}
