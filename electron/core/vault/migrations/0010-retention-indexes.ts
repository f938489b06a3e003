import type { Migration } from './migration';

/**
 * Indexes for the retention overview that runs at every unlock (the reminder of overdue items),
 * measured on the large generated municipality of test/bench/generate.ts (100,000 signals, 20,000
 * dossiers):
 *
 * - signals_loose_by_received: the loose signals (no dossier) with the two dates their retention
 *   end is computed from, so that the overview reads this small index instead of every signal row
 *   with its description.
 * - dossier_status_changes_latest: the latest status change of a dossier (its decision date) read
 *   from the end of the index, instead of sorting each dossier's changes.
 */
export const migration0010RetentionIndexes: Migration = {
  version: 10,
  name: 'retention-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX signals_loose_by_received ON signals (received_on, retention_until, deleted_at) WHERE dossier_id IS NULL;
      CREATE INDEX dossier_status_changes_latest ON dossier_status_changes (dossier_id, changed_on, id);
    `);
  },
};
