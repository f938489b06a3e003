import type { BundleSubjectPreview } from '../../../../shared/api/bundles';
import { matchKeysFor } from '../../dossiers/match-keys';
import { insertSubjectLinkRow } from '../../dossiers/link-records';
import { insertSubjectRow } from '../../dossiers/subject-records';
import type { Connection } from '../../vault/connection';
import type { BundleSubject, BundleSubjectLink } from '../format';
import { assignImportedUid, claimUid, itemByUid } from '../item-uids';
import type { ImportSession } from './session';

/**
 * Subject resolution. The same subject (same uid), or one that shares a match key (BSN, KvK
 * number, name with birth date, address, number plate, IBAN, ...) is linked, not duplicated; its
 * details stay as this vault has them. Other subjects are created.
 */

/** The highest subject id before the import: subjects the import creates are not matched against. */
export function lastSubjectId(db: Connection): number {
  return (db.prepare('SELECT coalesce(max(id), 0) FROM subjects').pluck().get() as number) ?? 0;
}

/**
 * The subject of this vault that a bundle subject is: by uid first, then by the most shared match
 * keys. Only subjects up to `lastExistingId` count: two look-alikes inside one bundle stay two, as
 * the sender has them.
 */
export function localSubjectFor(db: Connection, subject: BundleSubject, lastExistingId = Number.MAX_SAFE_INTEGER): BundleSubjectPreview['match'] {
  const byUid = itemByUid(db, 'subject', subject.uid);
  if (byUid !== null) {
    const row = db.prepare('SELECT id, label FROM subjects WHERE id = ? AND deleted_at IS NULL').get(byUid) as { id: number; label: string } | undefined;
    if (row) return { subjectId: row.id, label: row.label, by: 'uid', matchedOn: [] };
  }
  const keys = matchKeysFor(subject.details);
  if (keys.length === 0) return null;
  const row = db
    .prepare(
      `SELECT k.subject_id, sj.label, group_concat(DISTINCT k.kind) AS kinds, count(DISTINCT k.kind) AS shared
         FROM subject_match_keys k JOIN subjects sj ON sj.id = k.subject_id AND sj.deleted_at IS NULL AND sj.type = ? AND sj.id <= ?
        WHERE (k.kind, k.value) IN (VALUES ${keys.map(() => '(?, ?)').join(', ')})
        GROUP BY k.subject_id ORDER BY shared DESC, k.subject_id LIMIT 1`,
    )
    .get(subject.details.type, lastExistingId, ...keys.flatMap((key) => [key.kind, key.value])) as { subject_id: number; label: string; kinds: string } | undefined;
  return row ? { subjectId: row.subject_id, label: row.label, by: 'match-key', matchedOn: row.kinds.split(',').sort() } : null;
}

/** Which local subject each needed bundle subject is (null: it is created), decided by reading only. */
export type SubjectPlan = ReadonlyArray<{ subject: BundleSubject; match: BundleSubjectPreview['match'] }>;

/**
 * The bundle's subjects that the written dossiers link to, each matched to a local subject or not.
 * Only subjects up to `lastExistingId` are matched against, so that the subjects the import creates
 * later do not change the outcome: the plan made before the attachments arrive stays right at the end.
 */
export function planSubjects(db: Connection, subjects: readonly BundleSubject[], needed: ReadonlySet<string>, lastExistingId: number): SubjectPlan {
  return subjects.filter((subject) => needed.has(subject.uid)).map((subject) => ({ subject, match: localSubjectFor(db, subject, lastExistingId) }));
}

function resolveSubject(session: ImportSession, subject: BundleSubject, match: BundleSubjectPreview['match']): void {
  if (match) {
    session.subjectIds.set(subject.uid, match.subjectId);
    if (match.by === 'match-key') claimUid(session.db, 'subject', match.subjectId, subject.uid);
    session.provenance('subject', match.subjectId, subject.uid, 'linked');
    session.linkedSubjects++;
    return;
  }
  const id = insertSubjectRow(session.context, {
    details: subject.details,
    sourceGrade: subject.sourceGrade,
    informationGrade: subject.informationGrade,
    tlp: subject.tlp,
    createdAt: subject.createdAt,
    updatedAt: session.now,
  });
  assignImportedUid(session.db, 'subject', id, subject.uid);
  session.provenance('subject', id, subject.uid, 'created');
  session.subjectIds.set(subject.uid, id);
  session.created.subjects++;
}

/** The planned subjects, each linked to its local subject or created. */
export function resolveSubjects(session: ImportSession, plan: SubjectPlan): void {
  for (const { subject, match } of plan) resolveSubject(session, subject, match);
}

/** Links between subjects: one this vault has (same uid, or same ends and kind) is not made twice. */
export function writeSubjectLinks(session: ImportSession, links: readonly BundleSubjectLink[]): void {
  const db = session.db;
  for (const link of links) {
    const from = session.subjectIds.get(link.fromSubjectUid);
    const to = session.subjectIds.get(link.toSubjectUid);
    if (from === undefined || to === undefined || from === to) continue;
    if (session.liveLink('subject-link', link.uid, 'SELECT 1 FROM subject_links WHERE id = ?')) continue;
    const same = db.prepare('SELECT id FROM subject_links WHERE from_subject_id = ? AND to_subject_id = ? AND kind = ?').pluck().get(from, to, link.kind) as
      number | undefined;
    if (same !== undefined) {
      claimUid(db, 'subject-link', same, link.uid);
      continue;
    }
    const id = insertSubjectLinkRow(session.context, {
      fromSubjectId: from,
      toSubjectId: to,
      kind: link.kind,
      validFrom: link.validFrom,
      validUntil: link.validUntil,
      source: link.source,
      sourceGrade: link.sourceGrade,
      informationGrade: link.informationGrade,
      tlp: link.tlp,
      createdAt: link.createdAt,
    });
    session.supplied('subject-link', id, link);
    assignImportedUid(db, 'subject-link', id, link.uid);
    session.created.links++;
  }
}
