import type { Migration } from './migration';

/**
 * The subjects each audit entry names, as an index beside the trail: an access request finds every
 * entry about a person (and about the duplicates merged into them) by id, instead of scanning the
 * details' text. Derived data: audit_log and its hash chain are untouched, and the core fills the
 * table in the same transaction as each new entry (Vault.audit, from the typed subject-reference keys
 * of shared/domain/audit-details.ts).
 *
 * No foreign key to subjects: the trail outlives them (a destroyed subject's entries remain).
 *
 * Frozen: the keys below are those the core wrote when this migration was made, copied here so that
 * later changes to the live table cannot change what an old vault is backfilled with.
 */
const SUBJECT_KEYS_AT_VERSION_11: ReadonlyArray<readonly [action: string, keys: readonly string[]]> = [
  ['subject.created', ['subjectId']],
  ['subject.linked', ['fromSubjectId', 'toSubjectId']],
  ['subject.linked-to-dossier', ['subjectId']],
  ['subject.matches-viewed', ['subjectId']],
  ['subject.merged', ['keptSubjectId', 'mergedSubjectId']],
  ['subject.restored', ['id']],
  ['subject.trashed', ['id']],
  ['subject.unlinked', ['fromSubjectId', 'toSubjectId']],
  ['subject.unlinked-from-dossier', ['subjectId']],
  ['subject.updated', ['subjectId']],
  ['subject.viewed', ['subjectId']],
];

export const migration0011AuditSubjects: Migration = {
  version: 11,
  name: 'audit-subjects',
  up(db) {
    db.exec(`
      CREATE TABLE audit_subjects (
        subject_id INTEGER NOT NULL,
        audit_id INTEGER NOT NULL REFERENCES audit_log (id),
        PRIMARY KEY (subject_id, audit_id)
      ) STRICT, WITHOUT ROWID;
    `);
    // Only whole positive numbers under the declared keys: a key that merely contains "subjectId",
    // or a text value, names no subject.
    const backfill = db.prepare(`
      INSERT OR IGNORE INTO audit_subjects (subject_id, audit_id)
      SELECT j.value, a.id FROM audit_log a, json_each(a.details) j
       WHERE a.action = ? AND json_valid(a.details) AND j.key IN (SELECT value FROM json_each(?)) AND j.type = 'integer' AND j.value > 0
    `);
    for (const [action, keys] of SUBJECT_KEYS_AT_VERSION_11) backfill.run(action, JSON.stringify(keys));
  },
};
