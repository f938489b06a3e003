import type { SubjectMatches } from '../../../shared/api/dossier-types';
import type { DossierStatus, MatchKeyKind, SubjectRole } from '../../../shared/domain/enums';
import { inTransaction, type CoreContext } from '../kernel/context';
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

/**
 * The same lookup for several subjects at once (a dossier's subjects): one query instead of one per
 * subject. A row per (subject, look-alike) pair, with the kinds they share.
 */
export const LOOKALIKES_OF_SUBJECTS_SQL = `
  SELECT mine.subject_id, other.subject_id AS other_id, group_concat(DISTINCT other.kind) AS kinds
    FROM subject_match_keys mine
    JOIN subject_match_keys other ON other.kind = mine.kind AND other.value = mine.value AND other.subject_id <> mine.subject_id
    JOIN subjects sj ON sj.id = other.subject_id AND sj.deleted_at IS NULL
   WHERE mine.subject_id IN (SELECT value FROM json_each(?))
   GROUP BY mine.subject_id, other.subject_id`;

type LinkRow = { subject_id: number; role: SubjectRole; id: number; number: string; title: string; status: DossierStatus };

/**
 * "Komt ook voor in" for each of `subjectIds` (live subjects), given their look-alikes: two more
 * queries in all, whatever the number of subjects: the look-alikes' summaries (reporter-only
 * look-alikes left out) and the unprotected links of the subjects and their look-alikes. Both come
 * in their final order, so each subject's part is a filter that keeps that order.
 */
function findMatches(
  context: CoreContext,
  subjectIds: readonly number[],
  kindsBySubject: ReadonlyMap<number, ReadonlyMap<number, MatchKeyKind[]>>,
  excludeDossierId: number | null,
): SubjectMatches[] {
  const allLookalikeIds = new Set<number>();
  for (const kinds of kindsBySubject.values()) for (const otherId of kinds.keys()) allLookalikeIds.add(otherId);
  const lookalikeSummaries =
    allLookalikeIds.size === 0
      ? []
      : (context.db
          .prepare(
            `SELECT ${SUBJECT_SUMMARY_COLUMNS} FROM subjects sj
              WHERE sj.id IN (SELECT value FROM json_each(?))
                AND NOT (EXISTS (SELECT 1 FROM subject_dossier_links l WHERE l.subject_id = sj.id)
                         AND NOT EXISTS (SELECT 1 FROM subject_dossier_links l WHERE l.subject_id = sj.id AND ${unprotectedLink('l')}))
              ORDER BY sj.label COLLATE NOCASE, sj.id`,
          )
          .all(JSON.stringify([...allLookalikeIds])) as SubjectSummaryRow[]);

  const linkRows = context.db
    .prepare(
      `SELECT l.subject_id, l.role, d.id, d.number, d.title, d.status
         FROM subject_dossier_links l JOIN dossiers d ON d.id = l.dossier_id
        WHERE l.subject_id IN (SELECT value FROM json_each(?)) AND d.deleted_at IS NULL AND d.id IS NOT ? AND ${unprotectedLink('l')}
        ORDER BY d.year DESC, d.sequence DESC, l.subject_id, l.id`,
    )
    .all(JSON.stringify([...new Set([...subjectIds, ...allLookalikeIds])]), excludeDossierId) as LinkRow[];

  return subjectIds.map((subjectId) => {
    const kindsByLookalike = kindsBySubject.get(subjectId) ?? new Map<number, MatchKeyKind[]>();
    const dossiers = new Map<string, SubjectMatches['dossiers'][number]>();
    for (const row of linkRows) {
      if (row.subject_id !== subjectId && !kindsByLookalike.has(row.subject_id)) continue;
      const key = `${row.id}/${row.subject_id}`;
      const entry = dossiers.get(key) ?? { dossier: { id: row.id, number: row.number, title: row.title, status: row.status }, subjectId: row.subject_id, roles: [] };
      if (!entry.roles.includes(row.role)) entry.roles.push(row.role);
      dossiers.set(key, entry);
    }
    return {
      subjectId,
      lookalikes: lookalikeSummaries
        .filter((row) => kindsByLookalike.has(row.id))
        .map((row) => ({ subject: toSubjectSummary(row), matchedOn: kindsByLookalike.get(row.id) ?? [] })),
      dossiers: [...dossiers.values()],
    };
  });
}

const splitKinds = (kinds: string) => kinds.split(',') as MatchKeyKind[];

export function subjectMatches(context: CoreContext, input: { subjectId: number; excludeDossierId?: number }): SubjectMatches {
  return inTransaction(context, () => {
    requireSubject(context, input.subjectId);
    const lookalikeRows = context.db.prepare(LOOKALIKES_SQL).all(input.subjectId) as Array<{ subject_id: number; kinds: string }>;
    const kinds = new Map([[input.subjectId, new Map(lookalikeRows.map((row) => [row.subject_id, splitKinds(row.kinds)]))]]);
    const [matches] = findMatches(context, [input.subjectId], kinds, input.excludeDossierId ?? null);
    context.audit('subject.matches-viewed', { subjectId: input.subjectId });
    return matches!;
  });
}

/**
 * For every subject of the dossier that has a look-alike or occurs elsewhere. Set-based: four
 * queries for the whole dossier (its subjects, their look-alikes, the look-alikes' summaries, the
 * links), not four per subject.
 */
export function dossierMatches(context: CoreContext, dossierId: number): SubjectMatches[] {
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
    if (subjectIds.length === 0) return [];
    const lookalikeRows = context.db.prepare(LOOKALIKES_OF_SUBJECTS_SQL).all(JSON.stringify(subjectIds)) as Array<{
      subject_id: number;
      other_id: number;
      kinds: string;
    }>;
    const kindsBySubject = new Map<number, Map<number, MatchKeyKind[]>>();
    for (const row of lookalikeRows) {
      const kinds = kindsBySubject.get(row.subject_id) ?? new Map<number, MatchKeyKind[]>();
      kinds.set(row.other_id, splitKinds(row.kinds));
      kindsBySubject.set(row.subject_id, kinds);
    }
    return findMatches(context, subjectIds, kindsBySubject, dossierId).filter((matches) => matches.lookalikes.length > 0 || matches.dossiers.length > 0);
  });
}
