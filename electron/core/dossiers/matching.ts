import type { SubjectMatches } from '../../../shared/api/dossier-types';
import type { DossierStatus, MatchKeyKind, SubjectRole } from '../../../shared/domain/enums';
import { inTransaction, type DossierContext } from './context';
import { requireDossier } from './dossier-records';
import { unprotectedLink } from './links';
import { SUBJECT_SUMMARY_COLUMNS, requireSubject, toSubjectSummary, type SubjectSummaryRow } from './subject-records';

/**
 * "Komt ook voor in" (the informatieplein's question: does anyone else know this one?). Other
 * subjects that share a normalised match key with this one are look-alikes; the dossiers in which
 * the subject or a look-alike appears are where it also occurs.
 *
 * Melder links are protected (see PROTECTED_ROLE in links.ts): they never count as an occurrence,
 * and a look-alike that is known only as a reporter (its every dossier link a melder link) is no
 * look-alike here, since naming it would name the reporter.
 */

/** The hot lookup: this subject's keys, each found among the others through subject_match_keys_lookup. */
export const LOOKALIKES_SQL = `
  SELECT other.subject_id, group_concat(DISTINCT other.kind) AS kinds
    FROM subject_match_keys mine
    JOIN subject_match_keys other ON other.kind = mine.kind AND other.value = mine.value AND other.subject_id <> mine.subject_id
    JOIN subjects sj ON sj.id = other.subject_id AND sj.deleted_at IS NULL
   WHERE mine.subject_id = ?
   GROUP BY other.subject_id`;

function findMatches(context: DossierContext, subjectId: number, excludeDossierId: number | null): SubjectMatches {
  requireSubject(context, subjectId);
  const lookalikeRows = context.db.prepare(LOOKALIKES_SQL).all(subjectId) as Array<{ subject_id: number; kinds: string }>;
  const kindsBySubject = new Map(lookalikeRows.map((row) => [row.subject_id, row.kinds.split(',') as MatchKeyKind[]]));
  const lookalikeSummaries = context.db
    .prepare(`SELECT ${SUBJECT_SUMMARY_COLUMNS} FROM subjects sj
        WHERE sj.id IN (SELECT value FROM json_each(?))
          AND NOT (EXISTS (SELECT 1 FROM subject_dossier_links l WHERE l.subject_id = sj.id)
                   AND NOT EXISTS (SELECT 1 FROM subject_dossier_links l WHERE l.subject_id = sj.id AND ${unprotectedLink('l')}))
        ORDER BY sj.label COLLATE NOCASE, sj.id`)
    .all(JSON.stringify([...kindsBySubject.keys()])) as SubjectSummaryRow[];

  const linkRows = context.db
    .prepare(
      `SELECT l.subject_id, l.role, d.id, d.number, d.title, d.status
         FROM subject_dossier_links l JOIN dossiers d ON d.id = l.dossier_id
        WHERE l.subject_id IN (SELECT value FROM json_each(?)) AND d.deleted_at IS NULL AND d.id IS NOT ? AND ${unprotectedLink('l')}
        ORDER BY d.year DESC, d.sequence DESC, l.subject_id, l.id`,
    )
    .all(JSON.stringify([subjectId, ...kindsBySubject.keys()]), excludeDossierId) as Array<{
    subject_id: number;
    role: SubjectRole;
    id: number;
    number: string;
    title: string;
    status: DossierStatus;
  }>;
  const dossiers = new Map<string, SubjectMatches['dossiers'][number]>();
  for (const row of linkRows) {
    const key = `${row.id}/${row.subject_id}`;
    const entry = dossiers.get(key) ?? { dossier: { id: row.id, number: row.number, title: row.title, status: row.status }, subjectId: row.subject_id, roles: [] };
    if (!entry.roles.includes(row.role)) entry.roles.push(row.role);
    dossiers.set(key, entry);
  }

  return {
    subjectId,
    lookalikes: lookalikeSummaries.map((row) => ({ subject: toSubjectSummary(row), matchedOn: kindsBySubject.get(row.id) ?? [] })),
    dossiers: [...dossiers.values()],
  };
}

export function subjectMatches(context: DossierContext, input: { subjectId: number; excludeDossierId?: number }): SubjectMatches {
  return inTransaction(context, () => {
    const matches = findMatches(context, input.subjectId, input.excludeDossierId ?? null);
    context.audit('subject.matches-viewed', { subjectId: input.subjectId });
    return matches;
  });
}

/** For every subject of the dossier that has a look-alike or occurs elsewhere. */
export function dossierMatches(context: DossierContext, dossierId: number): SubjectMatches[] {
  return inTransaction(context, () => {
    requireDossier(context, dossierId);
    const subjectIds = context.db
      .prepare(
        `SELECT DISTINCT l.subject_id FROM subject_dossier_links l JOIN subjects sj ON sj.id = l.subject_id
          WHERE l.dossier_id = ? AND sj.deleted_at IS NULL ORDER BY l.subject_id`,
      )
      .pluck()
      .all(dossierId) as number[];
    context.audit('dossier.matches-viewed', { dossierId });
    return subjectIds
      .map((subjectId) => findMatches(context, subjectId, dossierId))
      .filter((matches) => matches.lookalikes.length > 0 || matches.dossiers.length > 0);
  });
}
