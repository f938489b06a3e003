import { GENESIS_HASH_V2, auditEntryHashV2, type AuditRowV2 } from './frozen/audit-entry-hash';
import type { Migration } from './migration';

/** Chain the audit trail (the hash in frozen/audit-entry-hash.ts) and forbid deleting entries. */
export const migration0002AuditChain: Migration = {
  version: 2,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
    // The entries written before this version get their hashes now, in order. The update trigger
    // forbids changing entries, so it steps aside for this one backfill.
    db.exec('DROP TRIGGER audit_log_no_update');
    const rows = db.prepare('SELECT id, occurred_at, actor, action, details FROM audit_log ORDER BY id').all() as AuditRowV2[];
    const setHash = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
    let previous = GENESIS_HASH_V2;
    for (const row of rows) {
      previous = auditEntryHashV2(previous, row);
      setHash.run(previous, row.id);
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
